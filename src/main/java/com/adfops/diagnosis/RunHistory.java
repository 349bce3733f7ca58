package com.adfops.diagnosis;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Is a failure new or recurring? From the pipeline's runs up to the failed one (newest first, a run and its reruns
 * counted by the latest): the failures in a row ending with it, the successes in a row before them, the last success,
 * how many of the last runs failed, and (once the earlier failures' errors are compared) when the same error was seen
 * before.
 *
 * @param failuresInARow  failed (or cancelled) runs in a row, the failed one included
 * @param successesBefore successes in a row before those
 * @param lastSuccess     the last success before the failure, or null when none in the runs looked at
 * @param failedOfLast    failures among the last {@code lastRuns} runs
 * @param lastRuns        how many runs that is (at most {@link #LAST})
 * @param since           when the first of those runs started
 * @param sameError       the failure's error among the earlier failures, or null when not compared
 */
public record RunHistory(int failuresInARow, int successesBefore, Instant lastSuccess, int failedOfLast, int lastRuns,
                         Instant since, SameError sameError) {

    /** How many recent runs the chronic line counts. */
    public static final int LAST = 10;

    /**
     * The failure's error signature ({@link ErrorSignature}) among the pipeline's earlier failures of the look-back,
     * compared newest first, successes in between or not.
     *
     * @param earlier     when the earlier failures with the same signature happened, newest first
     * @param compared    how many earlier failures were compared (the newest ones)
     * @param notCompared earlier failures of the look-back left out (all older than the compared ones)
     * @param lookBack    how far back from the failure the runs reach
     */
    public record SameError(List<Instant> earlier, int compared, int notCompared, Duration lookBack) {

        public SameError {
            earlier = List.copyOf(earlier);
        }

        /** How many times the error happened, this failure included. */
        public int times() {
            return earlier.size() + 1;
        }
    }

    public RunHistory(int failuresInARow, int successesBefore, Instant lastSuccess, int failedOfLast, int lastRuns,
                      Instant since) {
        this(failuresInARow, successesBefore, lastSuccess, failedOfLast, lastRuns, since, null);
    }

    /** This history with the earlier failures' errors compared. */
    public RunHistory withSameError(SameError s) {
        return new RunHistory(failuresInARow, successesBefore, lastSuccess, failedOfLast, lastRuns, since, s);
    }

    /** The history of {@code failed} among {@code runs} (any order; other pipelines and later runs are ignored). */
    public static RunHistory of(PipelineRun failed, List<PipelineRun> runs) {
        Instant at = failed.sortTime();
        List<PipelineRun> before = upTo(failed, runs);
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

    /**
     * The failed runs of {@code failed}'s pipeline before it, newest first: the runs the trends count as failures
     * (a run that a rerun replaced is not one).
     */
    public static List<PipelineRun> earlierFailures(PipelineRun failed, List<PipelineRun> runs) {
        return upTo(failed, runs).stream()
                .filter(r -> !r.runId().equals(failed.runId()) && r.status() == RunStatus.FAILED)
                .toList();
    }

    /** The pipeline's finished runs up to {@code failed}, it included, newest first, a rerun group once (its latest). */
    private static List<PipelineRun> upTo(PipelineRun failed, List<PipelineRun> runs) {
        Instant at = failed.sortTime();
        // Each rerun group's latest start up to the failure (one pass; a run older than its group's latest was replaced).
        Map<String, Instant> latest = new HashMap<>();
        for (PipelineRun o : runs) {
            if (!o.sortTime().isAfter(at)) {
                latest.merge(group(o), o.sortTime(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        List<PipelineRun> before = runs.stream()
                .filter(r -> r.pipelineName().equalsIgnoreCase(failed.pipelineName()))
                .filter(r -> r.status().isTerminal() && !r.sortTime().isAfter(at))
                .filter(r -> r.runId().equals(failed.runId()) || !latest.get(group(r)).isAfter(r.sortTime()))
                .sorted(Comparator.comparing(PipelineRun::sortTime).reversed())
                .toList();
        if (before.stream().noneMatch(r -> r.runId().equals(failed.runId()))) {
            before = java.util.stream.Stream.concat(java.util.stream.Stream.of(failed), before.stream()).toList();
        }
        return before;
    }

    /** The rerun group of a run: the run it reran, or itself. */
    private static String group(PipelineRun r) {
        return r.rerunOf() != null ? r.rerunOf() : r.runId();
    }

    /**
     * A new problem: the first failure after a run of successes whose error was not seen before (when compared), rather
     * than one of several.
     */
    public boolean isNew() {
        return failuresInARow == 1 && (sameError == null ? successesBefore > 0 : !isRecurring());
    }

    /** The same error was seen in an earlier failure of the look-back. */
    public boolean isRecurring() {
        return sameError != null && !sameError.earlier().isEmpty();
    }
}
