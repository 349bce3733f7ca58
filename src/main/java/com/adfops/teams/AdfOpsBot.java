package com.adfops.teams;

import com.adfops.agent.Agent;
import com.adfops.agent.AgentReply;
import com.adfops.answers.CardVerb;
import com.adfops.agent.Reply;
import com.adfops.agent.Turn;
import com.adfops.state.Installations;
import com.adfops.state.StateStore;
import com.microsoft.bot.builder.BotCallbackHandler;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsActivityHandler;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.AdaptiveCardInvokeValue;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationReference;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Teams activity handler: one Teams conversation (personal chat, group chat, channel thread) is one agent
 * conversation. It routes: typed text and card clicks become {@link Turn}s ({@link ActivityReader}) answered by the
 * agent off the request thread ({@link TurnProcessor}) and sent back ({@link ReplySender}) without a turn thread waiting
 * for the send ({@link TurnProcessor#send}, in the conversation's order); Escalate clicks go to
 * {@link EscalationFlow}; installs get a welcome card once.
 */
public class AdfOpsBot extends TeamsActivityHandler {

    private static final Logger log = LoggerFactory.getLogger(AdfOpsBot.class);

    private final Agent agent;
    private final ReplySender sender;
    private final Clock clock;
    private final BotFrameworkAdapter adapter;
    private final String appId;
    private final TurnProcessor turns;
    private final Installations installations;
    private final EscalationFlow escalation;
    private final ActionFlow actions;
    private final ReportFlow reports;
    private final ConversationReferences references;
    private final java.util.function.Supplier<List<com.adfops.adf.FactoryStatus>> factories;
    private final java.time.Duration typingAfter;
    private static final java.util.concurrent.ScheduledExecutorService TYPING =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "typing-cue");
                t.setDaemon(true);
                return t;
            });

    AdfOpsBot(Agent agent, ReplySender sender, Clock clock, BotFrameworkAdapter adapter, String appId,
              TurnProcessor turns, Installations installations, EscalationFlow escalation, ActionFlow actions,
              ReportFlow reports, ConversationReferences references,
              java.util.function.Supplier<List<com.adfops.adf.FactoryStatus>> factories, java.time.Duration typingAfter) {
        this.typingAfter = typingAfter == null || typingAfter.isNegative() ? java.time.Duration.ZERO : typingAfter;
        this.actions = actions;
        this.reports = reports;
        this.factories = factories;
        this.agent = agent;
        this.sender = sender;
        this.clock = clock;
        this.adapter = adapter;
        this.appId = appId == null ? "" : appId;
        this.turns = turns;
        this.installations = installations;
        this.escalation = escalation;
        this.references = references;
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext ctx) {
        Activity activity = ctx.getActivity();
        Turn turn = ActivityReader.messageTurn(activity);
        ConversationReference reference = activity.getConversationReference();
        references.remember(turn.conversationId(), reference);
        // A card submit (Action.Submit, the fallback of Action.Execute) names the card it came from.
        String cardId = turn.isCardAction() ? activity.getReplyToId() : null;
        boolean escalate = CardVerb.of(turn.action().get("action")).orElse(null) == CardVerb.ESCALATE;
        boolean action = ActionFlow.handles(turn);
        boolean share = ReportFlow.handles(turn);
        // The answer comes from the turn processor, in order within this conversation; a typing indicator only when
        // it takes longer than typingAfter (a question answered from memory needs none: one connector call less).
        CompletableFuture<Void> acknowledged = typingAfter.isZero()
                ? ctx.sendActivity(new Activity(ActivityTypes.TYPING)).thenApply(sent -> null)
                : CompletableFuture.completedFuture(null);
        return acknowledged.thenCompose(ignored -> {
            java.util.concurrent.atomic.AtomicBoolean answered = new java.util.concurrent.atomic.AtomicBoolean();
            try {
                turns.submit(turn.conversationId(), () -> {
                    try {
                        if (escalate || action || share) {
                            // The click is answered here; its sends (a card updated, a post) are handed over.
                            handOver(turn, reference, escalate ? escalation.onSubmit(turn, reference, cardId)
                                    : action ? actions.onSubmit(turn, reference, cardId)
                                    : reports.onSubmit(turn, reference));
                        } else {
                            reply(turn, reference);
                        }
                    } finally {
                        answered.set(true);
                    }
                });
                if (!typingAfter.isZero()) {
                    TYPING.schedule(() -> typingUnless(answered, turn, reference), typingAfter.toMillis(),
                            java.util.concurrent.TimeUnit.MILLISECONDS);
                }
                return CompletableFuture.<Void>completedFuture(null);
            } catch (RejectedExecutionException busy) {
                log.warn("Turn queue full; asking conversation {} to retry", turn.conversationId());
                // After this conversation's earlier answers, never before them.
                turns.overflow(turn.conversationId(), () -> send(turn, reference, AgentReply.of(new Reply.Text(
                        "I'm busy with many requests right now. Please ask again in a minute."))));
                return CompletableFuture.<Void>completedFuture(null);
            }
        });
    }

    /**
     * Universal Actions ({@code Action.Execute}, an {@code adaptiveCard/action} invoke). Escalate answers with the
     * updated card, which replaces the clicked one; every other verb is acknowledged at once and answered in the
     * conversation, next to the card that was clicked.
     */
    @Override
    protected CompletableFuture<AdaptiveCardInvokeResponse> onAdaptiveCardInvoke(TurnContext ctx, AdaptiveCardInvokeValue value) {
        Activity activity = ctx.getActivity();
        Turn turn = ActivityReader.invokeTurn(activity, value);
        if (CardVerb.of(turn.action().get("action")).orElse(null) == CardVerb.ESCALATE) {
            return escalation.onInvoke(turn, activity);
        }
        if (ActionFlow.handles(turn)) {
            return actions.onInvoke(turn, activity);
        }
        if (ReportFlow.handles(turn)) {
            return reports.onInvoke(turn, activity);
        }
        ConversationReference reference = activity.getConversationReference();
        if (activity.getReplyToId() != null) {
            reference.setActivityId(activity.getReplyToId());
        }
        try {
            turns.submit(turn.conversationId(), () -> reply(turn, reference));
            return CompletableFuture.completedFuture(ReplySender.messageResponse("Working on it…"));
        } catch (RejectedExecutionException busy) {
            return CompletableFuture.completedFuture(ReplySender.messageResponse(
                    "I'm busy right now; please try again in a minute."));
        }
    }

    /**
     * Invokes the bot does not handle (botbuilder answers 501) get an empty 200: they are not the user's mistake, and
     * a 5xx would make Teams show an error.
     */
    @Override
    protected CompletableFuture<InvokeResponse> onInvokeActivity(TurnContext ctx) {
        return super.onInvokeActivity(ctx).thenApply(r -> r != null && r.getStatus() == 501 ? new InvokeResponse(200, null) : r);
    }

    /** Shows "typing" for a question still being answered (queued, or a slow dependency). */
    private void typingUnless(java.util.concurrent.atomic.AtomicBoolean answered, Turn turn, ConversationReference reference) {
        if (answered.get()) {
            return;
        }
        adapter.continueConversation(appId, reference, c -> answered.get() ? CompletableFuture.completedFuture(null)
                : c.sendActivity(new Activity(ActivityTypes.TYPING)).thenApply(r -> null))
                .exceptionally(e -> {
                    log.debug("Typing indicator to {} not sent", turn.conversationId(), e);
                    return null;
                });
    }

    /**
     * Answers a turn, on the turn processor in the conversation's order. A light one is answered here; a heavy one (a
     * cost question, a long window: {@link Agent#effort}) goes to the pool for expensive turns and this turn only posts
     * "Working on it: ...", so the conversation's later turns (and everybody else's) are answered meanwhile, possibly
     * before it. Its answer follows when it is done; if its deadline passes first, a card says so and what to ask
     * instead; when too many expensive turns are running or waiting, "busy, ask again in a minute" comes at once.
     */
    private void reply(Turn turn, ConversationReference reference) {
        Agent.Effort effort = effort(turn);
        if (!effort.heavy()) {
            send(turn, reference, answer(turn, false));
            return;
        }
        AgentReply first;
        try {
            turns.heavy(turn.conversationId(), () -> answer(turn, true), (answer, error) -> send(turn, reference,
                    answer != null ? answer : notAnswered(turn, effort, error)));
            first = AgentReply.of(new Reply.Text("Working on it: " + effort.doing() + "… I'll post the answer here."));
        } catch (RejectedExecutionException busy) {
            log.warn("Heavy turn queue full; asking conversation {} to retry", turn.conversationId());
            first = AgentReply.of(new Reply.Text(
                    "I'm busy with several long questions right now. Please ask again in a minute."));
        }
        send(turn, reference, first);
    }

    /** How much work the agent says a turn is; light when it cannot tell. */
    private Agent.Effort effort(Turn turn) {
        try {
            return agent.effort(turn);
        } catch (RuntimeException e) {
            log.warn("Could not weigh a turn in conversation {}; answering it as a light one", turn.conversationId(), e);
            return Agent.Effort.LIGHT;
        }
    }

    /** A heavy turn without an answer: its deadline passed, or it failed outside the agent's error boundary. */
    private AgentReply notAnswered(Turn turn, Agent.Effort effort, Throwable error) {
        if (error instanceof java.util.concurrent.TimeoutException) {
            log.warn("Heavy turn in conversation {} stopped at its deadline ({})", turn.conversationId(),
                    effort.doing());
            return AgentReply.of(new Reply.Suggestions("That took too long",
                    "I stopped " + effort.doing() + ": it took longer than " + spoken(turns.heavyDeadline())
                            + ". Ask for less: a shorter window, or one pipeline.", effort.narrower()));
        }
        log.error("Heavy turn failed in conversation {}", turn.conversationId(), error);
        return AgentReply.of(new Reply.TurnFailure(Reply.FailureKind.UNEXPECTED));
    }

    /** "2 minutes", "90 seconds". */
    static String spoken(java.time.Duration d) {
        long s = Math.max(1, d.toSeconds());
        return s % 60 == 0 ? (s == 60 ? "a minute" : s / 60 + " minutes") : s == 1 ? "a second" : s + " seconds";
    }

    /** The agent's answer; one error boundary per turn: the cause to the log, a friendly card to the user. */
    private AgentReply answer(Turn turn, boolean heavy) {
        return TurnBoundary.answer("Turn", turn, () -> heavy ? agent.handleHeavy(turn) : agent.handle(turn));
    }

    /**
     * Sends a reply to the user's message: its cards are made here, on the turn thread; the sending is handed over
     * ({@link #handOver}).
     */
    private void send(Turn turn, ConversationReference reference, AgentReply reply) {
        List<Activity> out = sender.activities(reply, turn.zone());
        handOver(turn, reference, c -> sender.sendTo(c, out, reference));
    }

    /**
     * Hands {@code work} (sends in a proactive turn of the conversation) over to the conversation's sends, after the
     * ones handed over before it, and returns at once: no turn thread waits while the Bot Connector answers, throttles
     * or refuses. A send that fails in the end is logged and dropped.
     */
    private void handOver(Turn turn, ConversationReference reference, BotCallbackHandler work) {
        turns.send(turn.conversationId(), "the answer", () -> adapter.continueConversation(appId, reference, work));
    }

    @Override
    protected CompletableFuture<Void> onMembersAdded(List<ChannelAccount> membersAdded, TurnContext ctx) {
        String botId = ctx.getActivity().getRecipient() == null ? null : ctx.getActivity().getRecipient().getId();
        boolean botAdded = membersAdded != null && membersAdded.stream().anyMatch(m -> m.getId() != null && m.getId().equals(botId));
        return botAdded ? welcomeOnce(ctx) : CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onInstallationUpdateAdd(TurnContext ctx) {
        return welcomeOnce(ctx);
    }

    @Override
    protected CompletableFuture<Void> onInstallationUpdateRemove(TurnContext ctx) {
        installations.removed(ActivityReader.installationKey(ctx.getActivity()));
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Teams sends both a conversationUpdate (bot added) and an installationUpdate (add) on install: whichever
     * comes first sends the welcome card, tailored to the scope, once per installation.
     */
    private CompletableFuture<Void> welcomeOnce(TurnContext ctx) {
        Activity a = ctx.getActivity();
        String scope = ActivityReader.scope(a);
        if (!installations.firstTime(ActivityReader.installationKey(a), scope, clock.instant())) {
            return CompletableFuture.completedFuture(null);
        }
        return sender.send(ctx, AgentReply.of(new Reply.Help(true, scope, factories.get())), ActivityReader.zone(a));
    }
}
