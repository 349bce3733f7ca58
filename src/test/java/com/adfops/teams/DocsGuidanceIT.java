package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.config.ApplicationWiring;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app with its documentation source pointed at an in-process MCP server that plays Microsoft Learn: every
 * failing pipeline of the built-in dataset gets guidance relevant to its error, and how-to questions are answered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DocsGuidanceIT {

    /** Fixture "Learn": which page answers a query that mentions which word. */
    static final Map<String, String> PAGES = new LinkedHashMap<>();

    static {
        String l = "https://learn.microsoft.com/en-us/azure/data-factory/";
        PAGES.put("SqlFailedToConnect", l + "connector-troubleshoot-azure-sql");
        PAGES.put("UserErrorSourceBlobNotExists", l + "connector-troubleshoot-azure-blob-storage");
        PAGES.put("3204", l + "data-factory-troubleshoot-guide#databricks");
        PAGES.put("2108", l + "data-factory-troubleshoot-guide#web-activity");
        PAGES.put("2010", l + "self-hosted-integration-runtime-troubleshoot-guide");
        PAGES.put("TypeConversionFailure", l + "copy-activity-schema-and-type-mapping");
        PAGES.put("AdlsGen2OperationFailed", l + "connector-troubleshoot-azure-data-lake");
        PAGES.put("rerun", l + "monitor-visually#rerun-from-failed-activity");
    }

    static com.adfops.docs.TestMcpServerAccess learn;
    static FakeConnector connector;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationWiring.SimulatedFactoryHolder sim;

    @DynamicPropertySource
    static void docs(DynamicPropertyRegistry registry) throws Exception {
        connector = new FakeConnector();
        learn = com.adfops.docs.TestMcpServerAccess.start(q -> {
            for (Map.Entry<String, String> e : PAGES.entrySet()) {
                if (q.toLowerCase().contains(e.getKey().toLowerCase())) {
                    return new String[] {"Fixture page for " + e.getKey(), e.getValue(), "How to fix " + e.getKey()};
                }
            }
            return new String[0];
        });
        registry.add("adfops.docs.mcp-url", learn::url);
    }

    @AfterAll
    static void stop() {
        learn.close();
        connector.close();
    }

    void post(ObjectNode activity) {
        assertThat(TeamsActivities.post(port, activity).statusCode()).isEqualTo(200);
    }

    ObjectNode activity(String file, String conv) {
        return TeamsActivities.sample(file, connector.serviceUrl(), conv);
    }

    @Test
    void everyFailingRunOfTheDatasetGetsRelevantGuidanceFromLearn() throws Exception {
        int checked = 0;
        for (JsonNode run : sim.server().runsNow()) {
            if (!run.get("status").asText().equals("Failed") || run.path("invokedBy").path("pipelineRunId").isTextual()) {
                continue;
            }
            String conv = "a:guidance-" + UUID.randomUUID();
            ObjectNode submit = activity("personal-card-submit.json", conv);
            submit.set("value", TestSim.JSON.createObjectNode().put("action", "diagnose").put("runId", run.get("runId").asText()));
            post(submit);
            String card = connector.await(s -> s.conversationId().equals(conv) && s.card().toString().contains("Likely root cause"),
                    Duration.ofSeconds(20)).card().toString();
            String expected = PAGES.entrySet().stream().filter(e -> card.contains(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElseThrow(() -> new AssertionError("no fixture page fits " + card));
            assertThat(card).as(run.get("pipelineName").asText()).contains("Guidance from Microsoft Learn", expected);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(6);
    }

    @Test
    void howToQuestionIsAnsweredWithLinks() throws Exception {
        String conv = "a:howto-" + UUID.randomUUID();
        ObjectNode msg = activity("personal-message.json", conv);
        msg.put("text", "how do I rerun from a failed activity?");
        post(msg);
        String card = connector.await(s -> s.conversationId().equals(conv) && s.card().toString().contains("Guidance"),
                Duration.ofSeconds(20)).card().toString();
        assertThat(card).contains("how do I rerun from a failed activity?", "Guidance from Microsoft Learn",
                PAGES.get("rerun"));
    }
}
