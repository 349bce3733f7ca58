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
 * @param integrationRuntime the integration runtime that ran it ({@code output.effectiveIntegrationRuntime}), or null
 * @param billing        what ADF bills the activity run for ({@code output.billingReference}); may be empty
 * @param input          the activity's input, flattened to at most {@link #MAX_INPUT} entries ("source.query" -> text,
 *                       each cut to {@link #MAX_INPUT_VALUE} characters); may hold secrets: redact before showing
 * @param profile        for Copy and Execute Data Flow activities, where the time went and ADF's tuning tips (from the
 *                       output); else null
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
        String iterationHash,
        String integrationRuntime,
        java.util.Map<String, String> input,
        java.util.List<BillableDuration> billing,
        CopyProfile profile) {

    /** Most input entries kept per activity run (memory: the run index keeps activity runs). */
    public static final int MAX_INPUT = 8;
    /** Longest input value kept. */
    public static final int MAX_INPUT_VALUE = 160;

    public ActivityRun {
        activityType = activityType == null ? "" : activityType;
        error = error == null ? new ActivityError("", "", "", "") : error;
        input = input == null || input.isEmpty() ? java.util.Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(input));
        billing = billing == null ? java.util.List.of() : java.util.List.copyOf(billing);
    }

    public ActivityRun(String pipelineRunId, String pipelineName, String activityRunId, String activityName,
                       String activityType, RunStatus status, Instant start, Instant end, Long durationMs,
                       ActivityError error, String childRunId, String childPipeline, String linkedService,
                       String iterationHash, String integrationRuntime, java.util.Map<String, String> input,
                       java.util.List<BillableDuration> billing) {
        this(pipelineRunId, pipelineName, activityRunId, activityName, activityType, status, start, end, durationMs,
                error, childRunId, childPipeline, linkedService, iterationHash, integrationRuntime, input, billing, null);
    }

    public ActivityRun(String pipelineRunId, String pipelineName, String activityRunId, String activityName,
                       String activityType, RunStatus status, Instant start, Instant end, Long durationMs,
                       ActivityError error, String childRunId, String childPipeline, String linkedService,
                       String iterationHash, String integrationRuntime, java.util.Map<String, String> input) {
        this(pipelineRunId, pipelineName, activityRunId, activityName, activityType, status, start, end, durationMs,
                error, childRunId, childPipeline, linkedService, iterationHash, integrationRuntime, input, null, null);
    }

    public ActivityRun(String pipelineRunId, String pipelineName, String activityRunId, String activityName,
                       String activityType, RunStatus status, Instant start, Instant end, Long durationMs,
                       ActivityError error, String childRunId, String childPipeline, String linkedService,
                       String iterationHash) {
        this(pipelineRunId, pipelineName, activityRunId, activityName, activityType, status, start, end, durationMs,
                error, childRunId, childPipeline, linkedService, iterationHash, null, null, null, null);
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
