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

/** With an incident channel configured, Escalate starts a thread there that @mentions the on-call engineer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "adfops.escalation.channel-id=19:incidents@thread.tacv2", "adfops.escalation.team-id=19:ops-team@thread.tacv2",
    "adfops.escalation.oncall-id=29:priya-on-call", "adfops.escalation.oncall-name=Priya Patel"})
class EscalationChannelIT extends WithConnector {


    @LocalServerPort
    int port;

    @Autowired
    ApplicationWiring.SimulatedFactoryHolder sim;



    @Test
    void escalationFromAChannelThreadPostsToTheIncidentChannel() throws Exception {
        String thread = "19:data-eng@thread.tacv2;messageid=" + System.nanoTime();
        String run = sim.server().runsNow().stream().filter(r -> r.get("status").asText().equals("Failed"))
                .map(r -> r.get("runId").asText()).findFirst().orElseThrow();
        ObjectNode a = TeamsActivities.escalateInvoke("channel-mention-message.json", connector.serviceUrl(), thread, run);
        HttpResponse<String> r = TeamsActivities.post(port, a);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Escalated by Alex Wilber");

        FakeConnector.Sent created = connector.await(s -> s.method().equals("POST") && s.path().equals("/v3/conversations"),
                Duration.ofSeconds(20));
        JsonNode params = created.activity();
        assertThat(params.path("isGroup").asBoolean()).isTrue();
        assertThat(params.at("/channelData/channel/id").asText()).isEqualTo("19:incidents@thread.tacv2");
        JsonNode post = params.get("activity");
        assertThat(post.path("text").asText()).contains("<at>Priya Patel</at>");
        assertThat(post.path("entities").toString()).contains("29:priya-on-call", "mention");
        String card = post.path("attachments").path(0).path("content").toString();
        assertThat(card).contains("Escalated by Alex Wilber", "Open the original conversation",
                "https://teams.microsoft.com/l/message/19%3Adata-eng%40thread.tacv2/");
        assertThat(connector.await(s -> s.conversationId().equals(thread) && s.text().contains("Escalated to the incident channel"),
                Duration.ofSeconds(20))).isNotNull();
    }
}
