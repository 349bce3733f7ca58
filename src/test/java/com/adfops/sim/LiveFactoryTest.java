package com.adfops.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.DatasetBuilder;
import com.adfops.MutableClock;
import com.adfops.TestSim;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simulated factory lives by its clock: runs appear at their start, run until their end, then finish. */
class LiveFactoryTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void aRunIsInvisibleBeforeItStartsInProgressUntilItEndsThenFinal() {
        MutableClock clock = new MutableClock(NOW);
        DatasetBuilder d = new DatasetBuilder("df-live");
        String id = d.run("pl_future", NOW.plus(Duration.ofMinutes(10)), 600, "Failed")
                .activity("Lookup", "Lookup", 1, 60, "Succeeded", null, null)
                .activity("Copy", "Copy", 120, 400, "Failed", "2200", "ErrorCode=SqlFailedToConnect,'Message=x.'").id();
        try (TestSim sim = TestSim.of(d.build(), 10, clock)) {
            RunQuery day = new RunQuery(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)), Set.of(), Set.of(), 100);
            assertThat(sim.adf.queryPipelineRuns(sim.factory, day)).isEmpty();
            assertThat(sim.adf.getPipelineRun(sim.factory, id)).isEmpty();

            clock.advance(Duration.ofMinutes(12));
            PipelineRun running = sim.adf.getPipelineRun(sim.factory, id).orElseThrow();
            assertThat(running.status()).isEqualTo(RunStatus.IN_PROGRESS);
            assertThat(running.runEnd()).isNull();
            assertThat(running.lastUpdated()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
            List<ActivityRun> acts = sim.adf.queryActivityRuns(sim.factory, running);
            assertThat(acts).extracting(ActivityRun::activityName).containsExactly("Lookup", "Copy");
            assertThat(acts).extracting(ActivityRun::status).containsExactly(RunStatus.SUCCEEDED, RunStatus.IN_PROGRESS);
            assertThat(acts.get(1).error().errorCode()).isEmpty();

            clock.advance(Duration.ofMinutes(10));
            PipelineRun done = sim.adf.getPipelineRun(sim.factory, id).orElseThrow();
            assertThat(done.status()).isEqualTo(RunStatus.FAILED);
            assertThat(done.lastUpdated()).isEqualTo(NOW.plus(Duration.ofMinutes(20)));
            assertThat(sim.adf.queryActivityRuns(sim.factory, done).get(1).error().errorCode()).isEqualTo("2200");
        }
    }

    @Test
    void theBuiltInFactoryKeepsProducingRuns() {
        MutableClock clock = new MutableClock(NOW);
        try (TestSim sim = TestSim.of(BuiltInDataset.generate(TestSim.JSON, NOW, 42), 500, clock)) {
            int before = sim.server.runsNow().size();
            clock.advance(Duration.ofHours(6));
            assertThat(sim.server.runsNow().size()).as("a 15-minute pipeline for 6 hours").isGreaterThanOrEqualTo(before + 23);
        }
    }

    @Test
    void latencyAndThrottlingKnobs() {
        try (TestSim sim = TestSim.of(new DatasetBuilder("df-k").build(), 10)) {
            sim.server.setThrottleEvery(2);
            RunQuery q = new RunQuery(NOW.minus(Duration.ofDays(1)), NOW, Set.of(), Set.of(), 100);
            int before = sim.server.requestCount();
            // Every second request is throttled with Retry-After: 1; the SDK's retry policy honours it and succeeds.
            assertThat(sim.adf.queryPipelineRuns(sim.factory, q)).isEmpty();
            assertThat(sim.server.requestCount() - before).isGreaterThanOrEqualTo(1);
            sim.server.setThrottleEvery(0);
            sim.server.setLatency(Duration.ofMillis(200));
            long t0 = System.nanoTime();
            sim.adf.queryPipelineRuns(sim.factory, q);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        }
    }
}
