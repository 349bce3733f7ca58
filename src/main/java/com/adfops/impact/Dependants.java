package com.adfops.impact;

import java.util.List;

/**
 * What depends on a pipeline (no failure): the same walk as {@link FailureImpact}, from the datasets it writes.
 *
 * @param pipeline  the pipeline asked about (the definitions' spelling when defined)
 * @param defined   whether the factory's definitions hold it
 * @param datasets  the datasets it writes (depth 0, {@link ImpactedDataset.Cause#WRITTEN}), then those written
 *                  downstream from them, by depth
 * @param pipelines its dependants: readers of its outputs (transitively), its Execute Pipeline parents, tumbling
 *                  window dependants; each {@link ImpactedPipeline.State#SCHEDULED} or
 *                  {@link ImpactedPipeline.State#WAITING}, ordered by next expected run, unknown last
 * @param edges     the part of the dependency graph walked (for a chart)
 * @param truncated whether the walk stopped at {@link ImpactAnalysis#MAX_DEPTH} with more downstream
 */
public record Dependants(String pipeline, boolean defined, List<ImpactedDataset> datasets,
                         List<ImpactedPipeline> pipelines, List<DependencyGraph.Edge> edges, boolean truncated) {

    public Dependants {
        datasets = List.copyOf(datasets);
        pipelines = List.copyOf(pipelines);
        edges = List.copyOf(edges);
    }
}
