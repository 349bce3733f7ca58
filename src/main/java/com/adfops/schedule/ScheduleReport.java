package com.adfops.schedule;

import com.adfops.adf.PipelineRun;
import java.time.Instant;
import java.util.List;

/**
 * The check of a span: each expected run, checked, and what else the data shows.
 *
 * @param from        the span's start
 * @param now         its end: when it was checked
 * @param checks      each expected run with its verdicts, in {@link ExpectedRun#ORDER}
 * @param unscheduled the top-level runs of the span that are no expected run's (started by hand, by an event, or
 *                    off schedule), by start
 * @param assumedUtc  the triggers whose time zone was not understood, read as UTC
 */
public record ScheduleReport(Instant from, Instant now, List<RunCheck> checks, List<PipelineRun> unscheduled,
                             List<ExpectedRuns.AssumedUtc> assumedUtc) {

    public ScheduleReport {
        checks = List.copyOf(checks);
        unscheduled = List.copyOf(unscheduled);
        assumedUtc = List.copyOf(assumedUtc);
    }

    /** The checks whose start verdict is {@code verdict}. */
    public List<RunCheck> withStart(RunCheck.StartVerdict verdict) {
        return checks.stream().filter(c -> c.start() == verdict).toList();
    }

    /** The checks whose SLA verdict is {@code verdict}. */
    public List<RunCheck> withSla(SlaCheck.SlaVerdict verdict) {
        return checks.stream().filter(c -> c.sla() != null && c.sla().verdict() == verdict).toList();
    }
}
