package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.config.ApplicationWiring;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An Escalate click that takes longer than the card deadline (here: a slow Data Factory) answers Teams in time with
 * "taking longer", and the escalation card still arrives in the conversation when it is done.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "adfops.sim.latency=1200ms", "adfops.turns.card-deadline=300ms", "adfops.index.enabled=false"})
class EscalationDeadlineIT extends WithConnector {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationWiring.SimulatedFactoryHolder sim;

    @Test
    void aSlowEscalationAnswersTheClickInTimeAndPostsTheResultLater() throws Exception {
        String conv = "a:slow-escalation-" + System.nanoTime();
        String run = sim.server().runsNow().stream().filter(r -> r.get("status").asText().equals("Failed"))
                .map(r -> r.get("runId").asText()).findFirst().orElseThrow();
        ObjectNode a = TeamsActivities.escalateInvoke("personal-message.json", connector.serviceUrl(), conv, run);

        long t0 = System.nanoTime();
        HttpResponse<String> r = TeamsActivities.post(port, a);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("taking longer");
        // Bounded by the deadline, not by the slow factory: the escalation needs at least three reads of 1.2 s each
        // (a behaviour bound with a wide margin, not a speed target).
        assertThat(took).isLessThan(Duration.ofMillis(3000));

        FakeConnector.Sent card = connector.await(s -> s.conversationId().equals(conv) && s.type().equals("message")
                && s.card().toString().contains("Escalated by"), Duration.ofSeconds(30));
        assertThat(card.card().toString()).contains(run);
        assertThat(connector.await(s -> s.conversationId().equals(conv) && s.text().contains("stays in this conversation"),
                Duration.ofSeconds(30))).isNotNull();
    }
}
