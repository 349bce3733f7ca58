package com.adfops.teams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationResourceResponse;
import java.util.concurrent.CompletableFuture;

/** A new post in a Teams channel (its own thread), through the connector of a proactive turn. */
final class ChannelPosts {

    private ChannelPosts() {
    }

    /**
     * Starts a thread in {@code channelId} (of team {@code teamId}, may be null) with {@code message}; completes with
     * the new thread's conversation id and the message's id.
     */
    static CompletableFuture<ConversationResourceResponse> newThread(TurnContext ctx, String channelId, String teamId,
                                                                     String tenantId, Activity message) {
        ConnectorClient client = ctx.getTurnState().get(BotFrameworkAdapter.CONNECTOR_CLIENT_KEY);
        if (client == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no connector client in this turn"));
        }
        ConversationParameters params = new ConversationParameters();
        params.setIsGroup(true);
        ObjectNode channelData = JsonNodeFactory.instance.objectNode();
        channelData.putObject("channel").put("id", channelId);
        if (teamId != null && !teamId.isBlank()) {
            channelData.putObject("team").put("id", teamId);
        }
        params.setChannelData(channelData);
        params.setActivity(message);
        if (tenantId != null) {
            params.setTenantId(tenantId);
        }
        return client.getConversations().createConversation(params);
    }

    /** The channel of a channel conversation id ({@code 19:...@thread.tacv2;messageid=...}), or null for chats. */
    static String channelOf(String conversationId, String conversationType) {
        if (conversationId == null) {
            return null;
        }
        if (TeamsIds.isThread(conversationId)) {
            return TeamsIds.withoutThread(conversationId);
        }
        return "channel".equals(conversationType) ? conversationId : null;
    }
}
