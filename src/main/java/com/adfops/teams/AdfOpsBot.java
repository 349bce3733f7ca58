package com.adfops.teams;

import com.adfops.agent.Agent;
import com.adfops.agent.AgentReply;
import com.adfops.agent.Reply;
import com.adfops.agent.Turn;
import com.adfops.cards.CardFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.MessageFactory;
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

    public AdfOpsBot(Agent agent, CardFactory cards, Clock clock) {
        this.agent = agent;
        this.cards = cards;
        this.clock = clock;
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
        Activity typing = new Activity(ActivityTypes.TYPING);
        return ctx.sendActivity(typing)
                .thenApply(r -> agent.handle(turn))
                .thenCompose(reply -> send(ctx, reply));
    }

    @Override
    protected CompletableFuture<Void> onMembersAdded(List<ChannelAccount> membersAdded, TurnContext ctx) {
        String botId = ctx.getActivity().getRecipient() == null ? null : ctx.getActivity().getRecipient().getId();
        boolean botAdded = membersAdded != null && membersAdded.stream().anyMatch(m -> m.getId() != null && m.getId().equals(botId));
        if (!botAdded) {
            return CompletableFuture.completedFuture(null);
        }
        return send(ctx, AgentReply.of(new Reply.Help(true)));
    }

    /** Sends each reply part: text as a message, everything else as an Adaptive Card. */
    CompletableFuture<Void> send(TurnContext ctx, AgentReply reply) {
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
