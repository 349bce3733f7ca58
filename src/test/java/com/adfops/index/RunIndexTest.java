package com.adfops.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.DatasetBuilder;
import com.adfops.MutableClock;
import com.adfops.TestSim;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.FactoryStatus;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import com.adfops.diagnosis.Diagnoser;
import com.adfops.runs.AdfTools;
import com.adfops.runs.FailingSummary;
import com.adfops.runs.RunSummaries;
import com.adfops.runs.TimeWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The run index against the real SDK and the simulated factory: same answers as direct reads, for less. */
class RunIndexTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final RunIndex.Settings SETTINGS = new RunIndex.Settings(Duration.ofDays(7), Duration.ofSeconds(30),
            Duration.ofMinutes(5), 100, Duration.ofSeconds(15));

    static RunIndex index(TestSim sim, Clock clock) {
        RunIndex index = new RunIndex(sim.adf, sim.meter, clock, SETTINGS);
        index.refreshAll();
        return index;
    }

    static List<String> ids(List<PipelineRun> runs) {
        return runs.stream().map(PipelineRun::runId).sorted().toList();
    }

    static RunQuery query(Instant from, Instant to, Set<String> pipelines, Set<RunStatus> statuses) {
        return new RunQuery(from, to, pipelines, statuses, RunQuery.DEFAULT_MAX_RUNS);
    }

    @Test
    void answersEqualDirectReadsOnTheBuiltInFactory() {
        try (TestSim sim = TestSim.builtIn(NOW, 50)) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            RunIndex index = index(sim, clock);
            assertThat(index.status().get(0).state()).isEqualTo(FactoryStatus.State.LIVE);
            String pipeline = sim.server.runsNow().get(0).get("pipelineName").asText();
            List<RunQuery> queries = List.of(
                    query(NOW.minus(Duration.ofHours(24)), NOW, Set.of(), Set.of()),
                    query(NOW.minus(Duration.ofDays(7)), NOW.plusSeconds(60), Set.of(), Set.of()),
                    query(NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(1)), Set.of(), Set.of(RunStatus.FAILED)),
                    query(NOW.minus(Duration.ofDays(7)), NOW.plusSeconds(60), Set.of(pipeline), Set.of()),
                    query(NOW.minus(Duration.ofMinutes(30)), NOW, Set.of(), Set.of(RunStatus.IN_PROGRESS, RunStatus.QUEUED)));
            for (RunQuery q : queries) {
                int before = sim.server.requestCount();
                List<PipelineRun> fromMemory = index.queryPipelineRuns(sim.factory, q);
                assertThat(sim.server.requestCount()).as("answered from memory: " + q).isEqualTo(before);
                assertThat(ids(fromMemory)).as(q.toString()).isEqualTo(ids(sim.adf.queryPipelineRuns(sim.factory, q)));
                assertThat(index.freshness(sim.factory, q).fromMemory()).isTrue();
            }
            // The same failing list and diagnosis as the direct reads give.
            TimeWindow day = new TimeWindow(NOW.minus(Duration.ofHours(24)), NOW, "the last 24 hours");
            FailingSummary viaIndex = RunSummaries.failing(new AdfTools(index, clock).pipelineRuns(
                    new AdfTools.RunsRequest(null, null, Set.of(), day)));
            FailingSummary direct = RunSummaries.failing(new AdfTools(sim.adf, clock).pipelineRuns(
                    new AdfTools.RunsRequest(null, null, Set.of(), day)));
            assertThat(viaIndex.failing()).extracting(FailingSummary.Row::pipeline)
                    .isNotEmpty().isEqualTo(direct.failing().stream().map(FailingSummary.Row::pipeline).toList());
            PipelineRun failed = viaIndex.failing().get(0).lastFailure();
            assertThat(new Diagnoser(new AdfTools(index, clock)).diagnose(failed).rootCause().path())
                    .isEqualTo(new Diagnoser(new AdfTools(sim.adf, clock)).diagnose(failed).rootCause().path());
        }
    }

    @Test
    void aQuestionBeyondTheHorizonReadsDataFactoryDirectlyAndSaysSo() {
        try (TestSim sim = TestSim.builtIn(NOW, 50)) {
            RunIndex index = index(sim, Clock.fixed(NOW, ZoneOffset.UTC));
            RunQuery month = query(NOW.minus(Duration.ofDays(30)), NOW, Set.of(), Set.of());
            int before = sim.server.requestCount();
            assertThat(ids(index.queryPipelineRuns(sim.factory, month))).isEqualTo(ids(sim.adf.queryPipelineRuns(sim.factory, month)));
            assertThat(sim.server.requestCount()).isGreaterThan(before);
            assertThat(index.freshness(sim.factory, month).fromMemory()).isFalse();
        }
    }

    @Test
    void thePeriodBeforeAskedAgainAndAgainIsReadOncePerFewMinutes() {
        try (TestSim sim = TestSim.builtIn(NOW, 100)) {
            MutableClock clock = new MutableClock(NOW);
            RunIndex index = index(sim, clock);
            int reads = 0;
            for (int i = 0; i < 5; i++) {
                // "Slowest this week": the week before moves with the clock; a minute later it is the same read.
                Instant now = clock.instant();
                RunQuery before = query(now.minus(Duration.ofDays(14)), now.minus(Duration.ofDays(7)), Set.of(), Set.of());
                int n = sim.server.requestCount();
                List<PipelineRun> runs = index.queryPipelineRuns(sim.factory, before);
                reads += sim.server.requestCount() - n;
                assertThat(ids(runs)).as("question " + i).isEqualTo(ids(sim.adf.queryPipelineRuns(sim.factory, before)));
                assertThat(index.freshness(sim.factory, before).fromMemory()).isFalse();
                clock.advance(Duration.ofMinutes(1));
            }
            assertThat(reads).as("five questions a minute apart").isEqualTo(1);
            // A month: the older part from that kind of read, the last week from memory; equal to a direct read.
            RunQuery month = query(clock.instant().minus(Duration.ofDays(30)), clock.instant(), Set.of(), Set.of());
            assertThat(ids(index.queryPipelineRuns(sim.factory, month))).isEqualTo(ids(sim.adf.queryPipelineRuns(sim.factory, month)));
            // Past its few minutes the older part is read again.
            clock.advance(ColdReads.COLD_TTL);
            int n = sim.server.requestCount();
            RunQuery later = query(clock.instant().minus(Duration.ofDays(14)), clock.instant().minus(Duration.ofDays(7)),
                    Set.of(), Set.of());
            index.queryPipelineRuns(sim.factory, later);
            assertThat(sim.server.requestCount()).isGreaterThan(n);
        }
    }

    @Test
    void aRunThatEndsBetweenRefreshesLandsAndAnIdleRefreshCostsOneRequest() {
        MutableClock clock = new MutableClock(NOW);
        DatasetBuilder d = new DatasetBuilder("df-live");
        String run = d.run("pl_hourly_load", NOW.minus(Duration.ofMinutes(10)), 20 * 60, "Failed")
                .activity("Copy", "Copy", 5, 19 * 60, "Failed", "2200", "ErrorCode=SqlFailedToConnect,'Message=x.'").id();
        d.run("pl_hourly_load", NOW.minus(Duration.ofHours(1)), 60, "Succeeded");
        try (TestSim sim = TestSim.of(d.build(), 5, clock)) {
            RunIndex index = index(sim, clock);
            RunQuery day = query(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofHours(1)), Set.of(), Set.of());
            assertThat(index.getPipelineRun(sim.factory, run).orElseThrow().status()).isEqualTo(RunStatus.IN_PROGRESS);
            List<ActivityRun> running = index.queryActivityRuns(sim.factory, index.getPipelineRun(sim.factory, run).orElseThrow());
            assertThat(running.get(0).status()).isEqualTo(RunStatus.IN_PROGRESS);

            clock.advance(Duration.ofSeconds(30));
            index.refreshAll();
            assertThat(index.status().get(0).lastRefreshRequests()).as("nothing changed: one request").isEqualTo(1);

            clock.advance(Duration.ofMinutes(15));
            index.refreshAll();
            PipelineRun done = index.getPipelineRun(sim.factory, run).orElseThrow();
            assertThat(done.status()).isEqualTo(RunStatus.FAILED);
            assertThat(index.queryPipelineRuns(sim.factory, day)).filteredOn(r -> r.runId().equals(run))
                    .extracting(PipelineRun::status).containsExactly(RunStatus.FAILED);
            // A finished run's activity runs are read once, then cached (the in-progress answer is not reused).
            int before = sim.server.requestCount();
            assertThat(index.queryActivityRuns(sim.factory, done).get(0).status()).isEqualTo(RunStatus.FAILED);
            index.queryActivityRuns(sim.factory, done);
            assertThat(sim.server.requestCount() - before).isEqualTo(1);
        }
    }

    @Test
    void lateWritesInsideTheOverlapAreNotMissed() {
        MutableClock clock = new MutableClock(NOW);
        DatasetBuilder d = new DatasetBuilder("df-late");
        d.run("pl_a", NOW.minus(Duration.ofHours(2)), 60, "Succeeded");
        // Becomes visible at NOW+40s, but ADF stamps it as updated at NOW+5s: earlier than the refresh at NOW+30s.
        DatasetBuilder.Run late = d.run("pl_late", NOW.plusSeconds(40), 0, "Failed");
        late.node().put("lastUpdated", NOW.plusSeconds(5).toString());
        try (TestSim sim = TestSim.of(d.build(), 5, clock)) {
            RunIndex index = index(sim, clock);
            clock.advance(Duration.ofSeconds(30));
            index.refreshAll();
            clock.advance(Duration.ofSeconds(30));
            index.refreshAll();
            assertThat(index.getPipelineRun(sim.factory, late.id())).isPresent();
            assertThat(index.queryPipelineRuns(sim.factory, query(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofHours(1)),
                    Set.of("pl_late"), Set.of()))).hasSize(1);
        }
    }

    @Test
    void whileRefreshesFailAnswersComeFromMemoryMarkedStaleThenItRecovers() {
        MutableClock clock = new MutableClock(NOW);
        try (TestSim sim = TestSim.builtIn(NOW, 50)) {
            // 429 during the backfill: nothing in memory yet, questions read directly.
            sim.server.injectFault("querypipelineruns", 429, "TooManyRequests", 3);
            RunIndex index = index(sim, clock);
            assertThat(index.status().get(0).state()).isEqualTo(FactoryStatus.State.FAILING);
            assertThat(index.status().get(0).reason()).contains("throttling");
            clock.advance(Duration.ofMinutes(10));
            index.refreshAll();
            assertThat(index.status().get(0).state()).isEqualTo(FactoryStatus.State.LIVE);

            // 429 during a refresh: stale answers from memory, with the reason.
            sim.server.injectFault("querypipelineruns", 429, "TooManyRequests", 3);
            clock.advance(Duration.ofSeconds(30));
            index.refreshAll();
            FactoryStatus st = index.status().get(0);
            assertThat(st.state()).isEqualTo(FactoryStatus.State.STALE);
            assertThat(st.fix()).contains("backs off");
            RunQuery day = query(NOW.minus(Duration.ofHours(24)), NOW, Set.of(), Set.of());
            assertThat(index.queryPipelineRuns(sim.factory, day)).isNotEmpty();
            assertThat(index.freshness(sim.factory, day).staleReason()).contains("throttling");
            // It backs off: a refresh right away does not ask again.
            int before = sim.server.requestCount();
            index.refreshAll();
            assertThat(sim.server.requestCount()).isEqualTo(before);
            clock.advance(Duration.ofMinutes(10));
            index.refreshAll();
            assertThat(index.status().get(0).state()).isEqualTo(FactoryStatus.State.LIVE);
            assertThat(index.freshness(sim.factory, day).stale()).isFalse();
        }
    }

    @Test
    void aPermissionProblemNamesTheMissingActionAndWhomToAsk() {
        try (TestSim sim = TestSim.builtIn(NOW, 50)) {
            sim.server.injectFault("querypipelineruns", 403, "AuthorizationFailed", 1);
            RunIndex index = index(sim, Clock.fixed(NOW, ZoneOffset.UTC));
            FactoryStatus st = index.status().get(0);
            assertThat(st.state()).isEqualTo(FactoryStatus.State.FAILING);
            assertThat(st.fix()).contains("Ask an owner of factory").contains("run reader role");
        }
    }

    @Test
    void aRestartRebuildsTheSameIndex() {
        try (TestSim sim = TestSim.builtIn(NOW, 50)) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            RunQuery week = query(NOW.minus(Duration.ofDays(7)), NOW.plusSeconds(60), Set.of(), Set.of());
            List<String> first = ids(index(sim, clock).queryPipelineRuns(sim.factory, week));
            List<String> second = ids(index(sim, clock).queryPipelineRuns(sim.factory, week));
            assertThat(second).isNotEmpty().isEqualTo(first);
        }
    }

    @Test
    void identicalConcurrentReadsShareOneRequest() throws Exception {
        try (TestSim sim = TestSim.builtIn(NOW, 10_000)) {
            RunIndex index = index(sim, Clock.fixed(NOW, ZoneOffset.UTC));
            // Long enough that all twenty questions arrive while the first read is still under way.
            sim.server.setLatency(Duration.ofMillis(1500));
            RunQuery month = query(NOW.minus(Duration.ofDays(30)), NOW, Set.of(), Set.of());
            ExecutorService pool = Executors.newFixedThreadPool(20);
            try {
                int before = sim.server.requestCount();
                List<Callable<Integer>> asks = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    asks.add(() -> index.queryPipelineRuns(sim.factory, month).size());
                }
                List<Integer> sizes = new ArrayList<>();
                for (Future<Integer> f : pool.invokeAll(asks)) {
                    sizes.add(f.get());
                }
                assertThat(sizes).containsOnly(sizes.get(0));
                assertThat(sim.server.requestCount() - before).as("20 identical questions, one read").isEqualTo(1);
            } finally {
                pool.shutdownNow();
                sim.server.setLatency(Duration.ZERO);
            }
        }
    }

    @Test
    void answersEqualDirectReadsOnAFactoryItHasNeverSeen() {
        // A random factory: 30 pipelines, odd schedules, failures, reruns, runs still going.
        java.util.Random random = new java.util.Random(7);
        DatasetBuilder d = new DatasetBuilder("df-unseen-" + random.nextInt(1000));
        for (int p = 0; p < 30; p++) {
            String name = "Pipe." + p + "-" + Integer.toHexString(random.nextInt(4096)) + (p % 3 == 0 ? " (EU)" : "");
            Instant t = NOW.minus(Duration.ofDays(8)).plusSeconds(random.nextInt(3600));
            DatasetBuilder.Run previous = null;
            while (t.isBefore(NOW)) {
                int r = random.nextInt(10);
                String status = r == 0 ? "Failed" : r == 1 ? "Cancelled" : "Succeeded";
                boolean running = t.isAfter(NOW.minus(Duration.ofMinutes(20)));
                DatasetBuilder.Run run = d.run(name, t, 60 + random.nextInt(3000), running ? "InProgress" : status);
                if (status.equals("Failed")) {
                    run.activity("Step " + p, "Copy", 1, 30, "Failed", "2200", "ErrorCode=TypeConversionFailure,x" + p);
                }
                if (previous != null && r == 2 && "Failed".equals(previous.node().get("status").asText())) {
                    run.rerunOf(previous);
                }
                previous = run;
                t = t.plus(Duration.ofMinutes(20 + random.nextInt(400)));
            }
        }
        try (TestSim sim = TestSim.of(d.build(), 37, Clock.fixed(NOW, ZoneOffset.UTC))) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            RunIndex index = index(sim, clock);
            AdfTools viaIndex = new AdfTools(index, clock);
            AdfTools direct = new AdfTools(sim.adf, clock);
            for (TimeWindow w : List.of(new TimeWindow(NOW.minus(Duration.ofHours(24)), NOW, "day"),
                    new TimeWindow(NOW.minus(Duration.ofDays(7)), NOW.plusSeconds(60), "week"))) {
                FailingSummary a = RunSummaries.failing(viaIndex.pipelineRuns(new AdfTools.RunsRequest(null, null, Set.of(), w)));
                FailingSummary b = RunSummaries.failing(direct.pipelineRuns(new AdfTools.RunsRequest(null, null, Set.of(), w)));
                assertThat(a.failing()).extracting(FailingSummary.Row::pipeline)
                        .isEqualTo(b.failing().stream().map(FailingSummary.Row::pipeline).toList());
                assertThat(a.recovered()).extracting(FailingSummary.Recovered::pipeline)
                        .isEqualTo(b.recovered().stream().map(FailingSummary.Recovered::pipeline).toList());
                assertThat(a.totalRuns()).isEqualTo(b.totalRuns());
                for (String pipeline : direct.allPipelineNames()) {
                    var sa = RunSummaries.status(pipeline, viaIndex.pipelineRuns(new AdfTools.RunsRequest(null, pipeline, Set.of(), w)));
                    var sb = RunSummaries.status(pipeline, direct.pipelineRuns(new AdfTools.RunsRequest(null, pipeline, Set.of(), w)));
                    assertThat(sa.withoutFreshness()).as(pipeline).isEqualTo(sb.withoutFreshness());
                }
                for (FailingSummary.Row row : b.failing()) {
                    assertThat(new Diagnoser(viaIndex).diagnose(row.lastFailure()).rootCause().path())
                            .isEqualTo(new Diagnoser(direct).diagnose(row.lastFailure()).rootCause().path());
                }
            }
        }
    }
}
