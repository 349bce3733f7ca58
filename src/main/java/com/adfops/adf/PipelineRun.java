package com.adfops.adf;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One pipeline run, mapped once from ADF's PipelineRun.
 *
 * @param factory        the factory the run belongs to
 * @param runId          ADF's run id
 * @param pipelineName   the pipeline's name
 * @param status         the run status
 * @param message        the run's message (for failed runs, ADF's summary of the failing activity); never null
 * @param runStart       when the run started, may be null for queued runs
 * @param runEnd         when the run ended, null while it runs
 * @param lastUpdated    the last update ADF recorded
 * @param durationMs     the duration ADF reports, or null
 * @param parameters     the run's parameters as strings
 * @param invokedByType  how the run was started ("ScheduleTrigger", "Manual", "PipelineActivity", ...)
 * @param invokedByName  the trigger or parent activity name
 * @param parentRunId    for a child of an Execute Pipeline activity, the parent's run id; else null
 * @param parentPipeline for a child run, the parent pipeline's name; else null
 * @param rerunOf        for a rerun, the original run id; else null
 */
public record PipelineRun(
        FactoryRef factory,
        String runId,
        String pipelineName,
        RunStatus status,
        String message,
        Instant runStart,
        Instant runEnd,
        Instant lastUpdated,
        Long durationMs,
        Map<String, String> parameters,
        String invokedByType,
        String invokedByName,
        String parentRunId,
        String parentPipeline,
        String rerunOf) {

    public PipelineRun {
        message = message == null ? "" : message;
        // Keep ADF's order of parameters (Map.copyOf would not).
        parameters = parameters == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    /** The duration reported by ADF, or the time between start and end when only those are known. */
    public Optional<Duration> duration() {
        if (durationMs != null) {
            return Optional.of(Duration.ofMillis(durationMs));
        }
        if (runStart != null && runEnd != null) {
            return Optional.of(Duration.between(runStart, runEnd));
        }
        return Optional.empty();
    }

    /** The instant that best orders runs: start, else last update. */
    public Instant sortTime() {
        return runStart != null ? runStart : lastUpdated != null ? lastUpdated : Instant.EPOCH;
    }
}
