package com.adfops.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adfops.DatasetBuilder;
import com.adfops.TestSim;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.Freshness;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import com.adfops.adf.implementation.LogAnalyticsArchive;
import com.adfops.diagnosis.Diagnoser;
import com.adfops.runs.AdfTools;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.runs.TimeWindowParser;
import com.adfops.analytics.TrendSummary;
import com.adfops.analytics.Trends;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Long windows from ADF's own logs in Log Analytics: the archive (the logs query client against the simulated
 * workspace's query API) and the routing in front of the run index. The simulated factory keeps runs for ADF's 45 days;
 * its workspace keeps them all.
 */
class ArchivedHistoryTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** Runs 2 days, 20 days and 60 days old (the last one gone from ADF), a child run, a pipeline name with a quote. */
    static final class Fixture {
        final DatasetBuilder b = new DatasetBuilder("df-archive");
        final DatasetBuilder.Run recent = b.run("pl_orders", NOW.minus(Duration.ofDays(2)), 600, "Succeeded");
        final DatasetBuilder.Run month = b.run("pl_orders", NOW.minus(Duration.ofDays(20)), 900, "Failed")
                .activity("Copy orders", "Copy", 0, 800, "Failed", "2200", "Timeout reading orders");
        final DatasetBuilder.Run oldChild;
        final DatasetBuilder.Run old;
        final DatasetBuilder.Run quoted = b.run("pl_o'brien \\ ledger", NOW.minus(Duration.ofDays(50)), 120, "Succeeded");

        Fixture() {
            old = b.run("pl_nightly", NOW.minus(Duration.ofDays(60)), 1800, "Failed").message("Operation on target Run child failed");
            oldChild = b.run("pl_nightly_child", NOW.minus(Duration.ofDays(60)).plusSeconds(10), 1500, "Failed", old)
                    .activity("Load ledger", "Copy", 5, 1400, "Failed", "SqlFailedToConnect", "Cannot connect to sql-ledger")
                    .billed("DataMovement", "AzureIR", 0.5, "DIUHours");
            old.executePipeline("Run child", 10, 1600, oldChild, "Failed");
            // A run still going has no end record in the logs.
            b.run("pl_orders", NOW.minus(Duration.ofMinutes(5)), 3600, "Succeeded");
        }
    }

    static LogAnalyticsArchive archive(TestSim sim, int pageRows) {
        return LogAnalyticsArchive.forEndpoint(sim.server.workspaceEndpoint(), "0000-ws", Duration.ofDays(90),
                Duration.ofSeconds(10), pageRows);
    }

    static RunQuery window(Duration back) {
        return new RunQuery(NOW.minus(back), NOW.plusSeconds(60), Set.of(), Set.of(), RunQuery.DEFAULT_MAX_RUNS);
    }

    static List<String> ids(List<PipelineRun> runs) {
        return runs.stream().map(PipelineRun::runId).sorted().toList();
    }

    @Test
    void theArchiveReadsEndedRunsAndTheirActivitiesFromTheLogs() {
        Fixture f = new Fixture();
        try (TestSim sim = TestSim.of(f.b.build(), 100, CLOCK)) {
            LogAnalyticsArchive archive = archive(sim, 1000);
            List<PipelineRun> runs = archive.pipelineRuns(sim.factory, window(Duration.ofDays(90)));
            // Every ended run, the one in progress not yet; newest start first.
            assertThat(ids(runs)).isEqualTo(ids(List.of(run(f.recent, sim), run(f.month, sim), run(f.old, sim),
                    run(f.oldChild, sim), run(f.quoted, sim))));
            assertThat(runs.get(0).runId()).isEqualTo(f.recent.id());
            PipelineRun old = runs.stream().filter(r -> r.runId().equals(f.old.id())).findFirst().orElseThrow();
            assertThat(old.status()).isEqualTo(RunStatus.FAILED);
            assertThat(old.duration()).contains(Duration.ofSeconds(1800));
            assertThat(old.message()).isEqualTo("Operation on target Run child failed");
            PipelineRun child = runs.stream().filter(r -> r.runId().equals(f.oldChild.id())).findFirst().orElseThrow();
            assertThat(child.parentRunId()).isEqualTo(f.old.id());
            assertThat(child.parentPipeline()).isEqualTo("pl_nightly");

            // Filters: a name with a quote and a backslash is a literal, statuses, a window.
            assertThat(ids(archive.pipelineRuns(sim.factory, new RunQuery(NOW.minus(Duration.ofDays(90)), NOW,
                    Set.of("pl_o'brien \\ ledger"), Set.of(), 100)))).containsExactly(f.quoted.id());
            assertThat(ids(archive.pipelineRuns(sim.factory, new RunQuery(NOW.minus(Duration.ofDays(90)), NOW,
                    Set.of(), Set.of(RunStatus.FAILED), 100)))).containsExactlyInAnyOrder(f.month.id(), f.old.id(), f.oldChild.id());
            assertThat(ids(archive.pipelineRuns(sim.factory, new RunQuery(NOW.minus(Duration.ofDays(30)),
                    NOW.minus(Duration.ofDays(10)), Set.of(), Set.of(), 100)))).containsExactly(f.month.id());

            // Activity runs: error, the Execute Pipeline's child, what was billed.
            List<ActivityRun> acts = archive.activityRuns(sim.factory, old);
            assertThat(acts).extracting(ActivityRun::activityName).containsExactly("Run child");
            assertThat(acts.get(0).childRunId()).isEqualTo(f.oldChild.id());
            assertThat(acts.get(0).childPipeline()).isEqualTo("pl_nightly_child");
            ActivityRun load = archive.activityRuns(sim.factory, child).get(0);
            assertThat(load.error().errorCode()).isEqualTo("SqlFailedToConnect");
            assertThat(load.error().message()).isEqualTo("Cannot connect to sql-ledger");
            assertThat(load.error().failureType()).isEqualTo("UserError");
            assertThat(load.error().target()).isEqualTo("Load ledger");
            assertThat(load.billing()).hasSize(1);
            assertThat(load.billing().get(0).unit()).isEqualTo("DIUHours");
            assertThat(load.durationMs()).isEqualTo(1_400_000L);

            // A lookup by id; a run of another factory is not there.
            assertThat(archive.pipelineRun(sim.factory, f.old.id(), NOW.minus(Duration.ofDays(90)), NOW)).isPresent();
            assertThat(archive.pipelineRun(new com.adfops.adf.FactoryRef(sim.factory.subscriptionId(),
                    sim.factory.resourceGroup(), "df-other"), f.old.id(), NOW.minus(Duration.ofDays(90)), NOW)).isEmpty();
            // What went over the wire: the query API, the factory's resource id, end records only.
            assertThat(sim.server.requests()).anyMatch(r -> r.startsWith("POST /v1/workspaces/0000-ws/query"));
        }
    }

    @Test
    void aWindowThatFillsAQueryIsSplitUntilEveryRunIsRead() {
        DatasetBuilder b = new DatasetBuilder("df-busy");
        for (int i = 0; i < 40; i++) {
            b.run("pl_every_hour", NOW.minus(Duration.ofDays(50)).plus(Duration.ofHours(i)), 60, i % 7 == 0 ? "Failed" : "Succeeded");
        }
        try (TestSim sim = TestSim.of(b.build(), 100, CLOCK)) {
            int before = sim.server.requestCount();
            List<PipelineRun> runs = archive(sim, 4).pipelineRuns(sim.factory, window(Duration.ofDays(90)));
            assertThat(runs).hasSize(40);
            assertThat(runs.stream().map(PipelineRun::runId).distinct()).hasSize(40);
            assertThat(sim.server.requestCount() - before).as("several queries: the window was split").isGreaterThan(10);
            // The query's cap is kept (newest first).
            assertThat(archive(sim, 4).pipelineRuns(sim.factory, new RunQuery(NOW.minus(Duration.ofDays(90)), NOW,
                    Set.of(), Set.of(), 5))).hasSize(5);
        }
    }

    @Test
    void workspaceFailuresAreClassifiedInWordsAUserCanActOn() {
        Fixture f = new Fixture();
        try (TestSim sim = TestSim.of(f.b.build(), 100, CLOCK)) {
            LogAnalyticsArchive archive = archive(sim, 1000);
            sim.server.injectFault("/workspaces/", 403, "InsufficientAccessError", 1);
            assertThatThrownBy(() -> archive.pipelineRuns(sim.factory, window(Duration.ofDays(90))))
                    .isInstanceOfSatisfying(DataFactoryException.class, e -> {
                        assertThat(e.kind()).isEqualTo(DataFactoryException.Kind.PERMISSION);
                        assertThat(e.getMessage()).contains("Log Analytics Reader");
                        assertThat(e.missingAction()).isEqualTo("Microsoft.OperationalInsights/workspaces/query/read");
                    });
            // Throttled past the client's retries.
            sim.server.injectFault("/workspaces/", 429, "ThrottledError", 10);
            assertThatThrownBy(() -> archive.pipelineRuns(sim.factory, window(Duration.ofDays(90))))
                    .isInstanceOfSatisfying(DataFactoryException.class,
                            e -> assertThat(e.kind()).isEqualTo(DataFactoryException.Kind.THROTTLED));
            sim.server.clearFaults();
            // Throttled once: the client retries and the answer comes.
            sim.server.injectFault("/workspaces/", 429, "ThrottledError", 1);
            assertThat(archive.pipelineRuns(sim.factory, window(Duration.ofDays(90)))).hasSize(5);
            sim.server.injectFault("/workspaces/", 404, "WorkspaceNotFoundError", 1);
            assertThatThrownBy(() -> archive.pipelineRuns(sim.factory, window(Duration.ofDays(90))))
                    .isInstanceOfSatisfying(DataFactoryException.class, e -> {
                        assertThat(e.kind()).isEqualTo(DataFactoryException.Kind.NOT_FOUND);
                        assertThat(e.getMessage()).contains("ADFOPS_HISTORY_WORKSPACEID");
                    });
            sim.server.injectFault("/workspaces/", 400, "BadArgumentError", 1);
            assertThatThrownBy(() -> archive.pipelineRuns(sim.factory, window(Duration.ofDays(90))))
                    .isInstanceOfSatisfying(DataFactoryException.class,
                            e -> assertThat(e.getMessage()).contains("diagnostic settings"));
        }
    }

    @Test
    void longWindowsTakeTheOlderPartFromTheLogsAndTheRestFromMemory() {
        Fixture f = new Fixture();
        try (TestSim sim = TestSim.of(f.b.build(), 100, CLOCK)) {
            RunIndex index = RunIndexTest.index(sim, CLOCK);
            DataFactory adf = new ArchivedHistory(index, archive(sim, 1000), CLOCK);
            assertThat(adf.retention()).isEqualTo(Duration.ofDays(90));

            // Inside the index's 7 days: memory only, nothing read.
            int before = sim.server.requestCount();
            assertThat(ids(adf.queryPipelineRuns(sim.factory, window(Duration.ofDays(3)))))
                    .contains(f.recent.id()).doesNotContain(f.month.id());
            assertThat(sim.server.requestCount()).isEqualTo(before);

            // 90 days: the run in progress from memory, the 20- and 60-day-old runs from the logs; one query, no ADF read.
            List<PipelineRun> all = adf.queryPipelineRuns(sim.factory, window(Duration.ofDays(90)));
            assertThat(all).hasSize(6);
            assertThat(all).extracting(PipelineRun::runId).contains(f.old.id(), f.month.id(), f.recent.id());
            List<String> requests = sim.server.requests();
            List<String> since = requests.subList(requests.size() - (sim.server.requestCount() - before), requests.size());
            assertThat(since).hasSize(1).allMatch(r -> r.contains("/v1/workspaces/"));
            Freshness fresh = adf.freshness(sim.factory, window(Duration.ofDays(90)));
            assertThat(fresh.fromMemory()).isTrue();
            assertThat(fresh.archivedBefore()).isEqualTo(index.heldSince(sim.factory));
            assertThat(fresh.allArchived()).isFalse();

            // A run ADF no longer keeps: looked up, diagnosed (through the child) and costed from the logs.
            assertThat(sim.adf.getPipelineRun(sim.factory, f.old.id())).isEmpty();
            PipelineRun old = adf.getPipelineRun(sim.factory, f.old.id()).orElseThrow();
            Diagnosis d = new Diagnoser(new AdfTools(adf, CLOCK)).diagnose(old);
            assertThat(d.rootCause().path()).contains("Load ledger");
            assertThat(d.rootCause().pipelineName()).isEqualTo("pl_nightly_child");
            assertThat(d.rootCause().activity().error().errorCode()).isEqualTo("SqlFailedToConnect");

            // The health over 60 days counts the old failure.
            var window = TimeWindowParser.find("how did pipelines do in the last 2 months", NOW, ZoneOffset.UTC,
                    adf.retention()).orElseThrow();
            assertThat(window.from()).isEqualTo(NOW.minus(Duration.ofDays(60)));
            AdfTools tools = new AdfTools(adf, CLOCK);
            TrendSummary trend = Trends.of("all pipelines", tools.pipelineRuns(new AdfTools.RunsRequest(null, null,
                    Set.of(), window)), null, ZoneOffset.UTC);
            // The 20- and 60-day-old failures (a parent and its child count as one failure or two: at least both).
            assertThat(trend.failed()).isGreaterThanOrEqualTo(2);
            assertThat(trend.finished()).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void theFoundryToolReachesAsFarAsTheLogsAndStaysCompact() throws Exception {
        Fixture f = new Fixture();
        try (TestSim sim = TestSim.of(f.b.build(), 100, CLOCK)) {
            DataFactory adf = new ArchivedHistory(RunIndexTest.index(sim, CLOCK), archive(sim, 1000), CLOCK);
            com.adfops.tools.ToolRunner runner = new com.adfops.tools.ToolRunner(new AdfTools(adf, CLOCK),
                    new com.adfops.docs.DocsService(null, new com.adfops.docs.BuiltInDocsIndex(TestSim.JSON),
                            Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofHours(1), 10, Duration.ofSeconds(60)),
                    TestSim.JSON);
            com.adfops.tools.ToolRunner.Call c = runner.run("adf_run_stats", "{\"window\": \"last 3 months\"}", ZoneOffset.UTC);
            assertThat(c.ok()).as(c.output()).isTrue();
            var out = TestSim.JSON.readTree(c.output());
            assertThat(out.get("window").asText()).isEqualTo("the last 3 months");
            // A week per row past three weeks; the 60-day-old failures counted; where the older part came from.
            assertThat(out.has("per_day")).isFalse();
            assertThat(out.get("per_week").size()).isBetween(13, 15);
            assertThat(out.get("failed").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(out.get("read_from_log_analytics_before").asText()).startsWith("2026-11-1");
        }
    }

    @Test
    void aQuestionAcrossFactoriesReadsTheirOlderPartInOneQuery() {
        Fixture f = new Fixture();
        try (TestSim sim = TestSim.of(f.b.build(), 100, CLOCK)) {
            com.adfops.adf.FactoryRef other = new com.adfops.adf.FactoryRef(sim.factory.subscriptionId(), "rg-other", "df-other");
            List<com.adfops.adf.FactoryRef> both = List.of(sim.factory, other);
            // Recent parts: what the memory holds (here nothing new); the older part: the workspace.
            DataFactory memory = new DataFactory() {
                @Override
                public List<com.adfops.adf.FactoryRef> factories() {
                    return both;
                }

                @Override
                public List<String> listPipelineNames(com.adfops.adf.FactoryRef factory) {
                    return List.of();
                }

                @Override
                public List<PipelineRun> queryPipelineRuns(com.adfops.adf.FactoryRef factory, RunQuery query) {
                    return List.of();
                }

                @Override
                public List<ActivityRun> queryActivityRuns(com.adfops.adf.FactoryRef factory, PipelineRun run) {
                    return List.of();
                }

                @Override
                public java.util.Optional<PipelineRun> getPipelineRun(com.adfops.adf.FactoryRef factory, String runId) {
                    return java.util.Optional.empty();
                }

                @Override
                public Instant heldSince(com.adfops.adf.FactoryRef factory) {
                    return NOW.minus(Duration.ofDays(7));
                }
            };
            DataFactory adf = new ArchivedHistory(memory, archive(sim, 1000), CLOCK);
            int before = sim.server.requestCount();
            List<PipelineRun> runs = adf.queryPipelineRuns(both, window(Duration.ofDays(90)));
            assertThat(sim.server.requestCount() - before).as("one query for both factories").isEqualTo(1);
            assertThat(sim.server.requests().get(sim.server.requests().size() - 1)).contains("/v1/workspaces/");
            // Each run is mapped to its own factory by the logs' _ResourceId (lower case there).
            assertThat(runs).extracting(PipelineRun::runId).contains(f.old.id(), f.month.id()).doesNotContain(f.recent.id());
            assertThat(runs).allMatch(r -> r.factory().equals(sim.factory));
            // Through the tools, a question across all factories reads the same way.
            AdfTools tools = new AdfTools(adf, CLOCK);
            int n = sim.server.requestCount();
            tools.pipelineRuns(new AdfTools.RunsRequest(null, null, Set.of(), new com.adfops.runs.TimeWindow(
                    NOW.minus(Duration.ofDays(60)), NOW, "the last 60 days")));
            assertThat(sim.server.requestCount() - n).isEqualTo(1);
        }
    }

    @Test
    void whetherTheWorkspaceCanBeReadIsCheckedAndSaidWithTheFix() throws Exception {
        Fixture f = new Fixture();
        try (TestSim sim = TestSim.of(f.b.build(), 100, CLOCK)) {
            DataFactory adf = new ArchivedHistory(sim.adf, archive(sim, 1000), CLOCK);
            // For /health: never a wait; the first answer is "checking", the probe runs in the background.
            com.adfops.adf.FactoryStatus first = adf.historyStatus().orElseThrow();
            assertThat(first.state()).isIn(com.adfops.adf.FactoryStatus.State.LOADING, com.adfops.adf.FactoryStatus.State.LIVE);
            long end = System.currentTimeMillis() + 10_000;
            while (adf.historyStatus().orElseThrow().state() != com.adfops.adf.FactoryStatus.State.LIVE
                    && System.currentTimeMillis() < end) {
                Thread.sleep(50);
            }
            assertThat(adf.historyStatus().orElseThrow().state()).isEqualTo(com.adfops.adf.FactoryStatus.State.LIVE);
            // Asked in chat: checked now.
            sim.server.injectFault("/workspaces/", 403, "InsufficientAccessError", 1);
            com.adfops.adf.FactoryStatus denied = adf.checkHistory().orElseThrow();
            assertThat(denied.state()).isEqualTo(com.adfops.adf.FactoryStatus.State.FAILING);
            assertThat(denied.reason()).contains("HTTP 403");
            assertThat(denied.fix()).contains("Log Analytics Reader");
            assertThat(adf.checkHistory().orElseThrow().readable()).isTrue();
            // Without an archive there is nothing to say.
            assertThat(sim.adf.historyStatus()).isEmpty();
        }
    }

    @Test
    void closingItStopsTheRunIndexBehindIt() throws Exception {
        Fixture f = new Fixture();
        try (TestSim sim = TestSim.of(f.b.build(), 100, CLOCK)) {
            // Refreshing every 100 ms: while it runs, the factory sees requests all the time.
            RunIndex index = new RunIndex(sim.adf, sim.meter, CLOCK, new RunIndex.Settings(Duration.ofDays(7),
                    Duration.ofMillis(100), Duration.ofMinutes(5), 100, Duration.ofSeconds(15))).start();
            ArchivedHistory history = new ArchivedHistory(index, archive(sim, 1000), CLOCK);
            Thread.sleep(500);
            int running = sim.server.requestCount();
            Thread.sleep(500);
            assertThat(sim.server.requestCount()).as("refreshing").isGreaterThan(running);
            history.close();
            Thread.sleep(200);
            int n = sim.server.requestCount();
            Thread.sleep(500);
            assertThat(sim.server.requestCount()).as("closed: no more refreshes").isEqualTo(n);
        }
    }

    @Test
    void withoutAnIndexADFIsReadForWhatItKeepsAndTheLogsForTheRest() {
        Fixture f = new Fixture();
        try (TestSim sim = TestSim.of(f.b.build(), 100, CLOCK)) {
            DataFactory adf = new ArchivedHistory(sim.adf, archive(sim, 1000), CLOCK);
            assertThat(ids(adf.queryPipelineRuns(sim.factory, window(Duration.ofDays(90)))))
                    .contains(f.old.id(), f.month.id(), f.quoted.id());
            // ADF alone forgets the 60-day-old run.
            assertThat(ids(sim.adf.queryPipelineRuns(sim.factory, window(Duration.ofDays(90))))).doesNotContain(f.old.id());
            Freshness wholly = adf.freshness(sim.factory, new RunQuery(NOW.minus(Duration.ofDays(80)),
                    NOW.minus(Duration.ofDays(55)), Set.of(), Set.of(), 10));
            assertThat(wholly.allArchived()).isTrue();
        }
    }

    private static PipelineRun run(DatasetBuilder.Run r, TestSim sim) {
        return new PipelineRun(sim.factory, r.id(), "", RunStatus.UNKNOWN, "", null, null, null, null, null, null,
                null, null, null, null);
    }
}
