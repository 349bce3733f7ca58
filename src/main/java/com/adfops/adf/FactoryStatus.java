package com.adfops.adf;

import java.time.Duration;
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
 * @param start  how the memory started (from a durable snapshot, or read from Data Factory); null when not known
 * @param lastSnapshot the last snapshot of the memory written to the durable store; null when none was
 * @param overlap how far each refresh reaches back, and the late writes it saw; null when the bot does not refresh
 *                the factory's runs
 */
public record FactoryStatus(String factory, State state, String reason, String fix, Instant asOf, int runs,
                            long refreshRequests, long questionRequests, long lastRefreshRequests,
                            Freshness.Reach reach, Start start, SnapshotWritten lastSnapshot, Overlap overlap) {

    public FactoryStatus(String factory, State state, String reason, String fix, Instant asOf, int runs,
                         long refreshRequests, long questionRequests, long lastRefreshRequests,
                         Freshness.Reach reach, Start start, SnapshotWritten lastSnapshot) {
        this(factory, state, reason, fix, asOf, runs, refreshRequests, questionRequests, lastRefreshRequests, reach,
                start, lastSnapshot, null);
    }

    public FactoryStatus(String factory, State state, String reason, String fix, Instant asOf, int runs,
                         long refreshRequests, long questionRequests, long lastRefreshRequests,
                         Freshness.Reach reach) {
        this(factory, state, reason, fix, asOf, runs, refreshRequests, questionRequests, lastRefreshRequests, reach,
                null, null);
    }

    public FactoryStatus(String factory, State state, String reason, String fix, Instant asOf, int runs,
                         long refreshRequests, long questionRequests, long lastRefreshRequests) {
        this(factory, state, reason, fix, asOf, runs, refreshRequests, questionRequests, lastRefreshRequests, null);
    }

    /**
     * How the memory of a factory started.
     *
     * @param restored        from a snapshot in the durable store (else the horizon was read from Data Factory)
     * @param snapshotAt      restored: the snapshot's watermark (every update before it was in it)
     * @param snapshotRuns    restored: the runs it held
     * @param refreshUpdates  restored: the runs the refresh since its watermark brought
     * @param refreshRequests restored: the Data Factory requests that refresh made
     * @param reason          not restored: why not ("" when there was no snapshot)
     */
    public record Start(boolean restored, Instant snapshotAt, int snapshotRuns, int refreshUpdates,
                        long refreshRequests, String reason) {

        public static Start backfill(String reason) {
            return new Start(false, null, 0, 0, 0, reason);
        }
    }

    /** A snapshot of the memory written to the durable store: when, its size, the runs it holds. */
    public record SnapshotWritten(Instant at, long bytes, int runs) {
    }

    /**
     * How far each refresh of the factory reaches back before the newest update Data Factory listed, and the late
     * writes it saw (runs listed after a refresh whose update was older than what that refresh read).
     *
     * @param effective    the overlap the next refresh reads: the configured one, narrowed so that a busy factory's
     *                     refresh fits one page, widened again by a late write
     * @param configured   the configured overlap ({@code ADFOPS_INDEX_OVERLAP}): the most it reaches back
     * @param lateWrites   late writes seen since the start
     * @param lastLateness how late the last one was (before the watermark of the refresh before); null when none
     */
    public record Overlap(Duration effective, Duration configured, long lateWrites, Duration lastLateness) {
    }

    /** See {@link FactoryStatus}. */
    public enum State {
        LOADING, LIVE, STALE, FAILING
    }

    public boolean readable() {
        return state == State.LIVE || state == State.STALE;
    }
}
