package com.adfops.impact;

import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryDefinitions.Activity;
import com.adfops.adf.FactoryDefinitions.Dataset;
import com.adfops.adf.FactoryDefinitions.LinkedService;
import com.adfops.adf.FactoryDefinitions.Pipeline;
import com.adfops.adf.FactoryDefinitions.Trigger;
import com.adfops.adf.FactoryDefinitions.TriggerKind;
import com.adfops.adf.FactoryDefinitions.WindowDependency;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dependency graph of one factory, built once from its {@link FactoryDefinitions}: pipeline -> the datasets it
 * writes and reads (through all its activities) and the linked services its activities run on, dataset -> linked
 * service -> integration runtime, Execute Pipeline parent -> child, trigger -> the pipelines it starts, tumbling
 * window trigger -> the triggers that depend on it. Names are matched case-insensitively, as ADF does, and answered
 * in the definitions' own spelling (a name referenced but not defined keeps the spelling first met). Immutable; the
 * graph may hold cycles, every walk over it keeps a visited set.
 */
public final class DependencyGraph {

    /** What a node of the graph is. */
    public enum NodeKind { PIPELINE, DATASET, LINKED_SERVICE, INTEGRATION_RUNTIME, TRIGGER }

    /** What an edge says, read from its source to its target. */
    public enum EdgeKind {
        /** pipeline -> a dataset one of its activities writes. */
        WRITES,
        /** pipeline -> a dataset one of its activities reads. */
        READS,
        /** pipeline -> a linked service one of its activities runs on (not through a dataset). */
        RUNS_ON,
        /** dataset -> the linked service that holds it. */
        STORED_IN,
        /** linked service -> the self-hosted or managed integration runtime it connects via. */
        CONNECTS_VIA,
        /** Execute Pipeline parent -> child. */
        EXECUTES,
        /** trigger -> a pipeline it starts. */
        STARTS,
        /** tumbling window trigger -> a tumbling window trigger that depends on its windows. */
        DEPENDED_ON_BY
    }

    /**
     * A node.
     *
     * @param kind what it is
     * @param name its name, in the definitions' spelling
     */
    public record Node(NodeKind kind, String name) {
    }

    /**
     * An edge.
     *
     * @param from its source
     * @param kind what it says
     * @param to   its target
     */
    public record Edge(Node from, EdgeKind kind, Node to) {
    }

    private final FactoryDefinitions definitions;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<Node, Set<Edge>> out = new LinkedHashMap<>();
    private final Map<Node, Set<Edge>> in = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    /** The graph of one factory's definitions. */
    public static DependencyGraph of(FactoryDefinitions definitions) {
        return new DependencyGraph(definitions);
    }

    /** Built whole in the constructor, so the graph is safely published as any immutable object. */
    private DependencyGraph(FactoryDefinitions definitions) {
        this.definitions = definitions;
        definitions.pipelines().forEach(p -> node(NodeKind.PIPELINE, p.name()));
        definitions.datasets().forEach(d -> node(NodeKind.DATASET, d.name()));
        definitions.linkedServices().forEach(l -> node(NodeKind.LINKED_SERVICE, l.name()));
        definitions.runtimes().forEach(r -> node(NodeKind.INTEGRATION_RUNTIME, r.name()));
        definitions.triggers().forEach(t -> node(NodeKind.TRIGGER, t.name()));
        for (Pipeline p : definitions.pipelines()) {
            for (Activity a : p.activities()) {
                a.outputs().forEach(d -> add(NodeKind.PIPELINE, p.name(), EdgeKind.WRITES, NodeKind.DATASET, d));
                a.inputs().forEach(d -> add(NodeKind.PIPELINE, p.name(), EdgeKind.READS, NodeKind.DATASET, d));
                add(NodeKind.PIPELINE, p.name(), EdgeKind.RUNS_ON, NodeKind.LINKED_SERVICE, a.linkedService());
                add(NodeKind.PIPELINE, p.name(), EdgeKind.EXECUTES, NodeKind.PIPELINE, a.executes());
            }
        }
        for (Dataset d : definitions.datasets()) {
            add(NodeKind.DATASET, d.name(), EdgeKind.STORED_IN, NodeKind.LINKED_SERVICE, d.linkedService());
        }
        for (LinkedService l : definitions.linkedServices()) {
            add(NodeKind.LINKED_SERVICE, l.name(), EdgeKind.CONNECTS_VIA, NodeKind.INTEGRATION_RUNTIME, l.runtime());
        }
        for (Trigger t : definitions.triggers()) {
            t.pipelines().forEach(p -> add(NodeKind.TRIGGER, t.name(), EdgeKind.STARTS, NodeKind.PIPELINE, p));
            if (t.kind() == TriggerKind.TUMBLING_WINDOW && t.window() != null) {
                for (WindowDependency dep : t.window().dependsOn()) {
                    if (dep.trigger() != null && !dep.trigger().equalsIgnoreCase(t.name())) {
                        add(NodeKind.TRIGGER, dep.trigger(), EdgeKind.DEPENDED_ON_BY, NodeKind.TRIGGER, t.name());
                    }
                }
            }
        }
    }

    /** The definitions the graph was built from. */
    public FactoryDefinitions definitions() {
        return definitions;
    }

    /** Every edge, in the order the definitions list them (pipelines, datasets, linked services, triggers). */
    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    /** A node by kind and name (any case), if the graph holds it. */
    public Optional<Node> find(NodeKind kind, String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(nodes.get(key(kind, name)));
    }

    /** The targets of {@code kind} edges leaving a node, in the definitions' spelling. */
    public Set<String> targets(NodeKind from, String name, EdgeKind kind) {
        return names(find(from, name).map(out::get), kind, false);
    }

    /** The sources of {@code kind} edges reaching a node, in the definitions' spelling. */
    public Set<String> sources(NodeKind to, String name, EdgeKind kind) {
        return names(find(to, name).map(in::get), kind, true);
    }

    /** The datasets a pipeline's activities write. */
    public Set<String> writes(String pipeline) {
        return targets(NodeKind.PIPELINE, pipeline, EdgeKind.WRITES);
    }

    /** The datasets a pipeline's activities read. */
    public Set<String> reads(String pipeline) {
        return targets(NodeKind.PIPELINE, pipeline, EdgeKind.READS);
    }

    /** The pipelines that read a dataset. */
    public Set<String> readers(String dataset) {
        return sources(NodeKind.DATASET, dataset, EdgeKind.READS);
    }

    /** The pipelines that write a dataset. */
    public Set<String> writers(String dataset) {
        return sources(NodeKind.DATASET, dataset, EdgeKind.WRITES);
    }

    /** The pipelines a pipeline starts through Execute Pipeline activities. */
    public Set<String> children(String pipeline) {
        return targets(NodeKind.PIPELINE, pipeline, EdgeKind.EXECUTES);
    }

    /** The pipelines that start a pipeline through Execute Pipeline activities. */
    public Set<String> parents(String pipeline) {
        return sources(NodeKind.PIPELINE, pipeline, EdgeKind.EXECUTES);
    }

    /** The linked service that holds a dataset. */
    public Optional<String> linkedService(String dataset) {
        return targets(NodeKind.DATASET, dataset, EdgeKind.STORED_IN).stream().findFirst();
    }

    /** The integration runtime a linked service connects via; empty for the default Azure IR. */
    public Optional<String> runtime(String linkedService) {
        return targets(NodeKind.LINKED_SERVICE, linkedService, EdgeKind.CONNECTS_VIA).stream().findFirst();
    }

    /** The triggers that start a pipeline. */
    public Set<String> triggers(String pipeline) {
        return sources(NodeKind.PIPELINE, pipeline, EdgeKind.STARTS);
    }

    /** The pipelines a trigger starts. */
    public Set<String> pipelines(String trigger) {
        return targets(NodeKind.TRIGGER, trigger, EdgeKind.STARTS);
    }

    /** The tumbling window triggers that depend on a trigger's windows. */
    public Set<String> windowDependants(String trigger) {
        return targets(NodeKind.TRIGGER, trigger, EdgeKind.DEPENDED_ON_BY);
    }

    /** A pipeline's definition, by name in any case. */
    public Optional<Pipeline> pipeline(String name) {
        return definitions.pipeline(name);
    }

    /** The kind of a trigger, if defined. */
    public Optional<TriggerKind> triggerKind(String trigger) {
        return definitions.trigger(trigger).map(Trigger::kind);
    }

    /** The edge {@code from -kind-> to} between two named nodes, as the graph spells them. */
    Edge edge(NodeKind fromKind, String from, EdgeKind kind, NodeKind toKind, String to) {
        return new Edge(find(fromKind, from).orElse(new Node(fromKind, from)), kind,
                find(toKind, to).orElse(new Node(toKind, to)));
    }

    private Node node(NodeKind kind, String name) {
        return nodes.computeIfAbsent(key(kind, name), k -> new Node(kind, name));
    }

    private void add(NodeKind fromKind, String from, EdgeKind kind, NodeKind toKind, String to) {
        if (from == null || to == null || to.isBlank()) {
            return;
        }
        Edge e = new Edge(node(fromKind, from), kind, node(toKind, to));
        if (out.computeIfAbsent(e.from(), n -> new LinkedHashSet<>()).add(e)) {
            in.computeIfAbsent(e.to(), n -> new LinkedHashSet<>()).add(e);
            edges.add(e);
        }
    }

    private static Set<String> names(Optional<Set<Edge>> edges, EdgeKind kind, boolean sources) {
        Set<String> names = new LinkedHashSet<>();
        edges.ifPresent(es -> es.stream().filter(e -> e.kind() == kind)
                .forEach(e -> names.add(sources ? e.from().name() : e.to().name())));
        return java.util.Collections.unmodifiableSet(names);
    }

    private static String key(NodeKind kind, String name) {
        return kind + ":" + name.toLowerCase(Locale.ROOT);
    }

    /** A name's case-insensitive key. */
    static String key(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }
}
