package com.adfops.agent;

import com.adfops.answers.ActionView;
import com.adfops.answers.AlertView;
import com.adfops.answers.AuditRecord;
import com.adfops.answers.Watchlist;
import com.adfops.analytics.CostSummary;
import com.adfops.analytics.PerformanceSummary;
import com.adfops.analytics.TrendSummary;
import com.adfops.analytics.Trends;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.diagnosis.RunComparison;
import com.adfops.diagnosis.RunHistory;
import com.adfops.runs.FailingSummary;
import com.adfops.runs.PipelineStatus;
import com.adfops.runs.TimeWindow;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryStatus;
import com.adfops.adf.PipelineRun;
import com.adfops.docs.Guidance;
import com.adfops.impact.Dependants;
import com.adfops.impact.FactoryImpact;
import com.adfops.impact.RunImpact;
import java.time.Instant;
import java.util.List;

/** One part of an answer. The Teams layer renders each part as a message or an Adaptive Card. */
public sealed interface Reply {

    /** Plain text written by the bot (Teams markdown). Text from outside (names, messages) must be escaped. */
    record Text(String text) implements Reply {
    }

    /** The failing pipelines in a window. */
    record Failing(FailingSummary summary) implements Reply {
    }

    /**
     * Why a run failed, with documentation guidance for its root cause.
     *
     * @param activitiesOpen  the failed-activities list shown open ("show me the failed activities of X")
     * @param resolutionSteps numbered steps to resolve it ("how do I fix X?"); empty for a plain diagnosis
     */
    record DiagnosisCard(Diagnosis diagnosis, Guidance guidance, boolean activitiesOpen, List<String> resolutionSteps,
                         RunHistory history, Settled settled, RunImpact impact) implements Reply {

        public DiagnosisCard {
            resolutionSteps = resolutionSteps == null ? List.of() : List.copyOf(resolutionSteps);
            impact = impact == null ? RunImpact.NONE : impact;
        }

        public DiagnosisCard(Diagnosis diagnosis, Guidance guidance, boolean activitiesOpen, List<String> resolutionSteps,
                             RunHistory history, Settled settled) {
            this(diagnosis, guidance, activitiesOpen, resolutionSteps, history, settled, RunImpact.NONE);
        }

        public DiagnosisCard(Diagnosis diagnosis, Guidance guidance, boolean activitiesOpen, List<String> resolutionSteps,
                             RunHistory history) {
            this(diagnosis, guidance, activitiesOpen, resolutionSteps, history, null);
        }

        public DiagnosisCard(Diagnosis diagnosis, Guidance guidance, boolean activitiesOpen, List<String> resolutionSteps) {
            this(diagnosis, guidance, activitiesOpen, resolutionSteps, null);
        }

        /** The same card, settled by an action's outcome: it says so at the top and offers no more buttons. */
        public DiagnosisCard settledBy(Settled s) {
            return new DiagnosisCard(diagnosis, guidance, activitiesOpen, resolutionSteps, history, s, impact);
        }

        public DiagnosisCard(Diagnosis diagnosis, Guidance guidance) {
            this(diagnosis, guidance, false, List.of());
        }

        /** The same card with the pipeline's history ("first failure after 37 successes"). */
        public DiagnosisCard withHistory(RunHistory h) {
            return new DiagnosisCard(diagnosis, guidance, activitiesOpen, resolutionSteps, h, settled, impact);
        }

        /** The same card with what the failure reaches downstream and the runtime it ran on. */
        public DiagnosisCard withImpact(RunImpact i) {
            return new DiagnosisCard(diagnosis, guidance, activitiesOpen, resolutionSteps, history, settled, i);
        }
    }

    /**
     * What settled a diagnosed failure: a rerun (or a cancel) that ended, shown on the diagnosis card it was started
     * from.
     *
     * @param what      {@code rerunfromfailure} or {@code rerun}
     * @param succeeded the new run succeeded
     * @param status    the new run's final status in words ("succeeded", "failed", "was cancelled")
     * @param at        when it ended
     * @param newRun    the new run
     * @param by        who started it
     */
    record Settled(String what, boolean succeeded, String status, java.time.Instant at, com.adfops.adf.PipelineRun newRun,
                   String by) {
    }

    /**
     * What changed between the pipeline's last success and a failed run.
     *
     * @param lastSuccess the last success before it, or null when there is none to compare with
     */
    record WhatChanged(PipelineRun failed, PipelineRun lastSuccess, List<RunComparison.Change> changes) implements Reply {

        public WhatChanged {
            changes = changes == null ? List.of() : List.copyOf(changes);
        }
    }

    /** Documentation answering a how-to question. */
    record DocsAnswer(String question, Guidance guidance) implements Reply {
    }

    /** How pipelines did over a window (runs, success rate, failures per day, most failing, time to recovery). */
    record Trends(TrendSummary summary) implements Reply {
    }

    /** How long pipelines take: the slowest, the change against the period before, runs far slower than usual. */
    record Performance(PerformanceSummary summary) implements Reply {
    }

    /** What pipelines cost over a window (an estimate at list price, or at the configured rates). */
    record Cost(CostSummary summary) implements Reply {
    }

    /**
     * A compliance export of the runs of a window: totals and a signed, short-lived download link.
     *
     * @param link      the link, or "" when exports are not available here (or on a shared summary)
     * @param minutes   how long the link works
     * @param factory   the factory asked about, or null for all (for the buttons)
     * @param pipelines the pipeline name or pattern asked about, or null for all (for the buttons)
     * @param shareable whether *Share to channel* is offered (a report channel is configured)
     * @param sharedBy  on the copy posted to the report channel: who shared it; else ""
     */
    record Export(String scope, TimeWindow window, int runs, int succeeded, int failed, String link, long minutes,
                  String factory, String pipelines, boolean shareable, String sharedBy)
            implements Reply {

        public Export {
            sharedBy = sharedBy == null ? "" : sharedBy;
        }

        public Export(String scope, TimeWindow window, int runs, int succeeded, int failed, String link, long minutes) {
            this(scope, window, runs, succeeded, failed, link, minutes, null, null, false, "");
        }
    }

    /**
     * One pipeline's health; {@code answer} the yes or no to the question asked ("is X failing?"), said first, or null.
     */
    record Status(PipelineStatus status, StatusAnswer answer) implements Reply {

        public Status(PipelineStatus status) {
            this(status, null);
        }
    }

    /**
     * The welcome / help card with example questions.
     *
     * @param welcome true on installation
     * @param scope   where: "personal", "groupChat" or "channel" (tailors the tips); may be empty
     * @param factories the factories and whether the bot can read them (said on the welcome card); may be empty
     */
    record Help(boolean welcome, String scope, List<FactoryStatus> factories) implements Reply {

        public Help {
            factories = factories == null ? List.of() : List.copyOf(factories);
        }

        public Help(boolean welcome, String scope) {
            this(welcome, scope, List.of());
        }
    }

    /** Whether the bot can read each factory, and what to do when it cannot ("are you connected?"). */
    record Access(List<FactoryStatus> factories, FactoryStatus history) implements Reply {

        public Access(List<FactoryStatus> factories) {
            this(factories, null);
        }
    }

    /** A problem reaching Data Factory, with recovery steps for its kind. */
    record Problem(DataFactoryException.Kind kind, String message, String factory) implements Reply {
    }

    /** A short message with questions to click. */
    record Suggestions(String title, String message, List<String> questions) implements Reply {

        /** A clicked card that no longer matches anything the bot knows: why, and how to get a fresh one. */
        public static Suggestions staleCard(String why) {
            return new Suggestions("That card is out of date", why + " Ask me again and I'll build a fresh card.",
                    List.of("What pipelines are failing?", "Help"));
        }
    }

    /**
     * What the AI agent did for an answer, for experts: tool calls with arguments and durations, the model and tokens.
     *
     * @param calls        each tool call: name, arguments (JSON), duration, whether it succeeded
     * @param model        the model deployment that answered
     * @param inputTokens  tokens read, over all rounds
     * @param outputTokens tokens written, over all rounds
     * @param rounds       model rounds
     * @param totalMs      the turn's time with the agent
     */
    record ExpertDetails(List<ToolCallInfo> calls, String model, long inputTokens, long outputTokens, int rounds,
                         long totalMs) implements Reply {
    }

    /** One tool call as shown in the expert details. */
    record ToolCallInfo(String name, String arguments, long durationMs, boolean ok) {
    }

    /**
     * An escalation summary.
     *
     * @param created    true when this turn escalated the run; false when someone had already (then {@code escalatedBy}
     *                   and {@code at} are theirs)
     * @param originLink a link back to the conversation the escalation came from, or "" (set by the Teams edge)
     */
    record Escalation(PipelineRun run, String rootCause, String errorClass, String nextStep, String escalatedBy,
                      Instant at, Guidance guidance, boolean created, String originLink) implements Reply {

        public Escalation {
            originLink = originLink == null ? "" : originLink;
        }

        /** The same escalation with a link back to where it came from. */
        public Escalation withOriginLink(String link) {
            return new Escalation(run, rootCause, errorClass, nextStep, escalatedBy, at, guidance, created, link);
        }
    }

    /** A rerun or cancel (waiting for confirmation, started, finished, refused) or a recorded resolution. */
    record Action(ActionView view) implements Reply {
    }

    /**
     * What was done from cards over a window, newest first.
     *
     * @param pipeline the pipeline asked about, or "" for all
     * @param window   the window's label ("today", "last 7 days")
     */
    record Audit(String pipeline, String window, List<AuditRecord> entries) implements Reply {

        public Audit {
            pipeline = pipeline == null ? "" : pipeline;
            entries = entries == null ? List.of() : List.copyOf(entries);
        }
    }

    /**
     * What this conversation watches, with Unwatch buttons.
     *
     * @param message what just changed ("Watching pl_x here."), or "" for the plain list
     */
    record Watching(String message, List<Watchlist.Watch> watches) implements Reply {

        public Watching {
            message = message == null ? "" : message;
            watches = watches == null ? List.of() : List.copyOf(watches);
        }
    }

    /** An alert: a watched pipeline failed (with the diagnosis inline), or how that alert stands now. */
    record Alert(AlertView view) implements Reply {
    }

    /**
     * "Is everything on schedule?": each factory's expected runs of the span, checked.
     *
     * @param scope the pipeline or pattern asked about, or null for all
     */
    record OnSchedule(List<com.adfops.schedule.Schedules.Checked> factories, String scope) implements Reply {

        public OnSchedule {
            factories = List.copyOf(factories);
        }
    }

    /**
     * "What runs tonight?": the runs expected in {@code [from, to)} in each factory.
     *
     * @param scope the pipeline or pattern asked about, or null for all
     */
    record Upcoming(List<com.adfops.schedule.Schedules.Ahead> factories, Instant from, Instant to, String scope)
            implements Reply {

        public Upcoming {
            factories = List.copyOf(factories);
        }
    }

    /** Many alerts at once for one conversation, as one card. */
    record AlertDigest(String factory, List<AlertView> alerts) implements Reply {

        public AlertDigest {
            alerts = alerts == null ? List.of() : List.copyOf(alerts);
        }
    }

    /**
     * What depends on a pipeline ("what depends on X?"): the datasets it writes and who reads them, its Execute
     * Pipeline parents and tumbling window dependants.
     *
     * @param factory the factory whose definitions were read
     */
    record DependantsCard(String factory, Dependants dependants) implements Reply {
    }

    /** The health of the self-hosted integration runtimes asked about ("is the self-hosted IR ok?"). */
    record RuntimeHealth(FactoryImpact.Runtimes runtimes) implements Reply {
    }

    /** The conversation's context was forgotten; the text says so. */
    record Cleared(String text) implements Reply {
    }

    /**
     * A turn that could not be answered: the bot's own storage failed, or something unexpected did. The cause is in
     * the log; the user gets a card with what to do.
     */
    record TurnFailure(FailureKind kind) implements Reply {
    }

    /** What went wrong with a turn. */
    enum FailureKind {
        /** The state store (files or blob storage) did not answer. */
        STORAGE,
        /** Anything else (a bug or an unexpected dependency failure). */
        UNEXPECTED
    }

}
