package com.adfops.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adfops.TestSim;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A factory described in a few lines: deterministic per seed, shaped like a real one, its runs made on demand. */
class GeneratedFactoryTest {

    static final Instant END = Instant.parse("2026-11-26T12:00:00Z");

    private static GeneratedFactory.Spec spec(long seed) {
        return new GeneratedFactory.Spec("adf-gen", 60, 4000, 3, 0, 0.05, 0.25, 0.4, 3, seed, END);
    }

    @Test
    void theSameSpecGivesTheSameFactoryAndAnotherSeedAnother() {
        GeneratedFactory a = GeneratedFactory.generate(spec(7), Instant.now());
        GeneratedFactory b = GeneratedFactory.generate(spec(7), Instant.now().plusSeconds(3600));
        GeneratedFactory c = GeneratedFactory.generate(spec(8), Instant.now());
        assertThat(a.size()).isEqualTo(b.size());
        for (int s = 0; s < a.size(); s += 97) {
            assertThat(a.json(s)).isEqualTo(b.json(s));
            assertThat(a.activities(s)).isEqualTo(b.activities(s));
            // Made on demand, the same every time.
            assertThat(a.activities(s)).isEqualTo(a.activities(s));
        }
        assertThat(c.json(0)).isNotEqualTo(a.json(0));
        assertThat(a.pipelineNames()).isEqualTo(b.pipelineNames());
    }

    @Test
    void runsAreAsManyAsAskedSortedByStartAndFoundById() {
        GeneratedFactory g = GeneratedFactory.generate(spec(1), END);
        // 4,000 a day for 3 days, reruns on top.
        assertThat(g.size()).isBetween(11_000, 13_500);
        for (int s = 1; s < g.size(); s++) {
            assertThat(g.start(s)).isGreaterThanOrEqualTo(g.start(s - 1));
        }
        assertThat(g.start(0)).isGreaterThanOrEqualTo(SimRuns.micros(END.minus(Duration.ofDays(3))));
        assertThat(g.start(g.size() - 1)).isLessThan(SimRuns.micros(END));
        Set<String> ids = new HashSet<>();
        for (int s = 0; s < g.size(); s++) {
            String id = g.runId(s);
            assertThat(g.slotOf(id)).isEqualTo(s);
            ids.add(id);
        }
        assertThat(ids).hasSize(g.size());
        assertThat(g.slotOf("00000000-0000-0000-0000-000000000000")).isEqualTo(-1);
        assertThat(g.slotOf("not-a-run")).isEqualTo(-1);
        assertThat(g.slotOf(null)).isEqualTo(-1);
    }

    @Test
    void shapedLikeARealFactory() {
        GeneratedFactory g = GeneratedFactory.generate(spec(3), END);
        Map<String, ObjectNode> byId = new HashMap<>();
        List<ObjectNode> runs = new ArrayList<>();
        for (int s = 0; s < g.size(); s++) {
            ObjectNode r = g.json(s);
            runs.add(r);
            byId.put(r.get("runId").asText(), r);
        }
        Map<String, Long> byStatus = new HashMap<>();
        Set<String> triggers = new HashSet<>();
        Set<Long> durations = new HashSet<>();
        int children = 0;
        int reruns = 0;
        for (int s = 0; s < g.size(); s++) {
            ObjectNode r = runs.get(s);
            byStatus.merge(r.get("status").asText(), 1L, Long::sum);
            durations.add(r.get("durationInMs").asLong() / 1000);
            JsonNode by = r.get("invokedBy");
            String type = by.get("invokedByType").asText();
            if (type.equals("ScheduleTrigger")) {
                triggers.add(by.get("name").asText());
            }
            if (type.equals("PipelineActivity")) {
                children++;
                // The parent's Execute Pipeline activity names this child run, and the child failing fails the parent.
                ObjectNode parent = byId.get(by.get("pipelineRunId").asText());
                assertThat(parent).isNotNull();
                List<ObjectNode> acts = g.activities(g.slotOf(parent.get("runId").asText()));
                ObjectNode exec = acts.stream().filter(a -> a.get("activityType").asText().equals("ExecutePipeline")
                        && a.get("output").get("pipelineRunId").asText().equals(r.get("runId").asText())).findFirst().orElseThrow();
                assertThat(exec.get("activityRunId").asText()).isEqualTo(by.get("id").asText());
                assertThat(exec.get("status").asText()).isEqualTo(r.get("status").asText());
                if (r.get("status").asText().equals("Failed")) {
                    assertThat(parent.get("status").asText()).isEqualTo("Failed");
                }
            }
            if (type.equals("Manual")) {
                reruns++;
                ObjectNode original = byId.get(r.get("runGroupId").asText());
                assertThat(original.get("status").asText()).isEqualTo("Failed");
                assertThat(original.get("isLatest").asBoolean()).isFalse();
                assertThat(original.get("pipelineName")).isEqualTo(r.get("pipelineName"));
                assertThat(Instant.parse(r.get("runStart").asText())).isAfter(Instant.parse(original.get("runEnd").asText()));
            }
            // A failed run names its failed activity, whose error is there.
            if (r.get("status").asText().equals("Failed") && !type.equals("PipelineActivity")) {
                List<ObjectNode> acts = g.activities(s);
                ObjectNode failed = acts.stream().filter(a -> a.get("status").asText().equals("Failed")).findFirst().orElseThrow();
                assertThat(r.get("message").asText()).startsWith("Operation on target " + failed.get("activityName").asText() + " failed: ");
                assertThat(failed.get("error").get("errorCode").asText()).isNotEmpty();
            }
        }
        double failed = byStatus.getOrDefault("Failed", 0L) / (double) g.size();
        assertThat(failed).isBetween(0.02, 0.15);
        assertThat(byStatus).containsKeys("Succeeded", "Failed", "Cancelled");
        assertThat(children / (double) g.size()).isBetween(0.15, 0.35);
        assertThat(reruns).isGreaterThan(20);
        assertThat(triggers).contains("tr_daily", "tr_hourly");
        assertThat(durations.size()).isGreaterThan(500);
        assertThat(g.activityRunCount()).isGreaterThan(2L * g.size());
    }

    @Test
    void errorsRecurOnAPipelineWithSuccessesBetween() {
        GeneratedFactory g = GeneratedFactory.generate(spec(5), END);
        Map<String, List<String>> history = new HashMap<>();
        for (int s = 0; s < g.size(); s++) {
            ObjectNode r = g.json(s);
            if (r.get("invokedBy").get("invokedByType").asText().equals("ScheduleTrigger")) {
                history.computeIfAbsent(r.get("pipelineName").asText(), k -> new ArrayList<>())
                        .add(r.get("status").asText().equals("Failed") ? r.get("message").asText() : "ok");
            }
        }
        // Some pipeline fails with the same message more than once, with successes between.
        boolean recurring = history.values().stream().anyMatch(h -> {
            for (int i = 0; i < h.size(); i++) {
                if (h.get(i).equals("ok")) {
                    continue;
                }
                int next = h.subList(i + 1, h.size()).indexOf(h.get(i));
                if (next > 0 && h.subList(i + 1, i + 1 + next).contains("ok")) {
                    return true;
                }
            }
            return false;
        });
        assertThat(recurring).isTrue();
        // And most pipelines are healthy most of the time.
        long mostlyOk = history.values().stream().filter(h -> h.stream().filter("ok"::equals).count() > h.size() * 0.8).count();
        assertThat(mostlyOk).isGreaterThan(history.size() / 2);
    }

    @Test
    void aDatasetFileCanDescribeAGeneratedFactory(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.json");
        Files.writeString(file, """
                {"generate": {"factory": "adf-big", "pipelines": 30, "runsPerDay": 500, "days": 2, "seed": 9,
                              "end": "2026-11-26T12:00:00Z", "aheadHours": 0}}""");
        SimDataset d = SimDataset.load(file, TestSim.JSON);
        assertThat(d.factory()).isEqualTo("adf-big");
        assertThat(d.pipelineRuns().size()).isBetween(900, 1300);
        assertThat(d.pipelineNames()).hasSize(30);
        ObjectNode first = d.pipelineRuns().get(0);
        assertThat(d.run(first.get("runId").asText())).isEqualTo(first);
        assertThat(d.activityRuns(first.get("runId").asText())).isNotEmpty();
        // The same file, loaded again, is the same factory.
        assertThat(SimDataset.load(file, TestSim.JSON).pipelineRuns().get(500)).isEqualTo(d.pipelineRuns().get(500));
    }

    @Test
    void aWrongDescriptionSaysWhatIsWrong(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"generate\": {\"pipelines\": 10, \"runsADay\": 5}}");
        assertThatThrownBy(() -> SimDataset.load(file, TestSim.JSON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown field \"runsADay\"");
        Files.writeString(file, "{\"generate\": {\"failureRate\": 3}}");
        assertThatThrownBy(() -> SimDataset.load(file, TestSim.JSON)).hasMessageContaining("\"failureRate\" must be 0 to 1");
        Files.writeString(file, "{\"generate\": {\"runsPerDay\": 5000000, \"days\": 30}}");
        assertThatThrownBy(() -> SimDataset.load(file, TestSim.JSON)).hasMessageContaining("at most 20,000,000 runs");
        Files.writeString(file, "{\"generate\": {\"end\": \"yesterday\"}}");
        assertThatThrownBy(() -> SimDataset.load(file, TestSim.JSON)).hasMessageContaining("\"end\" must be a date-time");
    }

    @Test
    void withoutAnEndTheHistoryEndsNowAndRunsAheadAppearLater() {
        GeneratedFactory.Spec s = new GeneratedFactory.Spec("adf-gen", 20, 2000, 1, 12, 0.03, 0.2, 0.3, 3, 4, null);
        GeneratedFactory g = GeneratedFactory.generate(s, END);
        assertThat(g.start(g.size() - 1)).isGreaterThan(SimRuns.micros(END.plus(Duration.ofHours(11))));
        assertThat(g.start(0)).isLessThan(SimRuns.micros(END.minus(Duration.ofHours(23))));
    }
}
