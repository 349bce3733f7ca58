package com.adfops.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.agent.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every card template with its sample data: our expansion equals the official npm engine's, the result is a valid
 * Adaptive Card for the official object model, it matches its golden file, and it is small enough for Teams.
 * Run with {@code -Dadfops.updateGolden=true} to rewrite the golden files after a deliberate change.
 */
class CardTemplatesTest {

    static final Path GOLDEN = Path.of("src/test/resources/cards");
    static final CardFactory FACTORY = new CardFactory(TestSim.JSON);
    static Map<String, JsonNode> data = new LinkedHashMap<>();
    static Map<String, String> templateOf = new LinkedHashMap<>();
    static Map<String, NodeCardCheck.Result> npm;

    @BeforeAll
    static void expandWithNpm() throws Exception {
        for (Map.Entry<String, Reply> e : CardSamples.all().entrySet()) {
            CardFactory.CardData card = FACTORY.cardData(e.getValue(), CardSamples.VIEW);
            templateOf.put(e.getKey(), card.template());
            data.put(e.getKey(), card.data());
        }
        ArrayNode batch = TestSim.JSON.createArrayNode();
        for (String name : data.keySet()) {
            ObjectNode item = batch.addObject();
            item.put("name", name);
            item.set("template", template(templateOf.get(name)));
            item.set("data", data.get(name));
        }
        npm = NodeCardCheck.run(batch);
    }

    static JsonNode template(String name) throws Exception {
        return TestSim.JSON.readTree(CardTemplatesTest.class.getResourceAsStream("/cards/" + name + ".json"));
    }

    @Test
    void ourExpansionEqualsTheOfficialNpmEngine() {
        for (String name : data.keySet()) {
            JsonNode ours = FACTORY.expand(templateOf.get(name), data.get(name));
            assertThat(ours).as(name).isEqualTo(npm.get(name).expanded());
        }
    }

    @Test
    void cardsAreValidForTheOfficialObjectModel() {
        for (String name : data.keySet()) {
            // adaptivecards 3.0.6 knows no Chart.* element (Teams renders them) and says so once, then uses the
            // fallback: that event is accepted for a chart that has one, nothing else.
            JsonNode card = npm.get(name).expanded();
            List<String> problems = npm.get(name).problems().stream()
                    .filter(p -> !(p.contains("Unknown element type \"Chart.") && chartsHaveFallbacks(card)))
                    .toList();
            assertThat(problems).as(name).isEmpty();
        }
    }

    /** Every Chart.* element of the card carries a fallback. */
    static boolean chartsHaveFallbacks(JsonNode node) {
        if (node.isObject()) {
            if (node.path("type").asText().startsWith("Chart.") && !node.has("fallback")) {
                return false;
            }
            for (JsonNode child : node) {
                if (!chartsHaveFallbacks(child)) {
                    return false;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                if (!chartsHaveFallbacks(child)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void cardsHaveNoUnexpandedExpressionsAndFitInATeamsMessage() throws Exception {
        for (String name : data.keySet()) {
            JsonNode card = FACTORY.expand(templateOf.get(name), data.get(name));
            String text = TestSim.JSON.writeValueAsString(card);
            // Values from data are inserted literally, so only the sample that carries "${" in its data may show it.
            if (!java.util.Set.of("failing-many", "action-pending", "action-resolved", "alert", "what-changed", "cost", "export-shared",
                    "performance-one-copy-tips").contains(name)) {
                assertThat(text).as(name).doesNotContain("${");
            }
            assertThat(text.getBytes(StandardCharsets.UTF_8).length).as(name).isLessThan(CardFactory.MAX_CARD_BYTES);
            assertThat(card.get("version").asText()).isEqualTo("1.5");
            assertThat(text).as(name).doesNotContain("secret123");
        }
    }

    @Test
    void cardsMatchTheirGoldenFiles() throws Exception {
        boolean update = Boolean.getBoolean("adfops.updateGolden");
        for (String name : data.keySet()) {
            JsonNode card = FACTORY.expand(templateOf.get(name), data.get(name));
            Path file = GOLDEN.resolve(name + ".expected.json");
            if (update) {
                Files.writeString(file, TestSim.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(card) + "\n");
            }
            assertThat(file).as("golden file for " + name).exists();
            assertThat(card).as(name).isEqualTo(TestSim.JSON.readTree(file.toFile()));
        }
    }

    @Test
    void diagnosisCardShowsTheRootCauseAndTheButtons() throws Exception {
        String text = TestSim.JSON.writeValueAsString(FACTORY.expand("diagnosis/diagnosis", data.get("diagnosis")));
        assertThat(text).contains("Likely root cause", "Run child › child_load › Copy customers", "TypeConversionFailure",
                "Data / schema", "Follow up", "Escalate", "Clear history", "\"runId\":\"run-master\"", "Parameters (2)");
        assertThat(text).contains("Guidance from Microsoft Learn",
                "[Schema and data type mapping in copy activity](https://learn.microsoft.com/en-us/azure/data-factory/copy-activity-schema-and-type-mapping)",
                "[Fault tolerance \\\\[of\\\\] copy activity]");
        String none = TestSim.JSON.writeValueAsString(FACTORY.expand("diagnosis/diagnosis", data.get("diagnosis-no-root")));
        assertThat(none).contains("ADF recorded no failed activity").doesNotContain("Likely root cause")
                .contains("Guidance is unavailable right now");
        String offline = TestSim.JSON.writeValueAsString(FACTORY.expand("diagnosis/diagnosis", data.get("diagnosis-offline-guidance")));
        assertThat(offline).contains("Guidance from the built-in docs index", "Microsoft Learn is unavailable right now");
    }

    @Test
    void aDiagnosisSaysTheHumanCauseFirstAndShowsAnHtmlPageWithoutMarkup() throws Exception {
        JsonNode card = FACTORY.expand("diagnosis/diagnosis", data.get("diagnosis-web-html"));
        JsonNode root = null;
        for (JsonNode item : card.get("body")) {
            if (item.path("items").path(0).path("inlines").path(0).path("text").asText().equals("Likely root cause")) {
                root = item.get("items");
            }
        }
        assertThat(root).as("the root cause section").isNotNull();
        // The failing activity and its code, then the human sentence, before anything else.
        assertThat(root.get(1).get("inlines").get(0).get("text").asText()).startsWith("✖ ");
        assertThat(root.get(2).get("inlines").get(0).get("text").asText())
                .isEqualTo("502 Bad Gateway: The upstream service did not answer");
        String text = TestSim.JSON.writeValueAsString(card);
        assertThat(text).contains("Try again in a few minutes & contact ops if it persists.")
                .doesNotContain("<", "&amp;", "font-family", "dataLayer", "trace 8f2c", "DOCTYPE");
    }

    /**
     * At 3 a.m.: the diagnosis card opens with the title, one line of when/where with the run as a link, and the root
     * cause; the facts and full messages wait behind "Show full error"; at most four buttons act, the rest are under
     * "More…".
     */
    @Test
    void aDiagnosisShowsTheAnswerFirstAndAtMostFourButtons() throws Exception {
        JsonNode card = FACTORY.expand("diagnosis/diagnosis", data.get("diagnosis"));
        JsonNode body = card.get("body");
        for (JsonNode item : body) {
            if (item.path("id").asText().equals("details")) {
                assertThat(item.path("isVisible").asBoolean(true)).as("details start collapsed").isFalse();
                assertThat(TestSim.JSON.writeValueAsString(item)).contains("Run ID: ", "Started: ");
            }
        }
        // Nothing before the root cause repeats the title as a fact ("Pipeline:", "Status:").
        String beforeRoot = TestSim.JSON.writeValueAsString(body.get(0)) + TestSim.JSON.writeValueAsString(body.get(1));
        assertThat(beforeRoot).doesNotContain("Pipeline: ", "Status: ");
        assertThat(body.get(1).path("inlines").path(1).path("selectAction").path("url").asText())
                .startsWith("https://adf.azure.com/en/monitoring/pipelineruns/");
        JsonNode acts = body.get(body.size() - 1).get("actions");
        List<String> titles = new java.util.ArrayList<>();
        acts.forEach(a -> titles.add(a.path("title").asText()));
        assertThat(titles).containsExactly("Rerun from failed activity", "Rerun pipeline", "What changed?", "Escalate", "More…");
        List<String> more = new java.util.ArrayList<>();
        acts.get(4).path("card").path("actions").forEach(a -> more.add(a.path("title").asText()));
        assertThat(more).containsExactly("Resolved…", "Follow up", "Watch this pipeline", "Clear history");
        assertThat(card.path("actions").isMissingNode() || card.path("actions").isEmpty()).isTrue();
    }

    @Test
    void longListsAreCutWithANote() throws Exception {
        JsonNode card = FACTORY.expand("runs/failing-pipelines", data.get("failing-many"));
        String text = TestSim.JSON.writeValueAsString(card);
        assertThat(text).contains("…and 25 more failing pipelines");
        long buttons = text.split("\"verb\":\"diagnose\"", -1).length - 1;
        assertThat(buttons).isEqualTo(CardText.MAX_ROWS);
    }
}
