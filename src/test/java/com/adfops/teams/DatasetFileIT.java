package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.DatasetBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With ADFOPS_SIM_DATASET set, the bot answers from that file only, whatever its names. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatasetFileIT {

    static FakeConnector connector;
    static Path file;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataset(DynamicPropertyRegistry registry) throws Exception {
        connector = new FakeConnector();
        Instant now = Instant.now();
        DatasetBuilder b = new DatasetBuilder("kontoso-ops-df-7");
        b.run("Zeta.Ingest Ledger", now.minus(Duration.ofHours(3)), 200, "Failed")
                .activity("Pull ledger API", "WebActivity", 2, 30, "Failed", "2108",
                        "Error calling the endpoint 'https://ledger.example'. Response status code: '401 Unauthorized'.")
                .message("Operation on target Pull ledger API failed: Error calling the endpoint. Response status code: '401 Unauthorized'.");
        b.run("omega_archive", now.minus(Duration.ofHours(2)), 50, "Succeeded")
                .activity("Archive", "Copy", 1, 40, "Succeeded", null, null);
        file = b.writeTo(Files.createTempFile("dataset", ".json"));
        registry.add("adfops.sim.dataset", () -> file.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        connector.awaitQuiet(Duration.ofMillis(500), Duration.ofSeconds(10));
        connector.close();
        Files.deleteIfExists(file);
    }

    @Test
    void answersComeFromTheFile() throws Exception {
        String conv = "a:file-" + UUID.randomUUID();
        for (String q : new String[] {"what pipelines are failing?", "why did zeta ingest ledger fail"}) {
            assertThat(TeamsActivities.post(port, TeamsActivities.message(connector.serviceUrl(), conv, q)).statusCode())
                    .isEqualTo(200);
        }
        String list = connector.await(s -> s.conversationId().equals(conv) && s.card().toString().contains("1 failing pipeline"),
                Duration.ofSeconds(20)).card().toString();
        assertThat(list).contains("Zeta.Ingest Ledger", "kontoso-ops-df-7").doesNotContain("omega_archive")
                .doesNotContain("adf-contoso-analytics");
        String diag = connector.await(s -> s.conversationId().equals(conv) && s.card().toString().contains("Likely root cause"),
                Duration.ofSeconds(20)).card().toString();
        assertThat(diag).contains("Pull ledger API", "2108", "Authentication");
    }
}
