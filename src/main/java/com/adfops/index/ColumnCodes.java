package com.adfops.index;

import java.time.Instant;
import java.util.UUID;

/**
 * How {@link RunColumns} codes values as numbers: times as 100-ns ticks since the epoch ({@link #NULL} for none, the
 * seconds bounded so that a tick count never overflows), run ids (ADF's lower-case GUIDs) as two longs.
 */
final class ColumnCodes {

    /** No value (a run that has not ended, a run without a duration). */
    static final long NULL = Long.MIN_VALUE;
    private static final long TICKS_PER_SECOND = 10_000_000L;
    private static final long MAX_SECONDS = 900_000_000_000L;

    private ColumnCodes() {
    }

    /** Ticks at or after {@code t} (a window's edge: a run updated at tick u is at or after t iff u >= this). */
    static long ceilTicks(Instant t) {
        long s = Math.max(-MAX_SECONDS, Math.min(MAX_SECONDS, t.getEpochSecond()));
        return s * TICKS_PER_SECOND + (t.getNano() + 99) / 100;
    }

    /** Ticks of {@code t}: {@link #NULL} for none, {@link Long#MAX_VALUE} when it cannot be coded without loss. */
    static long ticks(Instant t) {
        if (t == null) {
            return NULL;
        }
        if (Math.abs(t.getEpochSecond()) > MAX_SECONDS || t.getNano() % 100 != 0) {
            return Long.MAX_VALUE;
        }
        return t.getEpochSecond() * TICKS_PER_SECOND + t.getNano() / 100;
    }

    /** Ticks for a search key (rounded down to 100 ns). */
    static long exactTicks(Instant t) {
        long s = Math.max(-MAX_SECONDS, Math.min(MAX_SECONDS, t.getEpochSecond()));
        return s * TICKS_PER_SECOND + t.getNano() / 100;
    }

    static Instant instant(long ticks) {
        return ticks == NULL ? null
                : Instant.ofEpochSecond(Math.floorDiv(ticks, TICKS_PER_SECOND), Math.floorMod(ticks, TICKS_PER_SECOND) * 100);
    }

    /** A lower-case GUID as two longs (as {@link UUID#toString()} writes it back), else null. */
    static long[] guid(String s) {
        if (s == null || s.length() != 36 || s.charAt(8) != '-' || s.charAt(13) != '-' || s.charAt(18) != '-'
                || s.charAt(23) != '-') {
            return null;
        }
        long hi = 0;
        long lo = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            char ch = s.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                continue;
            }
            int v = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
            if (v < 0) {
                return null;
            }
            if (digits++ < 16) {
                hi = (hi << 4) | v;
            } else {
                lo = (lo << 4) | v;
            }
        }
        return new long[] {hi, lo};
    }
}
