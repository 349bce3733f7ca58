package com.adfops.diagnosis;

import com.adfops.adf.ActivityRun;
import com.adfops.adf.PipelineRun;
import java.util.List;

/**
 * Why a pipeline run failed: its failed activities in execution order (nested runs and loop bodies followed)
 * and the likely root cause.
 *
 * @param run        the run that was asked about
 * @param failed     the failed activities, outermost first, each with its depth and path
 * @param rootCause  the deepest failed activity that is not a container, or null if ADF recorded none
 * @param errorClass the root cause's classification
 * @param activityCount how many activity runs were examined (all levels)
 * @param truncated  true when more failed activities existed than are listed
 * @param activities the asked run's own activity runs as read (every status), or null when not known; what its
 *                   downstream impact is read from without reading them again
 */
public record Diagnosis(
        PipelineRun run,
        List<FailedActivity> failed,
        FailedActivity rootCause,
        ErrorClass errorClass,
        int activityCount,
        boolean truncated,
        List<ActivityRun> activities) {

    public Diagnosis {
        activities = activities == null ? null : List.copyOf(activities);
    }

    /** A diagnosis whose activity runs are not kept. */
    public Diagnosis(PipelineRun run, List<FailedActivity> failed, FailedActivity rootCause, ErrorClass errorClass,
                     int activityCount, boolean truncated) {
        this(run, failed, rootCause, errorClass, activityCount, truncated, null);
    }

    /**
     * One failed activity.
     *
     * @param activity   the activity run
     * @param depth      0 for the asked run's own activities; +1 inside a child run or a loop/branch
     * @param path       where it sits, e.g. "Run child › pl_child › Copy data"
     * @param pipelineName the pipeline the activity ran in
     * @param pipelineRunId the run the activity ran in
     * @param occurrences how many iterations failed the same way (ForEach/Until)
     */
    public record FailedActivity(ActivityRun activity, int depth, String path, String pipelineName,
                                 String pipelineRunId, int occurrences) {
    }

    public boolean hasRootCause() {
        return rootCause != null;
    }
}
