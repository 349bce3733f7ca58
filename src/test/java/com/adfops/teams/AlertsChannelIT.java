package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.adf.DataFactory;
import com.adfops.adf.RunRequest;
import com.adfops.alerts.AlertMonitor;
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
 * Alerts over the bot's HTTP endpoint: `watch all pipelines` in a channel thread, a failure appears in the live
 * simulated factory, the alert is a new post in that channel (once, however often detection runs), and Acknowledge
 * replaces the card for everyone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "adfops.sim.rerun-duration=1s", "adfops.index.refresh=300ms", "adfops.alerts.every=1h",
    "adfops.state.store=memory"})
class AlertsChannelIT extends WithConnector {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationWiring.SimulatedFactoryHolder sim;

    @Autowired
    AlertMonitor monitor;

    @Autowired
    DataFactory adf;

    @Test
    void aWatchedFailureIsOneNewChannelPostAndAcknowledgeUpdatesIt() throws Exception {
        String thread = "19:data-eng@thread.tacv2;messageid=" + System.nanoTime();
        monitor.pass();
        ObjectNode watch = TeamsActivities.sample("channel-mention-message.json", connector.serviceUrl(), thread);
        watch.put("text", "<at>ADF Ops</at> watch pl_ingest_*");
        assertThat(TeamsActivities.post(port, watch).statusCode()).isEqualTo(200);
        assertThat(connector.await(s -> s.conversationId().equals(thread) && s.card().toString().contains("Watching pipelines matching"),
                Duration.ofSeconds(20))).isNotNull();

        String failed = salesIngestFailsAgain();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        // The live factory's own scheduled runs may fail meanwhile (they match the pattern too): this run's post is found.
        while (System.nanoTime() < deadline && connector.sent().stream().noneMatch(s -> s.path().equals("/v3/conversations")
                && s.activity().toString().contains(failed))) {
            Thread.sleep(500);
            monitor.pass();
        }
        monitor.pass();
        monitor.pass();

        var posts = connector.sent().stream().filter(s -> s.method().equals("POST") && s.path().equals("/v3/conversations")
                && s.activity().toString().contains(failed)).toList();
        assertThat(posts).as("one new post in the channel for the failed run").hasSize(1);
        JsonNode params = posts.get(0).activity();
        assertThat(params.at("/channelData/channel/id").asText()).isEqualTo("19:data-eng@thread.tacv2");
        String card = params.path("activity").path("attachments").path(0).path("content").toString();
        assertThat(card).contains("pl_ingest_sales_orders failed", failed, "Likely root cause", "Acknowledge", "Snooze");
        String alertId = alertIdOf(params.path("activity").path("attachments").path(0).path("content"));

        ObjectNode ack = TeamsActivities.invoke("channel-mention-message.json", connector.serviceUrl(), thread,
                "alert-card", "ack");
        ((ObjectNode) ack.at("/value/action/data")).put("alertId", alertId);
        HttpResponse<String> r = TeamsActivities.post(port, ack);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Acknowledged by Alex Wilber").doesNotContain("\"verb\":\"ack\"");
    }

    /**
     * The Bot Connector refuses the first attempt of every send (429, as Teams does under load): the watch's answer and
     * the alert still arrive, each once. (botbuilder's error handler used to swallow the 429, the alert was recorded as
     * posted, and it never arrived.)
     */
    @Test
    void aWatchedFailureArrivesOnceWhenTheConnectorRefusesEachFirstAttempt() throws Exception {
        String chat = "a:throttled-" + System.nanoTime();
        monitor.pass();
        connector.refuseFirstAttempts(429);
        try {
            ObjectNode watch = TeamsActivities.sample("personal-message.json", connector.serviceUrl(), chat);
            watch.put("text", "watch pl_ingest_sales_orders");
            assertThat(TeamsActivities.post(port, watch).statusCode()).isEqualTo(200);
            assertThat(connector.await(s -> s.conversationId().equals(chat)
                    && s.card().toString().contains("Watching pl_ingest_sales_orders"), Duration.ofSeconds(20))).isNotNull();

            String failed = salesIngestFailsAgain();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline && alertsIn(chat, failed) == 0) {
                Thread.sleep(500);
                monitor.pass();
            }
            monitor.pass();
            monitor.pass();
            assertThat(alertsIn(chat, failed)).as("alert cards for the failed run").isEqualTo(1);
            assertThat(connector.refusals.get()).as("first attempts refused").isGreaterThanOrEqualTo(2);
        } finally {
            connector.refuseFirstAttempts(0);
        }
    }

    /** A failure appears: the scripted rerun of the sales ingest fails again. Returns the new run's id. */
    private String salesIngestFailsAgain() {
        String reference = sim.server().runsNow().stream()
                .filter(r -> r.get("pipelineName").asText().equals("pl_ingest_sales_orders")
                        && r.get("status").asText().equals("Failed"))
                .map(r -> r.get("runId").asText()).findFirst().orElseThrow();
        return adf.createRun(adf.factories().get(0), RunRequest.whole("pl_ingest_sales_orders", reference));
    }

    private static long alertsIn(String conversation, String runId) {
        return connector.sent().stream().filter(s -> s.conversationId().equals(conversation)
                && s.card().toString().contains(runId) && s.card().toString().contains("Acknowledge")).count();
    }

    private static String alertIdOf(JsonNode card) {
        for (JsonNode a : card.path("actions")) {
            if ("ack".equals(a.path("verb").asText())) {
                return a.path("data").path("alertId").asText();
            }
        }
        throw new AssertionError("no Acknowledge button in " + card);
    }
}
