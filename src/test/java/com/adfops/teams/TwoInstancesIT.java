package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.AdfOpsApplication;
import com.adfops.DatasetBuilder;
import com.adfops.TestSim;
import com.adfops.state.Azurite;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Two bot instances sharing one blob container (Azurite): an escalation clicked on both at once happens once. */
class TwoInstancesIT {

    static ConfigurableApplicationContext boot(String connectionString, Path dataset) {
        return new SpringApplicationBuilder(AdfOpsApplication.class).run("--server.port=0", "--adfops.state.store=blob",
                "--adfops.state.blob-connection-string=" + connectionString, "--adfops.state.blob-container=shared",
                "--adfops.sim.dataset=" + dataset);
    }

    static CompletableFuture<HttpResponse<String>> escalate(ConfigurableApplicationContext app, FakeConnector connector,
                                                          String user, String runId) throws Exception {
        ObjectNode a = (ObjectNode) TestSim.JSON.readTree(Files.readString(
                Path.of("src/test/resources/teams-activities/personal-message.json")));
        a.put("serviceUrl", connector.serviceUrl());
        a.put("type", "invoke");
        a.put("name", "adaptiveCard/action");
        a.remove("text");
        ((ObjectNode) a.get("from")).put("name", user);
        ((ObjectNode) a.get("conversation")).put("id", "a:" + user);
        ObjectNode action = a.putObject("value").putObject("action");
        action.put("type", "Action.Execute");
        action.put("verb", "escalate");
        action.putObject("data").put("runId", runId);
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TestSim.JSON.writeValueAsString(a))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void concurrentEscalationsOnTwoInstancesHappenOnce(@TempDir Path tmp) throws Exception {
        DatasetBuilder data = new DatasetBuilder("df-shared");
        List<String> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            runs.add(data.run("pl_shared_" + i, Instant.now().minus(Duration.ofHours(1 + i)), 60, "Failed")
                    .activity("Copy", "Copy", 1, 30, "Failed", "2200", "ErrorCode=SqlFailedToConnect,'Message=x.'").id());
        }
        Path dataset = data.writeTo(tmp.resolve("dataset.json"));
        try (Azurite azurite = Azurite.start(); FakeConnector connector = new FakeConnector();
             ConfigurableApplicationContext a = boot(azurite.connectionString(), dataset);
             ConfigurableApplicationContext b = boot(azurite.connectionString(), dataset)) {
            for (String run : runs) {
                CompletableFuture<HttpResponse<String>> fromDana = escalate(a, connector, "Dana", run);
                CompletableFuture<HttpResponse<String>> fromSam = escalate(b, connector, "Sam", run);
                String da = fromDana.get().body();
                String sa = fromSam.get().body();
                boolean danaFirst = da.contains("Escalated by Dana");
                assertThat(da).contains(danaFirst ? "Escalated by Dana" : "Escalated by Sam");
                assertThat(sa).as("both instances show the one escalation").contains(danaFirst ? "Escalated by Dana" : "Escalated by Sam")
                        .doesNotContain(danaFirst ? "Escalated by Sam" : "Escalated by Dana");
            }
        }
    }
}
