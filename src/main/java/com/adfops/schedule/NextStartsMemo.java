package com.adfops.schedule;

import com.adfops.adf.FactoryDefinitions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The next starts of each factory's pipelines ({@link NextStarts}), computed once and reused while they cannot have
 * changed: the same definitions (a refresh of the definitions is a new object), a later "now" before the first of the
 * starts, and at most {@link #MAX_AGE} later (a pipeline whose first firing enters the horizon's far end meanwhile is
 * known within that). A diagnosis asks for them at every question; a week of firings is worked out once.
 */
final class NextStartsMemo {

    /** How long a computation is reused at most. */
    static final Duration MAX_AGE = Duration.ofMinutes(1);
    /** Factories remembered at most. */
    static final int FACTORIES = 32;

    private record Entry(FactoryDefinitions defs, Instant at, Instant until, Function<String, Optional<Instant>> next) {
    }

    private final Duration horizon;
    private volatile List<Entry> entries = List.of();

    NextStartsMemo(Duration horizon) {
        this.horizon = horizon;
    }

    Function<String, Optional<Instant>> of(FactoryDefinitions defs, Instant now) {
        for (Entry e : entries) {
            if (e.defs() == defs && !now.isBefore(e.at()) && now.isBefore(e.until())) {
                return e.next();
            }
        }
        NextStarts.Computed c = NextStarts.computed(defs, now, horizon);
        Instant until = c.earliest().isBefore(now.plus(MAX_AGE)) ? c.earliest() : now.plus(MAX_AGE);
        List<Entry> next = new ArrayList<>(entries.size() + 1);
        next.add(new Entry(defs, now, until, c.next()));
        for (Entry e : entries) {
            if (e.defs() != defs && next.size() < FACTORIES) {
                next.add(e);
            }
        }
        entries = List.copyOf(next);
        return c.next();
    }
}
