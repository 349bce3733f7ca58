package com.adfops.sim;

/**
 * Walks one sorted list of slots of a {@link RunTable} in a direction: keys within [lo, hi], then (descending) or first
 * (ascending) those without a start; {@link RunTable#byStart} merges several.
 */
final class RunCursor {

    private static final long NONE = SimRuns.NONE;

    private final int[] slots;
    private final RunOverlay o;
    private final boolean desc;
    private final long lo;
    private final long hi;
    private final int noneEnd;
    private final int loIndex;
    private final int hiIndex;
    private int i;

    RunCursor(int[] slots, RunOverlay o, boolean desc, long lo, long hi, RunTable.Position from) {
        this.slots = slots;
        this.o = o;
        this.desc = desc;
        this.lo = lo;
        this.hi = hi;
        this.noneEnd = o.upperIndex(slots, NONE, Integer.MAX_VALUE);
        this.loIndex = Math.max(noneEnd, o.lowerIndex(slots, lo, Integer.MIN_VALUE));
        this.hiIndex = o.upperIndex(slots, hi, Integer.MAX_VALUE);
        if (desc) {
            i = hiIndex - 1;
            if (from != null) {
                i = Math.min(i, o.lowerIndex(slots, from.key(), from.slot()) - 1);
            }
        } else {
            i = from == null ? 0 : o.upperIndex(slots, from.key(), from.slot());
        }
    }

    /** The slot here, or -1 when done. */
    int peek() {
        if (desc) {
            if (i >= noneEnd && i < loIndex) {
                i = noneEnd - 1;
            }
            return i >= 0 ? slots[i] : -1;
        }
        if (i >= noneEnd && i < loIndex) {
            i = loIndex;
        }
        return i < slots.length && i < Math.max(hiIndex, noneEnd) ? slots[i] : -1;
    }

    void advance() {
        i += desc ? -1 : 1;
    }

    /** Whether cursor a's run comes before cursor b's in the direction. */
    static boolean before(RunCursor a, RunCursor b, boolean desc) {
        int sa = a.peek();
        int sb = b.peek();
        int c = Long.compare(a.o.key(sa), b.o.key(sb));
        if (c == 0) {
            c = Integer.compare(a.o.order(sa), b.o.order(sb));
        }
        if (c == 0) {
            // A replaced run and its newer version at the same place: the newer (the live one) first, in either
            // direction, so a token naming that place is never given before the live one was looked at.
            return sa > sb;
        }
        return desc ? c > 0 : c < 0;
    }
}
