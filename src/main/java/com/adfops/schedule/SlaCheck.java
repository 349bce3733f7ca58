package com.adfops.schedule;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.runs.DurationBaseline;
import java.time.Duration;
import java.time.Instant;

/**
 * An expected run against its SLA, with the figures: the deadline, when the run is expected to end, and how late it
 * is (or is expected to be).
 *
 * @param rule        the SLA
 * @param verdict     the verdict
 * @param deadline    the deadline
 * @param expectedEnd when the run is expected to end at its usual pace (its start plus its usual duration; the
 *                    median, or the p95 once the median is past, or now once both are), or its end when it ended;
 *                    null when there is no usual duration to go by
 * @param late        LATE: how far past the deadline it ended (or, still not done, now is); AT_RISK: how far past the
 *                    deadline it is expected to end; else zero
 */
public record SlaCheck(SlaRule rule, SlaVerdict verdict, Instant deadline, Instant expectedEnd, Duration late) {

    /** An SLA verdict. */
    public enum SlaVerdict {
        /** Succeeded by the deadline. */
        MET,
        /** Not done yet, expected to finish by the deadline (or no usual duration to say otherwise). */
        ON_TRACK,
        /** Not done yet, and at its usual pace it ends after the deadline. */
        AT_RISK,
        /** Succeeded after the deadline, or not succeeded and the deadline has passed. */
        LATE,
        /** Failed or cancelled before the deadline: only a rerun can still meet it. */
        FAILED
    }

    /**
     * The SLA verdict of a run expected at {@code expectedStart}.
     *
     * @param run   the run matched to it, or null when none started
     * @param usual its pipeline's usual duration, or null when unknown
     */
    public static SlaCheck judge(SlaRule rule, Instant expectedStart, PipelineRun run, DurationBaseline usual,
                                 Instant now) {
        Instant deadline = rule.deadline(expectedStart);
        if (run != null && run.status().isTerminal()) {
            Instant end = run.runEnd() != null ? run.runEnd() : run.sortTime();
            if (run.status() == RunStatus.SUCCEEDED) {
                return end.isAfter(deadline)
                        ? new SlaCheck(rule, SlaVerdict.LATE, deadline, end, Duration.between(deadline, end))
                        : new SlaCheck(rule, SlaVerdict.MET, deadline, end, Duration.ZERO);
            }
            return now.isAfter(deadline)
                    ? new SlaCheck(rule, SlaVerdict.LATE, deadline, null, Duration.between(deadline, now))
                    : new SlaCheck(rule, SlaVerdict.FAILED, deadline, null, Duration.ZERO);
        }
        if (now.isAfter(deadline)) {
            return new SlaCheck(rule, SlaVerdict.LATE, deadline, null, Duration.between(deadline, now));
        }
        Instant begin = run != null && run.runStart() != null ? run.runStart()
                : expectedStart.isAfter(now) ? expectedStart : now;
        Instant end = expectedEnd(begin, usual, now);
        return end != null && end.isAfter(deadline)
                ? new SlaCheck(rule, SlaVerdict.AT_RISK, deadline, end, Duration.between(deadline, end))
                : new SlaCheck(rule, SlaVerdict.ON_TRACK, deadline, end, Duration.ZERO);
    }

    /** When a run that began at {@code begin} is expected to end: the median, else the p95, else now. */
    static Instant expectedEnd(Instant begin, DurationBaseline usual, Instant now) {
        if (usual == null) {
            return null;
        }
        Instant median = begin.plus(usual.median());
        Instant p95 = begin.plus(usual.p95());
        return median.isAfter(now) ? median : p95.isAfter(now) ? p95 : now;
    }
}
