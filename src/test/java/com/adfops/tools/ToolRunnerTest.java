package com.adfops.tools;

import com.adfops.agent.OfflineAgent;
import com.adfops.agent.Replies;
import com.adfops.agent.Reply;
import com.adfops.agent.Turn;
import com.adfops.tools.ToolRunner;
import com.adfops.runs.AdfTools;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.DatasetBuilder;
import com.adfops.TestSim;
import com.adfops.docs.BuiltInDocsIndex;
import com.adfops.docs.DocsService;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The model-facing tool outputs: compact, bounded, safe, and errors as results. */
class ToolRunnerTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static TestSim sim;
    static ToolRunner runner;
    static String bigRun;

    @BeforeAll
    static void start() {
        DatasetBuilder d = new DatasetBuilder("df-big");
        DatasetBuilder.Run run = d.run("pl_500_activities", NOW.minus(Duration.ofHours(1)), 3000, "Failed");
        run.activity("ForEach file", "ForEach", 1, 2900, "Failed", "", "Activity failed because an inner activity failed");
        for (int i = 0; i < 499; i++) {
            boolean bad = i % 5 == 0;
            run.activity("Copy file " + i, "Copy", 2 + i * 5, 4, bad ? "Failed" : "Succeeded", bad ? "2200" : null,
                    bad ? "ErrorCode=UserErrorSourceBlobNotExists,'Message=The required Blob is missing. Password=hunter2; "
                            + "x".repeat(3000) + "'" : null);
        }
        bigRun = run.id();
        for (int p = 0; p < 40; p++) {
            d.run("pl_many_" + p, NOW.minus(Duration.ofMinutes(30 + p)), 60, "Failed")
                    .activity("Step", "Copy", 1, 10, "Failed", "2200", "ErrorCode=SqlFailedToConnect,'Message=" + "y".repeat(2000) + "'");
        }
        sim = TestSim.of(d.build(), 100);
        AdfTools tools = new AdfTools(sim.adf, Clock.fixed(NOW, ZoneOffset.UTC));
        runner = new ToolRunner(tools, new DocsService(null, new BuiltInDocsIndex(TestSim.JSON), Clock.systemUTC(),
                Duration.ofSeconds(1), Duration.ofHours(1), 10, Duration.ofSeconds(60)), TestSim.JSON);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void aRunWith500ActivitiesStillYieldsASmallOutput() throws Exception {
        ToolRunner.Call c = runner.run("adf_pipeline_activity_runs", "{\"run_id\":\"" + bigRun + "\"}", ZoneId.of("UTC"));
        assertThat(c.ok()).isTrue();
        assertThat(c.output().length()).isLessThan(ToolRunner.MAX_OUTPUT_CHARS);
        JsonNode out = TestSim.JSON.readTree(c.output());
        assertThat(out.get("activities_examined").asInt()).isEqualTo(500);
        assertThat(out.get("failed_activities").size()).isLessThanOrEqualTo(15);
        assertThat(out.at("/root_cause/message").asText().length()).isLessThanOrEqualTo(600);
        assertThat(c.output()).doesNotContain("hunter2");
        assertThat(c.diagnosis().rootCause().activity().activityType()).isEqualTo("Copy");
        System.out.printf("tool output sizes: activity runs (500 activities) %d chars = ~%d tokens%n",
                c.output().length(), c.output().length() / 4);
    }

    @Test
    void aWindowWithManyFailingPipelinesStaysBounded() throws Exception {
        ToolRunner.Call c = runner.run("adf_pipeline_runs", "{\"status\":\"Failed\"}", ZoneId.of("UTC"));
        JsonNode out = TestSim.JSON.readTree(c.output());
        assertThat(out.get("failing").size()).isEqualTo(15);
        assertThat(out.get("more_failing").asInt()).isEqualTo(26);
        assertThat(c.output().length()).isLessThan(ToolRunner.MAX_OUTPUT_CHARS);
        System.out.printf("tool output sizes: pipeline runs (41 failing) %d chars = ~%d tokens%n",
                c.output().length(), c.output().length() / 4);
    }

    @Test
    void runStatsSayHowLongPipelinesTakeAndWhichRunIsGoingLong() throws Exception {
        DatasetBuilder d = new DatasetBuilder("df-durations");
        for (int i = 1; i <= 72; i++) {
            // Hourly, 60 to 72 s; a run every 12 hours of 10 to 12 minutes.
            d.run("pl_hourly_sync", NOW.minus(Duration.ofHours(i)), 60 + i % 13, "Succeeded");
        }
        for (int i = 1; i <= 12; i++) {
            d.run("pl_daily_load", NOW.minus(Duration.ofHours(i * 12L)), 600 + i * 10, "Succeeded");
        }
        // Far slower than its usual minute (but one run: not a trend), and one still going after 20 minutes (it will
        // end in 40).
        DatasetBuilder.Run slow = d.run("pl_hourly_sync", NOW.minus(Duration.ofMinutes(150)), 900, "Succeeded");
        DatasetBuilder.Run going = d.run("pl_hourly_sync", NOW.minus(Duration.ofMinutes(20)), 3600, "Succeeded");
        try (TestSim s = TestSim.of(d.build(), 100, Clock.fixed(NOW, ZoneOffset.UTC))) {
            ToolRunner r = new ToolRunner(new AdfTools(s.adf, Clock.fixed(NOW, ZoneOffset.UTC)), new DocsService(null,
                    new BuiltInDocsIndex(TestSim.JSON), Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofHours(1), 10,
                    Duration.ofSeconds(60)), TestSim.JSON);
            ToolRunner.Call c = r.run("adf_run_stats", "{\"window\":\"last 7 days\"}", ZoneId.of("UTC"));
            JsonNode out = TestSim.JSON.readTree(c.output());
            assertThat(out.at("/slowest_by_median/0/pipeline").asText()).isEqualTo("pl_daily_load");
            assertThat(out.at("/slowest_by_median/0/median_seconds").asLong()).isBetween(600L, 730L);
            // Twelve runs: the 5 latest and 7 before them, one short of a baseline.
            assertThat(out.at("/slowest_by_median/0/verdict").asText()).isEqualTo("too_little_history");
            assertThat(out.at("/slowest_by_median/0/runs_needed").asInt()).isEqualTo(13);
            // The hourly one: its recent runs (the last 48 hours: 48 hourly runs and the slow one) against the 24 before;
            // one slow run, no trend; the verdict carries the figures and the test behind it.
            JsonNode hourly = out.at("/slowest_by_median/1");
            assertThat(hourly.get("pipeline").asText()).isEqualTo("pl_hourly_sync");
            assertThat(hourly.get("verdict").asText()).isEqualTo("slow_runs");
            assertThat(hourly.at("/recent/runs").asInt()).isEqualTo(49);
            assertThat(hourly.at("/baseline/runs").asInt()).isEqualTo(24);
            assertThat(hourly.at("/test/outcome").asText()).startsWith("not run: the median changed by less");
            assertThat(hourly.get("slow_runs").asInt()).isEqualTo(1);
            assertThat(out.at("/slower_than_usual/0/run_id").asText()).isEqualTo(slow.id());
            assertThat(out.get("getting_slower")).isEmpty();
            // Running long against the last 20 successes: 60 to 72 s and the slow 900 s; p95 (the 19th of 20) is the
            // longest of the usual ones.
            assertThat(out.at("/running_long/0/run_id").asText()).isEqualTo(going.id());
            assertThat(out.at("/running_long/0/running_seconds").asLong()).isEqualTo(1200L);
            assertThat(out.at("/running_long/0/baseline_runs").asInt()).isEqualTo(20);
            assertThat(out.at("/running_long/0/p95_seconds").asLong()).isLessThan(73L);
            assertThat(out.at("/running_long/0/summary").asText()).startsWith("Running long: usually ");
            assertThat(c.output().length()).isLessThan(ToolRunner.MAX_OUTPUT_CHARS);
        }
    }

    @Test
    void pipelineRunsSayWhichRunIsGoingLongAgainstItsLastSuccesses() throws Exception {
        // A nightly pipeline: 12 nights of 20 minutes before, tonight's run going for 80 (the 24-hour window holds one
        // success: its baseline is read back, 12 runs).
        DatasetBuilder d = new DatasetBuilder("df-nightly");
        for (int n = 1; n <= 12; n++) {
            d.run("pl_nightly", NOW.minus(Duration.ofMinutes(80)).minus(Duration.ofDays(n)), 1200, "Succeeded");
        }
        DatasetBuilder.Run going = d.run("pl_nightly", NOW.minus(Duration.ofMinutes(80)), 7200, "Succeeded");
        try (TestSim s = TestSim.of(d.build(), 100, Clock.fixed(NOW, ZoneOffset.UTC))) {
            AdfTools tools = new AdfTools(s.adf, Clock.fixed(NOW, ZoneOffset.UTC));
            tools.baselines().turnWait(Duration.ofMinutes(1));
            ToolRunner r = new ToolRunner(tools, new DocsService(null, new BuiltInDocsIndex(TestSim.JSON), Clock.systemUTC(),
                    Duration.ofSeconds(1), Duration.ofHours(1), 10, Duration.ofSeconds(60)), TestSim.JSON);
            JsonNode out = TestSim.JSON.readTree(r.run("adf_pipeline_runs", "{\"pipeline\":\"pl_nightly\"}",
                    ZoneId.of("UTC")).output());
            JsonNode longRun = out.at("/running_long/0");
            assertThat(longRun.get("run_id").asText()).isEqualTo(going.id());
            assertThat(longRun.get("running_seconds").asLong()).isEqualTo(4800);
            assertThat(longRun.get("p95_seconds").asLong()).isEqualTo(1200);
            assertThat(longRun.get("usual_from_seconds").asLong()).isEqualTo(1200);
            assertThat(longRun.get("times_p95").asDouble()).isEqualTo(4.0);
            assertThat(longRun.get("flagged_after_seconds").asLong()).isEqualTo(1500);
            assertThat(longRun.get("baseline_runs").asInt()).isEqualTo(12);
            assertThat(longRun.get("summary").asText()).isEqualTo("Running long: usually 20m 0s–20m 0s, p95 20m 0s (its "
                    + "last 12 successful runs, over 12 days); running 1h 20m, 4.0x the p95");
        }
    }

    @Test
    void runStatsOfABusyFactoryStayWholeJson() throws Exception {
        try (TestSim s = TestSim.builtIn(NOW, 100)) {
            ToolRunner r = new ToolRunner(new AdfTools(s.adf, Clock.fixed(NOW, ZoneOffset.UTC)), new DocsService(null,
                    new BuiltInDocsIndex(TestSim.JSON), Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofHours(1), 10,
                    Duration.ofSeconds(60)), TestSim.JSON);
            String output = r.run("adf_run_stats", "{}", ZoneId.of("UTC")).output();
            System.out.printf("tool output sizes: run stats (built-in factory) %d chars = ~%d tokens%n", output.length(),
                    output.length() / 4);
            assertThat(output.length()).isLessThan(ToolRunner.MAX_OUTPUT_CHARS);
            assertThat(TestSim.JSON.readTree(output).get("slowest_by_median")).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.get("verdict").asText()).isNotBlank());
        }
    }

    /**
     * The model's "what changed?" and "new or recurring?" state what the cards state (the built-in dataset's sales
     * ingest: three failures in a row since it moved to another integration runtime), found by pipeline or by run id.
     */
    @Test
    void whatChangedAndFailureHistoryStateWhatTheCardsState() throws Exception {
        try (TestSim s = TestSim.builtIn(NOW, 100)) {
            AdfTools tools = new AdfTools(s.adf, Clock.fixed(NOW, ZoneOffset.UTC));
            ToolRunner r = new ToolRunner(tools, com.adfops.docs.TestDocs.builtInOnly(), TestSim.JSON);
            OfflineAgent agent = new OfflineAgent(tools, new com.adfops.state.InMemoryConversationStore(),
                    new com.adfops.diagnosis.GuidanceFinder(com.adfops.docs.TestDocs.builtInOnly()), Duration.ofHours(12));
            Reply.DiagnosisCard card = Replies.part(agent.handle(new Turn("c-tools", "Dana",
                    "why did pl_ingest_sales_orders fail?", java.util.Map.of(), ZoneId.of("UTC"))), Reply.DiagnosisCard.class);
            Reply.WhatChanged w = Replies.part(agent.handle(new Turn("c-tools", "Dana",
                    "what changed since pl_ingest_sales_orders last worked?", java.util.Map.of(), ZoneId.of("UTC"))),
                    Reply.WhatChanged.class);

            JsonNode changed = TestSim.JSON.readTree(r.run(ToolRunner.WHAT_CHANGED,
                    "{\"pipeline\":\"ingest sales orders\"}", ZoneId.of("UTC")).output());
            assertThat(changed.at("/failed_run/run_id").asText()).isEqualTo(card.diagnosis().run().runId())
                    .isEqualTo(w.failed().runId());
            assertThat(changed.at("/last_success/run_id").asText()).isEqualTo(w.lastSuccess().runId());
            assertThat(changed.get("changes_found").asInt()).isEqualTo(w.changes().size());
            for (int i = 0; i < w.changes().size(); i++) {
                assertThat(changed.at("/changes/" + i + "/what").asText()).isEqualTo(w.changes().get(i).what());
                assertThat(changed.at("/changes/" + i + "/after").asText()).isEqualTo(w.changes().get(i).after());
            }
            assertThat(changed.at("/changes/0/what").asText()).isEqualTo("Activity Update watermark");

            String byId = "{\"run_id\":\"" + card.diagnosis().run().runId() + "\"}";
            ToolRunner.Call history = r.run(ToolRunner.FAILURE_HISTORY, byId, ZoneId.of("UTC"));
            JsonNode h = TestSim.JSON.readTree(history.output());
            assertThat(history.ok()).isTrue();
            assertThat(h.get("pipeline").asText()).isEqualTo("pl_ingest_sales_orders");
            assertThat(h.at("/history/failures_in_a_row").asInt()).isEqualTo(card.history().failuresInARow()).isEqualTo(3);
            assertThat(h.at("/history/successes_before").asInt()).isEqualTo(card.history().successesBefore());
            assertThat(h.get("verdict").asText()).isEqualTo(card.history().isRecurring() ? "recurring" : "new");
            assertThat(h.at("/root_cause/error_code").asText())
                    .isEqualTo(card.diagnosis().rootCause().activity().error().errorCode());
            // The same history by pipeline; a pipeline that does not exist gets the closest names, not an error.
            assertThat(TestSim.JSON.readTree(r.run(ToolRunner.FAILURE_HISTORY, "{\"pipeline\":\"pl_ingest_sales_orders\"}",
                    ZoneId.of("UTC")).output()).get("history")).isEqualTo(h.get("history"));
            JsonNode unknown = TestSim.JSON.readTree(r.run(ToolRunner.WHAT_CHANGED, "{\"pipeline\":\"pl_nothing_like_it\"}",
                    ZoneId.of("UTC")).output());
            assertThat(unknown.get("unknown_pipeline").asText()).isEqualTo("pl_nothing_like_it");
            assertThat(ToolCatalog.schemas()).containsKeys(ToolRunner.FAILURE_HISTORY, ToolRunner.WHAT_CHANGED);
            assertThat(ToolCatalog.descriptions()).containsKeys(ToolRunner.FAILURE_HISTORY, ToolRunner.WHAT_CHANGED);
        }
    }

    @Test
    void badInputIsAnErrorResult() throws Exception {
        assertThat(runner.run("adf_pipeline_runs", "not json", ZoneId.of("UTC")).output()).contains("not a JSON object");
        assertThat(runner.run("adf_pipeline_runs", "{\"window\":\"since the dawn of time\"}", ZoneId.of("UTC")).output())
                .contains("is not understood");
        assertThat(runner.run("adf_pipeline_runs", "{\"status\":\"Exploded\"}", ZoneId.of("UTC")).output())
                .contains("status must be one of");
        assertThat(runner.run("adf_pipeline_activity_runs", "{}", ZoneId.of("UTC")).output()).contains("run_id");
        ToolRunner.Call neither = runner.run(ToolRunner.WHAT_CHANGED, "{}", ZoneId.of("UTC"));
        assertThat(neither.ok()).isFalse();
        assertThat(neither.output()).contains("give run_id (a failed run) or pipeline");
        assertThat(runner.run(ToolRunner.FAILURE_HISTORY, "{\"run_id\":\"x y\"}", ZoneId.of("UTC")).output())
                .contains("run_id must be a pipeline run id");
        assertThat(runner.run("nope", "{}", ZoneId.of("UTC")).output()).contains("There is no tool named 'nope'");
        assertThat(TestSim.JSON.readTree(runner.run("adf_pipeline_activity_runs",
                "{\"run_id\":\"00000000-0000-0000-0000-000000000000\"}", ZoneId.of("UTC")).output()).get("found").asBoolean()).isFalse();
        assertThat(runner.run("adf_docs_search", "{\"query\":\"rerun from failed activity\"}", ZoneId.of("UTC")).output())
                .contains("monitor-visually");
    }
}
