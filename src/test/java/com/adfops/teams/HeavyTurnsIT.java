package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.agent.Agent;
import com.adfops.agent.AgentReply;
import com.adfops.agent.Reply;
import com.adfops.agent.Turn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * Issue 21, finding 8: expensive questions run on their own bounded pool, so eight of them at once do not keep another
 * user's "help" (or their own conversation's next question) waiting; each gets "Working on it" first, then its answer;
 * a full pool says "busy" at once; a question past its deadline is stopped and the user told what to ask instead.
 * The agent is a double whose expensive answers wait on a latch: behaviour, not timing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "adfops.turns.heavy-threads=2", "adfops.turns.heavy-pending=6", "adfops.turns.heavy-deadline=15s"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HeavyTurnsIT extends WithConnector {

    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final CountDownLatch INTERRUPTED = new CountDownLatch(1);

    @TestConfiguration
    static class SlowCostAgent {
        @Bean
        @org.springframework.context.annotation.Primary
        Agent slowCostAgent() {
            return new Agent() {
                @Override
                public AgentReply handle(Turn turn) {
                    return AgentReply.of(new Reply.Text("answer to " + turn.text()));
                }

                @Override
                public Effort effort(Turn turn) {
                    return turn.text().startsWith("cost") || turn.text().startsWith("slow")
                            ? Effort.heavy("reading the cost of 300 runs of the last 7 days",
                                    List.of("What did we spend yesterday?"))
                            : Effort.LIGHT;
                }

                @Override
                public AgentReply handleHeavy(Turn turn) {
                    try {
                        if (turn.text().startsWith("slow")) {
                            new CountDownLatch(1).await();
                        }
                        RELEASE.await();
                        return AgentReply.of(new Reply.Text("cost answer to " + turn.text()));
                    } catch (InterruptedException e) {
                        INTERRUPTED.countDown();
                        Thread.currentThread().interrupt();
                        return AgentReply.of(new Reply.Text("too late for " + turn.text()));
                    }
                }
            };
        }
    }

    @LocalServerPort
    int port;

    private void post(String conv, String text) {
        assertThat(TeamsActivities.post(port, TeamsActivities.message(connector.serviceUrl(), conv, text)).statusCode())
                .isEqualTo(200);
    }

    private FakeConnector.Sent awaitText(String conv, String prefix) throws InterruptedException {
        return connector.await(s -> s.conversationId().equals(conv) && s.text().startsWith(prefix), Duration.ofSeconds(30));
    }

    @Test
    @Order(1)
    void eightExpensiveQuestionsWaitApartWhileHelpIsAnswered() throws Exception {
        String warm = "a:warm-" + UUID.randomUUID();
        post(warm, "hello");
        awaitText(warm, "answer to hello");

        List<String> costly = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String conv = "a:cost-" + i + "-" + UUID.randomUUID();
            costly.add(conv);
            post(conv, "cost " + i);
        }
        for (String conv : costly) {
            assertThat(awaitText(conv, "Working on it: ").text())
                    .isEqualTo("Working on it: reading the cost of 300 runs of the last 7 days… I'll post the answer here.");
        }
        // Two are being worked on and six wait: none has an answer, and another user's help is answered meanwhile,
        String helper = "a:help-" + UUID.randomUUID();
        post(helper, "help");
        awaitText(helper, "answer to help");
        // as is the next question of a conversation whose expensive one is still going,
        post(costly.get(0), "what is failing?");
        awaitText(costly.get(0), "answer to what is failing?");
        // and a ninth expensive question is told at once that the bot is busy.
        String ninth = "a:cost-9-" + UUID.randomUUID();
        post(ninth, "cost 9");
        awaitText(ninth, "I'm busy with several long questions right now. Please ask again in a minute.");
        assertThat(connector.sent()).noneMatch(s -> s.text().startsWith("cost answer"));

        RELEASE.countDown();
        for (int i = 0; i < costly.size(); i++) {
            String conv = costly.get(i);
            awaitText(conv, "cost answer to cost " + i);
            List<String> texts = connector.sent().stream().filter(s -> s.conversationId().equals(conv))
                    .map(FakeConnector.Sent::text).filter(t -> t.startsWith("Working") || t.startsWith("cost answer")).toList();
            assertThat(texts).hasSize(2);
            assertThat(texts.get(0)).startsWith("Working on it: ");
        }
    }

    @Test
    @Order(2)
    void aQuestionPastItsDeadlineIsStoppedAndSaysWhatToAskInstead() throws Exception {
        String conv = "a:slow-" + UUID.randomUUID();
        post(conv, "slow cost of the year");
        awaitText(conv, "Working on it: ");
        String card = connector.await(s -> s.conversationId().equals(conv) && s.card().toString().contains("took too long"),
                Duration.ofSeconds(60)).card().toString();
        assertThat(card).contains("I stopped reading the cost of 300 runs of the last 7 days: it took longer than 15 seconds")
                .contains("a shorter window, or one pipeline").contains("What did we spend yesterday?");
        assertThat(INTERRUPTED.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(connector.sent()).noneMatch(s -> s.conversationId().equals(conv) && s.text().startsWith("too late"));
    }
}
