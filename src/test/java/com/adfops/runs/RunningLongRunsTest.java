package com.adfops.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.MutableClock;
import com.adfops.TestSim;
import com.adfops.adf.DataFactory;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.index.RunIndex;
import com.adfops.sim.GeneratedFactory;
import com.adfops.sim.SimDataset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A running-long check reads only the runs in progress and their pipelines' latest successes ({@link
 * RunningLongRuns}), and finds exactly what it finds from every run of the window: from the bot's memory and
 * from Data Factory directly, on generated factories whose runs end after "now" (so some are in progress, and some of
 * those go long), for the whole factory and for one pipeline.
 */
class RunningLongRunsTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final Duration WAIT = Duration.ofMinutes(1);
    /** When the check is made: the runs in progress at {@link #NOW} have then run 10 minutes longer (some go long). */
    static final Instant LATER = NOW.plus(Duration.ofMinutes(10));

    @Test
    void theRunsInProgressAndTheirLatestSuccessesGiveWhatTheWholeWeekGives() {
        int compared = 0;
        for (long seed = 1; seed <= 3; seed++) {
            // 40 pipelines, 1,500 runs a day for 7 days, and runs started before now that end after it.
            GeneratedFactory.Spec spec = new GeneratedFactory.Spec("df-long-" + seed, 40, 1500, 7, 6, 0.05, 0.2, 0.3, 3,
                    seed, NOW);
            try (TestSim sim = TestSim.of(SimDataset.generate(spec, NOW), 100, Clock.fixed(NOW, ZoneOffset.UTC))) {
                MutableClock clock = new MutableClock(NOW);
                RunIndex index = new RunIndex(sim.adf, sim.meter, clock, new RunIndex.Settings(Duration.ofDays(7),
                        Duration.ofSeconds(30), Duration.ofMinutes(5), 100, Duration.ofMinutes(1)));
                index.refreshAll();
                for (DataFactory adf : List.of(index, sim.adf)) {
                    AdfTools.RunsRequest week = new AdfTools.RunsRequest(null, null, Set.of(),
                            new TimeWindow(NOW.minus(Duration.ofDays(7)), NOW, "the last 7 days"));
                    List<PipelineRun> all = new AdfTools(adf, clock).pipelineRuns(week, 1_000_000).runs();
                    List<PipelineRun> going = RunningLong.inProgress(all);
                    assertThat(going).as("runs in progress at now").isNotEmpty();

                    int before = sim.server.requestCount();
                    List<RunningLong> fromAll = new AdfTools(adf, clock).baselines().runningLong(all, LATER, WAIT);
                    int readBackForAll = sim.server.requestCount() - before;
                    List<PipelineRun> read = RunningLongRuns.of(new AdfTools(adf, clock), week);
                    before = sim.server.requestCount();
                    List<RunningLong> fromFew = new AdfTools(adf, clock).baselines().runningLong(read, LATER, WAIT);
                    // (The memory keeps what it read past its horizon: a second read back of the same may cost none.)
                    assertThat(sim.server.requestCount() - before).as("no baseline read back that the week did not need")
                            .isLessThanOrEqualTo(readBackForAll);
                    assertThat(fromFew).as("seed %d, %s", seed, adf.getClass().getSimpleName())
                            .isNotEmpty().isEqualTo(fromAll);
                    long pipelinesGoing = going.stream().map(PipelineRun::pipelineName).distinct().count();
                    if (adf == index) {
                        assertThat(read.size()).as("the runs in progress and 40 successes of each of their pipelines")
                                .isLessThanOrEqualTo(going.size() + (int) pipelinesGoing * 2 * DurationBaseline.MAX_RUNS);
                    } else {
                        assertThat(read.size()).as("in progress, and every success of their pipelines (one query)")
                                .isLessThan(all.size());
                    }
                    assertThat(read).filteredOn(r -> r.status() != RunStatus.SUCCEEDED)
                            .containsExactlyInAnyOrderElementsOf(going);

                    if (adf == index) {
                        // A window reaching past the memory: only the part the memory holds is read (no request).
                        int requests = sim.server.requestCount();
                        List<PipelineRun> wider = RunningLongRuns.of(new AdfTools(adf, clock), new AdfTools.RunsRequest(
                                null, null, Set.of(), new TimeWindow(NOW.minus(Duration.ofDays(8)), NOW, "8 days")));
                        assertThat(sim.server.requestCount()).as("no read of Data Factory").isEqualTo(requests);
                        assertThat(ids(wider)).containsExactlyInAnyOrderElementsOf(ids(read));
                    }

                    // One pipeline that has a run going long: the same check for it alone.
                    String pipeline = fromAll.get(0).run().pipelineName();
                    AdfTools.RunsRequest one = new AdfTools.RunsRequest(null, pipeline, Set.of(), week.window());
                    List<PipelineRun> itsRuns = all.stream().filter(r -> r.pipelineName().equals(pipeline)).toList();
                    assertThat(new AdfTools(adf, clock).baselines().runningLong(
                            RunningLongRuns.of(new AdfTools(adf, clock), one), LATER, WAIT))
                            .isEqualTo(new AdfTools(adf, clock).baselines().runningLong(itsRuns, LATER, WAIT))
                            .isNotEmpty();
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(6);
    }

    private static List<String> ids(List<PipelineRun> runs) {
        return runs.stream().map(PipelineRun::runId).toList();
    }
}
