package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With an allow-list of tenants, activities from other tenants are refused before anything is processed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "adfops.auth.allowed-tenants=11111111-aaaa-bbbb-cccc-000000000001, 00000000-0000-0000-0000-0000000000001")
class TenantAllowListIT {

    @LocalServerPort
    int port;

    int post(String tenant) throws Exception {
        try (FakeConnector connector = new FakeConnector()) {
            ObjectNode m = (ObjectNode) TestSim.JSON.readTree(Files.readString(
                    Path.of("src/test/resources/teams-activities/personal-message.json")));
            m.put("serviceUrl", connector.serviceUrl());
            ((ObjectNode) m.get("conversation")).put("tenantId", tenant);
            ((ObjectNode) m.get("channelData").get("tenant")).put("id", tenant);
            int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(TestSim.JSON.writeValueAsString(m))).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
            if (status == 403) {
                Thread.sleep(200);
                assertThat(connector.sent()).as("nothing is sent for a refused tenant").isEmpty();
            }
            return status;
        }
    }

    @Test
    void onlyAllowedTenantsAreServed() throws Exception {
        assertThat(post("00000000-0000-0000-0000-0000000000001")).isEqualTo(200);
        assertThat(post("99999999-0000-0000-0000-000000000009")).isEqualTo(403);
    }
}
