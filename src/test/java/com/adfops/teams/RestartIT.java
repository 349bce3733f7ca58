package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.AdfOpsApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** With the file store, a restart keeps each conversation's context (and the welcome is not sent again). */
class RestartIT {

    static ConfigurableApplicationContext boot(Path dir) {
        // Command-line arguments: they take precedence over application.yml.
        return new SpringApplicationBuilder(AdfOpsApplication.class)
                .run("--server.port=0", "--adfops.state.store=file", "--adfops.state.dir=" + dir, "--adfops.sim.seed=7");
    }

    static int port(ConfigurableApplicationContext ctx) {
        return ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    static void say(int port, FakeConnector connector, String conv, String text) {
        assertThat(TeamsActivities.post(port, TeamsActivities.message(connector.serviceUrl(), conv, text)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void contextSurvivesARestart(@TempDir Path dir) throws Exception {
        String conv = "a:restart-1";
        try (FakeConnector connector = new FakeConnector()) {
            String diagnosed;
            try (ConfigurableApplicationContext first = boot(dir)) {
                say(port(first), connector, conv, "why did pl_ingest_sales_orders fail?");
                diagnosed = connector.await(s -> s.card().toString().contains("Likely root cause"), Duration.ofSeconds(20))
                        .card().toString();
            }
            assertThat(diagnosed).contains("pl_ingest_sales_orders");
            connector.clear();
            try (ConfigurableApplicationContext second = boot(dir)) {
                say(port(second), connector, conv, "and the one before?");
                String older = connector.await(s -> s.type().equals("message"), Duration.ofSeconds(20)).card().toString();
                assertThat(older).contains("Likely root cause", "pl_ingest_sales_orders");
            }
            assertThat(Files.list(dir.resolve("conversations")).count()).isEqualTo(1);
            // The conversation reference is kept too, for proactive messages after a restart.
            try (var refs = Files.list(dir.resolve("references"))) {
                String ref = Files.readString(refs.findFirst().orElseThrow());
                assertThat(ref).contains("a:restart-1", connector.serviceUrl());
            }
        }
    }
}
