package com.adfops.adf;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A query for pipeline runs updated within a time window.
 *
 * @param from          window start (ADF's lastUpdatedAfter), inclusive
 * @param to            window end (lastUpdatedBefore)
 * @param pipelineNames exact pipeline names to keep; empty = all
 * @param statuses      statuses to keep; empty = all
 * @param maxRuns       stop paging after this many runs (a guard against huge factories)
 */
public record RunQuery(Instant from, Instant to, Set<String> pipelineNames, Set<RunStatus> statuses, int maxRuns) {

    public static final int DEFAULT_MAX_RUNS = 5000;

    public RunQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("window start must be before its end");
        }
        pipelineNames = pipelineNames == null ? Set.of() : Set.copyOf(pipelineNames);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (maxRuns <= 0) {
            maxRuns = DEFAULT_MAX_RUNS;
        }
    }
}
