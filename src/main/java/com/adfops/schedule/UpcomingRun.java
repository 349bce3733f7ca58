package com.adfops.schedule;

import com.adfops.runs.DurationBaseline;
import java.time.Instant;

/**
 * A run expected in a future span ("what runs tonight?").
 *
 * @param expected the expected run
 * @param usual    its pipeline's usual duration (its last successful runs), or null when too few are known
 * @param sla      its SLA, or null
 * @param deadline its SLA's deadline, or null
 */
public record UpcomingRun(ExpectedRun expected, DurationBaseline usual, SlaRule sla, Instant deadline) {

    /** When it is expected to end: its expected start plus its usual (median) duration; null when unknown. */
    public Instant expectedEnd() {
        return usual == null ? null : expected.expectedStart().plus(usual.median());
    }

    /** Whether, at its usual pace (median), it ends after its SLA's deadline. */
    public boolean endsAfterDeadline() {
        return deadline != null && expectedEnd() != null && expectedEnd().isAfter(deadline);
    }
}
