package com.adfops.schedule;

import com.adfops.adf.PipelineRun;
import java.time.Duration;
import java.time.Instant;

/**
 * One expected run, checked: whether its run started on time, why not when it did not, and its SLA.
 *
 * @param expected   the expected run
 * @param start      whether it started on time
 * @param cause      for MISSED, why (what the data shows); else null
 * @param run        the run matched to it (for QUEUED, the queued run), or null
 * @param startDelay how long after its expected start the run started (zero when earlier); null when it did not start
 * @param sla        its SLA verdict, or null when its pipeline has no SLA
 */
public record RunCheck(ExpectedRun expected, StartVerdict start, Cause cause, PipelineRun run, Duration startDelay,
                       SlaCheck sla) {

    /** Whether the run started on time. */
    public enum StartVerdict {
        /** Started within the grace period. */
        ON_TIME,
        /** Started, after the grace period. */
        LATE_START,
        /** Not started, and the grace period is over. */
        MISSED,
        /** Not started yet, within the grace period. */
        PENDING
    }

    /** Why an expected run did not start. */
    public enum CauseKind {
        /** Its run exists, queued (the pipeline's concurrency, or the integration runtime). */
        QUEUED,
        /** The trigger fired and its trigger run failed ({@link Cause#message()} says why). */
        TRIGGER_RUN_FAILED,
        /** The trigger is not started (stopped or disabled) now. */
        TRIGGER_STOPPED,
        /** A tumbling window whose dependency's window did not succeed ({@link Cause#dependency()}). */
        WAITING_ON_DEPENDENCY,
        /** A tumbling window whose trigger already runs as many windows as its max concurrency. */
        WAITING_ON_CONCURRENCY,
        /** Nothing in the data says why. */
        UNKNOWN
    }

    /**
     * Why an expected run did not start.
     *
     * @param kind         the kind
     * @param message      for TRIGGER_RUN_FAILED, ADF's message (raw); else null
     * @param triggerRunId for TRIGGER_RUN_FAILED, the trigger run; else null
     * @param dependency   for WAITING_ON_DEPENDENCY, the first dependency window that did not succeed; else null
     */
    public record Cause(CauseKind kind, String message, String triggerRunId, DependencyWindow dependency) {

        static Cause of(CauseKind kind) {
            return new Cause(kind, null, null, null);
        }
    }

    /** A dependency window's state. */
    public enum WindowState { SUCCEEDED, RUNNING, NOT_RUN, FAILED }

    /**
     * A window a tumbling window depends on.
     *
     * @param trigger the trigger whose window it is (the same trigger for a self-dependency)
     * @param start   the window's start
     * @param end     the window's end
     * @param state   its run's state
     * @param runId   its run, or null when none
     */
    public record DependencyWindow(String trigger, Instant start, Instant end, WindowState state, String runId) {
    }
}
