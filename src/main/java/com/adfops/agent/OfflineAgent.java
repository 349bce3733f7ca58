package com.adfops.agent;

import static com.adfops.agent.AnswerKit.safe;
import static com.adfops.agent.AnswerKit.str;

import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryRef;
import com.adfops.analytics.Analytics;
import com.adfops.answers.AuditTrail;
import com.adfops.answers.CardVerb;
import com.adfops.answers.ExportLinks;
import com.adfops.answers.Watchlist;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.impact.FactoryImpact;
import com.adfops.impact.NextRuns;
import com.adfops.runs.AdfTools;
import com.adfops.runs.KnownNames;
import com.adfops.runs.RunSummaries;
import com.adfops.schedule.Schedules;
import com.adfops.schedule.SlaRules;
import com.adfops.state.ConversationStore;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent without a language model, and the router of every deterministic answer: {@link IntentParser} says what a
 * question asks for, {@link AdfTools} and {@link Analytics} (the same core the Foundry agent's model calls) fetch the
 * runs, {@link RunSummaries} turn them into facts, and the answer families pick the reply ({@link StatusAnswers},
 * {@link DiagnosisAnswers}, {@link AnalyticsAnswers}, {@link WatchAnswers}), with the {@link Conversation}'s context.
 * Card buttons ({@link CardVerb}) are routed here too, except Escalate, which the Teams edge hands to the escalation
 * flow.
 */
public final class OfflineAgent implements Agent, StandardAnswers {

    private static final Logger log = LoggerFactory.getLogger(OfflineAgent.class);

    private final AdfTools tools;
    private final GuidanceFinder guidance;
    private final Conversation conversation;
    private final AnswerKit kit;
    private final StatusAnswers status;
    private final DiagnosisAnswers diagnosis;
    private final AnalyticsAnswers analytics;
    private final WatchAnswers watches;
    private final ImpactAnswers impact;
    private final ScheduleAnswers schedule;
    private final ParsedQuestions parsed = new ParsedQuestions();

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
        this(tools, new Analytics(tools), store, guidance, contextTtl, audit, watchlist, exports);
    }

    /** @param analytics the questions' one orchestration (default window, the period before, scope), as for the model */
    public OfflineAgent(AdfTools tools, Analytics analytics, ConversationStore store, GuidanceFinder guidance,
                        Duration contextTtl, AuditTrail audit, Watchlist watchlist, ExportLinks exports) {
        this(tools, analytics, store, guidance, contextTtl, audit, watchlist, exports,
                new FactoryImpact(tools.dataFactory(), NextRuns.NONE, tools.clock()));
    }

    /** @param factoryImpact what failures reach downstream and the self-hosted runtimes' health */
    public OfflineAgent(AdfTools tools, Analytics analytics, ConversationStore store, GuidanceFinder guidance,
                        Duration contextTtl, AuditTrail audit, Watchlist watchlist, ExportLinks exports,
                        FactoryImpact factoryImpact) {
        this(tools, analytics, store, guidance, contextTtl, audit, watchlist, exports, factoryImpact,
                new Schedules(tools, SlaRules.none(), Schedules.DEFAULT_GRACE));
    }

    /** @param schedules the schedule questions, with the configured SLAs and grace */
    public OfflineAgent(AdfTools tools, Analytics analytics, ConversationStore store, GuidanceFinder guidance,
                        Duration contextTtl, AuditTrail audit, Watchlist watchlist, ExportLinks exports,
                        FactoryImpact factoryImpact, Schedules schedules) {
        this.tools = tools;
        this.guidance = guidance;
        this.conversation = new Conversation(store, tools, contextTtl);
        this.kit = new AnswerKit(tools, contextTtl);
        this.status = new StatusAnswers(tools, kit);
        this.impact = new ImpactAnswers(tools, factoryImpact, kit);
        this.diagnosis = new DiagnosisAnswers(tools, guidance, kit, status, impact);
        this.analytics = new AnalyticsAnswers(tools, analytics, exports, kit);
        this.watches = new WatchAnswers(tools, watchlist, audit, kit);
        this.schedule = new ScheduleAnswers(schedules);
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
     * Heavy: cost questions reading the billing of many runs themselves, and questions whose window reaches more than
     * a day past what the bot's memory holds ({@link AnalyticsAnswers#effort}); typed or from a card's question button.
     */
    @Override
    public Effort effort(Turn turn) {
        String text = turn.isCardAction() ? (CardVerb.of(turn.action().get("action")).orElse(null) == CardVerb.ASK
                ? str(turn.action().get("text")) : null) : turn.text();
        if (text == null || text.isBlank()) {
            return Effort.LIGHT;
        }
        try {
            return analytics.effort(parse(text, turn));
        } catch (DataFactoryException e) {
            // The answer says what is wrong, at once.
            return Effort.LIGHT;
        }
    }

    private AgentReply answer(Turn turn, boolean keepContext) {
        Conversation.Session s = conversation.open(turn);
        try {
            AgentReply reply = turn.isCardAction() ? action(turn, s) : ask(turn, turn.text(), s);
            conversation.close(turn, s, reply, keepContext);
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
        Intent intent = parse(turn.text(), turn);
        // Actions are proposed on cards and confirmed by a person: the model never gets to act, nor to word the audit.
        if (intent instanceof Intent.Help || intent instanceof Intent.ClearHistory
                || intent instanceof Intent.RequestAction || intent instanceof Intent.Audit || intent instanceof Intent.Export
                || intent instanceof Intent.Watch || intent instanceof Intent.Unwatch || intent instanceof Intent.Watching
                || intent instanceof Intent.Dependants || intent instanceof Intent.RuntimeHealth) {
            return Optional.of(answer(turn));
        }
        return Optional.empty();
    }

    @Override
    public Reply diagnosisCard(Diagnosis d) {
        return diagnosis.diagnosisCard(d);
    }

    // ---- card buttons ---------------------------------------------------------------------------------

    private AgentReply action(Turn turn, Conversation.Session s) {
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
            return kit.stale("I don't know that button" + (name.isEmpty() ? "" : " (\"" + safe(name) + "\")")
                    + ". It may come from an older version of this bot.");
        }
        return switch (verb.get()) {
            case DIAGNOSE -> runId == null ? kit.stale("That button did not say which run to look at.")
                    : diagnosis.diagnoseRun(s, runId, factory);
            case FOLLOW_UP -> diagnosis.followUp(s, runId, factory);
            case CLEAR -> conversation.clear(turn);
            case ASK -> {
                String text = str(turn.action().get("text"));
                yield text == null ? kit.stale("That button did not carry a question.") : ask(turn, text, s);
            }
            case HELP -> help();
            case WATCH -> {
                String pipeline = str(turn.action().get("pipeline"));
                yield pipeline == null ? kit.stale("That button did not say which pipeline to watch.")
                        : watches.watch(turn, pipeline, factory);
            }
            case UNWATCH -> watches.unwatch(turn, Optional.ofNullable(str(turn.action().get("pattern"))).orElse(""));
            case WHAT_CHANGED -> runId == null ? kit.stale("That button did not say which run.")
                    : diagnosis.whatChanged(s, runId, factory);
            case SHARE_REPORT -> analytics.exportOf(turn, true);
            case EXPORT_LINK -> analytics.exportOf(turn, false);
            case ESCALATE, RERUN_FROM_FAILURE, RERUN, CANCEL_RUN, CONFIRM, DISMISS, RESOLVE, ACKNOWLEDGE, SNOOZE ->
                    kit.stale("This button is handled by the Teams edge; it reached the agent by mistake.");
        };
    }

    // ---- typed questions -------------------------------------------------------------------------------

    private AgentReply ask(Turn turn, String text, Conversation.Session s) {
        Intent intent = parse(text, turn);
        if (intent instanceof Intent.Help) {
            return help();
        } else if (intent instanceof Intent.ClearHistory) {
            return conversation.clear(turn);
        } else if (intent instanceof Intent.CheckAccess) {
            return AgentReply.of(new Reply.Access(status.access(), tools.historyStatus().orElse(null)));
        } else if (intent instanceof Intent.HowTo h) {
            return AgentReply.of(new Reply.DocsAnswer(h.question(), guidance.forQuestion(h.question())));
        } else if (intent instanceof Intent.DiagnoseRun d) {
            return diagnosis.diagnoseRun(s, d.runId(), null);
        } else if (intent instanceof Intent.PreviousFailure) {
            return diagnosis.previous(s);
        } else if (intent instanceof Intent.FailingList f) {
            return status.listFailing(s, f, turn);
        } else if (intent instanceof Intent.DiagnosePipeline d) {
            return diagnosis.diagnose(s, d.pipeline(), d.factory(), DiagnosisAnswers.Shape.PLAIN, d.window());
        } else if (intent instanceof Intent.FailedActivities f) {
            return diagnosis.diagnose(s, f.pipeline(), f.factory(), DiagnosisAnswers.Shape.ACTIVITIES, f.window());
        } else if (intent instanceof Intent.Troubleshoot t) {
            return diagnosis.troubleshoot(s, t);
        } else if (intent instanceof Intent.Status st && st.window() == null && impact.namesRuntime(st.pipeline())) {
            return impact.runtimes(st.pipeline());
        } else if (intent instanceof Intent.Status st) {
            return status.status(s, st.pipeline(), st.factory(), st.window(), st.question());
        } else if (intent instanceof Intent.Dependants d) {
            return impact.dependants(s, d);
        } else if (intent instanceof Intent.RuntimeHealth r) {
            return impact.runtimes(r.runtime());
        } else if (intent instanceof Intent.NameOnly n) {
            return status.nameOnly(s, n.words());
        } else if (intent instanceof Intent.Trends tr) {
            return analytics.trends(tr, turn);
        } else if (intent instanceof Intent.Performance p) {
            return analytics.performance(p, turn);
        } else if (intent instanceof Intent.RequestAction a) {
            return diagnosis.requestAction(s, a);
        } else if (intent instanceof Intent.Audit a) {
            return watches.audit(a);
        } else if (intent instanceof Intent.Export e) {
            return analytics.export(e, turn);
        } else if (intent instanceof Intent.Cost c) {
            return analytics.cost(c);
        } else if (intent instanceof Intent.WhatChanged w) {
            return diagnosis.whatChangedOf(s, w);
        } else if (intent instanceof Intent.Watch w) {
            return watches.watch(turn, w.pattern(), w.factory());
        } else if (intent instanceof Intent.Unwatch u) {
            return watches.unwatch(turn, u.pattern());
        } else if (intent instanceof Intent.Watching) {
            return watches.watching(turn);
        } else if (intent instanceof Intent.OnSchedule o) {
            return schedule.onSchedule(o);
        } else if (intent instanceof Intent.Upcoming u) {
            return schedule.upcoming(u, turn.zone());
        } else if (intent instanceof Intent.NotYet n) {
            return WatchAnswers.notYet(n.capability());
        }
        return kit.didNotCatch();
    }

    private AgentReply help() {
        return AgentReply.of(new Reply.Help(false, "", tools.factoryStatus()));
    }

    /** The factories' names for the parser, read only if a question needs them (cached by the tools). */
    /** What {@code text} asks for, read once per second however often it is asked (its effort, then its answer). */
    private Intent parse(String text, Turn turn) {
        return parsed.parse(text, tools.now(), turn.zone(), tools.history(), known());
    }

    private KnownNames known() {
        return KnownNames.lazy(tools::allPipelineNames, () -> tools.factories().stream().map(FactoryRef::factoryName).toList());
    }
}
