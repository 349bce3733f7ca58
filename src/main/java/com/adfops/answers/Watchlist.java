package com.adfops.answers;

import java.time.Instant;
import java.util.List;

/**
 * What a conversation watches (alerts when a watched pipeline fails); the alerts capability keeps it in the state
 * store.
 */
public interface Watchlist {

    /**
     * One subscription.
     *
     * @param pattern a pipeline name or a pattern with {@code *} ({@code *} alone: every pipeline), as typed
     * @param factory the factory it is limited to, or null for every configured factory
     * @param by      who added it
     * @param at      when
     */
    record Watch(String pattern, String factory, String by, Instant at) {
    }

    List<Watch> watching(String conversationId);

    /** Adds a subscription (the same pattern and factory again changes nothing); returns the conversation's list. */
    List<Watch> watch(String conversationId, Watch watch);

    /** Removes the subscriptions with this pattern ({@code *} or "all": every one); returns the conversation's list. */
    List<Watch> unwatch(String conversationId, String pattern);

    /** No alerts capability wired: nothing is watched, and watching says so. */
    Watchlist NONE = new Watchlist() {
        @Override
        public List<Watch> watching(String conversationId) {
            return List.of();
        }

        @Override
        public List<Watch> watch(String conversationId, Watch watch) {
            throw new UnsupportedOperationException("alerts are not available");
        }

        @Override
        public List<Watch> unwatch(String conversationId, String pattern) {
            return List.of();
        }
    };
}
