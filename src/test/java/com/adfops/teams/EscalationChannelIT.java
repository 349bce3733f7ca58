package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.config.ApplicationWiring;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
        ObjectNode a = (ObjectNode) TestSim.JSON.readTree(Files.readString(
                Path.of("src/test/resources/teams-activities/channel-mention-message.json")));
        a.put("serviceUrl", connector.serviceUrl());
        a.put("type", "invoke");
        a.put("name", "adaptiveCard/action");
        a.put("replyToId", "card-1");
        a.remove("text");
        ((ObjectNode) a.get("conversation")).put("id", thread);
        ObjectNode action = a.putObject("value").putObject("action");
        action.put("type", "Action.Execute");
        action.put("verb", "escalate");
        action.putObject("data").put("runId", run);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TestSim.JSON.writeValueAsString(a))).build(),
                HttpResponse.BodyHandlers.ofString());
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
