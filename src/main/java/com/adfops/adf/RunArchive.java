package com.adfops.adf;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Data Factory's own logs of runs kept longer than ADF keeps them (diagnostic settings sending the pipeline and
 * activity run logs to a Log Analytics workspace). Only ended runs are there, minutes after they end. Every method
 * may throw {@link DataFactoryException}.
 */
public interface RunArchive {

    /** How far back the archive holds runs (the workspace's retention, as configured). */
    Duration retention();

    /** Ended pipeline runs of one factory whose end lies in the query's window, newest start first. */
    default List<PipelineRun> pipelineRuns(FactoryRef factory, RunQuery query) {
        return pipelineRuns(List.of(factory), query);
    }

    /** The same for several factories at once (one read), newest start first; at most the query's cap per factory. */
    List<PipelineRun> pipelineRuns(List<FactoryRef> factories, RunQuery query);

    /** The activity runs of one ended pipeline run, in execution order. */
    List<ActivityRun> activityRuns(FactoryRef factory, PipelineRun run);

    /** A cheap read that fails as the archive's reads would (no credential, no permission, no such workspace). */
    void probe();

    /** One ended run by id, searched between {@code from} and {@code to}. */
    Optional<PipelineRun> pipelineRun(FactoryRef factory, String runId, Instant from, Instant to);
}
