package com.adfops.adf;

import java.util.List;
import java.util.Optional;

/**
 * The Data Factory port. Every method may throw {@link DataFactoryException}; implementations follow ADF's
 * continuation tokens so callers always get whole answers.
 */
public interface DataFactory {

    /** The factories this bot is configured for, in configuration order (never empty). */
    List<FactoryRef> factories();

    /** The names of the pipelines defined in one factory, sorted. */
    List<String> listPipelineNames(FactoryRef factory);

    /** Pipeline runs of one factory updated within the query's window, newest first. */
    List<PipelineRun> queryPipelineRuns(FactoryRef factory, RunQuery query);

    /**
     * Pipeline runs of several factories with the same query, newest first (a store that holds them together, such
     * as a Log Analytics workspace, answers in one read).
     */
    default List<PipelineRun> queryPipelineRuns(List<FactoryRef> factories, RunQuery query) {
        List<PipelineRun> out = new java.util.ArrayList<>();
        for (FactoryRef f : factories) {
            out.addAll(queryPipelineRuns(f, query));
        }
        out.sort(java.util.Comparator.comparing(PipelineRun::sortTime).reversed());
        return out;
    }

    /**
     * The factory's definitions: pipelines, datasets, linked services, triggers and integration runtimes with their
     * status. A factory that cannot say (or has none) answers {@link FactoryDefinitions#empty}.
     */
    default FactoryDefinitions readDefinitions(FactoryRef factory) {
        return FactoryDefinitions.empty(factory, java.time.Instant.now());
    }

    /** The trigger runs of one factory that fired in {@code [from, to)}, newest first. */
    default List<FactoryDefinitions.TriggerRun> queryTriggerRuns(FactoryRef factory, java.time.Instant from,
                                                                 java.time.Instant to) {
        return List.of();
    }

    /** Activity runs of one pipeline run, in execution order. */
    List<ActivityRun> queryActivityRuns(FactoryRef factory, PipelineRun run);

    /** One run by id, or empty when the factory has no such run. */
    Optional<PipelineRun> getPipelineRun(FactoryRef factory, String runId);

    /** How long Data Factory itself keeps run data. */
    java.time.Duration ADF_RETENTION = java.time.Duration.ofDays(45);

    /** How far back questions may reach: ADF's retention, or longer with an archive of its logs. */
    default java.time.Duration retention() {
        return ADF_RETENTION;
    }

    /**
     * Since when this factory's runs are held in memory (a question whose window starts later is answered without
     * reading Data Factory), or null when nothing is held.
     */
    default java.time.Instant heldSince(FactoryRef factory) {
        return null;
    }

    /**
     * A number that changes whenever the runs held in memory change (a refresh, a slice of the backfill, a compaction):
     * answers worked out from an equal version and the same second are equal. Negative when nothing is held (every
     * answer reads Data Factory, and none may be reused).
     */
    default long memoryVersion() {
        return -1;
    }

    /** How current an answer to {@code query} is (a direct read is current now). */
    default Freshness freshness(FactoryRef factory, RunQuery query) {
        return Freshness.direct(java.time.Instant.now());
    }

    /**
     * Starts a run of a pipeline (ADF's Create Run): a rerun of {@code request.referenceRunId()}, with its parameters.
     * Returns the new run's id. Not retried: ADF has no idempotency key, so the caller guards against double submits.
     */
    default String createRun(FactoryRef factory, RunRequest request) {
        throw new UnsupportedOperationException("this Data Factory cannot start runs");
    }

    /** Cancels a run ({@code recursive}: its Execute Pipeline children too). */
    default void cancelRun(FactoryRef factory, String runId, boolean recursive) {
        throw new UnsupportedOperationException("this Data Factory cannot cancel runs");
    }

    /**
     * Whether the bot can read the long history of runs (Data Factory's logs in a Log Analytics workspace), as a
     * status named after it; empty when none is configured.
     */
    default java.util.Optional<FactoryStatus> historyStatus() {
        return java.util.Optional.empty();
    }

    /** As {@link #historyStatus()}, checked now (someone asked). */
    default java.util.Optional<FactoryStatus> checkHistory() {
        return historyStatus();
    }

    /** Whether the bot can read each factory; empty when it does not track it. */
    default List<FactoryStatus> status() {
        return List.of();
    }
}
