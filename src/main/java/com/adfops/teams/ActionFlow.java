package com.adfops.teams;

import com.adfops.answers.ActionKind;
import com.adfops.actions.ActionService;
import com.adfops.actions.Actor;
import com.adfops.agent.Agent;
import com.adfops.agent.AgentReply;
import com.adfops.answers.CardVerb;
import com.adfops.agent.Reply;
import com.adfops.agent.Turn;
import com.microsoft.bot.builder.BotCallbackHandler;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.ConversationReference;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buttons that act and update their card in place, at the Teams edge: resolve from the card, and an alert's
 * Acknowledge and Snooze. *Rerun from failed activity*, *Rerun pipeline* and *Cancel run*
 * post a confirmation card next to the clicked one; *Confirm*, *Cancel* (on the confirmation) and *Resolved* replace
 * the clicked card in place, for both click paths (Universal Actions' invoke, answered within the card deadline, and
 * the {@code Action.Submit} fallback). When a followed run ends, the confirmation card is updated and the outcome
 * posted in the same conversation or thread (a failed rerun with its new diagnosis).
 */
final class ActionFlow {

    private static final Logger log = LoggerFactory.getLogger(ActionFlow.class);

    private final ActionService actions;
    private final com.adfops.alerts.AlertService alerts;
    private final Agent agent;
    private final ReplySender sender;
    private final TurnProcessor turns;
    private final BotFrameworkAdapter adapter;
    private final ConversationReferences references;
    private final String appId;
    private final Duration deadline;
    private final java.util.Set<String> actingTenants;

    /**
     * @param actingTenants the Entra tenants whose users may act (lower case): the allow-list
     *                      ({@code ADFOPS_AUTH_ALLOWEDTENANTS}), else the bot's own tenant; empty: any (local)
     */
    ActionFlow(ActionService actions, com.adfops.alerts.AlertService alerts, Agent agent, ReplySender sender,
               TurnProcessor turns, BotFrameworkAdapter adapter, ConversationReferences references, String appId,
               Duration deadline, java.util.Set<String> actingTenants) {
        this.actingTenants = actingTenants == null ? java.util.Set.of() : java.util.Set.copyOf(actingTenants);
        this.actions = actions;
        this.alerts = alerts;
        this.agent = agent;
        this.sender = sender;
        this.turns = turns;
        this.adapter = adapter;
        this.references = references;
        this.appId = appId == null ? "" : appId;
        this.deadline = deadline;
    }

    /** Whether the verb of a turn's card data is one of ours. */
    static boolean handles(Turn turn) {
        return CardVerb.of(turn.action().get("action")).map(v -> v.isAction() || v.isAlert()).orElse(false);
    }

    private static boolean replacesCard(CardVerb v) {
        return v == CardVerb.CONFIRM || v == CardVerb.DISMISS || v == CardVerb.RESOLVE || v.isAlert();
    }

    /**
     * The answer to a click, on the turn processor. {@code cardId} is the clicked card's message id, or null. One error
     * boundary: the cause to the log, a card to the user.
     */
    AgentReply answer(Turn turn, String cardId) {
        return TurnBoundary.answer("Action", turn, () -> act(turn, cardId));
    }

    private AgentReply act(Turn turn, String cardId) {
        CardVerb verb = CardVerb.of(turn.action().get("action")).orElseThrow();
        Actor who = new Actor(turn.userName(), actsAs(turn, actingTenants));
        Map<String, Object> data = turn.action();
        Optional<ActionKind> kind = ActionKind.proposedBy(verb);
        if (kind.isPresent()) {
            // From a diagnosis card: that card is settled with the outcome (a click elsewhere leaves its card as is).
            String source = "diagnosis".equals(str(data.get("from"))) ? cardId : null;
            return ActionReplies.of(actions.propose(kind.get(), str(data.get("runId")), str(data.get("factory")), who,
                    turn.conversationId(), source));
        }
        return switch (verb) {
            case CONFIRM -> ActionReplies.of(actions.confirm(str(data.get("actionId")), who, cardId));
            case DISMISS -> ActionReplies.of(actions.dismiss(str(data.get("actionId")), who));
            case RESOLVE -> ActionReplies.of(actions.resolve(str(data.get("runId")), str(data.get("factory")),
                    str(data.get("note")), who));
            case ACKNOWLEDGE -> AlertFlow.reply(alerts.acknowledge(str(data.get("alertId")), turn.userName()));
            case SNOOZE -> AlertFlow.reply(alerts.snooze(str(data.get("alertId")), str(data.get("for")), turn.userName(),
                    turn.zone()));
            default -> throw new IllegalStateException("not an action verb: " + verb);
        };
    }

    /**
     * The object id a click acts as: Teams' ({@link ActivityReader#userId}), from a tenant whose users may act; else
     * none, and the policy refuses (a user of another tenant that installed a multi-tenant bot acts as nobody).
     */
    static String actsAs(Turn turn, java.util.Set<String> actingTenants) {
        if (turn.userId() == null) {
            return null;
        }
        String tenant = turn.tenantId() == null ? "" : turn.tenantId().trim().toLowerCase(java.util.Locale.ROOT);
        return actingTenants.isEmpty() || actingTenants.contains(tenant) ? turn.userId() : null;
    }

    /**
     * {@code Action.Submit}, already on the turn processor: the click is answered here; the returned sends replace the
     * clicked card in place, or send the answer.
     */
    BotCallbackHandler onSubmit(Turn turn, ConversationReference origin, String cardId) {
        CardVerb verb = CardVerb.of(turn.action().get("action")).orElseThrow();
        AgentReply reply = answer(turn, cardId);
        Optional<Reply> card = cardOf(reply);
        if (!replacesCard(verb) || card.isEmpty() || cardId == null) {
            List<Activity> out = sender.activities(reply, turn.zone());
            return ctx -> sender.sendTo(ctx, out, origin);
        }
        AgentReply rest = without(reply, card.get());
        return ctx -> {
            CompletableFuture<Void> updated = sender.update(ctx, cardId, card.get(), turn.zone());
            return rest.parts().isEmpty() ? updated
                    : updated.thenCompose(r -> sender.sendTo(ctx, rest, origin, turn.zone()));
        };
    }

    /**
     * Universal Actions: a proposal is acknowledged at once and its confirmation card posted in the conversation; a
     * confirmation answers with the card that replaces the clicked one (within the deadline; past it, "working on it"
     * and the card follows in the conversation).
     */
    CompletableFuture<AdaptiveCardInvokeResponse> onInvoke(Turn turn, Activity activity) {
        CardVerb verb = CardVerb.of(turn.action().get("action")).orElseThrow();
        ConversationReference origin = activity.getConversationReference();
        String cardId = activity.getReplyToId();
        if (cardId != null) {
            origin.setActivityId(cardId);
        }
        CompletableFuture<AgentReply> work;
        try {
            work = turns.call(turn.conversationId(), () -> answer(turn, cardId));
        } catch (RejectedExecutionException busy) {
            return CompletableFuture.completedFuture(ReplySender.messageResponse(
                    "I'm busy right now; please try again in a minute."));
        }
        if (!replacesCard(verb)) {
            work.thenAccept(reply -> send(turn.conversationId(), origin, reply, turn.zone()));
            return CompletableFuture.completedFuture(ReplySender.messageResponse("Preparing the confirmation…"));
        }
        return InvokeDeadline.answer("Action", turn.conversationId(), work, deadline, reply -> {
            Optional<Reply> card = cardOf(reply);
            if (card.isEmpty()) {
                send(turn.conversationId(), origin, reply, turn.zone());
                return ReplySender.messageResponse("See my reply in the conversation.");
            }
            AgentReply rest = without(reply, card.get());
            if (!rest.parts().isEmpty()) {
                send(turn.conversationId(), origin, rest, turn.zone());
            }
            return sender.cardResponse(card.get(), turn.zone());
        }, late -> send(turn.conversationId(), origin, late, turn.zone()),
                "Data Factory is taking a while; I'll post the result here.", sender, turn.zone());
    }

    /** A followed run ended: update its confirmation card and post the outcome where the action was confirmed. */
    void finished(ActionService.Finished f) {
        String conversationId = f.action().proposal().conversationId();
        Optional<ConversationReference> ref = conversationId == null ? Optional.empty() : references.find(conversationId);
        if (ref.isEmpty()) {
            log.warn("No conversation reference for {}; the outcome of action {} is only in the audit log",
                    conversationId, f.action().id());
            return;
        }
        ConversationReference origin = ref.get();
        if (f.action().cards().cardId() != null) {
            origin.setActivityId(f.action().cards().cardId());
        }
        try {
            // In the conversation's order: the diagnoses below read and write its context like any of its turns.
            turns.submit(conversationId, () -> post(f, conversationId, origin));
        } catch (RejectedExecutionException busy) {
            log.warn("Turn queue full; outcome of action {} not posted", f.action().id());
        }
    }

    /** Updates the action's cards and posts its outcome, once; a card that cannot be updated never holds the outcome back. */
    private void post(ActionService.Finished f, String conversationId, ConversationReference origin) {
        List<Reply> parts = new ArrayList<>();
        boolean failedRerun = f.run().status() == com.adfops.adf.RunStatus.FAILED && f.action().result().newRunId() != null;
        parts.add(new Reply.Text(outcomeText(f)));
        if (failedRerun) {
            try {
                parts.addAll(agent.handle(diagnoseTurn(f.action(), f.run().runId())).parts());
            } catch (RuntimeException e) {
                log.warn("Could not diagnose the failed rerun {}", f.run().runId(), e);
            }
        }
        Optional<Reply.DiagnosisCard> settled = settledDiagnosis(f);
        String what = "the outcome of action " + f.action().id();
        turns.send(conversationId, what, () -> adapter.continueConversation(appId, origin, ctx -> {
            CompletableFuture<Void> start = CompletableFuture.completedFuture(null);
            CompletableFuture<Void> updated = f.action().cards().cardId() == null ? start
                    : start.thenCompose(r -> sender.update(ctx, f.action().cards().cardId(), new Reply.Action(f.card()),
                            ZoneId.of("UTC"))).exceptionally(x -> {
                                log.warn("Could not update the confirmation card of action {}", f.action().id(), x);
                                return null;
                            });
            // The diagnosis card it was started from says how it ended, and offers no more buttons.
            CompletableFuture<Void> diagnosis = settled.isEmpty() ? updated : updated.thenCompose(r ->
                    sender.update(ctx, f.action().cards().sourceCardId(), settled.get(), ZoneId.of("UTC"))).exceptionally(x -> {
                        log.warn("Could not settle the diagnosis card of action {}", f.action().id(), x);
                        return null;
                    });
            return diagnosis.thenCompose(r -> sender.sendTo(ctx, new AgentReply(parts), origin, ZoneId.of("UTC")));
        }));
    }

    /**
     * The diagnosis card a finished rerun was started from, settled by its outcome: the failure diagnosed again (from
     * the cached activity runs) with the new run's status on top. Empty for a cancel, an action started elsewhere,
     * or when the failure cannot be read now (the card then stays as it was).
     */
    private Optional<Reply.DiagnosisCard> settledDiagnosis(ActionService.Finished f) {
        com.adfops.actions.PendingAction.Proposal a = f.action().proposal();
        if (f.action().cards().sourceCardId() == null || a.kind() == com.adfops.answers.ActionKind.CANCEL) {
            return Optional.empty();
        }
        String diagnosed = a.clickedRunId() != null && !a.clickedRunId().isBlank() ? a.clickedRunId() : a.runId();
        Turn diagnose = diagnoseTurn(f.action(), diagnosed);
        try {
            Optional<Reply.DiagnosisCard> card = agent.handle(diagnose).parts().stream()
                    .filter(Reply.DiagnosisCard.class::isInstance).map(Reply.DiagnosisCard.class::cast).findFirst();
            com.adfops.adf.PipelineRun run = f.run();
            String status = com.adfops.answers.StatusWords.predicate(run.status());
            java.time.Instant at = run.runEnd() != null ? run.runEnd() : run.sortTime();
            return card.map(c -> c.settledBy(new Reply.Settled(a.kind() == com.adfops.answers.ActionKind.RERUN_FROM_FAILURE
                    ? "rerunfromfailure" : "rerun", run.status() == com.adfops.adf.RunStatus.SUCCEEDED, status, at, run,
                    f.action().decision().by())));
        } catch (RuntimeException e) {
            log.warn("Could not read the failure of action {} again; its diagnosis card stays as it was", a.id(), e);
            return Optional.empty();
        }
    }

    /** A *Why did it fail?* click on {@code runId}, made for the person who acted, in the action's conversation. */
    private static Turn diagnoseTurn(com.adfops.actions.PendingAction a, String runId) {
        return new Turn(a.proposal().conversationId(), a.decision().by(), "", Map.of("action", CardVerb.DIAGNOSE.wire(),
                "runId", runId, "factory", a.proposal().factory()), ZoneId.of("UTC"));
    }

    static String outcomeText(ActionService.Finished f) {
        com.adfops.actions.PendingAction.Proposal a = f.action().proposal();
        String actedBy = f.action().decision().by();
        String pipeline = "**" + com.adfops.runs.ErrorText.escapeMarkdown(a.pipeline()) + "**";
        String who = com.adfops.runs.ErrorText.escapeMarkdown(actedBy == null ? "someone" : actedBy);
        String what = switch (a.kind()) {
            case CANCEL -> "The cancel of run " + a.runId() + " of " + pipeline + " (by " + who + ")";
            case RERUN_FROM_FAILURE -> "The rerun from the failed activity of " + pipeline + " (by " + who + ")";
            case RERUN -> "The rerun of " + pipeline + " (by " + who + ")";
            case RESOLVE -> "The resolution of " + pipeline + " (by " + who + ")";
        };
        String icon = switch (f.run().status()) {
            case SUCCEEDED -> "✅ ";
            case FAILED -> "❌ ";
            default -> "⏹️ ";
        };
        // The run named in the outcome is a link to it in ADF Studio, shown shortened.
        String message = com.adfops.cards.ActionWords.outcome(f.card());
        String runId = f.run().runId();
        if (runId != null && runId.length() > 12 && message.contains(runId)) {
            message = message.replace(runId, "[" + runId.substring(0, 8) + "…](" + f.run().factory().studioRunUrl(runId) + ")");
        }
        return icon + what + " is done: " + message;
    }

    private void send(String conversationId, ConversationReference origin, AgentReply reply, ZoneId zone) {
        try {
            // After the conversation's turns queued now, as any answer; the sending is handed over.
            turns.submit(conversationId, () -> {
                List<Activity> out = sender.activities(reply, zone);
                turns.send(conversationId, "the action's answer", () -> adapter.continueConversation(appId, origin,
                        ctx -> sender.sendTo(ctx, out, origin)));
            });
        } catch (RejectedExecutionException busy) {
            log.warn("Turn queue full; an action's answer to {} was not sent", conversationId);
        }
    }

    /** The card that replaces the clicked one: an action's or an alert's. */
    private static Optional<Reply> cardOf(AgentReply reply) {
        return reply.parts().stream().filter(p -> p instanceof Reply.Action || p instanceof Reply.Alert).findFirst();
    }

    private static AgentReply without(AgentReply reply, Reply part) {
        List<Reply> rest = new ArrayList<>(reply.parts());
        rest.remove(part);
        return new AgentReply(rest);
    }

    private static String str(Object o) {
        return o == null || String.valueOf(o).isBlank() ? null : String.valueOf(o).trim();
    }
}
