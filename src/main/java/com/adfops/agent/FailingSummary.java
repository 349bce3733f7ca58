package com.adfops.agent;

import com.adfops.adf.Freshness;
import com.adfops.adf.PipelineRun;
import java.util.List;

/**
 * The failing pipelines in a window.
 *
 * @param window     the window
 * @param factories  names of the factories looked at
 * @param totalRuns  runs in the window
 * @param failedRuns failed runs in the window
 * @param failing    pipelines whose latest finished run failed, most recent failure first
 * @param recovered  pipelines that failed in the window but whose latest run succeeded
 * @param active     runs queued or in progress now
 * @param freshness  how current the runs are, or null when unknown
 */
public record FailingSummary(TimeWindow window, List<String> factories, int totalRuns, int failedRuns,
                             List<Row> failing, List<Recovered> recovered, int active, Freshness freshness,
                             List<RunningLong> runningLong) {

    public FailingSummary(TimeWindow window, List<String> factories, int totalRuns, int failedRuns,
                          List<Row> failing, List<Recovered> recovered, int active, Freshness freshness) {
        this(window, factories, totalRuns, failedRuns, failing, recovered, active, freshness, List.of());
    }

    public FailingSummary {
        runningLong = runningLong == null ? List.of() : List.copyOf(runningLong);
    }

    /** The same summary with the runs in progress that run long. */
    public FailingSummary withRunningLong(List<RunningLong> r) {
        return new FailingSummary(window, factories, totalRuns, failedRuns, failing, recovered, active, freshness, r);
    }

    public FailingSummary(TimeWindow window, List<String> factories, int totalRuns, int failedRuns,
                          List<Row> failing, List<Recovered> recovered, int active) {
        this(window, factories, totalRuns, failedRuns, failing, recovered, active, null);
    }

    /**
     * A failing pipeline.
     *
     * @param pipeline    name
     * @param factory     factory name
     * @param lastFailure its most recent failed run
     * @param failures    failures in the window: failed runs, a run and its reruns (one run group) counted once
     * @param shortError  a one-line error summary
     * @param calledBy    the parent pipeline when this run was started by an Execute Pipeline activity
     * @param rerun       the latest manual rerun of that failed run (same run group) that did not succeed, or null
     */
    public record Row(String pipeline, String factory, PipelineRun lastFailure, int failures, String shortError,
                      String calledBy, PipelineRun rerun) {

        public Row(String pipeline, String factory, PipelineRun lastFailure, int failures, String shortError,
                   String calledBy) {
            this(pipeline, factory, lastFailure, failures, shortError, calledBy, null);
        }
    }

    /** A pipeline that failed in the window and has succeeded since (by a later run or a rerun of the failed one). */
    public record Recovered(String pipeline, String factory, PipelineRun lastFailure, PipelineRun lastSuccess) {
    }
}
