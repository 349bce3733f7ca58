package com.adfops.teams;

import com.adfops.agent.AgentReply;
import com.adfops.agent.Reply;
import com.adfops.agent.SecondMemo;
import com.adfops.cards.CardFactory;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.TextFormatTypes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Turns reply parts into Teams activities and sends them: text parts as markdown messages, every other part as an
 * Adaptive Card ({@link CardFactory}); card updates in place; the bodies of {@code adaptiveCard/action} responses.
 */
final class ReplySender {

    static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

    private final CardFactory cards;
    private final Clock clock;

    ReplySender(CardFactory cards, Clock clock) {
        this.cards = cards;
        this.clock = clock;
    }

    CardFactory.View view(ZoneId zone) {
        return new CardFactory.View(clock.instant(), zone);
    }

    /** The activities for a reply, in order. */
    List<Activity> activities(AgentReply reply, ZoneId zone) {
        CardFactory.View view = view(zone);
        List<Activity> out = new ArrayList<>();
        for (Reply part : reply.parts()) {
            String text = textOf(part);
            if (text != null) {
                // Text parts carry outside words too (a model's answer, a name quoted back): masked like cards are.
                Activity m = MessageFactory.text(com.adfops.adf.SecretRedactor.redact(text));
                m.setTextFormat(TextFormatTypes.MARKDOWN);
                out.add(m);
            } else {
                SerializedString card = cardJson(part, view);
                if (card != null) {
                    out.add(MessageFactory.attachment(attachment(card)));
                }
            }
        }
        return out;
    }

    private record RenderKey(Reply part, ZoneId zone) {
    }

    /** Cards kept per second at most (the parts asked for within one second). */
    static final int RENDERED_KEPT = 256;

    /** The cards rendered within the current second, by reply part and zone (null for parts without a card). */
    private final SecondMemo<RenderKey, SerializedString> rendered = new SecondMemo<>(RENDERED_KEPT);

    /**
     * A part's card as JSON text, null for parts without one. Cards are rendered for the second they are shown in
     * (relative times to the second), and a part equal to one already rendered in the same second and zone (the same
     * answer to many people asking at once, from the same memory of runs) is not rendered again.
     */
    SerializedString cardJson(Reply part, CardFactory.View view) {
        Instant second = Instant.ofEpochSecond(view.now().getEpochSecond());
        // Rendering depends on the part, the zone and the second only (version 0).
        return rendered.get(new RenderKey(part, view.zone()), second, 0, () -> {
            JsonNode card = cards.card(part, new CardFactory.View(second, view.zone()));
            return card == null ? null : new SerializedString(card.toString());
        });
    }

    /** Parts that are messages rather than cards. */
    private static String textOf(Reply part) {
        if (part instanceof Reply.Text t) {
            return t.text();
        }
        if (part instanceof Reply.Cleared c) {
            return c.text();
        }
        return null;
    }

    /** Sends a reply in the turn's own conversation. */
    CompletableFuture<Void> send(TurnContext ctx, AgentReply reply, ZoneId zone) {
        List<Activity> out = activities(reply, zone);
        return out.isEmpty() ? CompletableFuture.completedFuture(null) : ctx.sendActivities(out).thenApply(r -> null);
    }

    /**
     * Sends a reply from a proactive turn as replies to {@code original} (the user's message), in its conversation
     * and thread; the continuation turn's own reference would point at a synthetic activity.
     */
    CompletableFuture<Void> sendTo(TurnContext ctx, AgentReply reply, ConversationReference original, ZoneId zone) {
        return sendTo(ctx, activities(reply, zone), original);
    }

    /**
     * Sends activities made beforehand ({@link #activities}) from a proactive turn as replies to {@code original}, one
     * after another on the connector's asynchronous client: no thread waits while the Bot Connector answers (or while
     * {@link ConnectorRetry} waits out its {@code Retry-After}). botbuilder's own {@code sendActivities} would hold one
     * of its pool's threads per reply in flight, joining each request.
     */
    CompletableFuture<Void> sendTo(TurnContext ctx, List<Activity> out, ConversationReference original) {
        if (out.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        out.forEach(a -> a.applyConversationReference(original));
        ConnectorClient client = ctx.getTurnState().get(BotFrameworkAdapter.CONNECTOR_CLIENT_KEY);
        if (client == null) {
            return ctx.getAdapter().sendActivities(ctx, out).thenApply(r -> null);
        }
        CompletableFuture<?> sent = CompletableFuture.completedFuture(null);
        for (Activity a : out) {
            a.setId(null); // as botbuilder's adapter does: the connector gives the id
            sent = sent.thenCompose(r -> a.getReplyToId() == null || a.getReplyToId().isEmpty()
                    ? client.getConversations().sendToConversation(a)
                    : client.getConversations().replyToActivity(a));
        }
        return sent.thenApply(r -> null);
    }

    /** Replaces the card with id {@code cardId} by the card for {@code part}. */
    CompletableFuture<Void> update(TurnContext ctx, String cardId, Reply part, ZoneId zone) {
        Activity updated = MessageFactory.attachment(attachment(cards.card(part, view(zone))));
        updated.setId(cardId);
        return ctx.updateActivity(updated).thenApply(r -> null);
    }

    /** The first card of a reply as an {@code adaptiveCard/action} response, or a message when it has none. */
    AdaptiveCardInvokeResponse invokeResponse(AgentReply reply, ZoneId zone) {
        CardFactory.View view = view(zone);
        for (Reply part : reply.parts()) {
            JsonNode card = textOf(part) == null ? cards.card(part, view) : null;
            if (card != null) {
                return cardResponse(card);
            }
        }
        return messageResponse("Nothing to update.");
    }

    AdaptiveCardInvokeResponse cardResponse(Reply part, ZoneId zone) {
        return cardResponse(cards.card(part, view(zone)));
    }

    static AdaptiveCardInvokeResponse cardResponse(JsonNode card) {
        AdaptiveCardInvokeResponse r = new AdaptiveCardInvokeResponse();
        r.setStatusCode(200);
        r.setType(ADAPTIVE_CARD);
        r.setValue(card);
        return r;
    }

    static AdaptiveCardInvokeResponse messageResponse(String text) {
        AdaptiveCardInvokeResponse r = new AdaptiveCardInvokeResponse();
        r.setStatusCode(200);
        r.setType("application/vnd.microsoft.activity.message");
        r.setValue(text);
        return r;
    }

    /** The card of a failed turn, for the adapter's error boundary. */
    Activity failureCard(Reply.FailureKind kind) {
        return MessageFactory.attachment(attachment(cards.card(new Reply.TurnFailure(kind), view(ZoneId.of("UTC")))));
    }

    /**
     * A card attachment whose content is the card's JSON text, written as it is: botbuilder's connector serializer
     * turns an activity into a tree and matches a regular expression against every key in it (to unflatten dotted
     * names), which for a card's hundreds of keys cost a fifth of the bot's CPU under load; the card is one node
     * ({@link CardContent}).
     */
    static Attachment attachment(JsonNode card) {
        return attachment(new SerializedString(card.toString()));
    }

    /** A card attachment from its JSON text; the text keeps its UTF-8 bytes once written, for the next send. */
    static Attachment attachment(SerializedString cardJson) {
        Attachment a = new Attachment();
        a.setContentType(ADAPTIVE_CARD);
        a.setContent(new CardContent(cardJson));
        return a;
    }
}
