package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.agent.Agent;
import com.adfops.agent.AgentReply;
import com.adfops.agent.Reply;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/** One error boundary per turn: a bug inside a turn gives a friendly card, a 200, and a usable conversation. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TurnErrorIT {

    @TestConfiguration
    static class FailingAgent {
        @Bean
        @org.springframework.context.annotation.Primary
        Agent failingAgent() {
            return turn -> {
                if (turn.text().contains("boom")) {
                    throw new IllegalStateException("secret-host.internal:5432 exploded");
                }
                return AgentReply.of(new Reply.Text("still here"));
            };
        }
    }

    static FakeConnector connector;

    @LocalServerPort
    int port;

    @BeforeAll
    static void start() throws Exception {
        connector = new FakeConnector();
    }

    @AfterAll
    static void stop() {
        connector.close();
    }

    int post(String conv, String text, String timestamp) throws Exception {
        ObjectNode msg = (ObjectNode) TestSim.JSON.readTree(
                Files.readString(Path.of("src/test/resources/teams-activities/personal-message.json")));
        msg.put("serviceUrl", connector.serviceUrl());
        msg.put("text", text);
        msg.put("id", UUID.randomUUID().toString());
        msg.put("timestamp", timestamp);
        ((ObjectNode) msg.get("conversation")).put("id", conv);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TestSim.JSON.writeValueAsString(msg))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void aFailingTurnGetsTheErrorCardAndTheConversationStaysUsable() throws Exception {
        String conv = "a:err-" + UUID.randomUUID();
        assertThat(post(conv, "boom", "2026-11-26T10:26:57.520Z")).isEqualTo(200);
        String card = connector.await(s -> s.conversationId().equals(conv) && s.card().toString().contains("went wrong"),
                Duration.ofSeconds(20)).card().toString();
        assertThat(card).doesNotContain("secret-host").doesNotContain("IllegalStateException").contains("Try again");

        // A timestamp without fractional seconds (botbuilder rejects those on its own) is accepted.
        assertThat(post(conv, "hello again", "2026-11-26T10:27:00Z")).isEqualTo(200);
        assertThat(connector.await(s -> s.conversationId().equals(conv) && s.text().equals("still here"),
                Duration.ofSeconds(20))).isNotNull();
    }
}
