package com.adfops.schedule;

import com.adfops.adf.FactoryDefinitions.TriggerRun;
import com.adfops.adf.PipelineRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which run is which expected run. A run can be the run of an expected run when it is a top-level run of its pipeline
 * (not a child of Execute Pipeline, not a rerun), not started by hand or by another trigger (ADF's {@code invokedBy};
 * a run whose origin is not known counts), and started (or, queued, was last updated) from {@link #EARLY} before the
 * expected start until its limit: the same trigger's next expected run of the pipeline, or the tolerance, whichever
 * comes first. The run a trigger run names for the pipeline (ADF's triggered pipelines) is taken first; else the
 * earliest such run. One run is the run of one expected run at most.
 */
final class RunMatcher {

    /** How long before its expected start a run may start and still be its run (clocks and rounding). */
    static final Duration EARLY = Duration.ofMinutes(1);

    /** The trigger runs of each trigger (lower case), by time. */
    private final Map<String, List<TriggerRun>> triggerRuns = new HashMap<>();
    private final Duration tolerance;
    private final Map<String, PipelineRun> byId = new HashMap<>();
    /** The runs of each pipeline (lower case), by time. */
    private final Map<String, List<PipelineRun>> byPipeline = new HashMap<>();

    RunMatcher(List<PipelineRun> runs, List<TriggerRun> triggerRuns, Duration tolerance) {
        for (TriggerRun t : triggerRuns) {
            this.triggerRuns.computeIfAbsent(t.trigger().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(t);
        }
        this.triggerRuns.values().forEach(l -> l.sort(Comparator.comparing(TriggerRun::at)));
        this.tolerance = tolerance;
        for (PipelineRun r : runs) {
            byId.putIfAbsent(r.runId(), r);
            byPipeline.computeIfAbsent(r.pipelineName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(r);
        }
        byPipeline.values().forEach(l -> l.sort(Comparator.comparing(PipelineRun::sortTime)));
    }

    /** The runs of {@code pipeline} (any case) whose time is in {@code [from, to)}, by time. */
    List<PipelineRun> runsOf(String pipeline, Instant from, Instant to) {
        return slice(byPipeline.getOrDefault(pipeline.toLowerCase(Locale.ROOT), List.of()), PipelineRun::sortTime,
                from, to);
    }

    /** The items of {@code sorted} (by {@code time}) whose time is in {@code [from, to)}. */
    private static <T> List<T> slice(List<T> sorted, Function<T, Instant> time, Instant from, Instant to) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time.apply(sorted.get(mid)).isBefore(from)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int end = lo;
        while (end < sorted.size() && time.apply(sorted.get(end)).isBefore(to)) {
            end++;
        }
        return sorted.subList(lo, end);
    }

    /** The run of each of {@code expected} (in {@link ExpectedRun#ORDER}), or null, in the same order. */
    List<PipelineRun> match(List<ExpectedRun> expected) {
        List<Instant> limits = limits(expected);
        List<PipelineRun> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < expected.size(); i++) {
            out.add(named(expected.get(i), limits.get(i), used).orElse(null));
            if (out.get(i) != null) {
                used.add(out.get(i).runId());
            }
        }
        for (int i = 0; i < expected.size(); i++) {
            if (out.get(i) == null) {
                PipelineRun r = earliest(expected.get(i), limits.get(i), used).orElse(null);
                out.set(i, r);
                if (r != null) {
                    used.add(r.runId());
                }
            }
        }
        return out;
    }

    /** The run of one expected run alone (none other competing for its runs), within the tolerance. */
    Optional<PipelineRun> find(ExpectedRun e) {
        Instant limit = e.expectedStart().plus(tolerance);
        Optional<PipelineRun> named = named(e, limit, Set.of());
        return named.isPresent() ? named : earliest(e, limit, Set.of());
    }

    /** The trigger runs of {@code e}'s trigger from {@link #EARLY} before its expected start until {@code limit}. */
    List<TriggerRun> triggerRuns(ExpectedRun e, Instant limit) {
        return slice(triggerRuns.getOrDefault(e.trigger().toLowerCase(Locale.ROOT), List.of()), TriggerRun::at,
                e.expectedStart().minus(EARLY), limit);
    }

    /** The limit of each expected run: its trigger's next expected run of the pipeline, or the tolerance. */
    List<Instant> limits(List<ExpectedRun> expected) {
        Map<String, Instant> next = new HashMap<>();
        Instant[] out = new Instant[expected.size()];
        for (int i = expected.size() - 1; i >= 0; i--) {
            ExpectedRun e = expected.get(i);
            String key = key(e);
            Instant bound = e.expectedStart().plus(tolerance);
            Instant n = next.get(key);
            out[i] = n != null && n.isAfter(e.expectedStart()) && n.isBefore(bound) ? n : bound;
            next.put(key, e.expectedStart());
        }
        return List.of(out);
    }

    private Optional<PipelineRun> named(ExpectedRun e, Instant limit, Set<String> used) {
        for (TriggerRun t : triggerRuns(e, limit)) {
            for (Map.Entry<String, String> p : t.pipelineRuns().entrySet()) {
                PipelineRun r = byId.get(p.getValue());
                if (p.getKey().equalsIgnoreCase(e.pipeline()) && r != null && !used.contains(r.runId())) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<PipelineRun> earliest(ExpectedRun e, Instant limit, Set<String> used) {
        for (PipelineRun r : runsOf(e.pipeline(), e.expectedStart().minus(EARLY), limit)) {
            if (!used.contains(r.runId()) && eligible(r, e)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code r} can be the run of {@code e}, its time aside. */
    static boolean eligible(PipelineRun r, ExpectedRun e) {
        if (!r.pipelineName().equalsIgnoreCase(e.pipeline()) || r.parentRunId() != null || r.rerunOf() != null) {
            return false;
        }
        String type = r.invokedByType();
        if (type == null || type.isBlank()) {
            return true;
        }
        return type.toLowerCase(Locale.ROOT).contains("trigger")
                && (r.invokedByName() == null || r.invokedByName().equalsIgnoreCase(e.trigger()));
    }

    private static String key(ExpectedRun e) {
        return e.trigger().toLowerCase(Locale.ROOT) + "\n" + e.pipeline().toLowerCase(Locale.ROOT);
    }
}
