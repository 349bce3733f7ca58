package com.adfops.impact;

import com.adfops.adf.FactoryDefinitions.TriggerKind;
import com.adfops.impact.DependencyGraph.EdgeKind;
import com.adfops.impact.DependencyGraph.NodeKind;
import com.adfops.impact.ImpactedPipeline.Relation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One walk of the dependency graph from a pipeline: downstream through the datasets it leaves stale (or writes), up
 * through its Execute Pipeline parents, across tumbling window dependencies. Each pipeline is reached once (its
 * relations and what reached it gathered), never the origin itself; depth is bounded, so cycles end.
 */
final class ImpactWalk {

    /** A pipeline reached, before its state is known. */
    static final class Reach {
        final String pipeline;
        final Set<Relation> relations = EnumSet.noneOf(Relation.class);
        final Set<String> via = new LinkedHashSet<>();
        int depth;

        Reach(String pipeline, int depth) {
            this.pipeline = pipeline;
            this.depth = depth;
        }
    }

    private final DependencyGraph graph;
    private final String origin;
    private final int maxDepth;
    private final Map<String, Reach> reached = new LinkedHashMap<>();
    private final List<ImpactedDataset> datasets = new ArrayList<>();
    private final Set<String> staleKeys = new HashSet<>();
    private final Set<DependencyGraph.Edge> edges = new LinkedHashSet<>();
    private boolean truncated;

    ImpactWalk(DependencyGraph graph, String origin, int maxDepth) {
        this.graph = graph;
        this.origin = origin;
        this.maxDepth = maxDepth;
    }

    /** Walks downstream from the origin's datasets (depth 0), carrying staleness through each reader's outputs. */
    void downstream(List<ImpactedDataset> start) {
        List<ImpactedDataset> level = new ArrayList<>();
        for (ImpactedDataset d : start) {
            if (staleKeys.add(DependencyGraph.key(d.dataset()))) {
                datasets.add(d);
                level.add(d);
                edges.add(graph.edge(NodeKind.PIPELINE, d.writer(), EdgeKind.WRITES, NodeKind.DATASET, d.dataset()));
            }
        }
        for (int depth = 1; !level.isEmpty(); depth++) {
            if (depth > maxDepth) {
                truncated |= level.stream().anyMatch(d -> graph.readers(d.dataset()).stream().anyMatch(this::fresh));
                return;
            }
            List<ImpactedDataset> next = new ArrayList<>();
            for (ImpactedDataset d : level) {
                for (String reader : graph.readers(d.dataset())) {
                    if (isOrigin(reader)) {
                        continue;
                    }
                    edges.add(graph.edge(NodeKind.PIPELINE, reader, EdgeKind.READS, NodeKind.DATASET, d.dataset()));
                    if (reach(reader, Relation.READS_STALE_DATA, depth, d.dataset())) {
                        carry(reader, depth, next);
                    }
                }
            }
            level = next;
        }
    }

    /** Walks up through the Execute Pipeline parents of the origin (and their parents). */
    void parents() {
        Set<String> level = Set.of(origin);
        for (int depth = 1; !level.isEmpty(); depth++) {
            Set<String> next = new LinkedHashSet<>();
            for (String child : level) {
                for (String parent : graph.parents(child)) {
                    if (depth > maxDepth) {
                        truncated |= fresh(parent);
                        continue;
                    }
                    edges.add(graph.edge(NodeKind.PIPELINE, parent, EdgeKind.EXECUTES, NodeKind.PIPELINE, child));
                    if (!isOrigin(parent) && reach(parent, Relation.EXECUTE_PIPELINE_PARENT, depth, child)) {
                        next.add(parent);
                    }
                }
            }
            level = depth > maxDepth ? Set.of() : next;
        }
    }

    /** A parent known from the run itself (it may be missing from the definitions). */
    void parent(String parent) {
        if (!isOrigin(parent)) {
            reach(parent, Relation.EXECUTE_PIPELINE_PARENT, 1, origin);
        }
    }

    /**
     * Walks the tumbling window triggers that depend on {@code triggers} (transitively), reaching the pipelines
     * they start; with no trigger given, the origin's own tumbling window triggers.
     */
    void windowDependants(Collection<String> triggers) {
        Set<String> level = new LinkedHashSet<>(triggers);
        if (level.isEmpty()) {
            graph.triggers(origin).stream()
                    .filter(t -> graph.triggerKind(t).orElse(TriggerKind.OTHER) == TriggerKind.TUMBLING_WINDOW)
                    .forEach(level::add);
        }
        Set<String> seen = new HashSet<>();
        level.forEach(t -> seen.add(DependencyGraph.key(t)));
        for (int depth = 1; !level.isEmpty() && depth <= maxDepth; depth++) {
            Set<String> next = new LinkedHashSet<>();
            for (String trigger : level) {
                for (String dependant : graph.windowDependants(trigger)) {
                    edges.add(graph.edge(NodeKind.TRIGGER, trigger, EdgeKind.DEPENDED_ON_BY, NodeKind.TRIGGER,
                            dependant));
                    if (!seen.add(DependencyGraph.key(dependant))) {
                        continue;
                    }
                    next.add(dependant);
                    for (String p : graph.pipelines(dependant)) {
                        edges.add(graph.edge(NodeKind.TRIGGER, dependant, EdgeKind.STARTS, NodeKind.PIPELINE, p));
                        if (!isOrigin(p)) {
                            reach(p, Relation.TUMBLING_WINDOW_DEPENDANT, depth, dependant);
                        }
                    }
                }
            }
            level = next;
        }
    }

    /** Adds an edge walked outside the walk's own steps (the origin executing a child, say). */
    void edge(DependencyGraph.Edge edge) {
        edges.add(edge);
    }

    List<ImpactedDataset> datasets() {
        return List.copyOf(datasets);
    }

    Collection<Reach> reached() {
        return reached.values();
    }

    List<DependencyGraph.Edge> edges() {
        return List.copyOf(edges);
    }

    boolean truncated() {
        return truncated;
    }

    private void carry(String reader, int depth, List<ImpactedDataset> next) {
        for (String out : graph.writes(reader)) {
            edges.add(graph.edge(NodeKind.PIPELINE, reader, EdgeKind.WRITES, NodeKind.DATASET, out));
            if (staleKeys.add(DependencyGraph.key(out))) {
                ImpactedDataset carried = new ImpactedDataset(out, reader, null, ImpactedDataset.Cause.DOWNSTREAM,
                        depth);
                datasets.add(carried);
                next.add(carried);
            }
        }
    }

    /** Records a pipeline reached; true when it is reached by this relation for the first time. */
    private boolean reach(String pipeline, Relation relation, int depth, String via) {
        Reach r = reached.computeIfAbsent(DependencyGraph.key(pipeline), k -> new Reach(pipeline, depth));
        r.depth = Math.min(r.depth, depth);
        r.via.add(via);
        return r.relations.add(relation);
    }

    private boolean fresh(String pipeline) {
        return !isOrigin(pipeline) && !reached.containsKey(DependencyGraph.key(pipeline));
    }

    private boolean isOrigin(String pipeline) {
        return pipeline.equalsIgnoreCase(origin);
    }
}
