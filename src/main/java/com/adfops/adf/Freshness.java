package com.adfops.adf;

import java.time.Instant;

/**
 * How current an answer about a factory's runs is.
 *
 * @param asOf           when the data was last read from Data Factory
 * @param fromMemory     true when the bot's run index answered; false for a direct read (beyond the index's horizon,
 *                       or with no index)
 * @param staleReason    why the index could not refresh lately (safe to show), or "" when it is current
 * @param archivedBefore when part of the window was read from Data Factory's logs in a Log Analytics workspace (older
 *                       than the index holds or ADF keeps): the instant before which it was ({@code asOf} or later
 *                       when all of it was); else null
 * @param reach          how far back the bot's memory of the factory reaches (while its history loads, or when a
 *                       memory budget keeps only the newest runs); null when no index answered
 */
public record Freshness(Instant asOf, boolean fromMemory, String staleReason, Instant archivedBefore, Reach reach) {

    public Freshness {
        staleReason = staleReason == null ? "" : staleReason;
    }

    public Freshness(Instant asOf, boolean fromMemory, String staleReason, Instant archivedBefore) {
        this(asOf, fromMemory, staleReason, archivedBefore, null);
    }

    public Freshness(Instant asOf, boolean fromMemory, String staleReason) {
        this(asOf, fromMemory, staleReason, null, null);
    }

    /**
     * How far back the run index holds a factory's runs, for "last 26 h loaded, older history loading: 62 %".
     *
     * @param loadedSince since when every run is held (a window starting at or after it is answered from memory;
     *                    an older part is read from Data Factory); null while nothing is held yet
     * @param percent     the part of the horizon held, 0-100
     * @param loading     true while the older history is still being loaded (newest first)
     * @param capped      true when the memory budget ({@code ADFOPS_INDEX_MAXRUNS}) keeps only the newest runs, so
     *                    the memory reaches less far back than the horizon for good
     * @param runs        runs held
     */
    public record Reach(Instant loadedSince, int percent, boolean loading, boolean capped, int runs) {

        /** Whether the memory holds less than the whole horizon (loading, or capped by the budget). */
        public boolean partial() {
            return loading || capped;
        }
    }

    public boolean stale() {
        return !staleReason.isEmpty();
    }

    /** Whether the whole answer came from the archive. */
    public boolean allArchived() {
        return archivedBefore != null && asOf != null && !archivedBefore.isBefore(asOf);
    }

    /** The same freshness, with the part of the window before {@code before} read from the archive. */
    public Freshness withArchiveBefore(Instant before) {
        return new Freshness(asOf, fromMemory, staleReason, before, reach);
    }

    /** The same freshness, with the memory's reach. */
    public Freshness withReach(Reach r) {
        return new Freshness(asOf, fromMemory, staleReason, archivedBefore, r);
    }

    /** A direct read, current as of {@code now}. */
    public static Freshness direct(Instant now) {
        return new Freshness(now, false, "");
    }

    /** The freshness of an answer from several factories: the oldest read, stale if any is. */
    public static Freshness combine(Freshness a, Freshness b) {
        if (a == null) {
            return b;
        }
        Instant asOf = a.asOf() == null || (b.asOf() != null && b.asOf().isBefore(a.asOf())) ? b.asOf() : a.asOf();
        String stale = a.stale() ? a.staleReason() : b.staleReason();
        // The archive's part: the latest boundary (more of the window came from it).
        Instant archived = a.archivedBefore() == null ? b.archivedBefore()
                : b.archivedBefore() == null || a.archivedBefore().isAfter(b.archivedBefore()) ? a.archivedBefore()
                : b.archivedBefore();
        // The reach: the factory whose memory reaches least far back speaks for the answer.
        Reach reach = a.reach() == null ? b.reach() : b.reach() == null ? a.reach()
                : reachesLess(a.reach(), b.reach()) ? a.reach() : b.reach();
        return new Freshness(asOf, a.fromMemory() && b.fromMemory(), stale, archived, reach);
    }

    private static boolean reachesLess(Reach a, Reach b) {
        if (a.partial() != b.partial()) {
            return a.partial();
        }
        return a.loadedSince() == null || (b.loadedSince() != null && a.loadedSince().isAfter(b.loadedSince()));
    }
}
