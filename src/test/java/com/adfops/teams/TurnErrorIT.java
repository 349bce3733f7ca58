package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.LogCapture;
import com.adfops.agent.Agent;
import com.adfops.agent.AgentReply;
import com.adfops.agent.Reply;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/** One error boundary per turn: a bug inside a turn gives a friendly card, a 200, and a usable conversation. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TurnErrorIT extends WithConnector {

    @TestConfiguration
    static class FailingAgent {
        @Bean
        @org.springframework.context.annotation.Primary
        Agent failingAgent() {
            return turn -> {
                if (turn.text().contains("boom")) {
                    throw new IllegalStateException("secret-host.internal:5432 exploded");
                }
                if (turn.text().contains("storage")) {
                    throw new com.adfops.state.StateStore.StoreException("blob 503 at acct.blob.core.windows.net", null);
                }
                return AgentReply.of(new Reply.Text("still here"));
            };
        }
    }


    @LocalServerPort
    int port;



    int post(String conv, String text, String timestamp) {
        ObjectNode msg = TeamsActivities.message(connector.serviceUrl(), conv, text);
        msg.put("timestamp", timestamp);
        return TeamsActivities.post(port, msg).statusCode();
    }

    @Test
    void aFailingTurnGetsTheErrorCardAndTheConversationStaysUsable() throws Exception {
        String conv = "a:err-" + UUID.randomUUID();
        String card;
        try (LogCapture log = LogCapture.of(TurnBoundary.class)) {
            assertThat(post(conv, "boom", "2026-11-26T10:26:57.520Z")).isEqualTo(200);
            card = connector.await(s -> s.conversationId().equals(conv) && s.card().toString().contains("went wrong"),
                    Duration.ofSeconds(20)).card().toString();
            // The cause goes to the operator's log, at ERROR, with the conversation.
            assertThat(log.errors()).containsExactly("Turn failed in conversation " + conv);
        }
        assertThat(card).doesNotContain("secret-host").doesNotContain("IllegalStateException").contains("Try again");

        // A timestamp without fractional seconds (botbuilder rejects those on its own) is accepted.
        assertThat(post(conv, "hello again", "2026-11-26T10:27:00Z")).isEqualTo(200);
        assertThat(connector.await(s -> s.conversationId().equals(conv) && s.text().equals("still here"),
                Duration.ofSeconds(20))).isNotNull();
    }

    @Test
    void aStorageOutageSaysSo() throws Exception {
        String conv = "a:storage-" + UUID.randomUUID();
        String card;
        try (LogCapture log = LogCapture.of(TurnBoundary.class)) {
            assertThat(post(conv, "storage please", "2026-11-26T10:26:57.520Z")).isEqualTo(200);
            card = connector.await(s -> s.conversationId().equals(conv) && s.card().toString().contains("storage"),
                    Duration.ofSeconds(20)).card().toString();
            assertThat(log.errors()).containsExactly("State store failed in conversation " + conv);
        }
        assertThat(card).contains("I couldn't reach my storage").doesNotContain("acct.blob.core.windows.net");
    }
}
