package com.adfops.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A rerun group counts once, by its latest run up to the failure: on random histories with reruns (of failures and
 * successes, several deep, some after the failure asked about), the earlier failures are exactly those the definition
 * gives, run by run.
 */
class RunHistoryReplacedTest {

    @Test
    void onRandomHistoriesWithRerunsTheEarlierFailuresFollowTheDefinition() {
        Random random = new Random(11);
        RunStatus[] statuses = {RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.FAILED, RunStatus.CANCELLED,
            RunStatus.IN_PROGRESS};
        for (int round = 0; round < 50; round++) {
            List<PipelineRun> runs = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String rerunOf = !runs.isEmpty() && random.nextInt(4) == 0
                        ? runs.get(random.nextInt(runs.size())).runId() : null;
                PipelineRun r = RunHistoryTest.run("r" + i, 100 - random.nextInt(100),
                        statuses[random.nextInt(statuses.length)], rerunOf, Map.of(), "ScheduleTrigger");
                runs.add(r);
            }
            for (PipelineRun failed : runs) {
                if (failed.status() == RunStatus.FAILED) {
                    assertThat(RunHistory.earlierFailures(failed, runs)).as("round " + round + ", " + failed.runId())
                            .isEqualTo(byDefinition(failed, runs));
                }
            }
        }
    }

    /** The pipeline's failed runs before {@code failed}, newest first, less those a later run of their group replaced. */
    private static List<PipelineRun> byDefinition(PipelineRun failed, List<PipelineRun> runs) {
        Instant at = failed.sortTime();
        List<PipelineRun> out = new ArrayList<>();
        for (PipelineRun r : runs) {
            if (r.runId().equals(failed.runId()) || r.status() != RunStatus.FAILED || r.sortTime().isAfter(at)) {
                continue;
            }
            String group = r.rerunOf() != null ? r.rerunOf() : r.runId();
            boolean replaced = false;
            for (PipelineRun o : runs) {
                String g = o.rerunOf() != null ? o.rerunOf() : o.runId();
                replaced |= o != r && g.equals(group) && o.sortTime().isAfter(r.sortTime()) && !o.sortTime().isAfter(at);
            }
            if (!replaced) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparing(PipelineRun::sortTime).reversed());
        return out;
    }
}
