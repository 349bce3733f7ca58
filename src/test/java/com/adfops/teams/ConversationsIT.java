package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.config.ApplicationWiring;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Teams conversations: Universal Actions, in-place updates, escalation once, ordering, thread isolation, welcome once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConversationsIT extends WithConnector {

    static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationWiring.SimulatedFactoryHolder sim;



    ObjectNode activity(String file, String conv) {
        return TeamsActivities.sample(file, connector.serviceUrl(), conv);
    }

    HttpResponse<String> post(JsonNode a) {
        return TeamsActivities.post(port, a);
    }

    /** An adaptiveCard/action invoke, as Teams sends for Action.Execute. */
    ObjectNode invoke(String conv, String user, String verb, String runId) throws Exception {
        ObjectNode a = activity("personal-message.json", conv);
        a.put("type", "invoke");
        a.put("name", "adaptiveCard/action");
        a.remove("text");
        a.put("replyToId", "card-" + UUID.randomUUID());
        ((ObjectNode) a.get("from")).put("name", user);
        ObjectNode value = a.putObject("value");
        ObjectNode action = value.putObject("action");
        action.put("type", "Action.Execute");
        action.put("verb", verb);
        action.putObject("data").put("runId", runId);
        return a;
    }

    String failedParentRunId() {
        return sim.server().runsNow().stream()
                .filter(r -> r.get("status").asText().equals("Failed") && !r.path("invokedBy").path("pipelineRunId").isTextual())
                .map(r -> r.get("runId").asText()).findFirst().orElseThrow();
    }

    @Test
    void escalateByUniversalActionUpdatesTheCardAndOnlyOnce() throws Exception {
        String run = sim.server().runsNow().stream()
                .filter(r -> r.get("status").asText().equals("Failed")).skip(3)
                .map(r -> r.get("runId").asText()).findFirst().orElseThrow();
        HttpResponse<String> first = post(invoke("a:esc-" + UUID.randomUUID(), "Dana", "escalate", run));
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode body = TestSim.JSON.readTree(first.body());
        assertThat(body.get("statusCode").asInt()).isEqualTo(200);
        assertThat(body.get("type").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(body.get("value").toString()).contains("Escalated by Dana").doesNotContain("\"verb\":\"escalate\"");

        // A second engineer on a stale card (another conversation) sees who was first.
        HttpResponse<String> second = post(invoke("a:esc2-" + UUID.randomUUID(), "Sam", "escalate", run));
        assertThat(TestSim.JSON.readTree(second.body()).get("value").toString()).contains("Escalated by Dana")
                .doesNotContain("Escalated by Sam");
    }

    @Test
    void otherUniversalActionsAreAcknowledgedAndAnsweredInTheConversation() throws Exception {
        String conv = "a:exec-" + UUID.randomUUID();
        HttpResponse<String> r = post(invoke(conv, "Dana", "diagnose", failedParentRunId()));
        JsonNode body = TestSim.JSON.readTree(r.body());
        assertThat(body.get("type").asText()).isEqualTo("application/vnd.microsoft.activity.message");
        assertThat(connector.await(s -> s.conversationId().equals(conv) && s.card().toString().contains("Likely root cause"),
                WAIT)).isNotNull();
    }

    @Test
    void escalateBySubmitUpdatesTheCardInPlace() throws Exception {
        String conv = "a:submit-esc-" + UUID.randomUUID();
        String run = sim.server().runsNow().stream()
                .filter(r -> r.get("status").asText().equals("Failed")).skip(5)
                .map(r -> r.get("runId").asText()).findFirst().orElseThrow();
        ObjectNode submit = activity("personal-card-submit.json", conv);
        submit.set("value", TestSim.JSON.createObjectNode().put("action", "escalate").put("runId", run));
        String cardId = submit.get("replyToId").asText();
        assertThat(post(submit).statusCode()).isEqualTo(200);
        FakeConnector.Sent put = connector.await(s -> s.method().equals("PUT") && s.conversationId().equals(conv), WAIT);
        assertThat(put.path()).endsWith("/activities/" + cardId);
        assertThat(put.card().toString()).contains("Escalated by Alex Wilber");
        // Settings are for admins: the user is told whom to ask, not which variable to set.
        assertThat(connector.await(s -> s.conversationId().equals(conv) && s.text().contains("stays in this conversation"),
                WAIT).text()).contains("Teams admin").doesNotContain("ADFOPS_");
    }

    @Test
    void turnsOfOneConversationAreAnsweredInOrder() throws Exception {
        String conv = "a:order-" + UUID.randomUUID();
        List<String> questions = List.of("help", "what pipelines are failing?", "status of nosuchpipeline_xyz", "help");
        for (String q : questions) {
            ObjectNode m = activity("personal-message.json", conv);
            m.put("text", q);
            assertThat(post(m).statusCode()).isEqualTo(200);
        }
        connector.await(s -> s.conversationId().equals(conv)
                && connector.sent().stream().filter(x -> x.conversationId().equals(conv) && x.type().equals("message")).count() == 4, WAIT);
        List<String> order = connector.sent().stream().filter(x -> x.conversationId().equals(conv) && x.type().equals("message"))
                .map(x -> x.card().toString()).map(c -> c.contains("What I can do") ? "help"
                        : c.contains("failing pipeline") ? "failing" : c.contains("Unknown pipeline") ? "unknown" : "other").toList();
        assertThat(order).containsExactly("help", "failing", "unknown", "help");
    }

    @Test
    void twoThreadsOfOneChannelKeepTheirOwnContext() throws Exception {
        String channel = "19:incident-" + UUID.randomUUID() + "@thread.tacv2";
        String threadA = channel + ";messageid=1001";
        String threadB = channel + ";messageid=1002";
        String pipeline = sim.server().runsNow().stream()
                .filter(r -> r.get("status").asText().equals("Failed")).map(r -> r.get("pipelineName").asText())
                .findFirst().orElseThrow();
        ObjectNode a = activity("channel-mention-message.json", threadA);
        a.put("text", "<at>Test Bot</at> why did " + pipeline + " fail?");
        post(a);
        connector.await(s -> s.conversationId().equals(threadA) && s.card().toString().contains("Likely root cause"), WAIT);
        ObjectNode b = activity("channel-mention-message.json", threadB);
        b.put("text", "<at>Test Bot</at> and the one before?");
        post(b);
        FakeConnector.Sent answer = connector.await(s -> s.conversationId().equals(threadB) && s.type().equals("message"), WAIT);
        assertThat(answer.card().toString()).contains("don't know which pipeline");
        // Thread A still has its context.
        ObjectNode a2 = activity("channel-mention-message.json", threadA);
        a2.put("text", "<at>Test Bot</at> status of it");
        post(a2);
        assertThat(connector.await(s -> s.conversationId().equals(threadA) && s.card().toString().contains("Recent runs"), WAIT)
                .card().toString()).contains(pipeline);
    }

    @Test
    void welcomeIsSentOncePerInstallationTailoredToTheScope() throws Exception {
        String team = "19:team-" + UUID.randomUUID() + "@thread.tacv2";
        assertThat(post(activity("channel-conversationUpdate.json", team)).statusCode()).isEqualTo(200);
        assertThat(post(activity("channel-installationUpdate.json", team)).statusCode()).isEqualTo(200);
        connector.await(s -> s.conversationId().equals(team) && s.card().toString().contains("Hi, I'm ADF Ops"), WAIT);
        Thread.sleep(300);
        long welcomes = connector.sent().stream().filter(s -> s.conversationId().equals(team)
                && s.card().toString().contains("Hi, I'm ADF Ops")).count();
        assertThat(welcomes).isEqualTo(1);
        assertThat(connector.sent().stream().filter(s -> s.conversationId().equals(team)).findFirst().orElseThrow()
                .card().toString()).contains("In this channel, @mention me");
    }
}
