package com.adfops.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.adf.ActivityError;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** New or chronic, and what changed since the last success: hand-computed on small histories. */
class RunHistoryTest {

    static final FactoryRef F = new FactoryRef("s", "rg", "df");
    static final Instant T = Instant.parse("2026-11-26T12:00:00Z");

    static PipelineRun run(String id, int hoursAgo, RunStatus status, String rerunOf, Map<String, String> params,
                           String trigger) {
        Instant start = T.minusSeconds(3600L * hoursAgo);
        return new PipelineRun(F, id, "pl_x", status, "", start, start.plusSeconds(60), start.plusSeconds(60), 60_000L,
                params, trigger, trigger.equals("Manual") ? "Manual" : "tr_hourly", null, null, rerunOf);
    }

    @Test
    void theFirstFailureAfterSuccessesIsNew() {
        List<PipelineRun> runs = new ArrayList<>();
        for (int h = 10; h >= 1; h--) {
            runs.add(run("ok-" + h, h, RunStatus.SUCCEEDED, null, Map.of(), "ScheduleTrigger"));
        }
        PipelineRun failed = run("bad", 0, RunStatus.FAILED, null, Map.of(), "ScheduleTrigger");
        runs.add(failed);
        runs.add(run("other-pipeline", 0, RunStatus.FAILED, null, Map.of(), "ScheduleTrigger"));
        RunHistory h = RunHistory.of(failed, runs.subList(0, 11));
        assertThat(h.isNew()).isTrue();
        assertThat(h.successesBefore()).isEqualTo(10);
        assertThat(h.lastSuccess()).isEqualTo(T.minusSeconds(3600));
        assertThat(h.failedOfLast()).isEqualTo(1);
        assertThat(h.lastRuns()).isEqualTo(10);
    }

    @Test
    void aChronicFailureCountsTheLastTenAndARerunOnce() {
        List<PipelineRun> runs = new ArrayList<>();
        // oldest first: S F S F F S F F F, then the latest failure, plus a rerun of "f-2" that failed too.
        RunStatus[] seq = {RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.FAILED,
            RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.FAILED, RunStatus.FAILED};
        for (int i = 0; i < seq.length; i++) {
            runs.add(run("r-" + i, 20 - 2 * i, seq[i], null, Map.of(), "ScheduleTrigger"));
        }
        runs.add(run("r-7-rerun", 3, RunStatus.FAILED, "r-7", Map.of(), "Manual"));
        PipelineRun latest = run("latest", 0, RunStatus.FAILED, null, Map.of(), "ScheduleTrigger");
        runs.add(latest);
        RunHistory h = RunHistory.of(latest, runs);
        assertThat(h.isNew()).isFalse();
        // Newest first: latest, r-8, r-7-rerun (r-7 superseded), r-6, then S (r-5).
        assertThat(h.failuresInARow()).isEqualTo(4);
        assertThat(h.successesBefore()).isEqualTo(1);
        assertThat(h.lastRuns()).isEqualTo(10);
        assertThat(h.failedOfLast()).isEqualTo(7);
        assertThat(h.lastSuccess()).isEqualTo(T.minusSeconds(3600L * 10));
    }

    @Test
    void theEarlierFailuresAreTheOnesTheTrendsCountNewestFirst() {
        PipelineRun fixed = run("fixed", 30, RunStatus.FAILED, null, Map.of(), "ScheduleTrigger");
        List<PipelineRun> runs = List.of(run("f-50", 50, RunStatus.FAILED, null, Map.of(), "ScheduleTrigger"),
                fixed, run("fixed-rerun", 29, RunStatus.SUCCEEDED, "fixed", Map.of(), "Manual"),
                run("c-27", 27, RunStatus.CANCELLED, null, Map.of(), "ScheduleTrigger"),
                run("f-26", 26, RunStatus.FAILED, null, Map.of(), "ScheduleTrigger"),
                run("ok-14", 14, RunStatus.SUCCEEDED, null, Map.of(), "ScheduleTrigger"));
        PipelineRun latest = run("latest", 0, RunStatus.FAILED, null, Map.of(), "ScheduleTrigger");
        // A failure fixed by its rerun is no failure any more, a cancelled run has no error, later runs do not count.
        assertThat(RunHistory.earlierFailures(latest, runs)).extracting(PipelineRun::runId).containsExactly("f-26", "f-50");
        assertThat(RunHistory.earlierFailures(runs.get(4), runs)).extracting(PipelineRun::runId).containsExactly("f-50");
    }

    static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static ActivityRun act(String name, String runtime, Map<String, String> input, RunStatus status) {
        return new ActivityRun("run", "pl_x", "a-" + name, name, "Copy", status, T, T, 1000L,
                new ActivityError("", "", "", name), null, null, "ls", null, runtime, input);
    }

    @Test
    void whatChangedListsParametersTriggerRuntimeAndInputsWithSecretsMasked() {
        PipelineRun ok = run("ok", 5, RunStatus.SUCCEEDED, null, ordered("region", "emea", "apiKey", "k-old"), "ScheduleTrigger");
        PipelineRun bad = run("bad", 0, RunStatus.FAILED, null, ordered("region", "us", "apiKey", "k-new"), "Manual");
        List<RunComparison.Change> changes = RunComparison.compare(ok,
                List.of(act("Copy", "AutoResolveIntegrationRuntime", ordered("source.query", "select 1",
                        "source.connection", "Server=x;Password=old1;"), RunStatus.SUCCEEDED),
                        act("Cleanup", null, Map.of(), RunStatus.SUCCEEDED)),
                bad, List.of(act("Copy", "ir-vnet", ordered("source.query", "select 2",
                        "source.connection", "Server=x;Password=new2;"), RunStatus.FAILED)));
        assertThat(changes).extracting(RunComparison.Change::what).containsExactly("Parameter region",
                "Parameter apiKey", "Triggered by", "Integration runtime of Copy", "Input source.query of Copy",
                "Input source.connection of Copy", "Activity Cleanup");
        assertThat(changes.get(0)).isEqualTo(new RunComparison.Change("Parameter region", "emea", "us"));
        assertThat(changes.get(1).before()).isEqualTo("*** (masked)");
        assertThat(changes.get(2)).isEqualTo(new RunComparison.Change("Triggered by", "tr_hourly (ScheduleTrigger)", "Manual"));
        assertThat(changes.get(3)).isEqualTo(new RunComparison.Change("Integration runtime of Copy",
                "AutoResolveIntegrationRuntime", "ir-vnet"));
        assertThat(changes.get(5).before()).doesNotContain("old1").contains("Password=***");
        assertThat(changes.get(6)).isEqualTo(new RunComparison.Change("Activity Cleanup", "ran", "did not run"));
    }
}
