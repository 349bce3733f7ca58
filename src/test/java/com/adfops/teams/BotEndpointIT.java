package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.config.ApplicationWiring;
import com.adfops.sim.SimulatedDataFactoryServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Boots the whole app on the embedded defaults (simulated factory, offline agent), posts Teams activities
 * shaped like the Playground's to {@code /api/messages} and checks what reaches the connector.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BotEndpointIT extends WithConnector {

    static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationWiring.SimulatedFactoryHolder sim;



    @BeforeEach
    void reset() {
        connector.clear();
        sim.server().clearFaults();
    }

    /** A sample activity captured from the Playground, aimed at the fake connector, in a fresh conversation. */
    static ObjectNode sample(String file, String conversationId) {
        return TeamsActivities.sample(file, connector.serviceUrl(), conversationId);
    }

    HttpResponse<String> post(String body) {
        return TeamsActivities.post(port, body);
    }

    HttpResponse<String> post(JsonNode activity) {
        return TeamsActivities.post(port, activity);
    }

    static FakeConnector.Sent card(String conversation, String containing) throws InterruptedException {
        return connector.await(s -> s.conversationId().equals(conversation) && s.type().equals("message")
                && s.card().toString().contains(containing), WAIT);
    }

    @Test
    void personalChatWhatIsFailingShowsTheFailingCard() throws Exception {
        String conv = "a:personal-" + UUID.randomUUID();
        ObjectNode msg = sample("personal-message.json", conv);
        msg.put("text", "what pipelines are failing?");
        assertThat(post(msg).statusCode()).isEqualTo(200);

        FakeConnector.Sent cardMsg = card(conv, "failing pipeline");
        // Answered from memory within ADFOPS_TURNS_TYPINGAFTER (1 s): no typing indicator is needed; if this machine was
        // slower than that, the indicator came first.
        List<FakeConnector.Sent> sent = connector.sent().stream().filter(s -> s.conversationId().equals(conv)).toList();
        assertThat(sent.stream().map(FakeConnector.Sent::type).toList()).endsWith("message")
                .allMatch(t -> t.equals("typing") || t.equals("message"));
        assertThat(sent.stream().filter(s -> s.type().equals("message")).count()).isEqualTo(1);
        assertThat(cardMsg.activity().path("attachments").path(0).path("contentType").asText())
                .isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(cardMsg.path()).endsWith("/activities/" + msg.get("id").asText());
        // The built-in dataset's failing pipelines each have a drill-down button.
        String card = cardMsg.card().toString();
        assertThat(card).contains("Why did it fail?", "\"action\":\"diagnose\"");
        long dataFailing = sim.server().runsNow().stream()
                .filter(r -> r.get("status").asText().equals("Failed")).map(r -> r.get("pipelineName").asText()).distinct().count();
        assertThat(dataFailing).isGreaterThan(0);
    }

    /**
     * Sixteen conversations ask while the Bot Connector refuses the first attempt of every send (429): every answer
     * arrives, once. (They were all lost: botbuilder's error handler took the 429 and nothing retried it.)
     */
    @Test
    void answersRefusedOnTheirFirstAttemptAreRetriedAndArriveOnce() throws Exception {
        connector.refuseFirstAttempts(429);
        try {
            List<String> conversations = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String conv = "a:throttled-" + i + "-" + UUID.randomUUID();
                conversations.add(conv);
                ObjectNode msg = sample("personal-message.json", conv);
                msg.put("text", "help");
                assertThat(post(msg).statusCode()).isEqualTo(200);
            }
            for (String conv : conversations) {
                connector.await(s -> s.conversationId().equals(conv) && s.type().equals("message"), WAIT);
            }
            Thread.sleep(500);
            for (String conv : conversations) {
                assertThat(connector.sent().stream().filter(s -> s.conversationId().equals(conv)
                        && s.type().equals("message")).count()).as("answers in " + conv).isEqualTo(1);
            }
            assertThat(connector.refusals.get()).isGreaterThanOrEqualTo(16);
        } finally {
            connector.refuseFirstAttempts(0);
        }
    }

    @Test
    void aSlowAnswerShowsTheTypingIndicatorFirst() throws Exception {
        // A run id the bot's memory does not hold is looked up in Data Factory, which answers in 3 s here.
        sim.server().setLatency(Duration.ofSeconds(3));
        try {
            String conv = "a:slow-" + UUID.randomUUID();
            ObjectNode msg = sample("personal-message.json", conv);
            msg.put("text", "why did run 0f0e0d0c-0b0a-4909-8807-060504030201 fail?");
            assertThat(post(msg).statusCode()).isEqualTo(200);
            connector.await(s -> s.conversationId().equals(conv) && s.type().equals("message"), WAIT);
            List<String> types = connector.sent().stream().filter(s -> s.conversationId().equals(conv))
                    .map(FakeConnector.Sent::type).toList();
            assertThat(types).containsExactly("typing", "message");
        } finally {
            sim.server().setLatency(Duration.ZERO);
        }
    }

    @Test
    void clickingWhyDidItFailShowsTheDiagnosisOfTheChildRun() throws Exception {
        String conv = "a:drill-" + UUID.randomUUID();
        // The parent of a failed child run in the built-in dataset.
        JsonNode child = sim.server().runsNow().stream()
                .filter(r -> r.get("status").asText().equals("Failed") && r.path("invokedBy").path("pipelineRunId").isTextual())
                .findFirst().orElseThrow();
        String parentRunId = child.path("invokedBy").path("pipelineRunId").asText();
        ObjectNode submit = sample("personal-card-submit.json", conv);
        ObjectNode value = TestSim.JSON.createObjectNode().put("action", "diagnose").put("runId", parentRunId);
        submit.set("value", value);
        assertThat(post(submit).statusCode()).isEqualTo(200);

        String card = card(conv, "Likely root cause").card().toString();
        String childActivity = sim.server().dataset().activityRuns(child.get("runId").asText()).stream()
                .filter(a -> a.get("status").asText().equals("Failed")).findFirst().orElseThrow()
                .get("activityName").asText();
        assertThat(card).contains(child.get("pipelineName").asText(), childActivity, "Follow up", "Escalate", "Clear history");
    }

    @Test
    void channelMentionIsStrippedAndTheReplyGoesToTheThread() throws Exception {
        String conv = "19:chan@thread.tacv2;messageid=" + System.nanoTime();
        ObjectNode msg = sample("channel-mention-message.json", conv);
        msg.put("text", "<at>Test Bot</at> what is failing today?");
        assertThat(post(msg).statusCode()).isEqualTo(200);
        FakeConnector.Sent sent = card(conv, "failing");
        assertThat(sent.card().toString()).contains("today");
    }

    @Test
    void groupChatMentionAsksForStatus() throws Exception {
        String conv = "19:group-" + UUID.randomUUID() + "@thread.v2";
        ObjectNode msg = sample("groupchat-mention-message.json", conv);
        String pipeline = sim.server().runsNow().get(0).get("pipelineName").asText();
        msg.put("text", "<at>Test Bot</at> status of " + pipeline.replace('_', ' '));
        assertThat(post(msg).statusCode()).isEqualTo(200);
        assertThat(card(conv, "Recent runs").card().toString()).contains(pipeline + ":");
    }

    @Test
    void botAddedToAConversationSendsTheWelcomeCard() throws Exception {
        String conv = "a:welcome-" + UUID.randomUUID();
        assertThat(post(sample("personal-conversationUpdate.json", conv)).statusCode()).isEqualTo(200);
        assertThat(card(conv, "Hi, I'm ADF Ops").card().toString()).contains("What pipelines are failing?");
    }

    @Test
    void unknownPipelineGetsTheClosestNames() throws Exception {
        String conv = "a:unknown-" + UUID.randomUUID();
        ObjectNode msg = sample("personal-message.json", conv);
        msg.put("text", "why did pl_payroll_nonexistent fail?");
        post(msg);
        assertThat(card(conv, "Unknown pipeline").card().toString()).contains("pl_payroll_nonexistent", "Did you mean");
    }

    @Test
    void forgedSubmitGetsAClearReplyAndNo5xx() throws Exception {
        String conv = "a:forged-" + UUID.randomUUID();
        ObjectNode submit = sample("personal-card-submit.json", conv);
        // The sample's own value: "rerun" with a pipeline but no run id, as no card of this bot sends it.
        assertThat(post(submit).statusCode()).isEqualTo(200);
        assertThat(card(conv, "out of date").card().toString()).contains("did not say which run");
        ObjectNode unknown = sample("personal-card-submit.json", conv);
        unknown.putObject("value").put("action", "reboot_everything");
        assertThat(post(unknown).statusCode()).isEqualTo(200);
        assertThat(connector.await(s -> s.conversationId().equals(conv) && s.card().toString().contains("reboot_everything"),
                java.time.Duration.ofSeconds(20)).card().toString()).contains("I don't know that button");
        ObjectNode weird = sample("personal-card-submit.json", conv);
        weird.set("value", TestSim.JSON.createArrayNode().add(1).add(2));
        assertThat(post(weird).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedBodiesAre400NotServerErrors() throws Exception {
        assertThat(post("{not json").statusCode()).isEqualTo(400);
        assertThat(post("[1,2,3]").statusCode()).isEqualTo(400);
        assertThat(post("{\"hello\":\"world\"}").statusCode()).isEqualTo(400);
        assertThat(post("").statusCode()).isEqualTo(400);
        assertThat(post("{\"type\":\"message\",\"text\":\"hi\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> r = post("{\"type\":\"message\",\"timestamp\":\"yesterday\",\"conversation\":{\"id\":\"x\"},\"serviceUrl\":\"http://127.0.0.1:1/\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void dataFactoryPermissionProblemGivesTheErrorCard() throws Exception {
        sim.server().injectFault("querypipelineruns", 403, "AuthorizationFailed", 20);
        String conv = "a:denied-" + UUID.randomUUID();
        ObjectNode msg = sample("personal-message.json", conv);
        // Beyond the run index's 7 days, so the question reads Data Factory directly and meets the denial.
        msg.put("text", "what failed in the last 30 days?");
        assertThat(post(msg).statusCode()).isEqualTo(200);
        String card = card(conv, "not allowed").card().toString();
        assertThat(card).contains("AuthorizationFailed", "How to fix it").doesNotContain(sim.server().endpoint());
    }

    @Test
    void healthReportsEachFactoryAndTheRequestsMadeToIt() throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode health = com.adfops.TestSim.JSON.readTree(r.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode f = health.path("factories").path(0);
        assertThat(f.path("name").asText()).isEqualTo(sim.server().dataset().factory());
        // Live, unless another test of this class made the factory deny reads a moment ago: then it says why and what to do.
        assertThat(f.path("status").asText()).isIn("loading", "live", "stale", "failing");
        if (f.path("status").asText().equals("failing") || f.path("status").asText().equals("stale")) {
            assertThat(f.path("reason").asText()).isNotBlank();
            assertThat(f.path("fix").asText()).contains("Ask an owner");
        }
        assertThat(f.path("adfRequests").has("refresh")).isTrue();
        if (!f.path("status").asText().equals("loading")) {
            // The simulated factory's history is generated anew at each start: no snapshot, read from it.
            assertThat(f.path("start").path("from").asText()).isEqualTo("backfill");
            assertThat(f.has("lastSnapshot")).isFalse();
        }
        // The read budget of the factory's subscription (default 20/s, burst 200), named by its factories, no id.
        JsonNode budget = health.path("readBudgets").path(0);
        assertThat(budget.path("factories").path(0).asText()).isEqualTo(sim.server().dataset().factory());
        assertThat(budget.path("readsPerSecond").asDouble()).isEqualTo(20.0);
        assertThat(budget.path("burst").asInt()).isEqualTo(200);
        assertThat(budget.path("questionReads").asLong() + budget.path("backgroundReads").asLong()).isPositive();
        assertThat(r.body()).doesNotContain(sim.server().endpoint())
                .doesNotContain(com.adfops.sim.SimulatedDataFactoryServer.SUBSCRIPTION_ID);
    }

    @Test
    void simulatedFactoryIsTheDefault() {
        assertThat(sim.server()).isNotNull();
        assertThat(sim.server().endpoint()).startsWith("http://127.0.0.1:");
        assertThat(SimulatedDataFactoryServer.SUBSCRIPTION_ID).isNotBlank();
    }
}
