package com.adfops.impact;

import com.adfops.adf.PipelineRun;
import java.time.Instant;
import java.util.List;

/**
 * The downstream impact of one failed pipeline run.
 *
 * @param pipeline    the failed pipeline (the definitions' spelling when defined)
 * @param runId       the failed run's id
 * @param failedAt    when it failed (its end, else its start or last update)
 * @param basis       how the datasets not written were found
 * @param defined     whether the factory's definitions hold the pipeline (if not, no dataset is known)
 * @param datasets    the datasets left stale: depth 0 not written by the failed run, then those written downstream
 *                    from them, by depth
 * @param pipelines   the pipelines reached, ordered by how soon they run: the parent run that started the failed
 *                    run, then those that ran on stale data, then by next expected run, unknown last
 * @param edges       the part of the dependency graph walked (for a chart)
 * @param recoveredBy a later successful run of the failed pipeline, or null; when present the datasets were written
 *                    again and {@code pipelines} holds only those that ran (or run) on stale data before it
 * @param truncated   whether the walk stopped at {@link ImpactAnalysis#MAX_DEPTH} with more downstream
 */
public record FailureImpact(String pipeline, String runId, Instant failedAt, Basis basis, boolean defined,
                            List<ImpactedDataset> datasets, List<ImpactedPipeline> pipelines,
                            List<DependencyGraph.Edge> edges, PipelineRun recoveredBy, boolean truncated) {

    public FailureImpact {
        datasets = List.copyOf(datasets);
        pipelines = List.copyOf(pipelines);
        edges = List.copyOf(edges);
    }

    /** How the datasets not written were found. */
    public enum Basis {
        /** From the run's activity runs: only activities that did not succeed left their datasets unwritten. */
        ACTIVITY_RUNS,
        /** The activity runs are unknown: every dataset the pipeline writes is taken as not written. */
        BY_DEFINITION
    }

    /** The datasets the failed run did not write (depth 0). */
    public List<ImpactedDataset> notWritten() {
        return datasets.stream().filter(d -> d.depth() == 0).toList();
    }

    /** The pipelines reached by a relation, in the same order. */
    public List<ImpactedPipeline> reachedBy(ImpactedPipeline.Relation relation) {
        return pipelines.stream().filter(p -> p.is(relation)).toList();
    }
}
