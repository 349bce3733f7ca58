package com.adfops.teams;

import com.adfops.agent.Agent;
import com.adfops.agent.AgentReply;
import com.adfops.agent.Reply;
import com.adfops.agent.Turn;
import com.adfops.cards.CardFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.adfops.state.Installations;
import com.adfops.state.JsonDocuments;
import com.adfops.state.StateKeys;
import com.adfops.state.StateStore;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.AdaptiveCardInvokeAction;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.AdaptiveCardInvokeValue;
import com.microsoft.bot.schema.ConversationReference;
import java.util.concurrent.RejectedExecutionException;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsActivityHandler;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.TextFormatTypes;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Teams activity handler: one Teams conversation (personal chat, group chat, channel thread) is one agent
 * conversation. Typed text and card submits become {@link Turn}s; the agent's reply parts become messages and
 * Adaptive Cards in the same conversation (and thread).
 */
public class AdfOpsBot extends TeamsActivityHandler {

    private static final Logger log = LoggerFactory.getLogger(AdfOpsBot.class);
    static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";
    /** Longest text we pass to the agent; anything longer is cut (nobody types more in an incident). */
    static final int MAX_TEXT = 2000;

    private final Agent agent;
    private final CardFactory cards;
    private final Clock clock;
    private final BotFrameworkAdapter adapter;
    private final String appId;
    private final TurnProcessor turns;
    private final Installations installations;
    private final EscalationPoster poster;
    private final JsonDocuments references;

    AdfOpsBot(Agent agent, CardFactory cards, Clock clock, BotFrameworkAdapter adapter, String appId,
              TurnProcessor turns, Installations installations, EscalationPoster poster, JsonDocuments references) {
        this.references = references;
        this.poster = poster;
        this.agent = agent;
        this.cards = cards;
        this.clock = clock;
        this.adapter = adapter;
        this.appId = appId == null ? "" : appId;
        this.turns = turns;
        this.installations = installations;
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext ctx) {
        Activity activity = ctx.getActivity();
        String text = activity.removeRecipientMention();
        if (text == null) {
            text = activity.getText();
        }
        text = text == null ? "" : text.replaceAll("<at>[^<]*</at>", " ").replaceAll("\\s+", " ").trim();
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        Map<String, Object> action = actionOf(activity.getValue());
        Turn turn = new Turn(activity.getConversation().getId(), userName(activity), text, action, zone(activity));
        ConversationReference reference = activity.getConversationReference();
        rememberReference(turn.conversationId(), reference);
        // A card submit (Action.Submit, the fallback of Action.Execute) names the card it came from.
        String cardId = action.isEmpty() ? null : activity.getReplyToId();
        // Acknowledge at once; the answer comes from the turn processor, in order within this conversation.
        return ctx.sendActivity(new Activity(ActivityTypes.TYPING)).thenCompose(sent -> {
            try {
                turns.submit(turn.conversationId(), () -> answer(turn, reference, cardId));
                return CompletableFuture.<Void>completedFuture(null);
            } catch (RejectedExecutionException busy) {
                log.warn("Turn queue full; asking conversation {} to retry", turn.conversationId());
                return ctx.sendActivity(MessageFactory.text("I'm busy with many requests right now. "
                        + "Please ask again in a minute.")).thenApply(r -> null);
            }
        });
    }

    /**
     * Keeps the conversation's reference in the state store, so proactive messages (from any instance, after a
     * restart) can reach it. A store failure must not cost the user the answer.
     */
    private void rememberReference(String conversationId, ConversationReference reference) {
        try {
            references.put(StateKeys.of("references", conversationId), reference);
        } catch (RuntimeException e) {
            log.warn("Could not store the conversation reference of {}", conversationId, e);
        }
    }

    /** The stored reference of a conversation, for proactive messages. */
    java.util.Optional<ConversationReference> reference(String conversationId) {
        return references.get(StateKeys.of("references", conversationId), ConversationReference.class);
    }

    /**
     * Universal Actions ({@code Action.Execute}, an {@code adaptiveCard/action} invoke). Escalate answers with the
     * updated card, which replaces the clicked one (so the button cannot be clicked twice); every other verb is
     * acknowledged at once and answered in the conversation like a typed question.
     */
    @Override
    protected CompletableFuture<AdaptiveCardInvokeResponse> onAdaptiveCardInvoke(TurnContext ctx, AdaptiveCardInvokeValue value) {
        Activity activity = ctx.getActivity();
        AdaptiveCardInvokeAction invoked = value == null ? null : value.getAction();
        Map<String, Object> action = new LinkedHashMap<>(actionOf(invoked == null ? null : invoked.getData()));
        if (invoked != null && invoked.getVerb() != null && !invoked.getVerb().isBlank()) {
            action.put("action", invoked.getVerb());
        }
        if (action.isEmpty()) {
            action.put("action", "(empty)");
        }
        Turn turn = new Turn(activity.getConversation().getId(), userName(activity), "", action, zone(activity));
        CardFactory.View view = new CardFactory.View(clock.instant(), zone(activity));
        if ("escalate".equals(action.get("action"))) {
            AgentReply reply;
            try {
                reply = agent.handle(turn);
            } catch (RuntimeException e) {
                log.error("Escalation failed in conversation {}", turn.conversationId(), e);
                return CompletableFuture.completedFuture(cardResponse(cards.expand("error", TurnErrors.unexpected())));
            }
            ConversationReference origin = activity.getConversationReference();
            if (activity.getReplyToId() != null) {
                origin.setActivityId(activity.getReplyToId());
            }
            for (Reply part : reply.parts()) {
                if (part instanceof Reply.Escalation escalation) {
                    boolean isNew = reply.parts().stream().noneMatch(Reply.Text.class::isInstance);
                    if (isNew) {
                        followUpEscalation(turn, escalation, origin);
                    }
                    return CompletableFuture.completedFuture(cardResponse(cards.card(part, view)));
                }
            }
            for (Reply part : reply.parts()) {
                JsonNode card = cards.card(part, view);
                if (card != null) {
                    return CompletableFuture.completedFuture(cardResponse(card));
                }
            }
            return CompletableFuture.completedFuture(messageResponse("Nothing to update."));
        }
        ConversationReference reference = activity.getConversationReference();
        // Answers go next to the card that was clicked.
        if (activity.getReplyToId() != null) {
            reference.setActivityId(activity.getReplyToId());
        }
        try {
            turns.submit(turn.conversationId(), () -> answer(turn, reference, null));
            return CompletableFuture.completedFuture(messageResponse("Working on it…"));
        } catch (RejectedExecutionException busy) {
            return CompletableFuture.completedFuture(messageResponse("I'm busy right now; please try again in a minute."));
        }
    }

    /** After a new escalation: post it to the incident channel, or say how to configure one. */
    private void followUpEscalation(Turn turn, Reply.Escalation escalation, ConversationReference origin) {
        try {
            turns.submit(turn.conversationId(), () -> adapter.continueConversation(appId, origin,
                    ctx -> postEscalation(ctx, escalation, origin, turn)).exceptionally(e -> {
                        log.error("Posting the escalation failed", e);
                        return null;
                    }).join());
        } catch (RejectedExecutionException busy) {
            log.warn("Turn queue full; escalation of {} not posted to the incident channel", escalation.run().runId());
        }
    }

    private CompletableFuture<Void> postEscalation(TurnContext ctx, Reply.Escalation escalation,
                                                   ConversationReference origin, Turn turn) {
        if (!poster.configured()) {
            return send(ctx, AgentReply.of(new Reply.Text(EscalationPoster.howToConfigure())), origin);
        }
        return poster.post(ctx, escalation, origin, new CardFactory.View(clock.instant(), turn.zone()))
                .thenCompose(id -> send(ctx, AgentReply.of(new Reply.Text(
                        "Escalated to the incident channel" + (id.isPresent() ? " (new thread)." : "."))), origin))
                .exceptionally(e -> {
                    log.error("Could not post the escalation to the incident channel", e);
                    send(ctx, AgentReply.of(new Reply.Text("I recorded the escalation but could not post it to the "
                            + "incident channel; please tell the on-call engineer directly.")), origin);
                    return null;
                });
    }

    private static AdaptiveCardInvokeResponse cardResponse(JsonNode card) {
        AdaptiveCardInvokeResponse r = new AdaptiveCardInvokeResponse();
        r.setStatusCode(200);
        r.setType(ADAPTIVE_CARD);
        r.setValue(card);
        return r;
    }

    private static AdaptiveCardInvokeResponse messageResponse(String text) {
        AdaptiveCardInvokeResponse r = new AdaptiveCardInvokeResponse();
        r.setStatusCode(200);
        r.setType("application/vnd.microsoft.activity.message");
        r.setValue(text);
        return r;
    }

    /**
     * Runs on the turn processor: the agent's answer, sent to the conversation (and thread) it came from. An
     * escalation made from a card ({@code cardId}) replaces that card in place.
     */
    private void answer(Turn turn, ConversationReference reference, String cardId) {
        AgentReply reply;
        com.fasterxml.jackson.databind.node.ObjectNode failure = null;
        try {
            reply = agent.handle(turn);
        } catch (StateStore.StoreException e) {
            log.error("State store failed in conversation {}", turn.conversationId(), e);
            reply = null;
            failure = TurnErrors.storage();
        } catch (RuntimeException e) {
            // One error boundary per turn: the cause to the log, a friendly card to the user.
            log.error("Turn failed in conversation {}", turn.conversationId(), e);
            reply = null;
            failure = TurnErrors.unexpected();
        }
        AgentReply toSend = reply;
        com.fasterxml.jackson.databind.node.ObjectNode errorCard = failure;
        adapter.continueConversation(appId, reference, ctx -> {
                    if (toSend == null) {
                        Activity card = MessageFactory.attachment(cardAttachment(cards.expand("error", errorCard)));
                        card.applyConversationReference(reference);
                        return ctx.getAdapter().sendActivities(ctx, java.util.List.of(card)).thenApply(r -> null);
                    }
                    Reply.Escalation escalation = cardId == null ? null : toSend.parts().stream()
                            .filter(Reply.Escalation.class::isInstance).map(Reply.Escalation.class::cast).findFirst().orElse(null);
                    if (escalation == null) {
                        return send(ctx, toSend, reference);
                    }
                    // Update the clicked card in place; send the rest (e.g. "already escalated by ...") as messages.
                    Activity updated = MessageFactory.attachment(cardAttachment(
                            cards.card(escalation, new CardFactory.View(clock.instant(), turn.zone()))));
                    updated.setId(cardId);
                    AgentReply rest = new AgentReply(toSend.parts().stream().filter(p -> p != escalation).toList());
                    boolean isNew = rest.parts().stream().noneMatch(Reply.Text.class::isInstance);
                    return ctx.updateActivity(updated).thenCompose(r -> send(ctx, rest, reference))
                            .thenCompose(r -> isNew ? postEscalation(ctx, escalation, reference, turn)
                                    : CompletableFuture.completedFuture(null));
                })
                .exceptionally(e -> {
                    log.error("Could not send the answer to conversation {}", turn.conversationId(), e);
                    return null;
                })
                .join();
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
        installations.removed(installationKey(ctx.getActivity()));
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Teams sends both a conversationUpdate (bot added) and an installationUpdate (add) on install: whichever
     * comes first sends the welcome card, tailored to the scope, once per installation.
     */
    private CompletableFuture<Void> welcomeOnce(TurnContext ctx) {
        Activity a = ctx.getActivity();
        String scope = scope(a);
        if (!installations.firstTime(installationKey(a), scope, clock.instant())) {
            return CompletableFuture.completedFuture(null);
        }
        return send(ctx, AgentReply.of(new Reply.Help(true, scope)));
    }

    /** An installation is per chat, or per team for channels (the team's conversation id, without a thread). */
    static String installationKey(Activity a) {
        String id = a.getConversation().getId();
        int thread = id.indexOf(";messageid=");
        return thread > 0 ? id.substring(0, thread) : id;
    }

    static String scope(Activity a) {
        String type = a.getConversation().getConversationType();
        if ("channel".equals(type)) {
            return "channel";
        }
        if ("groupChat".equals(type) || Boolean.TRUE.equals(a.getConversation().isGroup())) {
            return "groupChat";
        }
        return "personal";
    }

    CompletableFuture<Void> send(TurnContext ctx, AgentReply reply) {
        return send(ctx, reply, null);
    }

    /**
     * Sends each reply part: text as a message, everything else as an Adaptive Card. With {@code original} (the
     * user's message, for proactive sends) the parts are replies to that message, in its conversation and thread;
     * the continuation turn's own reference would point at a synthetic activity.
     */
    CompletableFuture<Void> send(TurnContext ctx, AgentReply reply, ConversationReference original) {
        CardFactory.View view = new CardFactory.View(clock.instant(), zone(ctx.getActivity()));
        List<Activity> out = new ArrayList<>();
        for (Reply part : reply.parts()) {
            if (part instanceof Reply.Text t) {
                Activity m = MessageFactory.text(t.text());
                m.setTextFormat(TextFormatTypes.MARKDOWN);
                out.add(m);
            } else {
                JsonNode card = cards.card(part, view);
                if (card != null) {
                    out.add(MessageFactory.attachment(cardAttachment(card)));
                }
            }
        }
        if (out.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        if (original != null) {
            out.forEach(a -> a.applyConversationReference(original));
            return ctx.getAdapter().sendActivities(ctx, out).thenApply(r -> null);
        }
        return ctx.sendActivities(out).thenApply(r -> null);
    }

    static Attachment cardAttachment(JsonNode card) {
        Attachment a = new Attachment();
        a.setContentType(ADAPTIVE_CARD);
        a.setContent(card);
        return a;
    }

    /** The card data of a submit as a map; a value that is not an object is kept so it gets a clear answer. */
    static Map<String, Object> actionOf(Object value) {
        if (value == null) {
            return Map.of();
        }
        try {
            JsonNode node = Serialization.objectToTree(value);
            if (node == null || node.isNull()) {
                return Map.of();
            }
            if (!node.isObject()) {
                return Map.of("action", "(not an object)");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (v.isValueNode()) {
                    out.put(e.getKey(), v.asText());
                }
            });
            if (out.isEmpty()) {
                out.put("action", "(empty)");
            }
            return out;
        } catch (RuntimeException e) {
            log.debug("Unreadable card value", e);
            return Map.of("action", "(unreadable)");
        }
    }

    private static String userName(Activity a) {
        ChannelAccount from = a.getFrom();
        return from == null || from.getName() == null || from.getName().isBlank() ? "someone" : from.getName();
    }

    /** The user's time zone from the activity (localTimezone or the clientInfo entity), else UTC. */
    static ZoneId zone(Activity a) {
        String tz = a.getLocalTimezone();
        if ((tz == null || tz.isBlank()) && a.getEntities() != null) {
            for (Entity e : a.getEntities()) {
                if ("clientInfo".equals(e.getType()) && e.getProperties() != null && e.getProperties().get("timezone") != null) {
                    tz = e.getProperties().get("timezone").asText();
                }
            }
        }
        if (tz != null && !tz.isBlank()) {
            try {
                return ZoneId.of(tz);
            } catch (DateTimeException e) {
                // An unknown zone name: fall back to UTC.
            }
        }
        return ZoneId.of("UTC");
    }
}
