package com.adfops.adf;

import java.time.Instant;

/**
 * Whether the bot can read a factory, and what to do when it cannot (for {@code /health}, the welcome card and
 * "are you connected?"). Texts are safe to show: no secrets, no host names.
 *
 * @param factory the factory's name
 * @param state   LOADING (first read under way), LIVE, STALE (answers from memory, refresh failing), FAILING (no data)
 * @param reason  what went wrong, or ""
 * @param fix     what to do about it and whom to ask, or ""
 * @param asOf    when the bot last read it successfully, or null
 * @param runs    runs the bot holds in memory for it
 * @param refreshRequests  ADF requests made by refreshes so far (backfill included)
 * @param questionRequests ADF requests made to answer questions so far
 * @param lastRefreshRequests ADF requests the last refresh made
 * @param reach  how far back the memory reaches (loading newest first, or capped by the memory budget); null when
 *               the bot does not hold the factory's runs
 */
public record FactoryStatus(String factory, State state, String reason, String fix, Instant asOf, int runs,
                            long refreshRequests, long questionRequests, long lastRefreshRequests,
                            Freshness.Reach reach) {

    public FactoryStatus(String factory, State state, String reason, String fix, Instant asOf, int runs,
                         long refreshRequests, long questionRequests, long lastRefreshRequests) {
        this(factory, state, reason, fix, asOf, runs, refreshRequests, questionRequests, lastRefreshRequests, null);
    }

    /** See {@link FactoryStatus}. */
    public enum State {
        LOADING, LIVE, STALE, FAILING
    }

    public boolean readable() {
        return state == State.LIVE || state == State.STALE;
    }
}
