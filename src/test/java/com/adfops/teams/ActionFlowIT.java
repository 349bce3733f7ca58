package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.config.ApplicationWiring;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The resolve-from-the-card flow over the bot's HTTP endpoint, on the embedded simulated factory: *Rerun from failed
 * activity* posts a confirmation card, *Confirm* (both click paths) updates it in place and starts one recovery run,
 * and the run's outcome is posted in the same conversation with the card updated again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "adfops.sim.rerun-duration=2s", "adfops.actions.follow-every=300ms", "adfops.index.refresh=1s",
    "adfops.state.store=memory"})
class ActionFlowIT extends WithConnector {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationWiring.SimulatedFactoryHolder sim;

    /** A failed top-level run whose rerun the built-in dataset does not script (its rerun ends as configured). */
    private String failedRun() {
        return sim.server().runsNow().stream().filter(r -> r.get("status").asText().equals("Failed"))
                .filter(r -> !r.get("pipelineName").asText().equals("pl_ingest_sales_orders"))
                .filter(r -> !r.has("invokedBy") || !r.get("invokedBy").path("invokedByType").asText().equals("PipelineActivity"))
                .map(r -> r.get("runId").asText()).findFirst().orElseThrow();
    }

    private ObjectNode submit(String conversation, String replyTo) {
        ObjectNode a = TeamsActivities.sample("personal-card-submit.json", connector.serviceUrl(), conversation);
        a.put("replyToId", replyTo);
        return a;
    }

    private static String card(FakeConnector.Sent s) {
        return s.card().toString();
    }

    @Test
    void rerunFromTheFailedActivityIsConfirmedOnceAndItsOutcomeIsPosted() throws Exception {
        String conversation = "a:actions-" + System.nanoTime();
        String run = failedRun();
        ObjectNode propose = submit(conversation, "diag-card");
        propose.putObject("value").put("action", "rerunfromfailure").put("runId", run).put("from", "diagnosis");
        assertThat(TeamsActivities.post(port, propose).statusCode()).isEqualTo(200);

        FakeConnector.Sent confirmation = connector.await(s -> s.conversationId().equals(conversation)
                && card(s).contains("Confirm: start the rerun"), Duration.ofSeconds(20));
        assertThat(card(confirmation)).contains("Asked by Alex Wilber", "Reference run", "Starts at", "(reused)");
        String actionId = actionIdOf(confirmation.card());
        int createRunsBefore = createRuns();

        // Confirm through Universal Actions: the invoke answers with the updated card.
        ObjectNode invoke = TeamsActivities.invoke("personal-card-submit.json", connector.serviceUrl(), conversation,
                "confirm-card", "confirm");
        ((ObjectNode) invoke.at("/value/action/data")).put("actionId", actionId);
        HttpResponse<String> r = TeamsActivities.post(port, invoke);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Rerun started by Alex Wilber").doesNotContain("\"verb\":\"confirm\"");

        // A second click through the Action.Submit fallback updates the card, and starts nothing more.
        ObjectNode again = submit(conversation, "confirm-card");
        again.putObject("value").put("action", "confirm").put("actionId", actionId);
        assertThat(TeamsActivities.post(port, again).statusCode()).isEqualTo(200);
        FakeConnector.Sent updated = connector.await(s -> s.method().equals("PUT") && s.path().endsWith("/confirm-card")
                && card(s).contains("Rerun started"), Duration.ofSeconds(20));
        assertThat(card(updated)).doesNotContain("\"verb\":\"confirm\"");
        assertThat(createRuns() - createRunsBefore).isEqualTo(1);

        FakeConnector.Sent outcome = connector.await(s -> s.conversationId().equals(conversation)
                && s.text().contains("is done"), Duration.ofSeconds(30));
        assertThat(outcome.text()).contains("✅").contains("succeeded")
                .containsPattern("\\[[0-9a-f-]{8}…\\]\\(https://adf\\.azure\\.com/en/monitoring/pipelineruns/[0-9a-f-]{36}\\?factory=%2Fsubscriptions%2F");
        FakeConnector.Sent done = connector.await(s -> s.method().equals("PUT") && s.path().endsWith("/confirm-card")
                && card(s).contains("Done"), Duration.ofSeconds(10));
        // The outcome is said once, in the message that notifies: the confirmation card only records the action.
        assertThat(card(done)).doesNotContain("succeeded");
        assertThat(connector.sent()).filteredOn(s -> s.conversationId().equals(conversation) && s.text().contains("is done"))
                .hasSize(1);
        // The diagnosis card it was started from says how it ended, with the new run, and offers no more buttons.
        FakeConnector.Sent settled = connector.await(s -> s.method().equals("PUT") && s.path().endsWith("/diag-card"),
                Duration.ofSeconds(10));
        assertThat(card(settled)).contains("✅ Rerun from the failed activity succeeded at ", "(started by Alex Wilber)",
                "Likely root cause", "https://adf.azure.com/en/monitoring/pipelineruns/");
        assertThat(card(settled)).doesNotContain("\"verb\":\"rerunfromfailure\"", "\"verb\":\"rerun\"", "More…");

        // The audit shows it.
        ObjectNode ask = TeamsActivities.message(connector.serviceUrl(), conversation, "what was done today?");
        assertThat(TeamsActivities.post(port, ask).statusCode()).isEqualTo(200);
        FakeConnector.Sent audit = connector.await(s -> s.conversationId().equals(conversation)
                && card(s).contains("What was done"), Duration.ofSeconds(20));
        assertThat(card(audit)).contains("Alex Wilber", "rerun from the failed activity", "outcome");
    }

    @Test
    void aRerunThatFailsAgainIsPostedWithItsNewDiagnosis() throws Exception {
        sim.server().setRerunOutcome("Failed");
        try {
            String conversation = "a:actions-failed-" + System.nanoTime();
            ObjectNode propose = submit(conversation, "diag-card-2");
            propose.putObject("value").put("action", "rerun").put("runId", failedRun());
            TeamsActivities.post(port, propose);
            FakeConnector.Sent confirmation = connector.await(s -> s.conversationId().equals(conversation)
                    && card(s).contains("Confirm: start the rerun"), Duration.ofSeconds(20));
            assertThat(card(confirmation)).contains("every activity runs again");
            ObjectNode confirm = submit(conversation, "confirm-card-2");
            confirm.putObject("value").put("action", "confirm").put("actionId", actionIdOf(confirmation.card()));
            TeamsActivities.post(port, confirm);

            FakeConnector.Sent outcome = connector.await(s -> s.conversationId().equals(conversation)
                    && s.text().contains("is done"), Duration.ofSeconds(30));
            assertThat(outcome.text()).contains("❌").contains("failed");
            FakeConnector.Sent diagnosis = connector.await(s -> s.conversationId().equals(conversation)
                    && card(s).contains("Likely root cause"), Duration.ofSeconds(20));
            assertThat(card(diagnosis)).contains("Rerun from failed activity");
        } finally {
            sim.server().setRerunOutcome("Succeeded");
        }
    }

    @Test
    void aResolutionNoteReplacesTheCardAndIsAudited() throws Exception {
        String conversation = "a:actions-resolve-" + System.nanoTime();
        ObjectNode resolve = submit(conversation, "diag-card-3");
        resolve.putObject("value").put("action", "resolve").put("runId", failedRun())
                .put("note", "Rotated the *SQL* password");
        TeamsActivities.post(port, resolve);
        FakeConnector.Sent updated = connector.await(s -> s.method().equals("PUT") && s.path().endsWith("/diag-card-3"),
                Duration.ofSeconds(20));
        assertThat(card(updated)).contains("Resolved by Alex Wilber", "Rotated the *SQL* password");
    }

    private int createRuns() {
        return (int) sim.server().requests().stream().filter(x -> x.contains("/createRun")).count();
    }

    private static String actionIdOf(JsonNode card) {
        for (JsonNode a : card.path("actions")) {
            if ("confirm".equals(a.path("verb").asText())) {
                return a.path("data").path("actionId").asText();
            }
        }
        throw new AssertionError("no Confirm button in " + card);
    }
}
