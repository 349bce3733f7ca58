package com.adfops.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.MutableClock;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The baselines of "running long": read back once past the runs at hand, kept per pipeline, refreshed by a newer
 * success without a read, never read again for a pipeline whose history is too short (until it gets a new success), a
 * failed read tried again later, and a slow read never holding up the answer.
 */
class RunBaselinesTest {

    static final Instant NOW = Instant.parse("2026-11-26T02:20:00Z");
    static final FactoryRef F = new FactoryRef("s", "rg", "df-base");
    static final Duration WAIT = Duration.ofMinutes(1);

    /** A factory of runs in a list that counts the reads reaching past a week, and can hold them or fail them. */
    static final class Runs implements DataFactory {
        final List<PipelineRun> runs = new CopyOnWriteArrayList<>();
        final AtomicInteger readsBack = new AtomicInteger();
        volatile CountDownLatch gate;
        volatile boolean fail;
        final MutableClock clock;

        Runs(MutableClock clock) {
            this.clock = clock;
        }

        @Override
        public List<FactoryRef> factories() {
            return List.of(F);
        }

        @Override
        public List<String> listPipelineNames(FactoryRef factory) {
            return runs.stream().map(PipelineRun::pipelineName).distinct().sorted().toList();
        }

        @Override
        public List<PipelineRun> queryPipelineRuns(FactoryRef factory, RunQuery q) {
            if (q.from().isBefore(clock.instant().minus(Duration.ofDays(8)))) {
                readsBack.incrementAndGet();
                CountDownLatch g = gate;
                if (g != null) {
                    try {
                        g.await(1, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (fail) {
                    throw new DataFactoryException(DataFactoryException.Kind.THROTTLED, "df-base", "Too many requests", null);
                }
            }
            return runs.stream().filter(r -> !r.sortTime().isBefore(q.from()) && r.sortTime().isBefore(q.to())
                    && (q.pipelineNames().isEmpty() || q.pipelineNames().contains(r.pipelineName()))
                    && (q.statuses().isEmpty() || q.statuses().contains(r.status()))).toList();
        }

        @Override
        public List<ActivityRun> queryActivityRuns(FactoryRef factory, PipelineRun run) {
            return List.of();
        }

        @Override
        public Optional<PipelineRun> getPipelineRun(FactoryRef factory, String runId) {
            return runs.stream().filter(r -> r.runId().equals(runId)).findFirst();
        }

        /** The runs of the last 7 days: what the memory would hold. */
        List<PipelineRun> week() {
            return runs.stream().filter(r -> !r.sortTime().isBefore(clock.instant().minus(Duration.ofDays(7)))).toList();
        }
    }

    static PipelineRun run(String pipeline, String id, RunStatus status, Instant start, long minutes) {
        boolean going = status == RunStatus.IN_PROGRESS;
        Instant end = going ? null : start.plus(Duration.ofMinutes(minutes));
        return new PipelineRun(F, id, pipeline, status, "", start, end, going ? start : end, going ? null : minutes * 60_000,
                Map.of(), "ScheduleTrigger", "nightly", null, null, null);
    }

    /** A nightly pipeline: a run at 01:00 on each of the {@code days} days before now, 18 to 22 minutes. */
    static void nightly(Runs f, String pipeline, int days) {
        long[] minutes = {18, 19, 20, 21, 22, 18, 19, 20, 21, 22, 20, 20};
        for (int d = 1; d <= days; d++) {
            f.runs.add(run(pipeline, pipeline + "-" + d, RunStatus.SUCCEEDED,
                    Instant.parse("2026-11-26T01:00:00Z").minus(Duration.ofDays(d)), minutes[(d - 1) % minutes.length]));
        }
    }

    @Test
    void aNightlyPipelinesBaselineIsReadBackOnceThenRefreshedByItsNewSuccessesWithoutReading() {
        MutableClock clock = new MutableClock(NOW);
        Runs f = new Runs(clock);
        nightly(f, "pl_nightly", 12);
        f.runs.add(run("pl_nightly", "tonight", RunStatus.IN_PROGRESS, Instant.parse("2026-11-26T01:00:00Z"), 0));
        RunBaselines baselines = new RunBaselines(f, clock);

        // The week holds 6 successes, too few: the 45 days are read back, 12 found.
        List<RunningLong> found = baselines.runningLong(f.week(), clock.instant(), WAIT);
        assertThat(found).singleElement().satisfies(r -> {
            assertThat(r.run().runId()).isEqualTo("tonight");
            // 18, 18, 19, 19, 20, 20, 20, 20, 21, 21, 22, 22: p25 (3rd) 19, p75 (9th) 21, p95 (12th) 22.
            assertThat(r.baseline().runs()).isEqualTo(12);
            assertThat(r.baseline().low()).isEqualTo(Duration.ofMinutes(19));
            assertThat(r.baseline().high()).isEqualTo(Duration.ofMinutes(21));
            assertThat(r.baseline().p95()).isEqualTo(Duration.ofMinutes(22));
            assertThat(r.elapsed()).isEqualTo(Duration.ofMinutes(80));
        });
        assertThat(f.readsBack).hasValue(1);

        // Asked again: kept, not read.
        assertThat(baselines.runningLong(f.week(), clock.instant(), WAIT)).hasSize(1);
        assertThat(f.readsBack).hasValue(1);

        // The next night: tonight's run succeeded after 70 minutes (a new success), the next one is going. The baseline
        // takes the new success in from the runs at hand, without a read: 13 runs, the longest (70 min) its p95.
        clock.advance(Duration.ofDays(1));
        f.runs.removeIf(r -> r.runId().equals("tonight"));
        f.runs.add(run("pl_nightly", "tonight", RunStatus.SUCCEEDED, Instant.parse("2026-11-26T01:00:00Z"), 70));
        f.runs.add(run("pl_nightly", "tomorrow", RunStatus.IN_PROGRESS, Instant.parse("2026-11-27T01:00:00Z"), 0));
        assertThat(baselines.runningLong(f.week(), clock.instant(), WAIT)).as("80 min is within 1.25 x 70").isEmpty();
        clock.advance(Duration.ofMinutes(60));
        assertThat(baselines.runningLong(f.week(), clock.instant(), WAIT)).singleElement().satisfies(r -> {
            assertThat(r.baseline().runs()).isEqualTo(13);
            assertThat(r.baseline().p95()).isEqualTo(Duration.ofMinutes(70));
        });
        assertThat(f.readsBack).hasValue(1);
    }

    @Test
    void aSlowReadNeverHoldsUpTheAnswerAndServesTheNextOne() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        Runs f = new Runs(clock);
        nightly(f, "pl_nightly", 12);
        f.runs.add(run("pl_nightly", "tonight", RunStatus.IN_PROGRESS, Instant.parse("2026-11-26T01:00:00Z"), 0));
        RunBaselines baselines = new RunBaselines(f, clock);
        f.gate = new CountDownLatch(1);

        // The read back is held: the answer comes without it (nothing flagged), and does not wait past its budget.
        assertThat(baselines.runningLong(f.week(), clock.instant(), Duration.ZERO)).isEmpty();
        // A second question meanwhile shares the same read.
        assertThat(baselines.runningLong(f.week(), clock.instant(), Duration.ZERO)).isEmpty();
        f.gate.countDown();
        assertThat(baselines.baseline(F, "pl_nightly", List.of()).get(1, TimeUnit.MINUTES)).isPresent();
        assertThat(baselines.runningLong(f.week(), clock.instant(), Duration.ZERO)).hasSize(1);
        assertThat(f.readsBack).hasValue(1);
    }

    @Test
    void aFailedReadIsTriedAgainLaterAndATooShortHistoryIsNotReadAgain() {
        MutableClock clock = new MutableClock(NOW);
        Runs f = new Runs(clock);
        nightly(f, "pl_nightly", 12);
        nightly(f, "pl_new", 5);
        f.runs.add(run("pl_nightly", "tonight", RunStatus.IN_PROGRESS, Instant.parse("2026-11-26T01:00:00Z"), 0));
        f.runs.add(run("pl_new", "new-tonight", RunStatus.IN_PROGRESS, Instant.parse("2026-11-26T01:00:00Z"), 0));
        RunBaselines baselines = new RunBaselines(f, clock);

        f.fail = true;
        assertThat(baselines.runningLong(f.week(), clock.instant(), WAIT)).isEmpty();
        assertThat(f.readsBack).hasValue(2);
        // Within five minutes, no read again.
        clock.advance(Duration.ofMinutes(4));
        assertThat(baselines.runningLong(f.week(), clock.instant(), WAIT)).isEmpty();
        assertThat(f.readsBack).hasValue(2);
        // After, read again: pl_nightly is flagged; pl_new has 5 successes in 45 days, too few.
        f.fail = false;
        clock.advance(Duration.ofMinutes(2));
        assertThat(baselines.runningLong(f.week(), clock.instant(), WAIT)).extracting(r -> r.run().runId())
                .containsExactly("tonight");
        assertThat(f.readsBack).hasValue(4);
        // pl_new's short history is not read again (nor pl_nightly's kept one).
        clock.advance(Duration.ofHours(1));
        assertThat(baselines.runningLong(f.week(), clock.instant(), WAIT)).hasSize(1);
        assertThat(f.readsBack).hasValue(4);
    }

    @Test
    void aFrequentPipelinesBaselineIsItsLatestTwentySuccessesAtHandWithoutAnyRead() {
        MutableClock clock = new MutableClock(NOW);
        Runs f = new Runs(clock);
        List<PipelineRun> hourly = new ArrayList<>();
        for (int h = 1; h <= 48; h++) {
            // The latest 20 take 2 minutes; the older ones 10.
            hourly.add(run("pl_hourly", "h" + h, RunStatus.SUCCEEDED, NOW.minus(Duration.ofHours(h)), h <= 20 ? 2 : 10));
        }
        f.runs.addAll(hourly);
        f.runs.add(run("pl_hourly", "going", RunStatus.IN_PROGRESS, NOW.minus(Duration.ofMinutes(5)), 0));
        RunBaselines baselines = new RunBaselines(f, clock);
        assertThat(baselines.runningLong(f.week(), clock.instant(), WAIT)).singleElement().satisfies(r -> {
            assertThat(r.baseline().runs()).isEqualTo(DurationBaseline.MAX_RUNS);
            assertThat(r.baseline().p95()).isEqualTo(Duration.ofMinutes(2));
            assertThat(r.baseline().since()).isEqualTo(NOW.minus(Duration.ofHours(20)));
        });
        assertThat(f.readsBack).hasValue(0);
    }
}
