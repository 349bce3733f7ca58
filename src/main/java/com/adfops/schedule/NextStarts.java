package com.adfops.schedule;

import com.adfops.adf.FactoryDefinitions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Each pipeline's next expected start after "now": the first firing of a started trigger that starts it, or, for a
 * pipeline an Execute Pipeline activity starts, its parent's next start (through nested parents; a cycle of Execute
 * Pipeline activities adds nothing). The earliest when a pipeline has several ways to start. Pure.
 */
final class NextStarts {

    private NextStarts() {
    }

    /** Each pipeline's first expected start in {@code (now, now + horizon)}; empty when none is known. */
    static Function<String, Optional<Instant>> of(FactoryDefinitions defs, Instant now, Duration horizon) {
        return computed(defs, now, horizon).next();
    }

    /**
     * The next starts at {@code now}, and the first of them: until then (exclusive) every pipeline's next start is the
     * same, except a pipeline whose first firing enters the horizon's far end meanwhile.
     */
    record Computed(Function<String, Optional<Instant>> next, Instant earliest) {
    }

    static Computed computed(FactoryDefinitions defs, Instant now, Duration horizon) {
        Map<String, Instant> triggered = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Instant earliest = null;
        for (ExpectedRun e : ExpectedRuns.between(defs, now.plusMillis(1), now.plus(horizon), true).runs()) {
            triggered.merge(e.pipeline(), e.expectedStart(), (a, b) -> a.isBefore(b) ? a : b);
            if (earliest == null || e.expectedStart().isBefore(earliest)) {
                earliest = e.expectedStart();
            }
        }
        Map<String, List<String>> parents = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (FactoryDefinitions.Pipeline p : defs.pipelines()) {
            for (FactoryDefinitions.Activity a : p.activities()) {
                if (a.executes() != null && !a.executes().isBlank()) {
                    parents.computeIfAbsent(a.executes(), k -> new ArrayList<>()).add(p.name());
                }
            }
        }
        return new Computed(pipeline -> pipeline == null ? Optional.empty()
                : next(pipeline, triggered, parents, new HashSet<>()), earliest == null ? now.plus(horizon) : earliest);
    }

    private static Optional<Instant> next(String pipeline, Map<String, Instant> triggered,
                                          Map<String, List<String>> parents, Set<String> visiting) {
        if (!visiting.add(pipeline.toLowerCase(java.util.Locale.ROOT))) {
            return Optional.empty();
        }
        Instant best = triggered.get(pipeline);
        for (String parent : parents.getOrDefault(pipeline, List.of())) {
            Optional<Instant> p = next(parent, triggered, parents, visiting);
            if (p.isPresent() && (best == null || p.get().isBefore(best))) {
                best = p.get();
            }
        }
        visiting.remove(pipeline.toLowerCase(java.util.Locale.ROOT));
        return Optional.ofNullable(best);
    }
}
