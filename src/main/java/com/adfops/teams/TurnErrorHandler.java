package com.adfops.teams;

import com.adfops.agent.Reply;
import com.microsoft.bot.builder.OnTurnErrorHandler;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityEventNames;
import com.microsoft.bot.schema.ActivityTypes;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter's error boundary for a turn. The cause goes to the log; the user gets the friendly failure card, unless
 * the failure was the Bot Connector refusing a send (after {@link ConnectorRetry}'s attempts), when that card would be
 * refused too. A proactive turn (an answer, an alert, an update sent through {@code continueConversation}) then fails
 * for its caller: botbuilder would otherwise report it as done, and an alert would be recorded as posted although it
 * never arrived. A turn of an incoming activity ends normally: the activity was received, and the Bot Connector gets
 * no 5xx for it.
 */
final class TurnErrorHandler implements OnTurnErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(TurnErrorHandler.class);

    /**
     * Turn state of a proactive turn that must not send the failure card (an alert post: its sender retries it every
     * few minutes, and each failure would put another error card in the watching channel).
     */
    static final String NO_FAILURE_CARD = "adfops.noFailureCard";

    private final ReplySender sender;

    TurnErrorHandler(ReplySender sender) {
        this.sender = sender;
    }

    @Override
    public CompletableFuture<Void> invoke(TurnContext ctx, Throwable exception) {
        Activity a = ctx.getActivity();
        String conversation = a == null || a.getConversation() == null ? "?" : a.getConversation().getId();
        boolean proactive = isContinuation(a);
        Integer refused = connectorStatus(exception);
        CompletableFuture<Void> card;
        if (ctx.getTurnState().containsKey(NO_FAILURE_CARD)) {
            log.warn("A proactive send to conversation {} failed; its sender is told", conversation, exception);
            card = CompletableFuture.completedFuture(null);
        } else if (refused != null || networkFailure(exception)) {
            log.warn("The Bot Connector did not take a message for conversation {} ({}){}", conversation,
                    refused == null ? "network failure" : "HTTP " + refused,
                    proactive ? "; the sender is told" : "", exception);
            card = CompletableFuture.completedFuture(null);
        } else {
            log.error("Turn failed in conversation {}", conversation, exception);
            card = ctx.sendActivity(sender.failureCard(Reply.FailureKind.UNEXPECTED))
                    .handle((r, e) -> {
                        if (e != null) {
                            log.warn("Could not send the error card to conversation {}", conversation, e);
                        }
                        return null;
                    });
        }
        return proactive ? card.thenCompose(x -> CompletableFuture.failedFuture(exception)) : card;
    }

    /** The synthetic activity of {@code continueConversation} (incoming activities never carry that name). */
    static boolean isContinuation(Activity a) {
        return a != null && ActivityTypes.EVENT.equals(a.getType())
                && ActivityEventNames.CONTINUE_CONVERSATION.equals(a.getName()) && a.getRelatesTo() != null;
    }

    /** The HTTP status the Bot Connector answered, when the failure is its answer. */
    static Integer connectorStatus(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof RestException r && r.response() != null) {
                return r.response().code();
            }
        }
        return null;
    }

    static boolean networkFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }
}
