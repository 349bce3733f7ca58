package com.adfops.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RequestMeter;
import com.adfops.adf.RunQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * With a Log Analytics workspace, the index loads the horizon's older part from Data Factory's logs and asks Data
 * Factory only for the newest hour and the runs still in progress: the same runs as a load from Data Factory alone,
 * for a fraction of the ARM reads.
 */
class WorkspaceBackfillTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    static RunIndex.Settings week() {
        return new RunIndex.Settings(Duration.ofDays(7), Duration.ofSeconds(30), Duration.ofMinutes(5), 100,
                Duration.ofSeconds(15), 0, 3);
    }

    /** What a run is, as both loads must agree on it. */
    static Set<String> facts(List<PipelineRun> runs) {
        return runs.stream().map(r -> r.runId() + " " + r.pipelineName() + " " + r.status() + " " + r.runStart() + " "
                + r.runEnd()).collect(Collectors.toSet());
    }

    /** The reads of Data Factory (ARM) so far; the workspace's are not counted there. */
    static long armReads(TestSim sim) {
        String f = sim.factory.factoryName();
        return sim.meter.count(f, RequestMeter.Purpose.REFRESH) + sim.meter.count(f, RequestMeter.Purpose.QUESTION);
    }

    @Test
    void theLogsThenDataFactoryEqualDataFactoryAloneWithFarFewerArmReads() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (TestSim sim = TestSim.builtIn(NOW, 20)) {
            RunQuery horizon = new RunQuery(NOW.minus(Duration.ofDays(7)), NOW, Set.of(), Set.of(), Integer.MAX_VALUE);

            long before = armReads(sim);
            RunIndex adfOnly = new RunIndex(sim.adf, new RequestMeter(), clock, week());
            adfOnly.refreshAll();
            long adfOnlyRequests = armReads(sim) - before;
            List<PipelineRun> expected = adfOnly.queryPipelineRuns(sim.factory, horizon);

            before = armReads(sim);
            RunIndex withLogs = new RunIndex(sim.adf, ArchivedHistoryTest.archive(sim, 1000), new RequestMeter(), clock,
                    week());
            withLogs.refreshAll();
            long withLogsArmRequests = armReads(sim) - before;
            List<PipelineRun> actual = withLogs.queryPipelineRuns(sim.factory, horizon);

            assertThat(expected).hasSizeGreaterThan(500);
            assertThat(facts(actual)).isEqualTo(facts(expected));
            assertThat(withLogs.status().get(0).runs()).isEqualTo(adfOnly.status().get(0).runs());
            // Data Factory alone: a page of 20 runs per request. With the logs: the last hour, and one small page per
            // older slice for the runs still in progress (8 slices over a week).
            assertThat(adfOnlyRequests).isGreaterThan(expected.size() / 20);
            assertThat(withLogsArmRequests).isLessThanOrEqualTo(1 + 8 + 2);
            adfOnly.close();
            withLogs.close();
        }
    }
}
