package com.adfops.runs;

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
     * A failing pipeline: one incident. A child pipeline's failure inside this run (Execute Pipeline) is folded into
     * it rather than listed as another failing pipeline.
     *
     * @param pipeline    name
     * @param factory     factory name
     * @param lastFailure its most recent failed run
     * @param failures    failures in the window: failed runs, a run and its reruns (one run group) counted once
     * @param shortError  a one-line error summary (the pipeline run's own message)
     * @param calledBy    the parent pipeline when this run was started by an Execute Pipeline activity
     * @param rerun       the latest manual rerun of that failed run (same run group) that did not succeed, or null
     * @param folded      the failed child runs (any depth) of {@code lastFailure} folded into this row, outermost first
     * @param cause       what broke: the failing activity, its error code and its short cause; null until read
     */
    public record Row(String pipeline, String factory, PipelineRun lastFailure, int failures, String shortError,
                      String calledBy, PipelineRun rerun, List<PipelineRun> folded, Cause cause) {

        public Row {
            folded = folded == null ? List.of() : List.copyOf(folded);
        }

        public Row(String pipeline, String factory, PipelineRun lastFailure, int failures, String shortError,
                   String calledBy, PipelineRun rerun) {
            this(pipeline, factory, lastFailure, failures, shortError, calledBy, rerun, List.of(), null);
        }

        public Row(String pipeline, String factory, PipelineRun lastFailure, int failures, String shortError,
                   String calledBy) {
            this(pipeline, factory, lastFailure, failures, shortError, calledBy, null);
        }

        Row withFolded(List<PipelineRun> children) {
            return new Row(pipeline, factory, lastFailure, failures, shortError, calledBy, rerun, children, cause);
        }

        /** The same row naming what broke. */
        public Row withCause(Cause c) {
            return new Row(pipeline, factory, lastFailure, failures, shortError, calledBy, rerun, folded, c);
        }
    }

    /**
     * What broke in a failed run, from its diagnosis: the root-cause activity, wherever it ran.
     *
     * @param activity   the failing activity's name
     * @param inPipeline the pipeline it ran in, when that is a child pipeline; else ""
     * @param type       its activity type ("Copy", "Script"...), or ""
     * @param errorCode  ADF's error code, or ""
     * @param text       the short human cause, one line
     */
    public record Cause(String activity, String inPipeline, String type, String errorCode, String text) {
    }

    /** The same summary with new rows (the same pipelines, each naming what broke). */
    public FailingSummary withRows(List<Row> rows) {
        return new FailingSummary(window, factories, totalRuns, failedRuns, rows, recovered, active, freshness, runningLong);
    }

    /** A pipeline that failed in the window and has succeeded since (by a later run or a rerun of the failed one). */
    public record Recovered(String pipeline, String factory, PipelineRun lastFailure, PipelineRun lastSuccess) {
    }
}
