package com.adfops.runs;

import java.time.Instant;

/** A time window with the words a user would use for it ("the last 24 hours", "today"). */
public record TimeWindow(Instant from, Instant to, String label) {

    public TimeWindow {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /** The period of the same length just before this one ("the period before"), for comparisons. */
    public TimeWindow previous() {
        return new TimeWindow(from.minus(java.time.Duration.between(from, to)), from, "the period before");
    }
}
