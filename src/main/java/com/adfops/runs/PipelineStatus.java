package com.adfops.runs;

import com.adfops.adf.Freshness;
import com.adfops.adf.PipelineRun;
import java.util.List;

/**
 * One pipeline's health over a window.
 *
 * @param pipeline    name
 * @param factory     factory name
 * @param window      the window looked at
 * @param latest      the most recent run, or null when none ran in the window
 * @param lastSuccess the most recent successful run, or null
 * @param lastFailure the most recent failed run, or null
 * @param succeeded   successful runs in the window
 * @param failed      failures in the window (a run and its reruns counted once)
 * @param other       queued, running or cancelled runs in the window
 * @param recent      the latest runs, newest first (at most five)
 * @param lastFailureRerun the latest rerun of the last failure (same run group) that did not succeed, or null
 * @param freshness   how current the runs are, or null when unknown
 */
public record PipelineStatus(String pipeline, String factory, TimeWindow window, PipelineRun latest,
                             PipelineRun lastSuccess, PipelineRun lastFailure, int succeeded, int failed, int other,
                             List<PipelineRun> recent, PipelineRun lastFailureRerun, Freshness freshness,
                             RunningLong runningLong) {

    public PipelineStatus(String pipeline, String factory, TimeWindow window, PipelineRun latest,
                          PipelineRun lastSuccess, PipelineRun lastFailure, int succeeded, int failed, int other,
                          List<PipelineRun> recent, PipelineRun lastFailureRerun, Freshness freshness) {
        this(pipeline, factory, window, latest, lastSuccess, lastFailure, succeeded, failed, other, recent,
                lastFailureRerun, freshness, null);
    }

    /** The same status with its run in progress flagged as running long (or not: null). */
    public PipelineStatus withRunningLong(RunningLong r) {
        return new PipelineStatus(pipeline, factory, window, latest, lastSuccess, lastFailure, succeeded, failed, other,
                recent, lastFailureRerun, freshness, r);
    }

    public PipelineStatus(String pipeline, String factory, TimeWindow window, PipelineRun latest,
                          PipelineRun lastSuccess, PipelineRun lastFailure, int succeeded, int failed, int other,
                          List<PipelineRun> recent) {
        this(pipeline, factory, window, latest, lastSuccess, lastFailure, succeeded, failed, other, recent, null, null);
    }

    /** The same status without its freshness (to compare answers read at different times or from different sources). */
    public PipelineStatus withoutFreshness() {
        return new PipelineStatus(pipeline, factory, window, latest, lastSuccess, lastFailure, succeeded, failed, other,
                recent, lastFailureRerun, null);
    }

    /** Failed in the window but the latest finished run succeeded. */
    public boolean recovered() {
        return lastFailure != null && lastSuccess != null && lastSuccess.sortTime().isAfter(lastFailure.sortTime());
    }
}
