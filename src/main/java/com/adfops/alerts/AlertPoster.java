package com.adfops.alerts;

import java.util.concurrent.CompletableFuture;

/** Posts alert cards into conversations and updates them: the Teams edge implements it. */
public interface AlertPoster {

    /** Where a card went: the conversation it is in (a channel's new thread, or the chat) and its message id. */
    record Posted(String conversationId, String activityId) {
    }

    /** Posts a card for a conversation that watches (in a channel: a new post, its own thread). */
    CompletableFuture<Posted> post(String watchingConversationId, AlertCard card);

    /** Replaces a posted card. */
    CompletableFuture<Void> update(String watchingConversationId, Posted where, AlertCard card);
}
