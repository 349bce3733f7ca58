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
 */
public record Freshness(Instant asOf, boolean fromMemory, String staleReason, Instant archivedBefore) {

    public Freshness {
        staleReason = staleReason == null ? "" : staleReason;
    }

    public Freshness(Instant asOf, boolean fromMemory, String staleReason) {
        this(asOf, fromMemory, staleReason, null);
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
        return new Freshness(asOf, fromMemory, staleReason, before);
    }

    /** A direct read, current as of {@code now}. */
    public static Freshness direct(Instant now) {
        return new Freshness(now, false, "");
    }
}
