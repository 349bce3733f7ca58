package com.adfops.index;

import com.adfops.adf.FactoryStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * How far one factory's refresh reaches back before its watermark (the newest update Data Factory listed), and the
 * late writes it saw. It starts at the configured overlap and is narrowed so that what a refresh is expected to read
 * (the rate of changes seen over the last refreshes, times the interval plus the overlap) fits one Data Factory page,
 * never below {@link #FLOOR}: a small factory keeps the whole configured overlap. A <em>late write</em> is a run read
 * that is older than the previous watermark and that the memory did not hold with that update (Data Factory listed it
 * late): it widens the overlap to twice its lateness, and at least to how far it lies before the newest update of the
 * read that listed it (the most it can have been listed late), never past the configured overlap, for
 * {@link #LATE_HOLD}. Written by the refresher thread only; read by {@code /health}.
 */
final class RefreshOverlap {

    /** Runs in one page of Data Factory's answer to a query of runs: a refresh reading fewer makes one request. */
    static final int PAGE = 100;
    /** The runs a refresh aims to read: nine tenths of a page, as arrivals are uneven from one interval to the next. */
    static final int TARGET = PAGE * 9 / 10;
    /**
     * The narrowest overlap. Data Factory lists most updates within seconds of stamping them; 15 s keeps room for
     * those and for a refresh that starts late, and at 2 runs a second (30 s refreshes) still fits a page.
     */
    static final Duration FLOOR = Duration.ofSeconds(15);
    /** How long a widening for a late write holds after the last late write that asked for it. */
    static final Duration LATE_HOLD = Duration.ofMinutes(30);
    /** The refreshes the rate of changes is measured over. */
    private static final int RATE_WINDOW = 4;

    /**
     * What one read of what changed found, against the memory before it.
     *
     * @param changes    runs the memory did not hold with that update
     * @param lateWrites those of them older than the watermark before the read
     * @param lateness   how far the oldest of those lies before that watermark; null when none
     * @param delay      how far it lies before the newest update of this read: at most how late Data Factory listed
     *                   it (its lateness understates that by up to an interval); null when none
     * @param newest     the newest update read; null when the read was empty
     */
    record Seen(int changes, int lateWrites, Duration lateness, Duration delay, Instant newest) {
    }

    private final long[] changes = new long[RATE_WINDOW];
    private final long[] elapsedMs = new long[RATE_WINDOW];
    private int observations;
    /** When (our clock) the last read of what changed ended; null before the first. */
    private Instant lastRead;
    /** The overlap a late write asked for, until {@link #lateUntil}. */
    private Duration lateWidth = Duration.ZERO;
    private Instant lateUntil;
    private volatile Duration effective;
    private volatile long lateWrites;
    private volatile Duration lastLateness;

    /** The overlap of the next refresh: the configured one until a rate is known. */
    Duration effective(Duration configured) {
        Duration e = effective;
        return e == null ? configured : e;
    }

    /**
     * Takes in what a refresh at {@code now} found and sets the next overlap.
     *
     * @param since when the memory was last current (our clock), for the first read; null when not known
     * @return the lateness of the late writes read when they widened the overlap (to log once), else null
     */
    Duration observe(Seen seen, Instant now, Instant since, Duration configured, Duration interval) {
        Instant from = lastRead != null ? lastRead : since;
        lastRead = now;
        if (from != null && now.isAfter(from)) {
            int i = observations++ % RATE_WINDOW;
            changes[i] = seen.changes();
            elapsedMs[i] = Duration.between(from, now).toMillis();
        }
        Duration before = effective(configured);
        Duration widenedBy = null;
        if (seen.lateWrites() > 0) {
            lateWrites += seen.lateWrites();
            lastLateness = seen.lateness();
            // Twice the lateness; at least the delay, so that a write as late as this one is read next time (a
            // write listed 35 s late can lie only 5 s before the watermark: twice that would not cover the next).
            Duration wanted = min(max(seen.lateness().multipliedBy(2), seen.delay()), configured);
            lateWidth = lateUntil != null && now.isBefore(lateUntil) ? max(lateWidth, wanted) : wanted;
            lateUntil = now.plus(LATE_HOLD);
            if (wanted.compareTo(before) > 0) {
                widenedBy = seen.lateness();
            }
        }
        Duration next = fit(configured, interval);
        if (lateUntil != null && now.isBefore(lateUntil)) {
            next = max(next, lateWidth);
        } else {
            lateWidth = Duration.ZERO;
            lateUntil = null;
        }
        effective = next;
        return widenedBy;
    }

    /**
     * The overlap whose read is expected to fit {@link #TARGET} runs at the rate seen: the configured one while no rate
     * is known or it fits, at least {@link #FLOOR} (or the configured overlap when it is smaller).
     */
    private Duration fit(Duration configured, Duration interval) {
        long c = 0;
        long ms = 0;
        for (int i = 0; i < Math.min(observations, RATE_WINDOW); i++) {
            c += changes[i];
            ms += elapsedMs[i];
        }
        if (c == 0 || ms <= 0) {
            return configured;
        }
        // TARGET runs take TARGET / (c / ms) at the rate seen; the interval's new runs take their part of them.
        long fitMs = TARGET * ms / c - interval.toMillis();
        Duration floor = min(FLOOR, configured);
        return min(configured, max(floor, Duration.ofMillis(Math.max(0, fitMs))));
    }

    /**
     * What {@code block} (a read of what changed) brings against {@code snap} (the memory before it): the runs it did
     * not hold with that update, those among them older than {@code previous} (the watermark before the read: late
     * writes) and the latest's lateness, and the newest update read (null when the read was empty).
     */
    static Seen scan(Snapshot snap, RunColumns block, Instant previous) {
        long watermark = previous == null ? Long.MIN_VALUE : ColumnCodes.ceilTicks(previous);
        long newest = Long.MIN_VALUE;
        long oldestLate = Long.MAX_VALUE;
        int changed = 0;
        int late = 0;
        for (int r = 0; r < block.size; r++) {
            long u = block.updateKey(r);
            newest = Math.max(newest, u);
            long held = held(snap, block, r);
            if (held != ColumnCodes.NULL && held >= u) {
                continue;
            }
            changed++;
            if (u < watermark) {
                late++;
                oldestLate = Math.min(oldestLate, u);
            }
        }
        Instant oldest = late == 0 ? null : ColumnCodes.instant(oldestLate);
        Instant last = newest == Long.MIN_VALUE ? null : ColumnCodes.instant(newest);
        return new Seen(changed, late, oldest == null ? null : Duration.between(oldest, previous),
                oldest == null ? null : Duration.between(oldest, last), last);
    }

    /** The newest update in {@code block}, or null when it is empty. */
    static Instant newest(RunColumns block) {
        long newest = Long.MIN_VALUE;
        for (int r = 0; r < block.size; r++) {
            newest = Math.max(newest, block.updateKey(r));
        }
        return newest == Long.MIN_VALUE ? null : ColumnCodes.instant(newest);
    }

    /** The update (ticks) of the live state of row {@code r}'s run in {@code snap}, or {@link ColumnCodes#NULL}. */
    private static long held(Snapshot snap, RunColumns block, int r) {
        for (int b = 0; b < snap.blocks().size(); b++) {
            RunColumns c = snap.blocks().get(b);
            int o = c.findSame(block, r);
            java.util.BitSet dead = snap.dead().get(b);
            if (o >= 0 && (dead == null || !dead.get(o))) {
                return c.updateKey(o);
            }
        }
        return ColumnCodes.NULL;
    }

    /** For {@code /health}. */
    FactoryStatus.Overlap status(Duration configured) {
        return new FactoryStatus.Overlap(effective(configured), configured, lateWrites, lastLateness);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
