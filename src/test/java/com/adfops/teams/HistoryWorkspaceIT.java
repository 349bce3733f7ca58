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

/**
 * With ADFOPS_HISTORY_WORKSPACEID set, over the bot's HTTP endpoint: a run older than ADF keeps (the simulated factory
 * forgets it after 45 days; its workspace does not) is diagnosed from the logs, and a 2-month window counts it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "adfops.state.store=memory", "adfops.history.workspace-id=5c1e0000-0000-0000-0000-00000000beef"})
class HistoryWorkspaceIT {

    static FakeConnector connector;
    static Path file;
    static String oldRun;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataset(DynamicPropertyRegistry registry) throws Exception {
        connector = new FakeConnector();
        Instant now = Instant.now();
        DatasetBuilder b = new DatasetBuilder("df-quarterly-" + UUID.randomUUID().toString().substring(0, 6));
        DatasetBuilder.Run old = b.run("Qtr Close Ledger", now.minus(Duration.ofDays(52)), 900, "Failed")
                .activity("Post journal", "SqlServerStoredProcedure", 5, 600, "Failed", "2402",
                        "Execution failed against SQL Server: deadlock victim")
                .message("Operation on target Post journal failed: Execution failed against SQL Server: deadlock victim");
        oldRun = old.id();
        b.run("Qtr Close Ledger", now.minus(Duration.ofDays(20)), 800, "Succeeded")
                .activity("Post journal", "SqlServerStoredProcedure", 5, 600, "Succeeded", null, null);
        b.run("Qtr Close Ledger", now.minus(Duration.ofDays(1)), 700, "Succeeded")
                .activity("Post journal", "SqlServerStoredProcedure", 5, 600, "Succeeded", null, null);
        file = b.writeTo(Files.createTempFile("dataset", ".json"));
        registry.add("adfops.sim.dataset", () -> file.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        connector.close();
        Files.deleteIfExists(file);
    }

    @Test
    void runsOlderThanAdfKeepsAreAnsweredFromItsLogs() throws Exception {
        String conv = "a:history-" + UUID.randomUUID();
        assertThat(TeamsActivities.post(port, TeamsActivities.message(connector.serviceUrl(), conv,
                "why did run " + oldRun + " fail?")).statusCode()).isEqualTo(200);
        String diag = connector.await(s -> s.conversationId().equals(conv) && s.card().toString().contains("Likely root cause"),
                Duration.ofSeconds(30)).card().toString();
        assertThat(diag).contains("Post journal", "2402", "deadlock victim");

        assertThat(TeamsActivities.post(port, TeamsActivities.message(connector.serviceUrl(), conv,
                "how did qtr close ledger do in the last 2 months?")).statusCode()).isEqualTo(200);
        String trend = connector.await(s -> s.conversationId().equals(conv) && s.card().toString().contains("Log Analytics"),
                Duration.ofSeconds(30)).card().toString();
        // Three runs over 60 days, one failed; the older part read from the logs.
        assertThat(trend).contains("3 finished: 2 succeeded, 1 failed").contains("from its logs in Log Analytics")
                .contains("Week of");

        // Are you connected? names the workspace too; /health reports it.
        assertThat(TeamsActivities.post(port, TeamsActivities.message(connector.serviceUrl(), conv,
                "are you connected?")).statusCode()).isEqualTo(200);
        String access = connector.await(s -> s.conversationId().equals(conv) && s.card().toString().contains("Long history"),
                Duration.ofSeconds(30)).card().toString();
        assertThat(access).contains("Long history (Log Analytics): readable");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String health = "";
        for (int i = 0; i < 100 && !health.contains("\"history\":{\"name\":\"Long history (Log Analytics)\",\"status\":\"live\""); i++) {
            health = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/health"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            Thread.sleep(100);
        }
        assertThat(health).contains("\"history\":{\"name\":\"Long history (Log Analytics)\",\"status\":\"live\"");
    }
}
