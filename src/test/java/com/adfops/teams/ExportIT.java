package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A compliance export over HTTP: the question gives a card with a signed link to the bot's own endpoint, which serves
 * the CSV; a tampered link gets 403.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "adfops.state.store=memory", "adfops.export.signing-key=export-test-key-0123456789"})
class ExportIT extends WithConnector {

    @LocalServerPort
    int port;

    @Test
    void theExportCardLinksToACsvOfTheRunsAndATamperedLinkIsRefused() throws Exception {
        String conversation = "a:export-" + System.nanoTime();
        ObjectNode ask = TeamsActivities.message(connector.serviceUrl(), conversation, "export runs for the last 3 days");
        assertThat(TeamsActivities.post(port, ask).statusCode()).isEqualTo(200);
        FakeConnector.Sent card = connector.await(s -> s.conversationId().equals(conversation)
                && s.card().toString().contains("Download CSV"), Duration.ofSeconds(20));
        String link = null;
        for (var a : card.card().path("actions")) {
            if ("Download CSV".equals(a.path("title").asText())) {
                link = a.path("url").asText();
            }
        }
        assertThat(link).startsWith("http://127.0.0.1:" + port + "/api/export?token=");

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", ".csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("factory,pipeline,run_id");
        assertThat(lines.length).isGreaterThan(10);
        assertThat(csv.body()).contains("pl_ingest_sales_orders").contains("Failed");

        String tampered = link.substring(0, link.length() - 3) + (link.endsWith("AAA") ? "BBB" : "AAA");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(tampered)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/export")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }
}
