package com.adfops.agent;

/**
 * What a typed question asks for, as {@link IntentParser} understood it. Pipeline names are the user's words for
 * them (matched against the factory's names by the router); a null pipeline means "the one we are talking about".
 * A null window means the intent's default (24 hours for lists, 7 days for a status).
 */
public sealed interface Intent {

    /** The help card ("help", "hi", "what can you do?"). */
    record Help() implements Intent {
    }

    /** Forget this conversation's context. */
    record ClearHistory() implements Intent {
    }

    /** Whether the bot can read the factories ("are you connected?", "check access"). */
    record CheckAccess() implements Intent {
    }

    /** A documentation question ("how do I rerun from a failed activity?", "what does error 2108 mean?"). */
    record HowTo(String question) implements Intent {
    }

    /** The failing pipelines in a window. */
    record FailingList(TimeWindow window, String factory) implements Intent {
    }

    /** Why a run failed, by run id. */
    record DiagnoseRun(String runId) implements Intent {
    }

    /** Why a pipeline's latest failure happened; {@code pipeline} null = the run in focus ("why did it fail?"). */
    record DiagnosePipeline(String pipeline, String factory) implements Intent {
    }

    /** The failure before the one in focus ("and the one before?"). */
    record PreviousFailure() implements Intent {
    }

    /** The failed activities of a pipeline's latest failure (the diagnosis with its list open). */
    record FailedActivities(String pipeline, String factory) implements Intent {
    }

    /** How to fix a pipeline's failure: its diagnosis, guidance and numbered resolution steps. */
    record Troubleshoot(String pipeline, String factory, String question) implements Intent {
    }

    /** A pipeline's health over a window. */
    record Status(String pipeline, String factory, TimeWindow window) implements Intent {
    }

    /**
     * How pipelines did over a window: runs, success rate and failures per day, the pipelines that failed most, mean
     * time to recovery, against the period before. {@code pipelines} is a name or a pattern with {@code *}, or null.
     */
    record Trends(String pipelines, String factory, TimeWindow window) implements Intent {
    }

    /**
     * How long pipelines take: the slowest, whether one is getting slower, and runs far slower than their pipeline's
     * usual. {@code pipelines} is a name or a pattern with {@code *}, or null for all.
     */
    record Performance(String pipelines, String factory, TimeWindow window) implements Intent {
    }

    /**
     * "rerun X from the failed activity", "cancel X": the card with the button that proposes it (the bot never acts
     * on typed words; a person confirms on a card). {@code pipeline} null = the run in focus.
     */
    record RequestAction(ActionKind kind, String pipeline, String factory) implements Intent {
    }

    /** What was done from cards ("what was done today?", "audit for X"); {@code pipeline} null = everything. */
    record Audit(String pipeline, String factory, TimeWindow window) implements Intent {
    }

    /**
     * "watch all pipelines", "watch Finance-*", "alert me when X fails": alerts in this conversation. {@code pattern}
     * keeps the user's case; {@code *} = every pipeline.
     */
    record Watch(String pattern, String factory) implements Intent {
    }

    /** "unwatch X", "stop watching everything". */
    record Unwatch(String pattern) implements Intent {
    }

    /** "what am I watching?" */
    record Watching() implements Intent {
    }

    /** "what changed since X last worked?": a failure against the last success. {@code pipeline} null = focus. */
    record WhatChanged(String pipeline, String factory) implements Intent {
    }

    /**
     * "what did X cost this week?", "most expensive pipelines": an estimate at list price from the activity runs'
     * billing. {@code pipelines} is a name or a pattern with {@code *}, or null for all.
     */
    record Cost(String pipelines, String factory, TimeWindow window) implements Intent {
    }

    /** "export runs for last month", "compliance export for Finance-*": a CSV download of the runs of a window. */
    record Export(String pipelines, String factory, TimeWindow window) implements Intent {
    }

    /** The actions a typed question may ask for. */
    enum ActionKind {
        RERUN_FROM_FAILURE,
        RERUN,
        CANCEL
    }

    /** Words that may be a pipeline's name and nothing else ("pl_sales_ingest"): its status if it is one. */
    record NameOnly(String words) implements Intent {
    }

    /** Something the bot cannot do yet (analytics, watching): say so and offer the nearest thing. */
    record NotYet(Capability capability, String topic) implements Intent {
    }

    /** Nothing understood. */
    record Unknown() implements Intent {
    }

    /** Capabilities a question may ask for before they exist. */
    enum Capability {
        /** Trends, slow runs, durations, cost, comparisons, exports, charts. */
        ANALYTICS,
        /** Watching pipelines and alerts in a chat or channel. */
        WATCH
    }
}
