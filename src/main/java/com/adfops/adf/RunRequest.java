package com.adfops.adf;

import java.util.Objects;

/**
 * A Create Run request as the bot sends it: always a rerun of an existing run, whose parameters ADF reuses.
 *
 * @param pipeline         the pipeline to run (the reference run's pipeline)
 * @param referenceRunId   the run to rerun ({@code referencePipelineRunId}); its parameters are reused
 * @param recovery         {@code isRecovery}: the new run joins the reference run's group
 * @param startFromFailure {@code startFromFailure}: start from the activities that failed, skipping those that succeeded
 */
public record RunRequest(String pipeline, String referenceRunId, boolean recovery, boolean startFromFailure) {

    public RunRequest {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(referenceRunId, "referenceRunId");
    }

    /** Rerun from the failed activities of {@code runId} (a recovery run in its group). */
    public static RunRequest fromFailure(String pipeline, String runId) {
        return new RunRequest(pipeline, runId, true, true);
    }

    /** Rerun the whole pipeline with {@code runId}'s parameters (a recovery run in its group). */
    public static RunRequest whole(String pipeline, String runId) {
        return new RunRequest(pipeline, runId, true, false);
    }
}
