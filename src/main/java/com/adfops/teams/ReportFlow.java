package com.adfops.teams;

import com.adfops.agent.Agent;
import com.adfops.agent.AgentReply;
import com.adfops.answers.CardVerb;
import com.adfops.agent.Reply;
import com.adfops.agent.Turn;
import com.microsoft.bot.builder.BotCallbackHandler;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.ConversationReference;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * *Share to channel* on an export card: the agent builds the summary again (who shared it, no link: whoever wants the
 * CSV asks for a fresh link from the channel post), this edge posts it as a new thread in the report channel and says
 * so in the conversation the click came from.
 */
final class ReportFlow {

    private static final Logger log = LoggerFactory.getLogger(ReportFlow.class);

    private final Agent agent;
    private final ReplySender sender;
    private final TurnProcessor turns;
    private final BotFrameworkAdapter adapter;
    private final String appId;
    private final String channelId;
    private final String teamId;

    /** @param channelId the report channel ({@code 19:...}), or null/blank when none is configured */
    ReportFlow(Agent agent, ReplySender sender, TurnProcessor turns, BotFrameworkAdapter adapter, String appId,
               String channelId, String teamId) {
        this.agent = agent;
        this.sender = sender;
        this.turns = turns;
        this.adapter = adapter;
        this.appId = appId;
        this.channelId = channelId == null || channelId.isBlank() ? null : channelId.trim();
        this.teamId = teamId == null || teamId.isBlank() ? null : teamId.trim();
    }

    static boolean handles(Turn turn) {
        return CardVerb.of(turn.action().get("action")).orElse(null) == CardVerb.SHARE_REPORT;
    }

    /** {@code Action.Submit}, on the turn processor: the export is built here; the returned sends post it. */
    BotCallbackHandler onSubmit(Turn turn, ConversationReference origin) {
        return share(turn, origin);
    }

    /** {@code Action.Execute}: acknowledged at once; the post and the note follow. */
    CompletableFuture<AdaptiveCardInvokeResponse> onInvoke(Turn turn, Activity activity) {
        ConversationReference origin = activity.getConversationReference();
        if (activity.getReplyToId() != null) {
            origin.setActivityId(activity.getReplyToId());
        }
        try {
            turns.submit(turn.conversationId(), () -> {
                BotCallbackHandler post = share(turn, origin);
                turns.send(turn.conversationId(), "the shared export", () -> adapter.continueConversation(appId, origin,
                        post));
            });
            return CompletableFuture.completedFuture(ReplySender.messageResponse("Sharing to the report channel…"));
        } catch (RejectedExecutionException busy) {
            return CompletableFuture.completedFuture(ReplySender.messageResponse(
                    "I'm busy right now; please try again in a minute."));
        }
    }

    /** Builds the shared export (on the turn processor); the returned sends post it and say where it went. */
    private BotCallbackHandler share(Turn turn, ConversationReference origin) {
        if (channelId == null) {
            log.info("Share to channel asked without a report channel (ADFOPS_EXPORT_REPORTCHANNELID, else "
                    + "ADFOPS_ESCALATION_CHANNELID)");
            return ctx -> say(ctx, origin, turn, "There's no report channel to share to yet, so I can't share this; the "
                    + "download link above still works. Your Teams admin can set up a report channel for the bot.");
        }
        AgentReply reply = TurnBoundary.answer("Building the shared export", turn, () -> agent.handle(turn));
        Optional<Reply.Export> export = reply.parts().stream().filter(Reply.Export.class::isInstance)
                .map(Reply.Export.class::cast).filter(e -> !e.sharedBy().isEmpty()).findFirst();
        if (export.isEmpty()) {
            // Out of date, unknown pipeline, a failing factory: the user sees why.
            return ctx -> sender.sendTo(ctx, reply, origin, turn.zone());
        }
        Activity post = sender.activities(AgentReply.of(export.get()), turn.zone()).get(0);
        String tenant = origin.getConversation() == null ? null : origin.getConversation().getTenantId();
        return ctx -> ChannelPosts.newThread(ctx, channelId, teamId, tenant, post)
                .thenCompose(r -> say(ctx, origin, turn, "Shared to the report channel (a new thread)."))
                .exceptionallyCompose(x -> {
                    log.error("Could not post the export summary to the report channel", x);
                    return say(ctx, origin, turn, "I could not post to the report channel; check that the bot is "
                            + "installed in its team.");
                });
    }

    private CompletableFuture<Void> say(TurnContext ctx, ConversationReference origin, Turn turn, String text) {
        return sender.sendTo(ctx, AgentReply.of(new Reply.Text(text)), origin, turn.zone());
    }
}
