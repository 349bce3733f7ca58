package com.adfops.impact;

import com.adfops.adf.FactoryDefinitions;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * When each pipeline of a factory is expected to run next, from its definitions (its triggers' schedules and
 * windows): {@code pipeline name -> next run}, empty when unknown. The schedule package provides the real one; until
 * then {@link #NONE} knows no next run (the impact answers say "no next run known").
 */
@FunctionalInterface
public interface NextRuns {

    /** Knows no next run. */
    NextRuns NONE = (definitions, now) -> pipeline -> Optional.empty();

    /**
     * The next expected runs of one factory's pipelines after {@code now}.
     *
     * @param definitions the factory's definitions (its triggers)
     * @param now         the caller's now
     */
    Function<String, Optional<Instant>> of(FactoryDefinitions definitions, Instant now);
}
