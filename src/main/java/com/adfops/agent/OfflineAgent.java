package com.adfops.agent;

import com.adfops.answers.ActionKind;
import com.adfops.answers.AuditRecord;
import com.adfops.answers.AuditTrail;
import com.adfops.answers.CardVerb;
import com.adfops.answers.ExportLinks;
import com.adfops.answers.Watchlist;
import com.adfops.analytics.CostSummary;
import com.adfops.analytics.Durations;
import com.adfops.analytics.PerformanceSummary;
import com.adfops.analytics.Trends;
import com.adfops.diagnosis.Diagnoser;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.diagnosis.FailureCauses;
import com.adfops.diagnosis.FailureHistory;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.diagnosis.Resolution;
import com.adfops.diagnosis.RunComparison;
import com.adfops.runs.AdfTools;
import com.adfops.runs.ErrorText;
import com.adfops.runs.FailingSummary;
import com.adfops.runs.KnownNames;
import com.adfops.runs.NameMatcher;
import com.adfops.runs.PipelineStatus;
import com.adfops.runs.RunBaselines;
import com.adfops.runs.RunSummaries;
import com.adfops.runs.RunningLong;
import com.adfops.runs.TimeWindow;
import com.adfops.runs.TimeWindowParser;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryStatus;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.state.ConversationContext;
import com.adfops.state.ConversationContext.RunRef;
import com.adfops.state.ConversationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent without a language model, and the router of every deterministic answer: {@link IntentParser} says what a
 * question asks for, {@link AdfTools} (the same tool functions the Foundry agent's model calls) fetch the runs,
 * {@link RunSummaries} turn them into facts, and this class picks the reply. Card buttons ({@link CardVerb}) are
 * routed here too, except Escalate, which the Teams edge hands to the escalation flow.
 */
public final class OfflineAgent implements Agent, StandardAnswers {

    private static final Logger log = LoggerFactory.getLogger(OfflineAgent.class);
    private static final Duration STATUS_WINDOW = Duration.ofDays(7);
    /** How often an unchanged context's last-update time is written, so it does not expire while in use. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final AdfTools tools;
    private final ConversationStore store;
    private final GuidanceFinder guidance;
    private final Duration contextTtl;
    private final AuditTrail audit;
    private final Watchlist watchlist;
    private final ExportLinks exports;

    /**
     * @param contextTtl how long a conversation's context (the run in focus, the last list) answers follow-ups such as
     *                   "why did it fail?"; older context is not used
     */
    public OfflineAgent(AdfTools tools, ConversationStore store, GuidanceFinder guidance, Duration contextTtl) {
        this(tools, store, guidance, contextTtl, AuditTrail.EMPTY);
    }

    /** @param audit what was done from cards, for "what was done today?" */
    public OfflineAgent(AdfTools tools, ConversationStore store, GuidanceFinder guidance, Duration contextTtl,
                        AuditTrail audit) {
        this(tools, store, guidance, contextTtl, audit, Watchlist.NONE);
    }

    /** @param watchlist what each conversation watches, for "watch X" and the Watch button */
    public OfflineAgent(AdfTools tools, ConversationStore store, GuidanceFinder guidance, Duration contextTtl,
                        AuditTrail audit, Watchlist watchlist) {
        this(tools, store, guidance, contextTtl, audit, watchlist, ExportLinks.NONE);
    }

    /** @param exports signed download links for compliance exports */
    public OfflineAgent(AdfTools tools, ConversationStore store, GuidanceFinder guidance, Duration contextTtl,
                        AuditTrail audit, Watchlist watchlist, ExportLinks exports) {
        this.exports = exports;
        this.tools = tools;
        this.store = store;
        this.guidance = guidance;
        this.contextTtl = contextTtl;
        this.audit = audit;
        this.watchlist = watchlist;
    }

    @Override
    public AgentReply handle(Turn turn) {
        return answer(turn);
    }

    @Override
    public AgentReply answer(Turn turn) {
        return answer(turn, true);
    }

    /** A heavy turn's answer: the same, without writing the context (later turns may be answered meanwhile). */
    @Override
    public AgentReply handleHeavy(Turn turn) {
        return answer(turn, false);
    }

    /**
     * Heavy: cost questions reading the billing of more than {@link #LIGHT_COST_RUNS} runs themselves, and questions whose
     * window reaches more than a day past what the bot's memory holds (each such question reads Data Factory, page
     * by page); typed or from a card's question button.
     */
    @Override
    public Effort effort(Turn turn) {
        String text = turn.isCardAction() ? (CardVerb.of(turn.action().get("action")).orElse(null) == CardVerb.ASK
                ? str(turn.action().get("text")) : null) : turn.text();
        if (text == null || text.isBlank()) {
            return Effort.LIGHT;
        }
        try {
            Intent intent = IntentParser.parse(text, tools.now(), turn.zone(), tools.history());
            if (intent instanceof Intent.Cost c) {
                return costEffort(c);
            }
            TimeWindow window = intent instanceof Intent.Export e ? (e.window() != null ? e.window() : statusWindow())
                    : intent instanceof Intent.Trends t ? t.window()
                    : intent instanceof Intent.Performance p ? p.window()
                    : intent instanceof Intent.Status st ? st.window()
                    : intent instanceof Intent.FailingList f ? f.window() : null;
            return window != null && reachesPastMemory(window)
                    ? Effort.heavy("reading the runs of " + window.label(), NARROWER) : Effort.LIGHT;
        } catch (DataFactoryException e) {
            // The answer says what is wrong, at once.
            return Effort.LIGHT;
        }
    }

    /** Cost questions reading at most this many runs' billing themselves are answered in the conversation's turn. */
    static final int LIGHT_COST_RUNS = 8;
    /** How far past the memory a window may start and still be read from memory (its edge is read once). */
    private static final Duration PAST_MEMORY = Duration.ofDays(1);
    private static final List<String> NARROWER = List.of("What pipelines failed today?", "Trends for the last 7 days");

    private Effort costEffort(Intent.Cost c) {
        TimeWindow window = c.window() != null ? c.window() : CostSummary.defaultWindow(tools.now());
        List<String> narrower = List.of("What did we spend yesterday?", "Most expensive pipelines today");
        if (reachesPastMemory(window)) {
            return Effort.heavy("reading the runs of " + window.label() + " and their cost", narrower);
        }
        AdfTools.RunsResult r = CostSummary.runs(tools, c.factory(), c.pipelines(), window);
        // Runs already summarized cost nothing to count; the answer reads the others only when they are few.
        int reads = r.unknownPipeline() ? 0 : CostSummary.readsFor(tools, r);
        return reads <= LIGHT_COST_RUNS ? Effort.LIGHT
                : Effort.heavy("reading the cost of " + reads + " runs of " + window.label(), narrower);
    }

    /** Whether a window starts more than {@link #PAST_MEMORY} before what memory holds (7 days without the index). */
    private boolean reachesPastMemory(TimeWindow window) {
        for (com.adfops.adf.FactoryRef f : tools.factories()) {
            Instant held = tools.heldSince(f);
            Instant memory = held != null ? held : tools.now().minus(STATUS_WINDOW);
            if (window.from().isBefore(memory.minus(PAST_MEMORY))) {
                return true;
            }
        }
        return false;
    }

    private AgentReply answer(Turn turn, boolean keepContext) {
        Session s = session(turn);
        ConversationContext before = s.ctx.copy();
        try {
            AgentReply reply = turn.isCardAction() ? action(turn, s) : ask(turn, turn.text(), s);
            // One store write when the turn changed the context, or to keep it from expiring; not on every turn
            // (with blob storage a write is a round trip).
            Instant now = tools.now();
            Instant updated = s.ctx.getUpdated();
            if (keepContext && reply.parts().stream().noneMatch(Reply.Cleared.class::isInstance)
                    && (!s.ctx.sameState(before) || updated == null || updated.isBefore(now.minus(TOUCH_EVERY)))) {
                s.ctx.setUpdated(now);
                store.save(turn.conversationId(), s.ctx);
            }
            return reply;
        } catch (DataFactoryException e) {
            log.warn("Data Factory problem ({}) in conversation {}", e.kind(), turn.conversationId(), e);
            return AgentReply.of(new Reply.Problem(e.kind(), e.getMessage(), e.factory()));
        }
    }

    @Override
    public Optional<AgentReply> withoutModel(Turn turn) {
        if (turn.isCardAction()) {
            return Optional.of(answer(turn));
        }
        Intent intent = IntentParser.parse(turn.text(), tools.now(), turn.zone(), tools.history());
        // Actions are proposed on cards and confirmed by a person: the model never gets to act, nor to word the audit.
        if (intent instanceof Intent.Help || intent instanceof Intent.ClearHistory
                || intent instanceof Intent.RequestAction || intent instanceof Intent.Audit || intent instanceof Intent.Export
                || intent instanceof Intent.Watch || intent instanceof Intent.Unwatch || intent instanceof Intent.Watching) {
            return Optional.of(answer(turn));
        }
        return Optional.empty();
    }

    @Override
    public Reply diagnosisCard(Diagnosis d) {
        return new Reply.DiagnosisCard(d, guidance.forDiagnosis(d)).withHistory(FailureHistory.of(tools, d));
    }

    /**
     * Runs in progress among {@code seen} that run long against their pipeline's last successful runs ({@link
     * RunBaselines}: the week in memory, read back further for a daily or weekly pipeline). Nothing is read when
     * {@code seen} holds no run in progress, and {@code seen} itself is the memory when it already covers the week.
     */
    private List<RunningLong> runningLong(String factory, String pipeline, AdfTools.RunsResult seen, boolean coversWeek) {
        if (RunningLong.inProgress(seen.runs()).isEmpty()) {
            return List.of();
        }
        try {
            List<PipelineRun> known = coversWeek ? seen.runs() : tools.pipelineRuns(new AdfTools.RunsRequest(factory,
                    pipeline, Set.of(), statusWindow())).runs();
            return tools.baselines().runningLong(known, tools.now());
        } catch (DataFactoryException e) {
            log.debug("No running-long check", e);
            return List.of();
        }
    }

    /** What changed between the pipeline's last success and a failed run (parameters, trigger, runtime, inputs). */
    private AgentReply whatChanged(Session s, String runId, String factory) {
        Optional<AdfTools.Located> found = tools.findRun(runId, factory);
        if (found.isEmpty()) {
            return stale("I can't find run " + safe(runId) + " any more (ADF keeps runs for 45 days).");
        }
        PipelineRun failed = found.get().run();
        Instant at = failed.sortTime();
        PipelineRun success = null;
        for (TimeWindow w : List.of(new TimeWindow(at.minus(STATUS_WINDOW), at, "the week before"),
                new TimeWindow(tools.now().minus(TimeWindowParser.RETENTION), at, "ADF's retention"))) {
            success = tools.pipelineRuns(new AdfTools.RunsRequest(found.get().factory().factoryName(),
                    failed.pipelineName(), Set.of(RunStatus.SUCCEEDED), w)).runs().stream()
                    .filter(r -> r.pipelineName().equalsIgnoreCase(failed.pipelineName()) && r.sortTime().isBefore(at))
                    .max(java.util.Comparator.comparing(PipelineRun::sortTime)).orElse(null);
            if (success != null) {
                break;
            }
        }
        s.ctx.setFocus(new RunRef(failed.factory().factoryName(), failed.pipelineName(), failed.runId()));
        if (success == null) {
            return AgentReply.of(new Reply.WhatChanged(failed, null, List.of()));
        }
        return AgentReply.of(new Reply.WhatChanged(failed, success, RunComparison.compare(success,
                tools.activitiesOf(found.get().factory(), success), failed, tools.activitiesOf(found.get().factory(), failed))));
    }

    /** A conversation's context for this turn; context older than the TTL is set aside (and said so when needed). */
    private final class Session {
        final ConversationContext ctx;
        final boolean expired;

        Session(ConversationContext ctx, boolean expired) {
            this.ctx = ctx;
            this.expired = expired;
        }
    }

    private Session session(Turn turn) {
        ConversationContext ctx = store.load(turn.conversationId());
        Instant updated = ctx.getUpdated();
        if (!ctx.isEmpty() && updated != null && updated.plus(contextTtl).isBefore(tools.now())) {
            return new Session(new ConversationContext(), true);
        }
        return new Session(ctx, false);
    }

    // ---- card buttons ---------------------------------------------------------------------------------

    private AgentReply action(Turn turn, Session s) {
        Object raw = turn.action().get("action");
        Optional<CardVerb> verb = CardVerb.of(raw);
        String runId = str(turn.action().get("runId"));
        String factory = str(turn.action().get("factory"));
        if (verb.isEmpty()) {
            // Some clients send the typed text with the card data; answer that rather than fail.
            if (!turn.text().isEmpty()) {
                return ask(turn, turn.text(), s);
            }
            String name = raw instanceof String x ? x.trim() : "";
            return stale("I don't know that button" + (name.isEmpty() ? "" : " (\"" + safe(name) + "\")")
                    + ". It may come from an older version of this bot.");
        }
        return switch (verb.get()) {
            case DIAGNOSE -> runId == null ? stale("That button did not say which run to look at.")
                    : diagnoseRun(s, runId, factory);
            case FOLLOW_UP -> followUp(s, runId, factory);
            case CLEAR -> clear(turn);
            case ASK -> {
                String text = str(turn.action().get("text"));
                yield text == null ? stale("That button did not carry a question.") : ask(turn, text, s);
            }
            case HELP -> AgentReply.of(new Reply.Help(false, "", tools.factoryStatus()));
            case WATCH -> {
                String pipeline = str(turn.action().get("pipeline"));
                yield pipeline == null ? stale("That button did not say which pipeline to watch.")
                        : watch(turn, pipeline, factory);
            }
            case UNWATCH -> unwatch(turn, Optional.ofNullable(str(turn.action().get("pattern"))).orElse(""));
            case WHAT_CHANGED -> runId == null ? stale("That button did not say which run.") : whatChanged(s, runId, factory);
            case SHARE_REPORT -> exportOf(turn, true);
            case EXPORT_LINK -> exportOf(turn, false);
            case ESCALATE, RERUN_FROM_FAILURE, RERUN, CANCEL_RUN, CONFIRM, DISMISS, RESOLVE, ACKNOWLEDGE, SNOOZE ->
                    stale("This button is handled by the Teams edge; it reached the agent by mistake.");
        };
    }

    private AgentReply stale(String why) {
        return AgentReply.of(new Reply.Suggestions("That card is out of date", why
                + " Ask me again and I'll build a fresh card.", List.of("What pipelines are failing?", "Help")));
    }

    private AgentReply clear(Turn turn) {
        store.clear(turn.conversationId());
        return AgentReply.of(new Reply.Cleared("History cleared. I've forgotten what we discussed in this conversation; "
                + "other chats and channels are not affected."));
    }

    private AgentReply followUp(Session s, String runId, String factory) {
        ConversationContext ctx = s.ctx;
        RunRef focus = ctx.getFocus();
        if (runId != null) {
            Optional<AdfTools.Located> run = tools.findRun(runId, factory);
            if (run.isEmpty()) {
                return stale("I can't find run " + safe(runId) + " any more (ADF keeps runs for 45 days).");
            }
            PipelineRun r = run.get().run();
            focus = new RunRef(r.factory().factoryName(), r.pipelineName(), r.runId());
            if (ctx.getFocus() == null || !runId.equals(ctx.getFocus().runId())) {
                ctx.setFocus(focus);
                ctx.setFocusIndex(0);
            }
        }
        if (focus == null) {
            return s.expired ? expired() : AgentReply.of(new Reply.Suggestions("What next?", "What would you like to look at?",
                    List.of("What pipelines are failing?", "What failed today?", "Help")));
        }
        String p = focus.pipeline();
        return AgentReply.of(new Reply.Suggestions("Follow up on " + p,
                "We're looking at run " + focus.runId() + " of " + p + ". What would you like to look at next?",
                List.of("And the one before?", "Status of " + p, "What else is failing?")));
    }

    // ---- typed questions -------------------------------------------------------------------------------

    private AgentReply ask(Turn turn, String text, Session s) {
        Intent intent = IntentParser.parse(text, tools.now(), turn.zone(), tools.history(), known());
        if (intent instanceof Intent.Help) {
            return AgentReply.of(new Reply.Help(false, "", tools.factoryStatus()));
        } else if (intent instanceof Intent.ClearHistory) {
            return clear(turn);
        } else if (intent instanceof Intent.CheckAccess) {
            return AgentReply.of(new Reply.Access(access(), tools.historyStatus().orElse(null)));
        } else if (intent instanceof Intent.HowTo h) {
            return AgentReply.of(new Reply.DocsAnswer(h.question(), guidance.forQuestion(h.question())));
        } else if (intent instanceof Intent.DiagnoseRun d) {
            return diagnoseRun(s, d.runId(), null);
        } else if (intent instanceof Intent.PreviousFailure) {
            return previous(s);
        } else if (intent instanceof Intent.FailingList f) {
            return listFailing(s, f, turn);
        } else if (intent instanceof Intent.DiagnosePipeline d) {
            return d.pipeline() == null ? diagnoseFocus(s, Shape.PLAIN, d.window())
                    : diagnosePipeline(s, d.pipeline(), d.factory(), Shape.PLAIN, d.window());
        } else if (intent instanceof Intent.FailedActivities f) {
            return f.pipeline() == null ? diagnoseFocus(s, Shape.ACTIVITIES, f.window())
                    : diagnosePipeline(s, f.pipeline(), f.factory(), Shape.ACTIVITIES, f.window());
        } else if (intent instanceof Intent.Troubleshoot t) {
            return troubleshoot(s, t);
        } else if (intent instanceof Intent.Status st) {
            return status(s, st.pipeline(), st.factory(), st.window(), st.question());
        } else if (intent instanceof Intent.NameOnly n) {
            return nameOnly(s, n.words());
        } else if (intent instanceof Intent.Trends tr) {
            return trends(tr, turn);
        } else if (intent instanceof Intent.Performance p) {
            return performance(p, turn);
        } else if (intent instanceof Intent.RequestAction a) {
            return requestAction(s, a);
        } else if (intent instanceof Intent.Audit a) {
            return audit(a, turn);
        } else if (intent instanceof Intent.Export e) {
            return export(e, turn);
        } else if (intent instanceof Intent.Cost c) {
            return cost(c);
        } else if (intent instanceof Intent.WhatChanged w) {
            return whatChangedOf(s, w);
        } else if (intent instanceof Intent.Watch w) {
            return watch(turn, w.pattern(), w.factory());
        } else if (intent instanceof Intent.Unwatch u) {
            return unwatch(turn, u.pattern());
        } else if (intent instanceof Intent.Watching) {
            return AgentReply.of(new Reply.Watching("", watchlist.watching(turn.conversationId())));
        } else if (intent instanceof Intent.NotYet n) {
            return notYet(n.capability());
        }
        return didNotCatch();
    }

    /** The factories' names for the parser, read only if a question needs them (cached by the tools). */
    private KnownNames known() {
        return KnownNames.lazy(tools::allPipelineNames,
                () -> tools.factories().stream().map(com.adfops.adf.FactoryRef::factoryName).toList());
    }

    /**
     * Whether each factory can be read: what the run index knows, or (without it) a cheap probe of each factory that
     * turns its error into the same words.
     */
    private List<FactoryStatus> access() {
        List<FactoryStatus> known = tools.factoryStatus();
        if (!known.isEmpty()) {
            return known;
        }
        List<FactoryStatus> probed = new ArrayList<>();
        for (com.adfops.adf.FactoryRef f : tools.factories()) {
            try {
                tools.probe(f);
                probed.add(new FactoryStatus(f.factoryName(), FactoryStatus.State.LIVE, "", "", tools.now(), 0, 0, 0, 0));
            } catch (DataFactoryException e) {
                probed.add(new FactoryStatus(f.factoryName(), FactoryStatus.State.FAILING, e.getMessage(),
                        com.adfops.adf.AccessAdvice.fix(e), null, 0, 0, 0, 0));
            }
        }
        return probed;
    }

    /** How pipelines did: the window (default the last 7 days) against the period before it. */
    private AgentReply trends(Intent.Trends tr, Turn turn) {
        AdfTools.Periods p = tools.pipelineRunsWithPrevious(new AdfTools.RunsRequest(tr.factory(), tr.pipelines(), Set.of(),
                tr.window() != null ? tr.window() : statusWindow()));
        if (p.current().unknownPipeline()) {
            return unknownPipeline(tr.pipelines(), p.current().closest(), "Trends for %s");
        }
        return AgentReply.of(new Reply.Trends(Trends.of(scope(tr.pipelines(), p.current()), p.current(), p.previous(),
                turn.zone())));
    }

    /** How long pipelines take: the window (default the last 7 days) against the period before it. */
    private AgentReply performance(Intent.Performance perf, Turn turn) {
        AdfTools.RunsRequest request = new AdfTools.RunsRequest(perf.factory(), perf.pipelines(), Set.of(),
                perf.window() != null ? perf.window() : statusWindow());
        AdfTools.Periods p = tools.pipelineRunsWithPrevious(request);
        if (p.current().unknownPipeline()) {
            return unknownPipeline(perf.pipelines(), p.current().closest(), "How long does %s take?");
        }
        boolean single = p.current().pipelines().size() == 1;
        PerformanceSummary summary = Durations.summary(tools, request, p, scope(perf.pipelines(), p.current()),
                turn.zone(), single);
        if (single && p.previous() != null) {
            summary = summary.withGrowth(Durations.growth(activitiesOfLatest(p.current()), activitiesOfLatest(p.previous()),
                    GROWTH_ROWS));
        }
        return AgentReply.of(new Reply.Performance(summary));
    }

    /**
     * What pipelines cost: every finished run of the window (default the last 7 days), each priced from its billing
     * summary ({@link CostSummary#ask}, as the model's {@code adf_cost}).
     */
    private AgentReply cost(Intent.Cost c) {
        CostSummary.Answer a = CostSummary.ask(tools, c.factory(), c.pipelines(), c.window());
        if (a instanceof CostSummary.Answer.UnknownPipeline u) {
            return unknownPipeline(c.pipelines(), u.closest(), "What did %s cost this week?");
        }
        return AgentReply.of(new Reply.Cost(((CostSummary.Answer.Priced) a).summary()));
    }

    /** A compliance export: the window's totals (default the last 7 days) and a signed, short-lived CSV link. */
    private AgentReply export(Intent.Export e, Turn turn) {
        return export(e.factory(), e.pipelines(), e.window() != null ? e.window() : statusWindow(), turn, null);
    }

    /**
     * The export of a window; {@code sharedBy} non-null builds the copy for the report channel (no link: a link is
     * asked for by whoever wants one, with *Get a download link*).
     */
    private AgentReply export(String factory, String pipelines, TimeWindow window, Turn turn, String sharedBy) {
        AdfTools.RunsResult r = tools.pipelineRuns(new AdfTools.RunsRequest(factory, pipelines, Set.of(), window));
        if (r.unknownPipeline()) {
            return unknownPipeline(pipelines, r.closest(), "Export runs of %s for last week");
        }
        int ok = (int) r.runs().stream().filter(x -> x.status() == RunStatus.SUCCEEDED).count();
        int bad = (int) r.runs().stream().filter(x -> x.status() == RunStatus.FAILED).count();
        String selected = pipelines == null ? null : (r.pipelines().size() == 1 ? r.pipelines().get(0) : pipelines);
        String link = sharedBy != null ? ""
                : exports.link(factory, selected, window.from(), window.to(), turn.tenantId()).orElse("");
        return AgentReply.of(new Reply.Export(scope(pipelines, r), window, r.runs().size(), ok, bad, link,
                exports.minutes(), factory, selected, exports.shareable() && sharedBy == null, sharedBy));
    }

    /** The export a *Share to channel* or *Get a download link* button names. */
    private AgentReply exportOf(Turn turn, boolean share) {
        Instant from = instant(turn.action().get("from"));
        Instant to = instant(turn.action().get("to"));
        if (from == null || to == null || !from.isBefore(to)) {
            return stale("That button did not say which runs to export.");
        }
        // The button's data comes back from the client: keep it within what questions may reach, and short.
        Instant earliest = tools.now().minus(tools.history());
        if (from.isBefore(earliest)) {
            from = earliest;
        }
        if (!from.isBefore(to)) {
            return stale("That button's window is older than the run history kept.");
        }
        String label = ErrorText.truncate(Optional.ofNullable(str(turn.action().get("label"))).orElse("the chosen window"), 60);
        return export(str(turn.action().get("factory")), str(turn.action().get("pipeline")), new TimeWindow(from, to, label),
                turn, share ? Optional.ofNullable(turn.userName()).filter(n -> !n.isBlank()).orElse("someone") : null);
    }

    private static Instant instant(Object o) {
        if (!(o instanceof String s)) {
            return null;
        }
        try {
            return Instant.parse(s.trim());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** How many succeeded runs of a period "where the time goes" reads the activities of (cached by the run index). */
    static final int GROWTH_SAMPLE = 10;
    static final int GROWTH_ROWS = 3;

    /** The activity runs of the latest succeeded runs of a period (at most {@link #GROWTH_SAMPLE}). */
    private List<com.adfops.adf.ActivityRun> activitiesOfLatest(AdfTools.RunsResult r) {
        List<com.adfops.adf.ActivityRun> out = new ArrayList<>();
        r.runs().stream().filter(x -> x.status() == RunStatus.SUCCEEDED)
                .sorted(java.util.Comparator.comparing(PipelineRun::sortTime).reversed()).limit(GROWTH_SAMPLE)
                .forEach(x -> out.addAll(tools.activitiesOf(x.factory(), x)));
        return out;
    }

    /** What an answer covers: "all pipelines", the one pipeline a name resolved to, or the pattern as typed. */
    private static String scope(String asked, AdfTools.RunsResult r) {
        return asked == null ? "all pipelines" : r.pipelines().size() == 1 ? r.pipelines().get(0) : asked;
    }

    /**
     * "rerun X", "cancel X": the card whose button proposes it. Typed words never act; the button opens a confirmation
     * that says exactly what will run.
     */
    private AgentReply requestAction(Session s, Intent.RequestAction a) {
        if (a.kind() == ActionKind.CANCEL) {
            AgentReply status = status(s, a.pipeline(), a.factory(), null);
            boolean running = status.parts().stream().anyMatch(p -> p instanceof Reply.Status st
                    && st.status().latest() != null && (st.status().latest().status() == RunStatus.IN_PROGRESS
                    || st.status().latest().status() == RunStatus.QUEUED));
            if (!running) {
                return status.parts().stream().anyMatch(Reply.Status.class::isInstance)
                        ? prepend("Nothing to cancel: the latest run is not in progress.", status) : status;
            }
            return prepend("To cancel the run in progress, use *Cancel run* on the card below; I'll show what will "
                    + "stop and ask you to confirm.", status);
        }
        AgentReply diagnosis = a.pipeline() == null ? diagnoseFocus(s, Shape.PLAIN)
                : diagnosePipeline(s, a.pipeline(), a.factory(), Shape.PLAIN);
        if (diagnosis.parts().stream().noneMatch(Reply.DiagnosisCard.class::isInstance)) {
            return diagnosis;
        }
        return prepend(a.kind() == ActionKind.RERUN_FROM_FAILURE
                ? "To rerun from the failed activity, use *Rerun from failed activity* on the card below; I'll show "
                        + "exactly what will run and ask you to confirm."
                : "To rerun, use *Rerun pipeline* (or *Rerun from failed activity*) on the card below; I'll show "
                        + "exactly what will run and ask you to confirm.", diagnosis);
    }

    /**
     * Watches a pipeline (its name resolved against the factories, so a typo does not watch nothing) or a pattern
     * with {@code *} here.
     */
    private AgentReply watch(Turn turn, String pattern, String factory) {
        String p = pattern.trim();
        if (factory != null && tools.factories().stream().noneMatch(f -> f.factoryName().equalsIgnoreCase(factory))) {
            return AgentReply.of(new Reply.Suggestions("Unknown factory", "I don't read a factory called "
                    + ErrorText.truncate(safe(factory), 80) + ". The factories I read: " + tools.factories().stream()
                    .map(com.adfops.adf.FactoryRef::factoryName).collect(java.util.stream.Collectors.joining(", ")) + ".",
                    List.of("Watch all pipelines", "Are you connected?")));
        }
        if (!p.contains("*")) {
            NameMatcher.Match m = NameMatcher.match(p, tools.allPipelineNames());
            if (m.name().isEmpty()) {
                return unknownPipeline(p, m.closest(), "Watch %s");
            }
            p = m.name().get();
        } else if (p.length() > 200) {
            return AgentReply.of(new Reply.Text("That pattern is too long; use a shorter one with * (e.g. Finance-*)."));
        }
        try {
            List<Watchlist.Watch> all = watchlist.watch(turn.conversationId(),
                    new Watchlist.Watch(p, factory, turn.userName(), tools.now()));
            String what = p.equals("*") ? "every pipeline" : p.contains("*") ? "pipelines matching " + p : p;
            return AgentReply.of(new Reply.Watching("Watching " + what + (factory == null ? "" : " in " + factory)
                    + " here: when a run fails, I post an alert with its diagnosis.", all));
        } catch (UnsupportedOperationException off) {
            return AgentReply.of(new Reply.Text("Alerts are not set up in this installation of the bot, so I can't watch "
                    + "pipelines here. Ask me when you want to know what is failing."));
        }
    }

    private AgentReply unwatch(Turn turn, String pattern) {
        List<Watchlist.Watch> before = watchlist.watching(turn.conversationId());
        if (pattern.isBlank()) {
            return AgentReply.of(new Reply.Watching(before.isEmpty() ? "" : "Which one? Click Unwatch next to it.", before));
        }
        String p = pattern.trim();
        if (!p.equals("*")) {
            String typed = p;
            p = before.stream().map(Watchlist.Watch::pattern).filter(x -> x.equalsIgnoreCase(typed)).findFirst()
                    .or(() -> NameMatcher.match(typed, before.stream().map(Watchlist.Watch::pattern).toList()).name())
                    .orElse(typed);
        }
        List<Watchlist.Watch> after = watchlist.unwatch(turn.conversationId(), p);
        String msg = after.size() == before.size() ? "I wasn't watching " + (p.equals("*") ? "anything" : p) + " here."
                : p.equals("*") ? "Stopped watching everything here." : "Stopped watching " + p + " here.";
        return AgentReply.of(new Reply.Watching(msg, after));
    }

    /** "what changed since X last worked?": the latest failure of X (or the run in focus) against its last success. */
    private AgentReply whatChangedOf(Session s, Intent.WhatChanged w) {
        if (w.pipeline() == null) {
            RunRef focus = focusOrOnlyListed(s.ctx);
            if (focus == null) {
                return s.expired ? expired() : AgentReply.of(new Reply.Suggestions("Which pipeline?",
                        "Tell me which pipeline, e.g. what changed in my_pipeline?", examples()));
            }
            return whatChanged(s, focus.runId(), focus.factory());
        }
        NameMatcher.Match m = NameMatcher.match(w.pipeline(), tools.allPipelineNames());
        if (m.name().isEmpty()) {
            return unknownPipeline(w.pipeline(), m.closest(), "What changed in %s?");
        }
        List<PipelineRun> failures = failuresOf(m.name().get(), w.factory(), w.window() != null ? w.window() : statusWindow());
        if (failures.isEmpty() && w.window() == null) {
            failures = failuresOf(m.name().get(), w.factory(), retentionWindow());
        }
        if (failures.isEmpty()) {
            return AgentReply.of(new Reply.Text(bold(m.name().get()) + (w.window() != null
                    ? " did not fail" + Windows.phrase(w.window()) : " has not failed in the last 45 days")
                    + ", so there is no failure to compare with its last success."));
        }
        return whatChanged(s, failures.get(0).runId(), failures.get(0).factory().factoryName());
    }

    private static AgentReply prepend(String text, AgentReply reply) {
        List<Reply> parts = new ArrayList<>();
        parts.add(new Reply.Text(text));
        parts.addAll(reply.parts());
        return new AgentReply(parts);
    }

    /** What was done from cards: today by default for "what was done today?", else the last 7 days. */
    private AgentReply audit(Intent.Audit a, Turn turn) {
        TimeWindow window = a.window() != null ? a.window() : statusWindow();
        String pipeline = null;
        if (a.pipeline() != null) {
            NameMatcher.Match m = NameMatcher.match(a.pipeline(), tools.allPipelineNames());
            if (m.name().isEmpty()) {
                return unknownPipeline(a.pipeline(), m.closest(), "Audit for %s");
            }
            pipeline = m.name().get();
        }
        String p = pipeline;
        List<AuditRecord> entries = new ArrayList<>(audit.between(window.from(), window.to()).stream()
                .filter(e -> p == null || p.equalsIgnoreCase(e.pipeline()))
                .filter(e -> a.factory() == null || a.factory().equalsIgnoreCase(e.factory()))
                .toList());
        java.util.Collections.reverse(entries);
        return AgentReply.of(new Reply.Audit(pipeline, window.label(), entries));
    }

    private AgentReply didNotCatch() {
        return AgentReply.of(new Reply.Suggestions("I didn't catch that",
                "I can list failing pipelines, explain why a pipeline or run failed, and show a pipeline's status. "
                        + "Try one of these:", examples()));
    }

    private AgentReply nameOnly(Session s, String words) {
        NameMatcher.Match m = NameMatcher.match(words, tools.allPipelineNames());
        if (m.ambiguous()) {
            return unknownPipeline(words, m.closest(), "Status of %s");
        }
        return m.name().isPresent() ? status(s, m.name().get(), null, null) : didNotCatch();
    }

    private static AgentReply notYet(Intent.Capability c) {
        return AgentReply.of(switch (c) {
            case ANALYTICS -> new Reply.Suggestions("Not yet: that comparison",
                    "I can't compare pipelines side by side or track SLAs yet. Here is what I can do now: how pipelines "
                            + "did over a period (with a chart), which are slowest (and where the time goes), what they "
                            + "cost, what is failing, and an export of the runs.",
                    List.of("How did pipelines do this week?", "Which pipelines are slowest?", "Most expensive pipelines",
                            "What pipelines are failing?"));
            case WATCH -> new Reply.Suggestions("Snooze and mute from the alert card",
                    "To silence a pipeline's alerts for a while, click Snooze on its alert card (1 hour, 4 hours or "
                            + "until tomorrow 08:00); to stop them, unwatch it.",
                    List.of("What am I watching?", "Watch all pipelines", "Help"));
        });
    }

    private static List<String> examples() {
        return List.of("What pipelines are failing?", "What failed today?", "Help");
    }

    private AgentReply expired() {
        return AgentReply.of(new Reply.Suggestions("That conversation has expired",
                "What we looked at earlier in this conversation is more than " + hours(contextTtl)
                        + " old, so I won't guess which run you mean. Start again from the failing list:", examples()));
    }

    private static String hours(Duration d) {
        long h = d.toHours();
        return h >= 1 ? h + (h == 1 ? " hour" : " hours") : d.toMinutes() + " minutes";
    }

    private AgentReply listFailing(Session s, Intent.FailingList f, Turn turn) {
        TimeWindow window = f.window() != null ? f.window() : TimeWindowParser.parse("", tools.now(), turn.zone());
        PipelineScope scope = scope(f);
        AdfTools.RunsResult result = scope.filter(tools.pipelineRuns(new AdfTools.RunsRequest(scope.factory(f.factory()),
                null, Set.of(), window)));
        FailingSummary summary = FailureCauses.of(RunSummaries.failing(result), new Diagnoser(tools)::diagnose, FailureCauses.ROWS)
                .withRunningLong(runningLong(scope.factory(f.factory()), null, result, false).stream()
                        .filter(r -> scope.includes().test(r.run())).toList());
        List<RunRef> listed = new ArrayList<>();
        for (FailingSummary.Row r : summary.failing()) {
            listed.add(new RunRef(r.factory(), r.pipeline(), r.lastFailure().runId()));
        }
        s.ctx.setLastListed(listed);
        if (listed.size() == 1) {
            s.ctx.setFocus(listed.get(0));
            s.ctx.setFocusIndex(0);
        }
        AgentReply reply = AgentReply.of(new Reply.Failing(summary));
        return scope.note() == null ? reply : prepend(scope.note(), reply);
    }

    /** What a failing list is narrowed to: a group, a pattern, a pipeline or a factory the question named. */
    private PipelineScope scope(Intent.FailingList f) {
        if (f.scope() == null) {
            return new PipelineScope.All();
        }
        List<com.adfops.adf.FactoryRef> factories = tools.factories().stream()
                .filter(x -> f.factory() == null || x.factoryName().equalsIgnoreCase(f.factory())).toList();
        List<String> names = new ArrayList<>();
        for (com.adfops.adf.FactoryRef x : factories.isEmpty() ? tools.factories() : factories) {
            names.addAll(tools.pipelineNames(x));
        }
        return PipelineScope.of(f.scope(), names.stream().distinct().toList(),
                tools.factories().stream().map(com.adfops.adf.FactoryRef::factoryName).toList());
    }

    /** How a diagnosis is shown: plain, with the failed activities open, or with resolution steps. */
    private enum Shape {
        PLAIN, ACTIVITIES, TROUBLESHOOT
    }

    private RunRef focusOrOnlyListed(ConversationContext ctx) {
        RunRef focus = ctx.getFocus();
        if (focus == null && ctx.getLastListed().size() == 1) {
            focus = ctx.getLastListed().get(0);
        }
        return focus;
    }

    private AgentReply diagnoseFocus(Session s, Shape shape) {
        return diagnoseFocus(s, shape, null);
    }

    /** The run in focus, or (with a window: "why did it fail yesterday?") its pipeline's failure in that window. */
    private AgentReply diagnoseFocus(Session s, Shape shape, TimeWindow window) {
        RunRef focus = focusOrOnlyListed(s.ctx);
        if (focus != null && window != null) {
            return diagnosePipeline(s, focus.pipeline(), focus.factory(), shape, window);
        }
        if (focus != null) {
            return diagnoseRun(s, focus.runId(), focus.factory(), shape);
        }
        if (s.expired) {
            return expired();
        }
        if (s.ctx.getLastListed().size() > 1) {
            List<String> qs = s.ctx.getLastListed().stream().limit(5).map(r -> "Why did " + r.pipeline() + " fail?").toList();
            return AgentReply.of(new Reply.Suggestions("Which one?",
                    "Several pipelines are failing; which one do you mean?", qs));
        }
        return AgentReply.of(new Reply.Suggestions("Which pipeline?",
                "I'm not sure which run you mean. Name the pipeline (e.g. why did my_pipeline fail?) or start with:",
                examples()));
    }

    private AgentReply troubleshoot(Session s, Intent.Troubleshoot t) {
        if (t.pipeline() == null) {
            return diagnoseFocus(s, Shape.TROUBLESHOOT, t.window());
        }
        NameMatcher.Match m = NameMatcher.match(t.pipeline(), tools.allPipelineNames());
        if (m.ambiguous()) {
            return unknownPipeline(t.pipeline(), m.closest(), "How do I fix %s?");
        }
        if (m.name().isEmpty()) {
            // Not a pipeline: a topic ("how do I fix a permissions problem?"), answered from the docs.
            return AgentReply.of(new Reply.DocsAnswer(t.question(), guidance.forQuestion(t.question())));
        }
        return diagnosePipeline(s, m.name().get(), t.factory(), Shape.TROUBLESHOOT, t.window());
    }

    private AgentReply diagnosePipeline(Session s, String words, String factory, Shape shape) {
        return diagnosePipeline(s, words, factory, shape, null);
    }

    /** A pipeline's latest failure, or with a {@code window} its latest failure in that window. */
    private AgentReply diagnosePipeline(Session s, String words, String factory, Shape shape, TimeWindow window) {
        NameMatcher.Match m = NameMatcher.match(words, tools.allPipelineNames());
        if (m.name().isEmpty()) {
            return unknownPipeline(words, m.closest(), "Why did %s fail" + Windows.phrase(window) + "?");
        }
        String pipeline = m.name().get();
        if (window != null) {
            return diagnoseIn(s, pipeline, factory, shape, window);
        }
        // The last week first (the run index answers it from memory), then ADF's whole retention.
        List<PipelineRun> failures = failuresOf(pipeline, factory, statusWindow());
        if (failures.isEmpty()) {
            failures = failuresOf(pipeline, factory, retentionWindow());
        }
        if (failures.isEmpty()) {
            PipelineStatus st = RunSummaries.status(pipeline, tools.pipelineRuns(
                    new AdfTools.RunsRequest(factory, pipeline, Set.of(), statusWindow())));
            return AgentReply.of(new Reply.Text(bold(pipeline) + " has no failed runs in the last 45 days "
                    + "(ADF keeps run history for 45 days)."), new Reply.Status(st));
        }
        PipelineRun run = failures.get(0);
        s.ctx.setFocus(new RunRef(run.factory().factoryName(), run.pipelineName(), run.runId()));
        s.ctx.setFocusIndex(0);
        return AgentReply.of(diagnosis(new Diagnoser(tools).diagnose(run), shape));
    }

    /** The latest failure of {@code pipeline} in {@code window}, or that it did not fail then (and its status then). */
    private AgentReply diagnoseIn(Session s, String pipeline, String factory, Shape shape, TimeWindow window) {
        List<PipelineRun> failures = failuresOf(pipeline, factory, window);
        if (failures.isEmpty()) {
            PipelineStatus st = RunSummaries.status(pipeline, tools.pipelineRuns(
                    new AdfTools.RunsRequest(factory, pipeline, Set.of(), window)));
            return AgentReply.of(new Reply.Text(bold(pipeline) + (st.latest() == null ? " did not run" : " did not fail")
                    + Windows.phrase(window) + "."), new Reply.Status(st));
        }
        PipelineRun run = failures.get(0);
        s.ctx.setFocus(new RunRef(run.factory().factoryName(), run.pipelineName(), run.runId()));
        s.ctx.setFocusIndex(0);
        return AgentReply.of(diagnosis(new Diagnoser(tools).diagnose(run), shape));
    }

    private AgentReply unknownPipeline(String target, List<String> closest, String questionFormat) {
        NameMatcher.Match words = target == null || target.contains("*") ? null
                : NameMatcher.match(target, tools.allPipelineNames());
        if (words != null && words.ambiguous()) {
            // The words fit several names equally: ask, with each one a click away.
            List<String> choices = words.closest();
            return AgentReply.of(new Reply.Suggestions("Which pipeline?", "Did you mean " + Windows.either(choices.stream()
                    .map(OfflineAgent::bold).toList()) + "?", choices.stream().map(questionFormat::formatted).toList()));
        }
        List<String> qs = closest.stream().map(questionFormat::formatted).toList();
        String shown = ErrorText.truncate(safe(target), 80);
        String msg = closest.isEmpty()
                ? "I can't find a pipeline called " + shown + " in the configured factories."
                : "I can't find a pipeline called " + shown + ". Did you mean one of these?";
        return AgentReply.of(new Reply.Suggestions("Unknown pipeline", msg, qs.isEmpty() ? examples() : qs));
    }

    private List<PipelineRun> failuresOf(String pipeline, String factory, TimeWindow window) {
        AdfTools.RunsResult r = tools.pipelineRuns(new AdfTools.RunsRequest(factory, pipeline, Set.of(RunStatus.FAILED),
                window));
        return r.runs().stream().filter(x -> x.pipelineName().equalsIgnoreCase(pipeline)).toList();
    }

    private TimeWindow retentionWindow() {
        Instant now = tools.now();
        return new TimeWindow(now.minus(TimeWindowParser.RETENTION), now.plus(Duration.ofMinutes(1)), "the last 45 days");
    }

    private AgentReply previous(Session s) {
        RunRef focus = focusOrOnlyListed(s.ctx);
        if (focus == null) {
            return s.expired ? expired() : AgentReply.of(new Reply.Suggestions("Which pipeline?",
                    "I don't know which pipeline you mean yet. Ask about one first:", examples()));
        }
        List<PipelineRun> failures = failuresOf(focus.pipeline(), focus.factory(), statusWindow());
        int idx = indexOf(failures, focus.runId());
        int next = idx >= 0 ? idx + 1 : s.ctx.getFocusIndex() + 1;
        if (next >= failures.size()) {
            // Walking back past the last week: ADF's whole retention.
            failures = failuresOf(focus.pipeline(), focus.factory(), retentionWindow());
            idx = indexOf(failures, focus.runId());
            next = idx >= 0 ? idx + 1 : s.ctx.getFocusIndex() + 1;
        }
        if (next >= failures.size()) {
            return AgentReply.of(new Reply.Text("There is no earlier failure of " + bold(focus.pipeline())
                    + " in the last 45 days (ADF keeps run history for 45 days)."));
        }
        PipelineRun run = failures.get(next);
        s.ctx.setFocus(new RunRef(run.factory().factoryName(), run.pipelineName(), run.runId()));
        s.ctx.setFocusIndex(next);
        return AgentReply.of(diagnosis(new Diagnoser(tools).diagnose(run), Shape.PLAIN));
    }

    private static int indexOf(List<PipelineRun> runs, String runId) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).runId().equals(runId)) {
                return i;
            }
        }
        return -1;
    }

    private AgentReply diagnoseRun(Session s, String runId, String factory) {
        return diagnoseRun(s, runId, factory, Shape.PLAIN);
    }

    private AgentReply diagnoseRun(Session s, String runId, String factory, Shape shape) {
        Optional<AdfTools.Located> located = tools.findRun(runId, factory);
        if (located.isEmpty()) {
            return AgentReply.of(new Reply.Suggestions("Run not found", "I can't find run " + safe(runId)
                    + " in the configured factories. It may be older than 45 days (ADF's retention) or belong to "
                    + "another factory.", examples()));
        }
        PipelineRun run = located.get().run();
        s.ctx.setFocus(new RunRef(run.factory().factoryName(), run.pipelineName(), run.runId()));
        s.ctx.setFocusIndex(0);
        if (run.status() != RunStatus.FAILED) {
            PipelineStatus st = RunSummaries.status(run.pipelineName(), tools.pipelineRuns(new AdfTools.RunsRequest(
                    run.factory().factoryName(), run.pipelineName(), Set.of(), statusWindow())));
            return AgentReply.of(new Reply.Text("Run " + run.runId() + " of " + bold(run.pipelineName())
                    + " did not fail: it is " + describe(run.status()) + "."), new Reply.Status(st));
        }
        return AgentReply.of(diagnosis(new Diagnoser(tools).diagnose(run), shape));
    }

    private TimeWindow statusWindow() {
        return new TimeWindow(tools.now().minus(STATUS_WINDOW), tools.now().plusSeconds(60), "the last 7 days");
    }

    private AgentReply status(Session s, String words, String factory, TimeWindow window) {
        return status(s, words, factory, window, null);
    }

    /** A pipeline's status; with a {@code question} ("is X failing?"), its yes or no said first. */
    private AgentReply status(Session s, String words, String factory, TimeWindow window, Intent.Question question) {
        String target = words;
        if (target == null) {
            RunRef f = s.ctx.getFocus();
            if (f == null) {
                return s.expired ? expired() : AgentReply.of(new Reply.Suggestions("Which pipeline?",
                        "Tell me which pipeline, e.g. status of my_pipeline.", examples()));
            }
            target = f.pipeline();
            factory = factory == null ? f.factory() : factory;
        }
        NameMatcher.Match m = NameMatcher.match(target, tools.allPipelineNames());
        if (m.name().isEmpty()) {
            return unknownPipeline(target, m.closest(), Windows.question(question, window));
        }
        String pipeline = m.name().get();
        AdfTools.RunsResult runs = tools.pipelineRuns(new AdfTools.RunsRequest(factory, pipeline, Set.of(),
                window != null ? window : statusWindow()));
        PipelineStatus st = RunSummaries.status(pipeline, runs);
        String p = pipeline;
        st = st.withRunningLong(runningLong(factory, pipeline, runs, window == null).stream()
                .filter(r -> r.run().pipelineName().equalsIgnoreCase(p)).findFirst().orElse(null));
        if (st.latest() != null) {
            s.ctx.setFocus(new RunRef(st.factory(), pipeline,
                    st.lastFailure() != null ? st.lastFailure().runId() : st.latest().runId()));
            s.ctx.setFocusIndex(0);
        }
        return AgentReply.of(new Reply.Status(st, question == null ? null
                : StatusAnswer.of(question, st, window != null, tools.now())));
    }

    /** The diagnosis card with documentation guidance for its root cause, shaped for the question. */
    private Reply diagnosis(Diagnosis d, Shape shape) {
        return switch (shape) {
            case PLAIN -> diagnosisCard(d);
            case ACTIVITIES -> new Reply.DiagnosisCard(d, guidance.forDiagnosis(d), true, List.of())
                    .withHistory(FailureHistory.of(tools, d));
            case TROUBLESHOOT -> new Reply.DiagnosisCard(d, guidance.forDiagnosis(d), true, Resolution.steps(d))
                    .withHistory(FailureHistory.of(tools, d));
        };
    }

    static String describe(RunStatus s) {
        return switch (s) {
            case QUEUED -> "queued";
            case IN_PROGRESS -> "still running";
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case CANCELING -> "being cancelled";
            case CANCELLED -> "cancelled";
            case UNKNOWN -> "in an unknown state";
        };
    }

    private static String str(Object o) {
        if (o == null) {
            return null;
        }
        String s = String.valueOf(o).trim();
        return s.isEmpty() ? null : s;
    }

    /** A name from Data Factory in bold, with any markdown in it shown literally. */
    static String bold(String name) {
        return "**" + ErrorText.escapeMarkdown(name) + "**";
    }

    /** User-provided text echoed back: no markup that could break a card or impersonate. */
    static String safe(String s) {
        return s == null ? "" : s.replaceAll("[<>*`\\[\\]\\\\{}$]", "").trim();
    }
}
