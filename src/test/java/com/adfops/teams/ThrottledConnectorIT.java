package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.agent.Agent;
import com.adfops.agent.AgentReply;
import com.adfops.agent.Reply;
import com.adfops.agent.Turn;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * A conversation whose replies the Bot Connector holds and throttles (429 with {@code Retry-After}) does not hold the
 * turn threads: with one turn thread, another conversation's questions are answered while the first one's replies
 * wait; those then arrive in the order they were asked, each once. (Before, the only turn thread waited in the send.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "adfops.turns.threads=1", "adfops.turns.typing-after=10m"})
class ThrottledConnectorIT extends WithConnector {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    /** Answers "answer to <question>" at once: what is measured is the send path, not the agent. */
    @TestConfiguration
    static class EchoAgent {
        @Bean
        @org.springframework.context.annotation.Primary
        Agent echoAgent() {
            return turn -> AgentReply.of(new Reply.Text("answer to " + turn.text()));
        }
    }

    private void ask(String conv, String text) {
        assertThat(TeamsActivities.post(port, TeamsActivities.message(connector.serviceUrl(), conv, text)).statusCode())
                .isEqualTo(200);
    }

    private static List<String> answers(String conv) {
        return connector.sent().stream().filter(s -> s.conversationId().equals(conv) && s.type().equals("message"))
                .map(FakeConnector.Sent::text).toList();
    }

    @Test
    void anotherConversationIsAnsweredWhileOnesRepliesAreThrottledAndThoseArriveInOrderOnce() throws Exception {
        String a = "a:throttled-" + UUID.randomUUID();
        String b = "a:free-" + UUID.randomUUID();
        CountDownLatch release = connector.throttle(a);
        List<String> asked = List.of("a1", "a2", "a3");
        for (String q : asked) {
            ask(a, q);
        }
        // A's first reply is waiting at the connector; its later ones wait behind it.
        for (int i = 0; i < 1500 && connector.holding.get() == 0; i++) {
            Thread.sleep(20);
        }
        assertThat(connector.holding.get()).isEqualTo(1);

        ask(b, "b1");
        ask(b, "b2");
        connector.await(s -> answers(b).size() == 2, WAIT);

        assertThat(answers(b)).containsExactly("answer to b1", "answer to b2");
        assertThat(answers(a)).as("A's replies are still held").isEmpty();

        release.countDown();
        connector.await(s -> answers(a).size() == 3, WAIT);
        connector.awaitQuiet(Duration.ofMillis(1500), WAIT);
        assertThat(answers(a)).containsExactly("answer to a1", "answer to a2", "answer to a3");
        // Each of A's replies was refused once and sent on its retry, after Retry-After.
        assertThat(connector.throttledAnswers.get()).isEqualTo(3);
        // B was answered before any of A's replies went out.
        List<String> order = connector.sent().stream().filter(s -> s.type().equals("message")
                && (s.conversationId().equals(a) || s.conversationId().equals(b))).map(FakeConnector.Sent::text).toList();
        assertThat(order).containsExactly("answer to b1", "answer to b2", "answer to a1", "answer to a2", "answer to a3");
    }
}
