package com.adfops.answers;

import com.adfops.docs.Guidance;
import com.adfops.impact.RunImpact;
import java.time.Instant;
import java.util.List;

/**
 * What an alert card shows: what it is about, why (the run's diagnosis, or how long it has run), who responded, and
 * what it reaches. Text from Data Factory (names, messages) is data, shown literally; the words are the faces'.
 *
 * @param alertId  the alert's id (its buttons carry it)
 * @param kind     what it alerts of
 * @param state    where it stands
 * @param factory  the factory
 * @param pipeline the pipeline that failed (the root run's, for a parent and its children)
 * @param runId    the failed run ("" for an expected run that did not start)
 * @param failedAt when it ended (running long: when it started; a schedule alert: the expected start)
 * @param cause    why, as far as known
 * @param others   for a grouped alert, the other failed runs with the same root cause ("pipeline · run"); else empty
 * @param response who acknowledged or snoozed it, or the run that recovered it
 * @param runUrl   the run in ADF Studio, while its factory is configured; else ""
 * @param impact   what the failure reaches downstream (and the runtime it ran on); {@link RunImpact#NONE} when
 *                 nothing is known
 * @param schedule for a schedule alert (MISSED, LATE, AT_RISK), the expected run and its SLA; else null
 * @param runtime  for a RUNTIME alert, the runtime's nodes, version and the pipelines at risk; else null
 */
public record AlertView(String alertId, Kind kind, State state, String factory, String pipeline, String runId,
                        Instant failedAt, Cause cause, List<String> others, Response response, String runUrl,
                        RunImpact impact, Schedule schedule, Runtime runtime) {

    /**
     * Why the alert was raised, as far as the bot could tell.
     *
     * @param source     where {@code text} comes from
     * @param text       DIAGNOSED: the root cause's path and ADF's message ("path: message"); RUN_MESSAGE: ADF's
     *                   message of the run; UNAVAILABLE: why the diagnosis could not be read (safe to show);
     *                   RUNNING_LONG: how the run compares with its usual duration, or "" when not known; else ""
     * @param errorCode  the root cause's error code, or ""
     * @param errorClass its class's label, or ""
     * @param nextStep   its class's next step, or ""
     * @param guidance   documentation for the root cause; null when none was looked up
     */
    public record Cause(Source source, String text, String errorCode, String errorClass, String nextStep,
                        Guidance guidance) {

        /** Nothing to say (a schedule alert, whose facts are its {@link Schedule}; a digest row). */
        public static final Cause NONE = new Cause(Source.NONE, "", "", "", "", null);

        public Cause {
            source = source == null ? Source.NONE : source;
            text = text == null ? "" : text;
            errorCode = errorCode == null ? "" : errorCode;
            errorClass = errorClass == null ? "" : errorClass;
            nextStep = nextStep == null ? "" : nextStep;
        }

        public static Cause of(Source source, String text) {
            return new Cause(source, text, "", "", "", null);
        }

        /** Where a cause's text comes from. */
        public enum Source {
            /** The root cause through nested pipelines, with its error code, class and guidance. */
            DIAGNOSED,
            /** No root activity: ADF's message of the run (may be empty). */
            RUN_MESSAGE,
            /** Data Factory no longer has the run (it keeps runs for 45 days). */
            RUN_GONE,
            /** The diagnosis could not be read just now. */
            UNAVAILABLE,
            /** A run in progress past its pipeline's usual duration. */
            RUNNING_LONG,
            NONE
        }
    }

    /**
     * Who responded to the alert, or what ended it.
     *
     * @param by           who acknowledged or snoozed it, or ""
     * @param at           when it was acknowledged or recovered; null before
     * @param until        for a snooze, until when; null otherwise
     * @param recoveredRun for a recovered alert, the run that succeeded (or started, for a missed run); else ""
     */
    public record Response(String by, Instant at, Instant until, String recoveredRun) {
        public static final Response NONE = new Response("", null, null, "");

        public Response {
            by = by == null ? "" : by;
            recoveredRun = recoveredRun == null ? "" : recoveredRun;
        }
    }

    /** What an alert is about. */
    public enum Kind {
        /** A watched pipeline's run failed. */
        FAILED,
        /** A watched pipeline's run is still in progress past its usual duration. */
        RUNNING_LONG,
        /** A watched pipeline's expected run did not start within the grace period. */
        MISSED,
        /** A watched pipeline's run did not finish by its SLA. */
        LATE,
        /** A watched pipeline's run will miss its SLA at its usual pace (running, or not started yet). */
        AT_RISK,
        /**
         * A self-hosted integration runtime of a watched factory is unhealthy (a node offline or limited, its version
         * expired or expiring): the pipelines at risk are those that use it and run soon.
         */
        RUNTIME;

        /** Whether it is about a schedule or an SLA (an expected run), not about one run's outcome. */
        public boolean scheduled() {
            return this == MISSED || this == LATE || this == AT_RISK;
        }

        /** Whether it is about one run (failed, or running long): its card diagnoses it and offers the run's buttons. */
        public boolean aboutARun() {
            return this == FAILED || this == RUNNING_LONG;
        }
    }

    /**
     * The facts of a runtime alert, as data (the face words them), as read when the alert was raised (or last changed).
     *
     * @param runtime   the self-hosted integration runtime's name
     * @param state     its overall state ({@code impact.RuntimeReport.State}'s name)
     * @param nodes     its nodes that are not online, with their last connect
     * @param nodeCount how many nodes it has
     * @param version   its version's lifetime ({@code impact.RuntimeReport.Version}'s name: CURRENT, EXPIRING, EXPIRED)
     * @param expiry    the earliest version expiry of its nodes, or null
     * @param lookahead how far ahead the pipelines at risk were looked for
     * @param atRisk    the pipelines that use it and run within the look-ahead, the most imminent first (at most
     *                  {@link #MAX_AT_RISK})
     * @param moreAtRisk how many more are at risk than {@code atRisk} lists
     * @param readAt    when the runtime's state was read
     */
    public record Runtime(String runtime, String state, List<Node> nodes, int nodeCount, String version, Instant expiry,
                          java.time.Duration lookahead, List<Pipeline> atRisk, int moreAtRisk, Instant readAt) {

        /** Most pipelines at risk a card lists. */
        public static final int MAX_AT_RISK = 5;

        public Runtime {
            nodes = nodes == null ? List.of() : List.copyOf(nodes);
            atRisk = atRisk == null ? List.of() : List.copyOf(atRisk);
        }

        /**
         * A node that is not online.
         *
         * @param node        its name
         * @param condition   its condition ({@code impact.NodeState.Condition}'s name: OFFLINE, LIMITED, ...)
         * @param status      ADF's status as written
         * @param lastConnect its last connect time (since when it is not online), or null
         */
        public record Node(String node, String condition, String status, Instant lastConnect) {
        }

        /**
         * A pipeline at risk.
         *
         * @param pipeline the pipeline
         * @param nextRun  its next expected run
         * @param through  the child pipelines through which it uses the runtime (empty when it uses it itself)
         */
        public record Pipeline(String pipeline, Instant nextRun, List<String> through) {
            public Pipeline {
                through = through == null ? List.of() : List.copyOf(through);
            }
        }
    }

    /**
     * The facts of a schedule alert, as data (the face words them).
     *
     * @param trigger       the trigger expected to start the run
     * @param expectedStart when
     * @param triggerZone   the trigger's time zone (a zone id), or null for UTC
     * @param cause         for MISSED, why ({@code schedule.RunCheck.CauseKind}'s name); else null
     * @param message       for a failed trigger run, ADF's message (raw); else null
     * @param sla           the SLA as written ("06:00 Europe/Berlin", "+2h"), or null
     * @param deadline      the SLA's deadline, or null
     * @param expectedEnd   when the run is expected to end (or ended), or null
     * @param started       when its run started, or null
     */
    public record Schedule(String trigger, Instant expectedStart, String triggerZone, String cause, String message,
                           String sla, Instant deadline, Instant expectedEnd, Instant started) {
    }

    /** Where an alert stands. */
    public enum State {
        OPEN, ACKNOWLEDGED, SNOOZED, RECOVERED
    }

    public AlertView {
        cause = cause == null ? Cause.NONE : cause;
        others = others == null ? List.of() : List.copyOf(others);
        response = response == null ? Response.NONE : response;
        runUrl = runUrl == null ? "" : runUrl;
        impact = impact == null ? RunImpact.NONE : impact;
    }
}
