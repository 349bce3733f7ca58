package com.adfops.teams;

import com.adfops.agent.AgentReply;
import com.adfops.alerts.AlertCard;
import com.adfops.alerts.AlertOutcome;
import com.adfops.agent.Reply;
import com.adfops.alerts.AlertPoster;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.ResourceResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alert cards where they are watched and updates them: in a channel, a new post (its own thread) in the
 * watching thread's channel; in a chat, a message in the chat. Within Teams' limits ({@link ConnectorLimits}); what the
 * connector refuses for now is retried by the transport ({@link ConnectorRetry}), and a post that still fails fails
 * its future, so the alert stays to be posted again. If the channel refuses a new post, the alert goes into the
 * watching thread instead: an alert is never dropped for it.
 */
final class AlertFlow implements AlertPoster {

    private static final Logger log = LoggerFactory.getLogger(AlertFlow.class);
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final ReplySender sender;
    private final BotFrameworkAdapter adapter;
    private final ConversationReferences references;
    private final ConnectorLimits limits;
    private final String appId;

    AlertFlow(ReplySender sender, BotFrameworkAdapter adapter, ConversationReferences references, ConnectorLimits limits,
              String appId) {
        this.sender = sender;
        this.adapter = adapter;
        this.references = references;
        this.limits = limits;
        this.appId = appId == null ? "" : appId;
    }

    @Override
    public CompletableFuture<Posted> post(String watchingConversationId, AlertCard card) {
        Optional<ConversationReference> found = references.find(watchingConversationId);
        if (found.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("no conversation reference for "
                    + watchingConversationId));
        }
        ConversationReference ref = found.get();
        ConversationAccount conv = ref.getConversation();
        String channel = ChannelPosts.channelOf(conv.getId(), conv.getConversationType());
        try {
            if (channel != null) {
                String thread = channel;
                try {
                    limits.acquire(thread);
                    AtomicReference<ConversationResourceResponse> posted = new AtomicReference<>();
                    send(ref, ctx -> ChannelPosts.newThread(ctx, thread, null, conv.getTenantId(), message(card))
                            .thenAccept(posted::set));
                    ConversationResourceResponse r = posted.get();
                    if (r != null && r.getId() != null) {
                        // The thread's root message is the card: its id, or the thread id's ";messageid=" part.
                        String activity = r.getActivityId();
                        if ((activity == null || activity.isBlank()) && !TeamsIds.threadMessageId(r.getId()).isEmpty()) {
                            activity = TeamsIds.threadMessageId(r.getId());
                        }
                        return CompletableFuture.completedFuture(new Posted(r.getId(), activity));
                    }
                } catch (RuntimeException e) {
                    // Only a refusal of new posts (the bot may not start threads there) sends the alert into the
                    // watching thread; a throttled or failed send stays an error, and the alert is posted again later
                    // (a post that timed out may have arrived: a second card in another place would confuse).
                    Integer status = TurnErrorHandler.connectorStatus(e);
                    if (status == null || !(status == 400 || status == 403 || status == 404)) {
                        throw e;
                    }
                    log.warn("The channel refused a new post (HTTP {}); posting the alert in the watching thread instead",
                            status, e);
                }
            }
            limits.acquire(conv.getId());
            AtomicReference<ResourceResponse> sent = new AtomicReference<>();
            send(ref, ctx -> {
                Activity m = message(card);
                m.applyConversationReference(ref);
                return ctx.getAdapter().sendActivities(ctx, java.util.List.of(m))
                        .thenAccept(rs -> sent.set(rs == null || rs.length == 0 ? null : rs[0]));
            });
            ResourceResponse r = sent.get();
            return CompletableFuture.completedFuture(new Posted(conv.getId(), r == null ? null : r.getId()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> update(String watchingConversationId, Posted where, AlertCard card) {
        Optional<ConversationReference> found = references.find(watchingConversationId);
        if (found.isEmpty() || where.activityId() == null) {
            return CompletableFuture.completedFuture(null);
        }
        ConversationReference ref = found.get();
        ref.getConversation().setId(where.conversationId());
        ref.setActivityId(where.activityId());
        try {
            limits.acquire(where.conversationId());
            send(ref, ctx -> sender.update(ctx, where.activityId(), reply(card), UTC));
            return CompletableFuture.completedFuture(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Runs {@code work} in a proactive turn and waits for it; a failure is thrown (the alert stays to be posted again),
     * and no failure card is sent for it (the retry would post one every few minutes).
     */
    private void send(ConversationReference ref, com.microsoft.bot.builder.BotCallbackHandler work) {
        adapter.continueConversation(appId, ref, ctx -> {
            ctx.getTurnState().add(TurnErrorHandler.NO_FAILURE_CARD, Boolean.TRUE);
            return work.invoke(ctx);
        }).join();
    }

    private Activity message(AlertCard card) {
        return sender.activities(AgentReply.of(reply(card)), UTC).get(0);
    }

    /** The Teams card of an alert post. */
    static Reply reply(AlertCard card) {
        if (card instanceof AlertCard.Digest d) {
            return new Reply.AlertDigest(d.factory(), d.alerts());
        }
        return new Reply.Alert(((AlertCard.Single) card).view());
    }

    /** The Teams words for what an Acknowledge or Snooze click came to. */
    static AgentReply reply(AlertOutcome outcome) {
        if (outcome instanceof AlertOutcome.Shown s) {
            return AgentReply.of(new Reply.Alert(s.view()));
        }
        if (outcome instanceof AlertOutcome.UnknownSpan) {
            return AgentReply.of(new Reply.Text("Snooze for 1 hour, 4 hours or until tomorrow 08:00: pick one of the "
                    + "card's Snooze buttons."));
        }
        return AgentReply.of(new Reply.Suggestions("That alert is out of date", "I don't know that alert any more. "
                + "Ask me what is failing for a fresh card.", List.of("What pipelines are failing?", "What am I watching?")));
    }
}
