package com.adfops.impact;

import com.adfops.adf.ActivityRun;
import com.adfops.adf.FactoryDefinitions.IntegrationRuntime;
import com.adfops.adf.FactoryDefinitions.RuntimeType;
import com.adfops.impact.DependencyGraph.EdgeKind;
import com.adfops.impact.DependencyGraph.NodeKind;
import com.adfops.impact.RuntimeReport.Availability;
import com.adfops.impact.RuntimeReport.State;
import com.adfops.impact.RuntimeReport.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The health of a factory's self-hosted integration runtimes, from the states its {@link DependencyGraph}'s
 * definitions were read with: each runtime's state, the nodes not online and since when, and the pipelines at risk
 * (those that use it, through their activities' linked services, their datasets' linked services or the child
 * pipelines they execute, whose next expected run falls within a horizon). Pure: "now" and each pipeline's next run are the caller's.
 */
public final class RuntimeHealth {

    private final DependencyGraph graph;

    /** The health over one factory's graph (and the runtime states its definitions hold). */
    public RuntimeHealth(DependencyGraph graph) {
        this.graph = Objects.requireNonNull(graph);
    }

    /**
     * Every self-hosted runtime's report, in the definitions' order.
     *
     * @param now            the caller's now
     * @param expiryWarning  a version expiring within this is {@link Version#EXPIRING}
     * @param horizon        a user whose next run is within this of {@code now} (or overdue) is at risk
     * @param nextRun        a pipeline's next expected run, empty when unknown
     */
    public List<RuntimeReport> selfHosted(Instant now, Duration expiryWarning, Duration horizon,
                                          Function<String, Optional<Instant>> nextRun) {
        return graph.definitions().runtimes().stream().filter(r -> r.type() == RuntimeType.SELF_HOSTED)
                .map(r -> report(r, now, expiryWarning, horizon, nextRun)).toList();
    }

    /** One self-hosted runtime's report, by name in any case; empty when none such is defined. */
    public Optional<RuntimeReport> report(String runtime, Instant now, Duration expiryWarning, Duration horizon,
                                          Function<String, Optional<Instant>> nextRun) {
        return selfHostedRuntime(runtime).map(r -> report(r, now, expiryWarning, horizon, nextRun));
    }

    /**
     * The self-hosted runtime a failed activity ran on ({@code integrationRuntime}: ADF's name, possibly followed by
     * a region or node in parentheses) and its nodes as last read; empty for the Azure IR or an unknown runtime.
     */
    public Optional<RuntimeAtFailure> atFailure(ActivityRun activity) {
        String named = activity.integrationRuntime();
        if (named == null || named.isBlank()) {
            return Optional.empty();
        }
        Optional<IntegrationRuntime> runtime = selfHostedRuntime(named.trim());
        int paren = named.indexOf(" (");
        if (runtime.isEmpty() && paren > 0) {
            runtime = selfHostedRuntime(named.substring(0, paren).trim());
        }
        return runtime.map(r -> {
            List<NodeState> nodes = r.nodes().stream().map(NodeState::of).toList();
            Instant at = activity.end() != null ? activity.end() : activity.start();
            return new RuntimeAtFailure(r.name(), activity.activityName(), at, graph.definitions().readAt(),
                    availability(nodes), nodes);
        });
    }

    /**
     * The pipelines that use a runtime: through a linked service their activities run on, through a dataset they
     * read or write whose linked service connects via it, or through a child pipeline they execute that does; in the
     * definitions' order (parents after the pipelines they execute).
     */
    public List<RuntimeUser> users(String runtime) {
        return users(runtime, null, null, p -> Optional.empty());
    }

    private RuntimeReport report(IntegrationRuntime r, Instant now, Duration expiryWarning, Duration horizon,
                                 Function<String, Optional<Instant>> nextRun) {
        List<NodeState> nodes = r.nodes().stream().map(NodeState::of).toList();
        Availability availability = availability(nodes);
        Instant expiry = nodes.stream().map(NodeState::expiry).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
        Version version = version(r, nodes, expiry, now, expiryWarning);
        List<RuntimeUser> users = new ArrayList<>(users(r.name(), now, horizon, nextRun));
        users.sort(Comparator.comparing((RuntimeUser u) -> u.nextRun() == null ? Instant.MAX : u.nextRun())
                .thenComparing(RuntimeUser::pipeline, String.CASE_INSENSITIVE_ORDER));
        return new RuntimeReport(r.name(), state(availability, version), availability, version, r.state(), expiry,
                nodes, users, graph.definitions().readAt());
    }

    private List<RuntimeUser> users(String runtime, Instant now, Duration horizon,
                                    Function<String, Optional<Instant>> nextRun) {
        Map<String, Use> uses = new LinkedHashMap<>();
        for (String ls : graph.sources(NodeKind.INTEGRATION_RUNTIME, runtime, EdgeKind.CONNECTS_VIA)) {
            for (String p : graph.sources(NodeKind.LINKED_SERVICE, ls, EdgeKind.RUNS_ON)) {
                use(uses, p).linkedServices.add(ls);
            }
            for (String d : graph.sources(NodeKind.LINKED_SERVICE, ls, EdgeKind.STORED_IN)) {
                Set<String> pipelines = new LinkedHashSet<>(graph.readers(d));
                pipelines.addAll(graph.writers(d));
                for (String p : pipelines) {
                    Use u = use(uses, p);
                    u.linkedServices.add(ls);
                    u.datasets.add(d);
                }
            }
        }
        parents(uses);
        List<RuntimeUser> users = new ArrayList<>();
        for (Use u : uses.values()) {
            Optional<Instant> next = nextRun.apply(u.pipeline);
            Instant at = next == null ? null : next.orElse(null);
            boolean atRisk = at != null && now != null && !at.isAfter(now.plus(horizon));
            users.add(new RuntimeUser(u.pipeline, List.copyOf(u.linkedServices), List.copyOf(u.datasets),
                    List.copyOf(u.through), at, atRisk));
        }
        return users;
    }

    /**
     * Adds the Execute Pipeline parents of the users (and theirs, up to {@link ImpactAnalysis#MAX_DEPTH}): a child
     * seldom has a schedule of its own, its parent's next run is when the runtime is needed.
     */
    private void parents(Map<String, Use> uses) {
        List<Use> level = new ArrayList<>(uses.values());
        for (int depth = 1; depth <= ImpactAnalysis.MAX_DEPTH && !level.isEmpty(); depth++) {
            List<Use> next = new ArrayList<>();
            for (Use child : level) {
                for (String parent : graph.parents(child.pipeline)) {
                    boolean known = uses.containsKey(DependencyGraph.key(parent));
                    Use u = use(uses, parent);
                    u.through.add(child.pipeline);
                    boolean grew = u.linkedServices.addAll(child.linkedServices) | u.datasets.addAll(child.datasets);
                    if (!known || grew) {
                        next.add(u);
                    }
                }
            }
            level = next;
        }
    }

    /** How one pipeline uses a runtime. */
    private static final class Use {
        final String pipeline;
        final Set<String> linkedServices = new LinkedHashSet<>();
        final Set<String> datasets = new LinkedHashSet<>();
        final Set<String> through = new LinkedHashSet<>();

        Use(String pipeline) {
            this.pipeline = pipeline;
        }
    }

    private static Use use(Map<String, Use> uses, String pipeline) {
        return uses.computeIfAbsent(DependencyGraph.key(pipeline), k -> new Use(pipeline));
    }

    private Optional<IntegrationRuntime> selfHostedRuntime(String name) {
        return graph.definitions().runtime(name).filter(r -> r.type() == RuntimeType.SELF_HOSTED);
    }

    private static Availability availability(List<NodeState> nodes) {
        long running = nodes.stream().filter(NodeState::runsJobs).count();
        if (running == 0) {
            return Availability.DOWN;
        }
        boolean allOnline = nodes.stream().allMatch(n -> n.condition() == NodeState.Condition.ONLINE);
        return allOnline ? Availability.ALL_ONLINE : Availability.DEGRADED;
    }

    private static Version version(IntegrationRuntime r, List<NodeState> nodes, Instant expiry, Instant now,
                                   Duration warning) {
        List<String> statuses = new ArrayList<>();
        statuses.add(r.versionStatus());
        nodes.forEach(n -> statuses.add(n.versionStatus()));
        boolean expired = statuses.stream().anyMatch(s -> is(s, "expired"))
                || expiry != null && now != null && !expiry.isAfter(now);
        if (expired) {
            return Version.EXPIRED;
        }
        boolean expiring = statuses.stream().anyMatch(s -> is(s, "expiring"))
                || expiry != null && now != null && warning != null && !expiry.isAfter(now.plus(warning));
        return expiring ? Version.EXPIRING : Version.CURRENT;
    }

    private static boolean is(String status, String value) {
        return status != null && status.trim().toLowerCase(Locale.ROOT).equals(value);
    }

    private static State state(Availability availability, Version version) {
        if (availability == Availability.DOWN) {
            return State.DOWN;
        }
        if (version == Version.EXPIRED) {
            return State.EXPIRED;
        }
        if (availability == Availability.DEGRADED) {
            return State.DEGRADED;
        }
        return version == Version.EXPIRING ? State.VERSION_EXPIRING : State.HEALTHY;
    }
}
