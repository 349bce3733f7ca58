package com.adfops.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.MutableClock;
import com.adfops.TestSim;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactory;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.FactoryStatus;
import com.adfops.adf.Freshness;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RequestMeter;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import com.adfops.bench.GeneratedFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The run index of a big factory: loaded newest first and answering while it loads (saying how far back), slices in
 * parallel equal to one at a time, the memory budget keeping the newest runs, and many refreshes laid over the memory
 * equal to reading Data Factory.
 */
class RunIndexLoadingTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final FactoryRef F = GeneratedFactory.FACTORY;
    /** The backfill's limit per slice (none in practice). */
    static final int BACKFILL = 10_000_000;

    static RunIndex.Settings settings(int maxRuns, int inFlight) {
        return new RunIndex.Settings(Duration.ofDays(7), Duration.ofSeconds(30), Duration.ofMinutes(5), 100,
                Duration.ofSeconds(15), maxRuns, inFlight);
    }

    static RunQuery query(Instant from, Instant to) {
        return new RunQuery(from, to, Set.of(), Set.of(), Integer.MAX_VALUE);
    }

    @Test
    void whileOlderDaysLoadAQuestionInsideTheLoadedPartIsAnsweredFromMemoryAndAnOlderOneSaysHowFarBack()
            throws Exception {
        GeneratedFactory generated = new GeneratedFactory(20_000, Duration.ofDays(7), NOW, 3, Duration.ZERO, null);
        // Reads older than the last day wait until the test lets them go.
        CountDownLatch olderDays = new CountDownLatch(1);
        Gated adf = new Gated(generated, q -> q.from().isBefore(NOW.minus(Duration.ofHours(25))), olderDays);
        RunIndex index = new RunIndex(adf, new RequestMeter(), Clock.fixed(NOW, ZoneOffset.UTC), settings(0, 3));
        Thread loader = new Thread(index::refreshAll);
        loader.start();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((index.heldSince(F) == null || index.heldSince(F).isAfter(NOW.minus(Duration.ofHours(2))))
                    && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            // The last hour and the rest of the last day landed; older days are still loading.
            assertThat(index.heldSince(F)).isEqualTo(NOW.minus(Duration.ofDays(1)));
            FactoryStatus st = index.status().get(0);
            assertThat(st.state()).isEqualTo(FactoryStatus.State.LIVE);
            assertThat(st.reach().loading()).isTrue();
            assertThat(st.reach().loadedSince()).isEqualTo(NOW.minus(Duration.ofDays(1)));
            assertThat(st.reach().percent()).isEqualTo(14);
            assertThat(st.runs()).isGreaterThanOrEqualTo(2857);

            RunQuery day = query(NOW.minus(Duration.ofHours(20)), NOW);
            int reads = adf.reads.get();
            assertThat(RunIndexTest.ids(index.queryPipelineRuns(F, day))).isEqualTo(RunIndexTest.ids(generated.queryPipelineRuns(F, day)));
            assertThat(adf.reads.get()).as("answered from memory").isEqualTo(reads);
            Freshness fresh = index.freshness(F, day);
            assertThat(fresh.fromMemory()).isTrue();
            assertThat(fresh.reach().loading()).isTrue();
            assertThat(fresh.reach().loadedSince()).isEqualTo(NOW.minus(Duration.ofDays(1)));

            // Reaching past the loaded part: the older part from Data Factory (never silently short), and it says so.
            RunQuery threeDays = query(NOW.minus(Duration.ofDays(3)), NOW);
            olderDays.countDown();
            List<PipelineRun> runs = index.queryPipelineRuns(F, threeDays);
            assertThat(RunIndexTest.ids(runs)).isEqualTo(RunIndexTest.ids(generated.queryPipelineRuns(F, threeDays)));
            loader.join(30_000);
        } finally {
            olderDays.countDown();
            loader.join(30_000);
        }
        Freshness.Reach done = index.status().get(0).reach();
        assertThat(done.loading()).isFalse();
        assertThat(done.percent()).isEqualTo(100);
        assertThat(index.status().get(0).runs()).isEqualTo(20_000);
        index.close();
    }

    @Test
    void aQuestionReachingPastTheLoadedPartWhileLoadingReadsTheOlderPartAndIsNotFromMemory() throws Exception {
        GeneratedFactory generated = new GeneratedFactory(5_000, Duration.ofDays(7), NOW, 5, Duration.ZERO, null);
        CountDownLatch olderDays = new CountDownLatch(1);
        Gated adf = new Gated(generated, q -> q.from().isBefore(NOW.minus(Duration.ofHours(2)))
                && q.maxRuns() == BACKFILL, olderDays);
        RunIndex index = new RunIndex(adf, new RequestMeter(), Clock.fixed(NOW, ZoneOffset.UTC), settings(0, 2));
        Thread loader = new Thread(index::refreshAll);
        loader.start();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (index.heldSince(F) == null && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertThat(index.heldSince(F)).isEqualTo(NOW.minus(Duration.ofHours(1)));
            RunQuery day = query(NOW.minus(Duration.ofHours(24)), NOW);
            int reads = adf.reads.get();
            assertThat(RunIndexTest.ids(index.queryPipelineRuns(F, day))).isEqualTo(RunIndexTest.ids(generated.queryPipelineRuns(F, day)));
            assertThat(adf.reads.get()).as("the older 23 hours read from Data Factory").isGreaterThan(reads);
            Freshness fresh = index.freshness(F, day);
            assertThat(fresh.fromMemory()).isFalse();
            assertThat(fresh.reach()).isNotNull();
            assertThat(fresh.reach().loading()).isTrue();
            assertThat(fresh.reach().loadedSince()).isEqualTo(NOW.minus(Duration.ofHours(1)));
            assertThat(fresh.reach().percent()).isZero();
        } finally {
            olderDays.countDown();
            loader.join(30_000);
        }
        index.close();
    }

    @Test
    void slicesInParallelHoldTheSameRunsAsOneAtATime() {
        GeneratedFactory generated = new GeneratedFactory(30_000, Duration.ofDays(7), NOW, 11, Duration.ZERO, null);
        RunQuery all = query(NOW.minus(Duration.ofDays(7)), NOW.plusSeconds(60));
        try (RunIndex sequential = new RunIndex(generated, new RequestMeter(), Clock.fixed(NOW, ZoneOffset.UTC), settings(0, 1));
             RunIndex parallel = new RunIndex(generated, new RequestMeter(), Clock.fixed(NOW, ZoneOffset.UTC), settings(0, 4))) {
            sequential.refreshAll();
            parallel.refreshAll();
            List<PipelineRun> a = sequential.queryPipelineRuns(F, all);
            List<PipelineRun> b = parallel.queryPipelineRuns(F, all);
            assertThat(a).hasSizeGreaterThan(29_000);
            assertThat(byId(b)).isEqualTo(byId(a));
            assertThat(byId(a)).isEqualTo(byId(generated.queryPipelineRuns(F, all)));
            assertThat(b).isSortedAccordingTo(Comparator.comparing(PipelineRun::sortTime).reversed());
        }
        // And on the built-in factory, through the SDK.
        try (TestSim sim = TestSim.builtIn(NOW, 50)) {
            RunQuery week = query(NOW.minus(Duration.ofDays(7)), NOW.plusSeconds(60));
            try (RunIndex one = new RunIndex(sim.adf, sim.meter, Clock.fixed(NOW, ZoneOffset.UTC), settings(0, 1));
                 RunIndex three = new RunIndex(sim.adf, sim.meter, Clock.fixed(NOW, ZoneOffset.UTC), settings(0, 3))) {
                one.refreshAll();
                three.refreshAll();
                assertThat(byId(three.queryPipelineRuns(sim.factory, week))).isEqualTo(byId(one.queryPipelineRuns(sim.factory, week)))
                        .isEqualTo(byId(sim.adf.queryPipelineRuns(sim.factory, week)));
            }
        }
    }

    @Test
    void theMemoryBudgetKeepsTheNewestRunsAndTheReachSaysSo() {
        GeneratedFactory generated = new GeneratedFactory(10_000, Duration.ofDays(7), NOW, 13, Duration.ZERO, null);
        try (RunIndex index = new RunIndex(generated, new RequestMeter(), Clock.fixed(NOW, ZoneOffset.UTC), settings(1_000, 3))) {
            index.refreshAll();
            FactoryStatus st = index.status().get(0);
            assertThat(st.runs()).isEqualTo(1_000);
            assertThat(st.reach().capped()).isTrue();
            assertThat(st.reach().loading()).isFalse();
            assertThat(st.reach().percent()).isBetween(1, 99);
            // The 1,000 newest by update: the held part is exactly them.
            List<PipelineRun> newest = generated.queryPipelineRuns(F, query(NOW.minus(Duration.ofDays(8)), NOW)).stream()
                    .sorted(Comparator.comparing(PipelineRun::lastUpdated).reversed()).limit(1_000).toList();
            Instant oldestKept = newest.get(999).lastUpdated();
            assertThat(index.heldSince(F)).isEqualTo(oldestKept);
            RunQuery held = query(oldestKept, NOW.plusSeconds(60));
            assertThat(byId(index.queryPipelineRuns(F, held))).isEqualTo(byId(newest));
            assertThat(index.freshness(F, held).fromMemory()).isTrue();
            for (PipelineRun r : newest.subList(0, 10)) {
                assertThat(index.getPipelineRun(F, r.runId())).contains(r);
            }
            // A week: the older part from Data Factory, the whole answer right.
            RunQuery week = query(NOW.minus(Duration.ofDays(7)), NOW);
            assertThat(RunIndexTest.ids(index.queryPipelineRuns(F, week))).isEqualTo(RunIndexTest.ids(generated.queryPipelineRuns(F, week)));
            assertThat(index.freshness(F, week).fromMemory()).isFalse();
        }
    }

    @Test
    void underTheBudgetAWeekIsRightAfterTheMemoryIsMergedAgain() {
        MutableClock clock = new MutableClock(NOW);
        Live adf = new Live(clock);
        Random rnd = new Random(9);
        List<PipelineRun> all = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            Instant start = NOW.minusSeconds(600 + rnd.nextInt(6 * 86400));
            PipelineRun r = run(uuid("b" + i), "pl_" + (i % 20), RunStatus.SUCCEEDED, start, start.plusSeconds(60));
            adf.put(r);
            all.add(r);
        }
        try (RunIndex index = new RunIndex(adf, new RequestMeter(), clock, settings(1_000, 3))) {
            index.refreshAll();
            Instant cut = index.heldSince(F);
            assertThat(index.status().get(0).reach().capped()).isTrue();
            // A third of the held runs get a newer state (rerun status fixes, say): the memory is merged again.
            clock.advance(Duration.ofSeconds(30));
            List<PipelineRun> held = all.stream().filter(r -> !r.lastUpdated().isBefore(cut)).toList();
            for (PipelineRun r : held.subList(0, 400)) {
                adf.put(run(r.runId(), r.pipelineName(), RunStatus.FAILED, r.runStart(), clock.instant().minusSeconds(5)));
            }
            index.refreshAll();
            assertThat(index.status().get(0).runs()).isLessThanOrEqualTo(1_000);
            assertThat(index.heldSince(F)).as("the cut stays: older runs are not in memory").isAfterOrEqualTo(cut);
            RunQuery week = query(clock.instant().minus(Duration.ofDays(7)), clock.instant().plusSeconds(60));
            assertThat(byId(index.queryPipelineRuns(F, week))).isEqualTo(byId(adf.queryPipelineRuns(F, week)));
        }
    }

    @Test
    void manyRefreshesLaidOverTheMemoryEqualReadingDataFactory() {
        MutableClock clock = new MutableClock(NOW);
        Live adf = new Live(clock);
        Random rnd = new Random(5);
        List<String> running = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            Instant start = NOW.minusSeconds(60 + rnd.nextInt(7 * 86400));
            adf.put(run(uuid("r" + i), "pl_" + (i % 40), RunStatus.SUCCEEDED, start, start.plusSeconds(120)));
        }
        RunIndex.Settings s = new RunIndex.Settings(Duration.ofDays(7), Duration.ofSeconds(30), Duration.ofMinutes(5), 100,
                Duration.ofSeconds(15), 0, 3);
        try (RunIndex index = new RunIndex(adf, new RequestMeter(), clock, s)) {
            index.refreshAll();
            int next = 3_000;
            for (int round = 0; round < 40; round++) {
                clock.advance(Duration.ofMinutes(30));
                Instant now = clock.instant();
                // New runs start, some running ones end (a newer state of a held run), a few fail.
                for (int k = 0; k < 20; k++) {
                    String id = uuid("r" + next++);
                    adf.put(run(id, "pl_" + rnd.nextInt(40), RunStatus.IN_PROGRESS, now.minusSeconds(rnd.nextInt(60)), null));
                    running.add(id);
                }
                for (int k = 0; k < 15 && !running.isEmpty(); k++) {
                    String id = running.remove(rnd.nextInt(running.size()));
                    PipelineRun was = adf.runs.get(id);
                    adf.put(run(id, was.pipelineName(), rnd.nextInt(4) == 0 ? RunStatus.FAILED : RunStatus.SUCCEEDED,
                            was.runStart(), now.minusSeconds(rnd.nextInt(30))));
                }
                index.refreshAll();
                RunQuery held = query(index.heldSince(F), now.plusSeconds(60));
                assertThat(byId(index.queryPipelineRuns(F, held))).as("round " + round).isEqualTo(byId(adf.queryPipelineRuns(F, held)));
                assertThat(index.status().get(0).runs()).isEqualTo(adf.queryPipelineRuns(F,
                        query(now.minus(Duration.ofDays(7)).minus(Duration.ofMinutes(1)), now.plusSeconds(60))).size());
            }
            // Twenty hours later (the horizon slid, the oldest runs left the memory) a running run is found in memory.
            PipelineRun some = adf.runs.get(running.get(0));
            assertThat(index.getPipelineRun(F, some.runId())).contains(some);
        }
    }

    static Map<String, PipelineRun> byId(List<PipelineRun> runs) {
        Map<String, PipelineRun> out = new java.util.TreeMap<>();
        for (PipelineRun r : runs) {
            out.put(r.runId(), r);
        }
        return out;
    }

    static String uuid(String name) {
        return java.util.UUID.nameUUIDFromBytes(name.getBytes()).toString();
    }

    static PipelineRun run(String id, String pipeline, RunStatus status, Instant start, Instant end) {
        return new PipelineRun(F, id, pipeline, status, status == RunStatus.FAILED ? "Operation failed" : "", start, end,
                end != null ? end : start, end == null ? null : Duration.between(start, end).toMillis(),
                Map.of("id", id), "ScheduleTrigger", "trg", null, null, null);
    }

    /** A factory whose runs tests change; answers by update time as Data Factory does. */
    static final class Live implements DataFactory {
        final Map<String, PipelineRun> runs = new ConcurrentHashMap<>();
        final Clock clock;

        Live(Clock clock) {
            this.clock = clock;
        }

        void put(PipelineRun r) {
            runs.put(r.runId(), r);
        }

        @Override
        public List<FactoryRef> factories() {
            return List.of(F);
        }

        @Override
        public List<String> listPipelineNames(FactoryRef factory) {
            return List.of();
        }

        @Override
        public List<PipelineRun> queryPipelineRuns(FactoryRef factory, RunQuery q) {
            return runs.values().stream().filter(r -> !r.lastUpdated().isBefore(q.from()) && r.lastUpdated().isBefore(q.to()))
                    .sorted(Comparator.comparing(PipelineRun::sortTime).reversed()).toList();
        }

        @Override
        public List<ActivityRun> queryActivityRuns(FactoryRef factory, PipelineRun run) {
            return List.of();
        }

        @Override
        public Optional<PipelineRun> getPipelineRun(FactoryRef factory, String runId) {
            return runs.values().stream().filter(r -> r.runId().equals(runId)).findFirst();
        }
    }

    /** A factory whose reads matching {@code held} wait for a latch. */
    static final class Gated extends com.adfops.adf.ForwardingDataFactory {
        final DataFactory inner;
        final java.util.function.Predicate<RunQuery> held;
        final CountDownLatch gate;
        /** Reads other than the backfill's (which asks without a limit). */
        final AtomicInteger reads = new AtomicInteger();

        Gated(DataFactory inner, java.util.function.Predicate<RunQuery> held, CountDownLatch gate) {
            this.inner = inner;
            this.held = held;
            this.gate = gate;
        }

        @Override
        protected DataFactory delegate() {
            return inner;
        }

        @Override
        public List<PipelineRun> queryPipelineRuns(FactoryRef factory, RunQuery query) {
            if (query.maxRuns() != BACKFILL) {
                reads.incrementAndGet();
            }
            if (held.test(query)) {
                try {
                    gate.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return inner.queryPipelineRuns(factory, query);
        }

        @Override
        public List<ActivityRun> queryActivityRuns(FactoryRef factory, PipelineRun run) {
            return List.of();
        }

    }
}
