package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With an allow-list of tenants, activities from other tenants are refused before anything is processed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "adfops.auth.allowed-tenants=11111111-aaaa-bbbb-cccc-000000000001, 00000000-0000-0000-0000-0000000000001")
class TenantAllowListIT extends WithConnector {

    @LocalServerPort
    int port;

    int post(String tenant) throws Exception {
        // One connector for the class: the answer (and anything after it) is taken, never refused by a closed port.
        String conversation = "a:tenant-" + tenant;
        ObjectNode m = TeamsActivities.message(connector.serviceUrl(), conversation, "help");
        ((ObjectNode) m.get("conversation")).put("tenantId", tenant);
        ((ObjectNode) m.get("channelData").get("tenant")).put("id", tenant);
        int status = TeamsActivities.post(port, m).statusCode();
        if (status == 200) {
            // Served: the answer arrives.
            connector.await(s -> s.conversationId().equals(conversation) && s.card().toString().contains("AdaptiveCard"),
                    java.time.Duration.ofSeconds(30));
        } else if (status == 403) {
            Thread.sleep(200);
            assertThat(connector.sent()).as("nothing is sent for a refused tenant")
                    .noneMatch(s -> s.conversationId().equals(conversation));
        }
        return status;
    }

    @Test
    void onlyAllowedTenantsAreServed() throws Exception {
        assertThat(post("00000000-0000-0000-0000-0000000000001")).isEqualTo(200);
        assertThat(post("99999999-0000-0000-0000-000000000009")).isEqualTo(403);
    }
}
