package com.adfops.adf;

import java.time.Instant;

/**
 * One activity run of a pipeline run, mapped once from ADF's ActivityRun.
 *
 * @param pipelineRunId  the pipeline run this activity ran in
 * @param pipelineName   that pipeline's name
 * @param activityRunId  ADF's activity run id
 * @param activityName   the activity's name in the pipeline
 * @param activityType   ADF's activity type ("Copy", "ExecutePipeline", "ForEach", "DatabricksNotebook", ...)
 * @param status         the status
 * @param start          start time, may be null
 * @param end            end time, may be null
 * @param durationMs     duration in ms, may be null
 * @param error          the error, empty when none
 * @param childRunId     for ExecutePipeline activities, the child pipeline run id from the output; else null
 * @param childPipeline  for ExecutePipeline activities, the child pipeline name; else null
 * @param linkedService  the linked service the activity used, if ADF says
 * @param iterationHash  for activities inside ForEach/Until, ADF's iteration marker; else null
 */
public record ActivityRun(
        String pipelineRunId,
        String pipelineName,
        String activityRunId,
        String activityName,
        String activityType,
        RunStatus status,
        Instant start,
        Instant end,
        Long durationMs,
        ActivityError error,
        String childRunId,
        String childPipeline,
        String linkedService,
        String iterationHash) {

    public ActivityRun {
        activityType = activityType == null ? "" : activityType;
        error = error == null ? new ActivityError("", "", "", "") : error;
    }

    /** Activities whose failure is a consequence of activities they run (Execute Pipeline, loops, branches). */
    public boolean isContainer() {
        return switch (activityType) {
            case "ExecutePipeline", "ForEach", "Until", "IfCondition", "Switch" -> true;
            default -> false;
        };
    }

    public boolean isExecutePipeline() {
        return "ExecutePipeline".equals(activityType);
    }
}
