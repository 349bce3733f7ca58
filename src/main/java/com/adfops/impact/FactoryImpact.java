package com.adfops.impact;

import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryDefinitions.IntegrationRuntime;
import com.adfops.adf.FactoryDefinitions.RuntimeType;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import com.adfops.diagnosis.Diagnosis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The impact questions of the faces, over the factories' definitions ({@link DataFactory#readDefinitions}: cached by
 * the adapter, so cheap): the downstream impact of a failed run (from the activity runs its diagnosis already read),
 * what depends on a pipeline, the self-hosted integration runtimes' health and the runtime at an activity's failure.
 * The {@link DependencyGraph} of a factory is built once per version of its definitions (by {@code readAt}).
 */
public final class FactoryImpact {

    /** A pipeline whose next run is within this of now is at risk from an unhealthy runtime. */
    public static final Duration AT_RISK = Duration.ofHours(12);
    /** A runtime version expiring within this is said to be expiring. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(14);

    private final DataFactory adf;
    private final NextRuns nextRuns;
    private final Clock clock;
    private final Map<FactoryRef, DependencyGraph> graphs = new ConcurrentHashMap<>();

    public FactoryImpact(DataFactory adf, NextRuns nextRuns, Clock clock) {
        this.adf = Objects.requireNonNull(adf);
        this.nextRuns = nextRuns == null ? NextRuns.NONE : nextRuns;
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * The self-hosted runtimes asked about, over every factory.
     *
     * @param asked   the runtime's name as asked, or null for all
     * @param reports the reports (one per runtime; for a name, the runtime of that name)
     * @param known   every self-hosted runtime's name (to say which exist when the name matched none)
     */
    public record Runtimes(String asked, List<RuntimeReport> reports, List<String> known) {

        public Runtimes {
            reports = List.copyOf(reports);
            known = List.copyOf(known);
        }
    }

    /** A factory's dependency graph, rebuilt only when its definitions were read again. */
    public DependencyGraph graph(FactoryRef factory) {
        FactoryDefinitions defs = adf.readDefinitions(factory);
        DependencyGraph cached = graphs.get(factory);
        if (cached != null && Objects.equals(cached.definitions().readAt(), defs.readAt())) {
            return cached;
        }
        DependencyGraph g = DependencyGraph.of(defs);
        graphs.put(factory, g);
        return g;
    }

    /**
     * What a diagnosed failure reaches, from the activity runs its diagnosis read (none read again), and the runtime
     * its root cause ran on; {@link RunImpact#NONE} for a run that did not fail.
     */
    public RunImpact failure(Diagnosis d) {
        if (d == null || d.run().status() != RunStatus.FAILED) {
            return RunImpact.NONE;
        }
        return failure(d.run(), d.activities(), d.hasRootCause() ? d.rootCause().activity() : null);
    }

    /**
     * What a failed run reaches and the runtime its failed activity ran on; {@link RunImpact#NONE} when the factory
     * has no definitions, nothing is reached, or the definitions cannot be read now (a diagnosis never fails for it).
     *
     * @param failed       the failed run
     * @param activityRuns its activity runs as the diagnosis read them, or null when unknown ("by definition")
     * @param failedActivity the failed activity (the root cause), or null
     */
    public RunImpact failure(PipelineRun failed, List<ActivityRun> activityRuns, ActivityRun failedActivity) {
        try {
            DependencyGraph g = graph(failed.factory());
            if (g.definitions().pipelines().isEmpty() && g.definitions().runtimes().isEmpty()) {
                return RunImpact.NONE;
            }
            Instant now = clock.instant();
            Function<String, Optional<Instant>> next = nextRuns.of(g.definitions(), now);
            ImpactAnalysis analysis = new ImpactAnalysis(g);
            FailureImpact downstream = analysis.failure(failed, activityRuns, List.of(), next);
            if (!downstream.pipelines().isEmpty()) {
                List<PipelineRun> after = runsAfter(failed, downstream, now);
                if (!after.isEmpty()) {
                    downstream = analysis.failure(failed, activityRuns, after, next);
                }
            }
            boolean reaches = downstream.defined()
                    && !(downstream.datasets().isEmpty() && downstream.pipelines().isEmpty());
            RuntimeAtFailure runtime = failedActivity == null ? null : new RuntimeHealth(g).atFailure(failedActivity)
                    .filter(r -> !r.nodesNotOnline().isEmpty()).orElse(null);
            return new RunImpact(reaches ? downstream : null, runtime);
        } catch (DataFactoryException e) {
            return RunImpact.NONE;
        }
    }

    /** What depends on a pipeline of one factory. */
    public Dependants dependants(FactoryRef factory, String pipeline) {
        DependencyGraph g = graph(factory);
        return new ImpactAnalysis(g).dependants(pipeline, nextRuns.of(g.definitions(), clock.instant()));
    }

    /**
     * The factory whose definitions hold a pipeline: the one named (by name, any case) if given, else the first
     * configured factory that defines it; empty when none does.
     */
    public Optional<FactoryRef> factoryOf(String pipeline, String factoryName) {
        for (FactoryRef f : adf.factories()) {
            if (factoryName != null && !f.factoryName().equalsIgnoreCase(factoryName)) {
                continue;
            }
            if (graph(f).pipeline(pipeline).isPresent()) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The self-hosted runtimes of every factory, or the one named (any case); {@code runtime} null for all. */
    public Runtimes runtimes(String runtime) {
        Instant now = clock.instant();
        List<RuntimeReport> reports = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>();
        for (FactoryRef f : adf.factories()) {
            DependencyGraph g = graph(f);
            g.definitions().runtimes().stream().filter(r -> r.type() == RuntimeType.SELF_HOSTED)
                    .map(IntegrationRuntime::name).forEach(known::add);
            RuntimeHealth health = new RuntimeHealth(g);
            Function<String, Optional<Instant>> next = nextRuns.of(g.definitions(), now);
            if (runtime == null) {
                reports.addAll(health.selfHosted(now, EXPIRY_WARNING, AT_RISK, next));
            } else {
                health.report(runtime, now, EXPIRY_WARNING, AT_RISK, next).ifPresent(reports::add);
            }
        }
        return new Runtimes(runtime, reports, List.copyOf(known));
    }

    /** Whether some factory defines a self-hosted runtime of this name (any case). */
    public boolean isRuntime(String name) {
        return name != null && runtimes(null).known().stream().anyMatch(n -> n.equalsIgnoreCase(name.trim()));
    }

    /** The runs of the reached pipelines (and the failed one) since the failure: from the run index's memory. */
    private List<PipelineRun> runsAfter(PipelineRun failed, FailureImpact impact, Instant now) {
        Instant from = impact.failedAt();
        if (from == null || !from.isBefore(now)) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        names.add(impact.pipeline());
        impact.pipelines().forEach(p -> names.add(p.pipeline()));
        return adf.queryPipelineRuns(failed.factory(), new RunQuery(from, now, names, Set.of(), 0));
    }
}
