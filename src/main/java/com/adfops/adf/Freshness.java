package com.adfops.adf;

import java.time.Instant;

/**
 * How current an answer about a factory's runs is.
 *
 * @param asOf        when the data was last read from Data Factory
 * @param fromMemory  true when the bot's run index answered; false for a direct read (beyond the index's horizon,
 *                    or with no index)
 * @param staleReason why the index could not refresh lately (safe to show), or "" when it is current
 */
public record Freshness(Instant asOf, boolean fromMemory, String staleReason) {

    public Freshness {
        staleReason = staleReason == null ? "" : staleReason;
    }

    public boolean stale() {
        return !staleReason.isEmpty();
    }

    /** A direct read, current as of {@code now}. */
    public static Freshness direct(Instant now) {
        return new Freshness(now, false, "");
    }
}
