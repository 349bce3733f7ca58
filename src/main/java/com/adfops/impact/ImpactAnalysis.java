package com.adfops.impact;

import com.adfops.adf.ActivityRun;
import com.adfops.adf.FactoryDefinitions.Activity;
import com.adfops.adf.FactoryDefinitions.Pipeline;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.impact.DependencyGraph.EdgeKind;
import com.adfops.impact.DependencyGraph.NodeKind;
import com.adfops.impact.ImpactedDataset.Cause;
import com.adfops.impact.ImpactedPipeline.Relation;
import com.adfops.impact.ImpactedPipeline.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The downstream impact of a failed pipeline run, and what depends on a pipeline, over one factory's
 * {@link DependencyGraph}. Pure: the runs, the activity runs and each pipeline's next expected run are the caller's
 * (the next run comes from a schedule computed elsewhere: {@code pipeline name -> next run}, empty when unknown).
 */
public final class ImpactAnalysis {

    /** Steps followed at most downstream, up through parents and across window dependencies. */
    public static final int MAX_DEPTH = 5;

    private static final Comparator<ImpactedPipeline> ORDER = Comparator
            .comparing((ImpactedPipeline p) -> p.state() != State.WITH_FAILED_RUN)
            .thenComparing(p -> p.when().orElse(Instant.MAX))
            .thenComparingInt(ImpactedPipeline::depth)
            .thenComparing(ImpactedPipeline::pipeline, String.CASE_INSENSITIVE_ORDER);

    private final DependencyGraph graph;

    /** An analysis over one factory's graph. */
    public ImpactAnalysis(DependencyGraph graph) {
        this.graph = Objects.requireNonNull(graph);
    }

    /**
     * The downstream impact of a failed run.
     *
     * @param failed       the failed (or cancelled) run
     * @param activityRuns its activity runs, or null when unknown (then every dataset it writes is taken as not
     *                     written: {@link FailureImpact.Basis#BY_DEFINITION}); runs of other pipeline runs are ignored
     * @param runsAfter    runs of the factory since the failure (any pipeline; earlier runs are ignored)
     * @param nextRun      a pipeline's next expected run, empty when unknown
     */
    public FailureImpact failure(PipelineRun failed, List<ActivityRun> activityRuns, List<PipelineRun> runsAfter,
                                 Function<String, Optional<Instant>> nextRun) {
        Optional<Pipeline> definition = graph.pipeline(failed.pipelineName());
        String origin = definition.map(Pipeline::name).orElse(failed.pipelineName());
        Instant failedAt = failed.runEnd() != null ? failed.runEnd() : failed.sortTime();
        ImpactWalk walk = new ImpactWalk(graph, origin, MAX_DEPTH);
        List<ImpactedDataset> notWritten = new ArrayList<>();
        definition.ifPresent(p -> notWritten.addAll(notWritten(p, mine(failed, activityRuns), walk)));
        walk.downstream(notWritten);
        walk.parents();
        if (failed.parentPipeline() != null) {
            walk.parent(graph.pipeline(failed.parentPipeline()).map(Pipeline::name).orElse(failed.parentPipeline()));
        }
        boolean byWindow = failed.invokedByType() != null
                && failed.invokedByType().toLowerCase(java.util.Locale.ROOT).contains("tumblingwindow")
                && failed.invokedByName() != null;
        walk.windowDependants(byWindow ? List.of(failed.invokedByName()) : List.of());

        List<PipelineRun> later = runsAfter == null ? List.of() : runsAfter.stream()
                .filter(r -> r.runStart() != null && !r.runStart().isBefore(failedAt))
                .filter(r -> !Objects.equals(r.runId(), failed.runId()))
                .sorted(Comparator.comparing(PipelineRun::runStart)).toList();
        PipelineRun recoveredBy = later.stream()
                .filter(r -> r.pipelineName().equalsIgnoreCase(origin) && r.status() == RunStatus.SUCCEEDED)
                .findFirst().orElse(null);
        Instant staleUntil = recoveredBy == null ? Instant.MAX
                : Objects.requireNonNullElse(recoveredBy.runEnd(), recoveredBy.sortTime());
        List<ImpactedPipeline> pipelines = new ArrayList<>();
        for (ImpactWalk.Reach r : walk.reached()) {
            ImpactedPipeline p = failedState(r, failed, later, staleUntil, nextRun);
            if (recoveredBy == null || p.state() == State.ALREADY_RAN_ON_STALE_DATA
                    || p.state() == State.RUNNING_ON_STALE_DATA || p.state() == State.WITH_FAILED_RUN) {
                pipelines.add(p);
            }
        }
        pipelines.sort(ORDER);
        FailureImpact.Basis basis = activityRuns == null ? FailureImpact.Basis.BY_DEFINITION
                : FailureImpact.Basis.ACTIVITY_RUNS;
        return new FailureImpact(origin, failed.runId(), failedAt, basis, definition.isPresent(), walk.datasets(),
                pipelines, walk.edges(), recoveredBy, walk.truncated());
    }

    /**
     * What depends on a pipeline: the readers of what it writes (transitively), its Execute Pipeline parents and its
     * tumbling window dependants, each with its next expected run.
     */
    public Dependants dependants(String pipeline, Function<String, Optional<Instant>> nextRun) {
        Optional<Pipeline> definition = graph.pipeline(pipeline);
        String origin = definition.map(Pipeline::name).orElse(pipeline);
        ImpactWalk walk = new ImpactWalk(graph, origin, MAX_DEPTH);
        List<ImpactedDataset> outputs = new ArrayList<>();
        definition.ifPresent(p -> p.activities().forEach(a -> a.outputs().forEach(
                d -> outputs.add(new ImpactedDataset(datasetName(d), origin, a.name(), Cause.WRITTEN, 0)))));
        walk.downstream(outputs);
        walk.parents();
        walk.windowDependants(List.of());
        List<ImpactedPipeline> pipelines = new ArrayList<>();
        for (ImpactWalk.Reach r : walk.reached()) {
            Instant next = next(nextRun, r.pipeline);
            pipelines.add(impacted(r, stateWithout(next), next, null));
        }
        pipelines.sort(ORDER);
        return new Dependants(origin, definition.isPresent(), walk.datasets(), pipelines, walk.edges(),
                walk.truncated());
    }

    /** The datasets a failed run did not write, from its activity runs (null: unknown, all of them). */
    private List<ImpactedDataset> notWritten(Pipeline p, List<ActivityRun> runs, ImpactWalk walk) {
        List<ImpactedDataset> out = new ArrayList<>();
        for (Activity a : p.activities()) {
            Cause cause = runs == null ? Cause.BY_DEFINITION : cause(a, runs);
            if (cause == null) {
                continue;
            }
            a.outputs().forEach(d -> out.add(new ImpactedDataset(datasetName(d), p.name(), a.name(), cause, 0)));
            if (a.executes() != null) {
                childWrites(p.name(), a.executes(), 1, new HashSet<>(Set.of(DependencyGraph.key(p.name()))), out,
                        walk);
            }
        }
        return out;
    }

    /** The datasets a child that did not run writes, and its children's (by definition). */
    private void childWrites(String parent, String child, int depth, Set<String> seen, List<ImpactedDataset> out,
                             ImpactWalk walk) {
        Optional<Pipeline> definition = graph.pipeline(child);
        if (definition.isEmpty() || depth > MAX_DEPTH || !seen.add(DependencyGraph.key(child))) {
            return;
        }
        Pipeline c = definition.get();
        walk.edge(graph.edge(NodeKind.PIPELINE, parent, EdgeKind.EXECUTES, NodeKind.PIPELINE, c.name()));
        for (Activity a : c.activities()) {
            a.outputs().forEach(d -> out.add(new ImpactedDataset(datasetName(d), c.name(), a.name(),
                    Cause.CHILD_PIPELINE_NOT_RUN, 0)));
            if (a.executes() != null) {
                childWrites(c.name(), a.executes(), depth + 1, seen, out, walk);
            }
        }
    }

    /** Why an activity's datasets were not written; null when every run of it succeeded. */
    private static Cause cause(Activity a, List<ActivityRun> runs) {
        List<ActivityRun> mine = runs.stream().filter(r -> a.name().equalsIgnoreCase(r.activityName())).toList();
        if (mine.isEmpty()) {
            return Cause.ACTIVITY_NOT_RUN;
        }
        if (mine.stream().anyMatch(r -> r.status() == RunStatus.FAILED)) {
            return Cause.ACTIVITY_FAILED;
        }
        return mine.stream().allMatch(r -> r.status() == RunStatus.SUCCEEDED) ? null : Cause.ACTIVITY_NOT_FINISHED;
    }

    private ImpactedPipeline failedState(ImpactWalk.Reach r, PipelineRun failed, List<PipelineRun> later,
                                         Instant staleUntil, Function<String, Optional<Instant>> nextRun) {
        Instant next = next(nextRun, r.pipeline);
        if (r.relations.contains(Relation.EXECUTE_PIPELINE_PARENT) && failed.parentPipeline() != null
                && failed.parentPipeline().equalsIgnoreCase(r.pipeline)) {
            return impacted(r, State.WITH_FAILED_RUN, next, null);
        }
        List<PipelineRun> its = later.stream().filter(p -> p.pipelineName().equalsIgnoreCase(r.pipeline))
                .filter(p -> p.runStart().isBefore(staleUntil)).toList();
        Optional<PipelineRun> ran = its.stream().filter(p -> p.status() == RunStatus.SUCCEEDED).findFirst();
        if (ran.isPresent()) {
            return impacted(r, State.ALREADY_RAN_ON_STALE_DATA, next, ran.get());
        }
        Optional<PipelineRun> running = its.stream().filter(p -> p.status().isActive()).findFirst();
        if (running.isPresent()) {
            return impacted(r, State.RUNNING_ON_STALE_DATA, next, running.get());
        }
        if (r.relations.contains(Relation.TUMBLING_WINDOW_DEPENDANT)) {
            return impacted(r, State.WAITING, next, null);
        }
        return impacted(r, stateWithout(next), next, null);
    }

    private static State stateWithout(Instant next) {
        return next == null ? State.WAITING : State.SCHEDULED;
    }

    private static ImpactedPipeline impacted(ImpactWalk.Reach r, State state, Instant next, PipelineRun ranAfter) {
        return new ImpactedPipeline(r.pipeline, List.copyOf(r.relations), r.depth, List.copyOf(r.via), state, next,
                ranAfter);
    }

    private static Instant next(Function<String, Optional<Instant>> nextRun, String pipeline) {
        Optional<Instant> next = nextRun == null ? null : nextRun.apply(pipeline);
        return next == null ? null : next.orElse(null);
    }

    /** The activity runs of this run (those naming another pipeline run left out); null stays unknown. */
    private static List<ActivityRun> mine(PipelineRun run, List<ActivityRun> runs) {
        return runs == null ? null : runs.stream()
                .filter(a -> a.pipelineRunId() == null || a.pipelineRunId().equals(run.runId())).toList();
    }

    private String datasetName(String name) {
        return graph.find(NodeKind.DATASET, name).map(DependencyGraph.Node::name).orElse(name);
    }
}
