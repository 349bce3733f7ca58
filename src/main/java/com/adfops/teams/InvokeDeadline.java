package com.adfops.teams;

import com.adfops.agent.AgentReply;
import com.adfops.agent.Reply;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a card click that must answer its invoke in time waits for its work: within the deadline, the answer
 * (the card that replaces the clicked one); past it, a short "I'll post the result here" and the answer follows in the
 * conversation when it is done; a failure, the failure card. Teams gives an invoke a few seconds.
 */
final class InvokeDeadline {

    private static final Logger log = LoggerFactory.getLogger(InvokeDeadline.class);

    private InvokeDeadline() {
    }

    /**
     * @param what       what the click does, for the log ("Action", "Escalation")
     * @param onTime     the invoke's answer when the work finished in time
     * @param late       posts the answer that came after the deadline
     * @param lateText   the invoke's answer at the deadline
     */
    static CompletableFuture<AdaptiveCardInvokeResponse> answer(String what, String conversationId,
                                                                CompletableFuture<AgentReply> work, Duration deadline,
                                                                Function<AgentReply, AdaptiveCardInvokeResponse> onTime,
                                                                Consumer<AgentReply> late, String lateText,
                                                                ReplySender sender, java.time.ZoneId zone) {
        return work.copy().orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS).handle((reply, error) -> {
            if (error == null) {
                return onTime.apply(reply);
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof TimeoutException) {
                log.warn("{} in {} passed its deadline of {}; the result follows in the conversation", what,
                        conversationId, deadline);
                work.thenAccept(late);
                return ReplySender.messageResponse(lateText);
            }
            log.error("{} failed in conversation {}", what, conversationId, cause);
            return sender.cardResponse(new Reply.TurnFailure(Reply.FailureKind.UNEXPECTED), zone);
        });
    }
}
