package com.adfops.agent;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Is a failure new or chronic? From the pipeline's runs up to the failed one (newest first, a run and its reruns
 * counted by the latest): the failures in a row ending with it, the successes in a row before them, the last success,
 * and how many of the last runs failed.
 *
 * @param failuresInARow  failed (or cancelled) runs in a row, the failed one included
 * @param successesBefore successes in a row before those
 * @param lastSuccess     the last success before the failure, or null when none in the runs looked at
 * @param failedOfLast    failures among the last {@code lastRuns} runs
 * @param lastRuns        how many runs that is (at most {@link #LAST})
 * @param since           when the first of those runs started
 */
public record RunHistory(int failuresInARow, int successesBefore, Instant lastSuccess, int failedOfLast, int lastRuns,
                         Instant since) {

    /** How many recent runs the chronic line counts. */
    public static final int LAST = 10;

    /** The history of {@code failed} among {@code runs} (any order; other pipelines and later runs are ignored). */
    public static RunHistory of(PipelineRun failed, List<PipelineRun> runs) {
        Instant at = failed.sortTime();
        List<PipelineRun> before = runs.stream()
                .filter(r -> r.pipelineName().equalsIgnoreCase(failed.pipelineName()))
                .filter(r -> r.status().isTerminal() && !r.sortTime().isAfter(at))
                .filter(r -> r.runId().equals(failed.runId()) || !supersededBefore(r, runs, at))
                .sorted(Comparator.comparing(PipelineRun::sortTime).reversed())
                .toList();
        if (before.stream().noneMatch(r -> r.runId().equals(failed.runId()))) {
            before = java.util.stream.Stream.concat(java.util.stream.Stream.of(failed), before.stream()).toList();
        }
        int i = 0;
        while (i < before.size() && before.get(i).status() != RunStatus.SUCCEEDED) {
            i++;
        }
        int streak = Math.max(1, i);
        int successes = 0;
        Instant lastSuccess = i < before.size() ? before.get(i).sortTime() : null;
        while (i < before.size() && before.get(i).status() == RunStatus.SUCCEEDED) {
            successes++;
            i++;
        }
        List<PipelineRun> last = before.subList(0, Math.min(LAST, before.size()));
        int failedOfLast = (int) last.stream().filter(r -> r.status() != RunStatus.SUCCEEDED).count();
        return new RunHistory(streak, successes, lastSuccess, failedOfLast, last.size(),
                last.isEmpty() ? at : last.get(last.size() - 1).sortTime());
    }

    /** A run that a rerun in its group (before {@code at}) replaced: the group counts once, by its latest. */
    private static boolean supersededBefore(PipelineRun r, List<PipelineRun> runs, Instant at) {
        String group = r.rerunOf() != null ? r.rerunOf() : r.runId();
        return runs.stream().anyMatch(o -> o != r && !o.sortTime().isAfter(at) && o.sortTime().isAfter(r.sortTime())
                && group.equals(o.rerunOf() != null ? o.rerunOf() : o.runId()));
    }

    /** The first failure after a run of successes (a new problem), rather than one of several. */
    public boolean isNew() {
        return failuresInARow == 1 && successesBefore > 0;
    }
}
