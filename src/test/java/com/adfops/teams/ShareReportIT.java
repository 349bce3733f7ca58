package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * *Share to channel* on an export card: the summary goes to the report channel as a new thread (who shared it, no
 * link), the conversation is told, and *Get a download link* on the shared copy gives the clicker a fresh link.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "adfops.state.store=memory", "adfops.export.signing-key=export-test-key-0123456789",
    "adfops.export.report-channel-id=19:ops-reports@thread.tacv2"})
class ShareReportIT extends WithConnector {

    @LocalServerPort
    int port;

    @Test
    void theSummaryIsPostedToTheReportChannelAndALinkIsFreshPerClick() throws Exception {
        String chat = "a:share-" + System.nanoTime();
        assertThat(TeamsActivities.post(port, TeamsActivities.message(connector.serviceUrl(), chat,
                "export runs for the last 3 days")).statusCode()).isEqualTo(200);
        JsonNode card = connector.await(s -> s.conversationId().equals(chat) && s.card().toString().contains("Share to channel"),
                Duration.ofSeconds(20)).card();
        JsonNode share = null;
        for (JsonNode a : card.path("actions")) {
            if ("Share to channel".equals(a.path("title").asText())) {
                share = a.path("data");
            }
        }
        assertThat(share).isNotNull();
        assertThat(share.path("action").asText()).isEqualTo("sharereport");

        ObjectNode click = TeamsActivities.invoke("personal-message.json", connector.serviceUrl(), chat, "card-1", "sharereport");
        ((ObjectNode) click.at("/value/action")).set("data", share.deepCopy());
        HttpResponse<String> r = TeamsActivities.post(port, click);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Sharing to the report channel");

        FakeConnector.Sent created = connector.await(s -> s.method().equals("POST") && s.path().equals("/v3/conversations")
                && s.activity().at("/channelData/channel/id").asText().equals("19:ops-reports@thread.tacv2"), Duration.ofSeconds(20));
        JsonNode posted = created.activity().path("activity").path("attachments").path(0).path("content");
        assertThat(posted.toString()).contains("Shared by ", "Alex Wilber", "Get a download link")
                .doesNotContain("Download CSV").doesNotContain("token=");
        assertThat(connector.await(s -> s.conversationId().equals(chat) && s.text().contains("Shared to the report channel"),
                Duration.ofSeconds(20))).isNotNull();

        // From the channel copy: a fresh link, for whoever clicks.
        JsonNode again = null;
        for (JsonNode a : posted.path("actions")) {
            if ("Get a download link".equals(a.path("title").asText())) {
                again = a.path("data");
            }
        }
        assertThat(again).isNotNull();
        String thread = "19:ops-reports@thread.tacv2;messageid=" + System.nanoTime();
        ObjectNode get = TeamsActivities.invoke("channel-mention-message.json", connector.serviceUrl(), thread, "card-2", "exportlink");
        ((ObjectNode) get.at("/value/action")).set("data", again.deepCopy());
        assertThat(TeamsActivities.post(port, get).statusCode()).isEqualTo(200);
        JsonNode fresh = connector.await(s -> s.conversationId().equals(thread) && s.card().toString().contains("Download CSV"),
                Duration.ofSeconds(20)).card();
        assertThat(fresh.toString()).contains("/api/export?token=").contains(share.path("from").asText().substring(0, 10));
    }
}
