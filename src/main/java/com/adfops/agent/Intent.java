package com.adfops.agent;

import com.adfops.answers.ActionKind;
import com.adfops.analytics.Trends;
import com.adfops.runs.TimeWindow;

/**
 * What a typed question asks for, as {@link IntentParser} understood it. Pipeline names are the user's words for
 * them (matched against the factory's names by the router); a null pipeline means "the one we are talking about".
 * A null window means the intent's default (24 hours for lists, 7 days for a status, the latest failure for a
 * diagnosis).
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

    /**
     * The failing pipelines in a window. {@code scope} narrows the list: a pattern with {@code *}, a group's words
     * ("sales" in "what broke in the sales pipelines?"), one pipeline's name, or a factory's name; null = all.
     */
    record FailingList(TimeWindow window, String factory, String scope) implements Intent {

        public FailingList(TimeWindow window, String factory) {
            this(window, factory, null);
        }
    }

    /** Why a run failed, by run id. */
    record DiagnoseRun(String runId) implements Intent {
    }

    /**
     * Why a pipeline's latest failure happened; {@code pipeline} null = the run in focus ("why did it fail?"). With a
     * {@code window} ("why did X fail yesterday?"), the latest failure in that window.
     */
    record DiagnosePipeline(String pipeline, String factory, TimeWindow window) implements Intent {

        public DiagnosePipeline(String pipeline, String factory) {
            this(pipeline, factory, null);
        }
    }

    /** The failure before the one in focus ("and the one before?"). */
    record PreviousFailure() implements Intent {
    }

    /** The failed activities of a pipeline's latest failure (in {@code window}, if given): the diagnosis, list open. */
    record FailedActivities(String pipeline, String factory, TimeWindow window) implements Intent {

        public FailedActivities(String pipeline, String factory) {
            this(pipeline, factory, null);
        }
    }

    /** How to fix a pipeline's failure (in {@code window}, if given): its diagnosis, guidance and resolution steps. */
    record Troubleshoot(String pipeline, String factory, String question, TimeWindow window) implements Intent {

        public Troubleshoot(String pipeline, String factory, String question) {
            this(pipeline, factory, question, null);
        }
    }

    /**
     * A pipeline's health over a window; {@code question} non-null when the question wants a yes or a no ("is X
     * failing?", "is X still running?"), answered first.
     */
    record Status(String pipeline, String factory, TimeWindow window, Question question) implements Intent {

        public Status(String pipeline, String factory, TimeWindow window) {
            this(pipeline, factory, window, null);
        }
    }

    /** The yes/no questions about one pipeline. */
    enum Question {
        /** "is X failing?", "did X fail (yesterday)?", "is X broken?" */
        FAILING,
        /** "is X ok?", "did X succeed?", "has X recovered?" */
        HEALTHY,
        /** "is X still running?", "is X running?" */
        RUNNING,
        /** "is X done yet?", "has X finished?" */
        FINISHED,
        /** "did X run (yesterday)?" */
        RAN
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

    /**
     * "what changed since X last worked?": a failure (the latest, or the latest in {@code window}) against the last
     * success. {@code pipeline} null = focus.
     */
    record WhatChanged(String pipeline, String factory, TimeWindow window) implements Intent {

        public WhatChanged(String pipeline, String factory) {
            this(pipeline, factory, null);
        }
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

    /**
     * "what depends on X?", "what does X break?", "what is downstream of X?", "impact of X": the datasets X writes, the
     * pipelines that read them, its Execute Pipeline parents and tumbling window dependants. {@code pipeline} null =
     * the one in focus.
     */
    record Dependants(String pipeline, String factory) implements Intent {
    }

    /**
     * "is the self-hosted IR ok?", "integration runtime status", "IR health", "is shir-prod ok?": the self-hosted
     * integration runtimes' health; {@code runtime} null = every one.
     */
    record RuntimeHealth(String runtime) implements Intent {
    }

    /**
     * "is everything on schedule?", "what missed its run?", "any late runs?", "SLA status": each expected run of the
     * window (null: since midnight UTC) against its schedule and SLA. {@code pipelines} is a name or a pattern, or
     * null for all.
     */
    record OnSchedule(String pipelines, String factory, TimeWindow window) implements Intent {
    }

    /**
     * "what runs tonight?", "what's scheduled next?", "what runs in the next 6 hours?": the runs started triggers are
     * expected to start ahead. {@code ahead} is the span asked for, or null for "tonight" (until the morning).
     */
    record Upcoming(String pipelines, String factory, java.time.Duration ahead) implements Intent {
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
