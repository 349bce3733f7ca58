package com.adfops.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.adf.ActivityError;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.CopyProfile;
import com.adfops.adf.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A slow run's copies against 8 usual runs, computed by hand. Usual: "Copy GL" writes 8, 8, 9, 9, 9, 9, 10, 10 minutes
 * (median, nearest rank: the 4th, 9 min), reads 28 or 30 minutes, queues 5 s, with 4 DIUs and 8 parallel copies; the
 * data flow "Transform GL" starts its cluster in 4 minutes and processes in 10. The slow run: writing 41 min with 6
 * throttled writes, reading 30 min, queue 10 s; the cluster took 12 minutes to start, processing 11.
 */
class CopyTuningTest {

    static final Instant T = Instant.parse("2026-11-26T02:00:00Z");
    static final String TIP = "6 write operations were throttled by the sink data store. **Reduce** [DIU](https://x)";
    static final String URL = "https://go.microsoft.com/fwlink/?linkid=2102534";

    static ActivityRun copy(String runId, RunStatus status, double writeMin, double readMin, int queueS, int throttled,
                            List<CopyProfile.Tip> tips) {
        CopyProfile p = new CopyProfile(Duration.ofSeconds(queueS), null,
                Duration.ofSeconds((long) (Math.max(writeMin, readMin) * 60)), Duration.ofSeconds((long) (readMin * 60)),
                Duration.ofSeconds((long) (writeMin * 60)), 4, 8, throttled == 0 ? null : throttled, "SqlServer",
                "AzureSqlDatabase", 1_000_000L, null, null, null, null, tips);
        long ms = (long) ((Math.max(writeMin, readMin) * 60 + queueS) * 1000);
        return run(runId, "Copy GL", "Copy", status, ms, p);
    }

    static ActivityRun flow(String runId, int startupMin, int processingMin, List<CopyProfile.Tip> tips) {
        CopyProfile p = new CopyProfile(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                Duration.ofMinutes(startupMin), tips);
        return run(runId, "Transform GL", "ExecuteDataFlow", RunStatus.SUCCEEDED,
                Duration.ofMinutes(startupMin + processingMin).toMillis(), p);
    }

    static ActivityRun run(String runId, String name, String type, RunStatus status, long ms, CopyProfile p) {
        return new ActivityRun(runId, "pl_gl", runId + "-" + name, name, type, status, T, T.plusMillis(ms), ms,
                new ActivityError("", "", "", ""), null, null, "ls", null, "AutoResolveIntegrationRuntime", Map.of(),
                List.of(), p);
    }

    static List<ActivityRun> usual() {
        double[] writes = {8, 9, 9, 9, 10, 9, 8, 10};
        List<ActivityRun> out = new ArrayList<>();
        for (int i = 0; i < writes.length; i++) {
            out.add(copy("run-" + i, RunStatus.SUCCEEDED, writes[i], i % 2 == 0 ? 28 : 30, 5, 0, List.of()));
            out.add(flow("run-" + i, 4, 10, List.of()));
            // Activities without a profile (a Lookup) are not ADF's account of a copy.
            out.add(run("run-" + i, "Lookup watermark", "Lookup", RunStatus.SUCCEEDED, 2000, null));
        }
        // A failed run's copy is not usual.
        out.add(copy("run-failed", RunStatus.FAILED, 1, 1, 1, 0, List.of()));
        return out;
    }

    @Test
    void writingGrewFrom9To41MinutesAgainst8UsualRuns() {
        CopyProfile.Tip throttling = new CopyProfile.Tip("ReduceThrottlingErrorPerfRecommendationRule", TIP, URL);
        List<ActivityRun> slow = List.of(
                copy("run-slow", RunStatus.SUCCEEDED, 41, 30, 10, 6, List.of(throttling)),
                flow("run-slow", 12, 11, List.of(throttling, new CopyProfile.Tip("", "Use a larger cluster.", ""))),
                run("run-slow", "Lookup watermark", "Lookup", RunStatus.SUCCEEDED, 2000, null));

        CopyTuning.Result r = CopyTuning.of("run-slow", slow, usual());

        assertThat(r.runId()).isEqualTo("run-slow");
        // Most growth first: writing +32 min, then the cluster's start-up +8 min.
        assertThat(r.activities()).extracting(CopyTuning.Activity::name).containsExactly("Copy GL", "Transform GL");
        CopyTuning.Activity gl = r.activities().get(0);
        assertThat(gl.usualRuns()).isEqualTo(8);
        assertThat(gl.grew()).singleElement().satisfies(p -> {
            assertThat(p.phase()).isEqualTo(CopyTuning.Phase.WRITING);
            assertThat(p.now()).isEqualTo(Duration.ofMinutes(41));
            assertThat(p.usual()).isEqualTo(Duration.ofMinutes(9));
            assertThat(p.growth()).isEqualTo(Duration.ofMinutes(32));
        });
        // Reading 30 min against a usual 28 (nearest-rank median of four 28s and four 30s): not grown. The queue doubled
        // (10 s against 5 s) but by less than 30 s: not grown either.
        assertThat(gl.phases()).extracting(CopyTuning.PhaseTime::phase).containsExactly(CopyTuning.Phase.QUEUE,
                CopyTuning.Phase.READING, CopyTuning.Phase.WRITING);
        assertThat(gl.phases().get(1).usual()).isEqualTo(Duration.ofMinutes(28));
        assertThat(gl.phases().get(0).usual()).isEqualTo(Duration.ofSeconds(5));
        assertThat(gl.phases().get(0).grew()).isFalse();
        assertThat(gl.throttlingErrors()).isEqualTo(6);
        assertThat(gl.diu()).isEqualTo(4);
        assertThat(gl.usualDiu()).isEqualTo(4);
        assertThat(gl.parallelCopies()).isEqualTo(8);
        assertThat(gl.usualParallelCopies()).isEqualTo(8);

        CopyTuning.Activity tf = r.activities().get(1);
        assertThat(tf.grew()).singleElement().satisfies(p -> {
            assertThat(p.phase()).isEqualTo(CopyTuning.Phase.CLUSTER_STARTUP);
            assertThat(p.now()).isEqualTo(Duration.ofMinutes(12));
            assertThat(p.usual()).isEqualTo(Duration.ofMinutes(4));
        });
        assertThat(tf.phases()).filteredOn(p -> p.phase() == CopyTuning.Phase.PROCESSING).singleElement()
                .satisfies(p -> assertThat(p.usual()).isEqualTo(Duration.ofMinutes(10)));

        // ADF's tips, one per rule, the text as ADF wrote it.
        assertThat(r.tips()).hasSize(2);
        assertThat(r.tips().get(0)).isEqualTo(new CopyTuning.Tip("Copy GL",
                "ReduceThrottlingErrorPerfRecommendationRule", TIP, URL));
        assertThat(r.tips().get(1).text()).isEqualTo("Use a larger cluster.");
    }

    @Test
    void tooFewUsualRunsGrowNothingButThrottlingAndTipsStillShow() {
        CopyProfile.Tip tip = new CopyProfile.Tip("R", "t", URL);
        List<ActivityRun> slow = List.of(copy("run-slow", RunStatus.FAILED, 41, 30, 10, 2, List.of(tip)));
        CopyTuning.Result r = CopyTuning.of("run-slow", slow, usual().subList(0, 6));
        assertThat(r.activities()).singleElement().satisfies(a -> {
            assertThat(a.usualRuns()).isEqualTo(2);
            assertThat(a.grew()).isEmpty();
            assertThat(a.phases()).allSatisfy(p -> assertThat(p.usual()).isNull());
            assertThat(a.throttlingErrors()).isEqualTo(2);
        });
        assertThat(r.tips()).hasSize(1);
        assertThat(r.isEmpty()).isFalse();
        // Nothing grown, nothing throttled, no tip: an empty account, which a summary does not carry.
        CopyTuning.Result none = CopyTuning.of("run-slow",
                List.of(copy("run-slow", RunStatus.SUCCEEDED, 9, 28, 5, 0, List.of())), usual());
        assertThat(none.isEmpty()).isTrue();
    }
}
