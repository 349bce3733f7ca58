package com.adfops.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntToLongFunction;

/**
 * The runs of a simulated factory kept sorted, so a page of {@code queryPipelineRuns} costs a binary search plus the
 * page, not a scan: the starting runs ({@link SimRuns}) sorted once by {@code runStart} (all, and per pipeline) and by
 * {@code lastUpdated}; runs written since (reruns, cancels: few) in a small overlay that is rebuilt and published whole
 * on each write, with the slots it replaced marked dead. Readers take the published overlay once per request.
 *
 * <p>Times here are epoch microseconds rounded down, so every primitive test is a conservative one: it may let a run
 * through that the exact test on its JSON (the caller's) then rejects, never the other way round.
 */
final class RunTable {

    private static final long NONE = SimRuns.NONE;
    /** Per-pipeline lists are merged instead of walking all runs when the filter names at most this many pipelines. */
    private static final int MERGE_PIPELINES = 32;

    private final SimRuns base;
    private final int n;
    private final int[] byStart;
    private final int[] byUpdated;
    private final int[][] byPipeline;
    private final long baseMaxLag;
    private final long baseMinLag;
    private volatile Overlay overlay;
    /** Runs the page walks of {@link #byStart} looked at, in all: for tests of the page budget. */
    final AtomicLong looked = new AtomicLong();

    /**
     * Runs written since the start: slot {@code n + i} is {@code runs.get(i)}; {@code ids} maps a run id to its newest
     * slot; {@code dead} (sorted) holds the slots a later write replaced; {@code byStart}/{@code byUpdated} the live
     * overlay slots in order; the lags bound {@code lastUpdated - runStart} over all live runs. {@code order[i]} is
     * slot {@code n + i}'s tiebreak among equal keys: the slot of the run it replaced (that run's own tiebreak), else
     * {@code n + i}, so a rewritten run (a cancel, a rerun's rewrite) keeps its place among runs of the same start and a
     * continuation token naming it, or a run next to it, still resumes at the right place.
     */
    private record Overlay(List<ObjectNode> runs, List<List<ObjectNode>> activities, long[] start, long[] end,
                           long[] updated, int[] order, Map<String, Integer> ids, int[] byStart, int[] byUpdated,
                           int[] dead, long maxLag, long minLag, Set<String> pipelines) {
    }

    /**
     * Where a page resumes: after the run at {@code (key, slot)} in the page's direction; {@code slot} is the run's
     * tiebreak ({@link Overlay#order}), which a rewrite of the run keeps.
     */
    record Position(long key, int slot) {
    }

    /** A page and where the next one resumes (null: no more). */
    record Page(List<ObjectNode> runs, Position next) {
    }

    /**
     * What a run must be, tested on its numbers before its JSON is made: times in epoch microseconds; pipelines and
     * statuses by index of the starting runs' names (null: any). {@code inProgress}: whether a running run may match.
     */
    record Prefilter(long after, long before, long now, boolean[] pipelines, boolean[] statuses, boolean inProgress) {
    }

    RunTable(SimRuns base) {
        this.base = base;
        this.n = base.size();
        this.byStart = sortedSlots(n, base::start);
        this.byUpdated = sortedSlots(n, base::updated);
        int pipelines = base.pipelineNames().size();
        int[] counts = new int[pipelines];
        for (int s = 0; s < n; s++) {
            counts[base.pipeline(s)]++;
        }
        this.byPipeline = new int[pipelines][];
        for (int p = 0; p < pipelines; p++) {
            byPipeline[p] = new int[counts[p]];
        }
        int[] fill = new int[pipelines];
        for (int s : byStart) {
            int p = base.pipeline(s);
            byPipeline[p][fill[p]++] = s;
        }
        long max = 0;
        long min = 0;
        for (int s = 0; s < n; s++) {
            long st = base.start(s);
            long up = base.updated(s);
            if (st != NONE && up != NONE) {
                max = Math.max(max, saturatedMinus(up, st));
                min = Math.min(min, saturatedMinus(up, st));
            }
        }
        this.baseMaxLag = max;
        this.baseMinLag = min;
        this.overlay = new Overlay(List.of(), List.of(), new long[0], new long[0], new long[0], new int[0], Map.of(),
                new int[0], new int[0], new int[0], max, min, Set.of());
    }

    SimRuns base() {
        return base;
    }

    // ---- reads by id, and the whole ------------------------------------------------------------------------

    /** The stored run with this id (its newest version), or null. */
    ObjectNode run(String runId) {
        Overlay o = overlay;
        int s = slotOf(o, runId);
        return s < 0 ? null : json(o, s);
    }

    /** The stored activity runs of the run with this id (empty if none). */
    List<ObjectNode> activities(String runId) {
        Overlay o = overlay;
        int s = slotOf(o, runId);
        return s < 0 ? List.of() : s < n ? base.activities(s) : o.activities().get(s - n);
    }

    /** Every live run, the starting ones first, made on demand (a generated factory's runs are not held as JSON). */
    List<ObjectNode> all() {
        Overlay o = overlay;
        int[] live = liveSlots(o);
        return new AbstractList<>() {
            @Override
            public ObjectNode get(int i) {
                return json(o, live == null ? i : live[i]);
            }

            @Override
            public int size() {
                return live == null ? n + o.runs().size() : live.length;
            }
        };
    }

    /** The pipelines that have runs. */
    Set<String> pipelineNames() {
        Set<String> names = new LinkedHashSet<>(base.pipelineNames());
        names.addAll(overlay.pipelines());
        return names;
    }

    /** The visible run of {@code pipeline} (any case) with the latest start, as of {@code view}; null if none. */
    ObjectNode latestStarted(String pipeline, long now, Function<ObjectNode, ObjectNode> view) {
        Overlay o = overlay;
        ObjectNode best = null;
        long bestKey = NONE;
        List<String> names = base.pipelineNames();
        for (int p = 0; p < names.size(); p++) {
            if (!names.get(p).equalsIgnoreCase(pipeline)) {
                continue;
            }
            int[] list = byPipeline[p];
            for (int i = upperIndex(list, o, now, Integer.MAX_VALUE) - 1; i >= 0; i--) {
                int s = list[i];
                ObjectNode v = dead(o, s) ? null : view.apply(json(o, s));
                if (v != null) {
                    if (best == null || key(o, s) > bestKey) {
                        best = v;
                        bestKey = key(o, s);
                    }
                    break;
                }
            }
        }
        for (int s : o.byStart()) {
            ObjectNode r = json(o, s);
            if (pipeline.equalsIgnoreCase(SimDataset.text(r, "pipelineName")) && key(o, s) <= now) {
                ObjectNode v = view.apply(r);
                if (v != null && (best == null || key(o, s) > bestKey)) {
                    best = v;
                    bestKey = key(o, s);
                }
            }
        }
        return best;
    }

    // ---- writes --------------------------------------------------------------------------------------------

    /** Adds a run, or replaces the run with its id (a cancel): the sorted structures follow. */
    synchronized void put(ObjectNode run, List<ObjectNode> activities) {
        Overlay o = overlay;
        String id = SimDataset.text(run, "runId");
        int old = slotOf(o, id);
        List<ObjectNode> runs = new ArrayList<>(o.runs());
        runs.add(run);
        List<List<ObjectNode>> acts = new ArrayList<>(o.activities());
        acts.add(List.copyOf(activities));
        int k = runs.size();
        long[] start = Arrays.copyOf(o.start(), k);
        long[] end = Arrays.copyOf(o.end(), k);
        long[] updated = Arrays.copyOf(o.updated(), k);
        int[] order = Arrays.copyOf(o.order(), k);
        // The new version takes the replaced one's place among equal starts (its tiebreak), not the new slot's.
        order[k - 1] = old >= 0 ? order(o, old) : n + k - 1;
        start[k - 1] = SimRuns.micros(SimDataset.time(run, "runStart"));
        end[k - 1] = SimRuns.micros(SimDataset.time(run, "runEnd"));
        long lu = SimRuns.micros(SimDataset.time(run, "lastUpdated"));
        updated[k - 1] = lu != NONE ? lu : end[k - 1] != NONE ? end[k - 1] : start[k - 1];
        Map<String, Integer> ids = new HashMap<>(o.ids());
        ids.put(id, n + k - 1);
        int[] dead = o.dead();
        if (old >= 0) {
            dead = Arrays.copyOf(dead, dead.length + 1);
            dead[dead.length - 1] = old;
            Arrays.sort(dead);
        }
        List<Integer> live = new ArrayList<>();
        long maxLag = baseMaxLag;
        long minLag = baseMinLag;
        for (int i = 0; i < k; i++) {
            if (Arrays.binarySearch(dead, n + i) < 0) {
                live.add(n + i);
                if (start[i] != NONE && updated[i] != NONE) {
                    maxLag = Math.max(maxLag, saturatedMinus(updated[i], start[i]));
                    minLag = Math.min(minLag, saturatedMinus(updated[i], start[i]));
                }
            }
        }
        Set<String> pipelines = new LinkedHashSet<>(o.pipelines());
        pipelines.add(SimDataset.text(run, "pipelineName"));
        Overlay next = new Overlay(List.copyOf(runs), List.copyOf(acts), start, end, updated, order, Map.copyOf(ids),
                sorted(live, start, order), sorted(live, updated, order), dead, maxLag, minLag, Set.copyOf(pipelines));
        this.overlay = next;
    }

    private int[] sorted(List<Integer> slots, long[] keys, int[] order) {
        return slots.stream()
                .sorted(Comparator.comparingLong((Integer s) -> keys[s - n]).thenComparingInt(s -> order[s - n]))
                .mapToInt(Integer::intValue).toArray();
    }

    // ---- pages ---------------------------------------------------------------------------------------------

    /**
     * A page of runs ordered by {@code runStart} (then slot), descending or ascending, resuming after {@code from}
     * (null: from the first): the runs whose {@code lastUpdated} can lie in the filter's window are those that started
     * at most the largest {@code lastUpdated - runStart} before it (and those with no start), so the walk begins with a
     * binary search and ends after the page, or after {@code budget} runs looked at (a page then comes back short, with
     * a token, as ADF's do; also when the page is full and the walk is still looking for one more run, so the last
     * page of a sparse filter does not scan to the end: the next page, maybe empty, then says). {@code view} is the
     * exact test: the run as ADF shows it now if it matches, else null.
     */
    Page byStart(Prefilter f, boolean desc, Position from, Function<ObjectNode, ObjectNode> view, int pageSize,
                 int budget) {
        Overlay o = overlay;
        long lo = saturatedMinus(f.after(), o.maxLag() + 1);
        long hi = Math.min(saturatedMinus(f.before(), o.minLag() - 1), f.now() == Long.MAX_VALUE ? f.now() : f.now() + 1);
        List<Cursor> cursors = new ArrayList<>();
        int[][] lists = pipelineLists(f.pipelines());
        for (int[] list : lists) {
            cursors.add(new Cursor(list, o, desc, lo, hi, from));
        }
        cursors.add(new Cursor(o.byStart(), o, desc, lo, hi, from));
        List<ObjectNode> out = new ArrayList<>(Math.min(pageSize, 1024));
        long returnedKey = 0;
        int returnedSlot = -1;
        int looked = 0;
        try {
            while (true) {
                Cursor best = null;
                for (Cursor c : cursors) {
                    if (c.peek() >= 0 && (best == null || before(c, best, desc))) {
                        best = c;
                    }
                }
                if (best == null) {
                    return new Page(out, null);
                }
                int s = best.peek();
                long key = key(o, s);
                best.advance();
                looked++;
                if (!dead(o, s) && passes(o, s, f)) {
                    ObjectNode v = view.apply(json(o, s));
                    if (v != null) {
                        if (out.size() >= pageSize) {
                            // There is one more: the next page starts after the last one returned.
                            return new Page(out, new Position(returnedKey, returnedSlot));
                        }
                        out.add(v);
                        returnedKey = key;
                        returnedSlot = order(o, s);
                    }
                }
                if (looked >= budget) {
                    // The budget holds while looking for one more run too (a full page): resume after the last run
                    // returned, so a run looked at since is looked at again by the next page (which may be empty).
                    return out.size() < pageSize ? new Page(out, new Position(key, order(o, s)))
                            : new Page(out, new Position(returnedKey, returnedSlot));
                }
            }
        } finally {
            this.looked.addAndGet(looked);
        }
    }

    /**
     * The runs whose {@code lastUpdated} as of now may lie in the window (finished runs by {@code lastUpdated}, running
     * ones by {@code runStart}, those without a start, the written ones), each as {@code view} gives it, in slot order:
     * for orders the sorted structures do not hold, which the caller sorts.
     */
    List<ObjectNode> window(Prefilter f, Function<ObjectNode, ObjectNode> view) {
        Overlay o = overlay;
        BitSet candidates = new BitSet(n);
        range(byUpdated, o, base::updated, f.after(), f.before(), candidates);
        range(byStart, o, base::start, f.after(), f.before(), candidates);
        for (int i = 0; i < byStart.length && base.start(byStart[i]) == NONE; i++) {
            candidates.set(byStart[i]);
        }
        for (int i = 0; i < byUpdated.length && base.updated(byUpdated[i]) == NONE; i++) {
            candidates.set(byUpdated[i]);
        }
        for (int s : o.byStart()) {
            candidates.set(s);
        }
        List<ObjectNode> out = new ArrayList<>();
        for (int s = candidates.nextSetBit(0); s >= 0; s = candidates.nextSetBit(s + 1)) {
            if (!dead(o, s) && passes(o, s, f)) {
                ObjectNode v = view.apply(json(o, s));
                if (v != null) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private void range(int[] sorted, Overlay o, IntToLongFunction key, long lo, long hi, BitSet into) {
        int i = lowerIndex(sorted, key, lo);
        for (; i < sorted.length && key.applyAsLong(sorted[i]) <= hi; i++) {
            into.set(sorted[i]);
        }
    }

    /** The starting runs' lists a page walks: the named pipelines' own when few, else all runs by start. */
    private int[][] pipelineLists(boolean[] pipelines) {
        if (pipelines == null) {
            return new int[][] {byStart};
        }
        List<int[]> lists = new ArrayList<>();
        long total = 0;
        for (int p = 0; p < pipelines.length && p < byPipeline.length; p++) {
            if (pipelines[p]) {
                lists.add(byPipeline[p]);
                total += byPipeline[p].length;
            }
        }
        if (lists.size() > MERGE_PIPELINES || total > n / 4 + 64) {
            return new int[][] {byStart};
        }
        return lists.toArray(new int[0][]);
    }

    /**
     * The conservative test on numbers: started by now, in a wanted pipeline and status, {@code lastUpdated} as of now
     * (the start while running) in the window. When a time is too close to call, the run passes to the exact test.
     */
    private boolean passes(Overlay o, int s, Prefilter f) {
        long st = s < n ? base.start(s) : o.start()[s - n];
        if (st != NONE && st > f.now()) {
            return false;
        }
        if (s < n && f.pipelines() != null && !f.pipelines()[base.pipeline(s)]) {
            return false;
        }
        long en = s < n ? base.end(s) : o.end()[s - n];
        if (en != NONE && en == f.now()) {
            return true;
        }
        boolean running = en != NONE && en > f.now();
        long lu;
        if (running) {
            if (s < n && f.statuses() != null && !f.inProgress()) {
                return false;
            }
            if (st == NONE || st == f.now()) {
                return true;
            }
            lu = st;
        } else {
            if (s < n && f.statuses() != null && !f.statuses()[base.status(s)]) {
                return false;
            }
            lu = s < n ? base.updated(s) : o.updated()[s - n];
        }
        return lu == NONE || (lu >= f.after() && lu <= f.before());
    }

    // ---- cursors over sorted slots -------------------------------------------------------------------------

    /** Walks one sorted list of slots in a direction: keys within [lo, hi], then (descending) or first (ascending) those without a start. */
    private final class Cursor {
        private final int[] slots;
        private final Overlay o;
        private final boolean desc;
        private final long lo;
        private final long hi;
        private final int noneEnd;
        private final int loIndex;
        private final int hiIndex;
        private int i;

        Cursor(int[] slots, Overlay o, boolean desc, long lo, long hi, Position from) {
            this.slots = slots;
            this.o = o;
            this.desc = desc;
            this.lo = lo;
            this.hi = hi;
            this.noneEnd = upperIndex(slots, o, NONE, Integer.MAX_VALUE);
            this.loIndex = Math.max(noneEnd, lowerIndex(slots, o, lo, Integer.MIN_VALUE));
            this.hiIndex = upperIndex(slots, o, hi, Integer.MAX_VALUE);
            if (desc) {
                i = hiIndex - 1;
                if (from != null) {
                    i = Math.min(i, lowerIndex(slots, o, from.key(), from.slot()) - 1);
                }
            } else {
                i = from == null ? 0 : upperIndex(slots, o, from.key(), from.slot());
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
    }

    /** Whether cursor a's run comes before cursor b's in the direction. */
    private boolean before(Cursor a, Cursor b, boolean desc) {
        int sa = a.peek();
        int sb = b.peek();
        int c = Long.compare(key(a.o, sa), key(b.o, sb));
        if (c == 0) {
            c = Integer.compare(order(a.o, sa), order(b.o, sb));
        }
        if (c == 0) {
            // A replaced run and its newer version at the same place: the newer (the live one) first, in either
            // direction, so a token naming that place is never given before the live one was looked at.
            return sa > sb;
        }
        return desc ? c > 0 : c < 0;
    }

    /** The first index whose (start, tiebreak) is at least (key, slot). */
    private int lowerIndex(int[] slots, Overlay o, long key, int slot) {
        int lo = 0;
        int hi = slots.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long k = key(o, slots[mid]);
            if (k < key || (k == key && order(o, slots[mid]) < slot)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index whose (start, tiebreak) is above (key, slot). */
    private int upperIndex(int[] slots, Overlay o, long key, int slot) {
        int lo = 0;
        int hi = slots.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long k = key(o, slots[mid]);
            if (k < key || (k == key && order(o, slots[mid]) <= slot)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int lowerIndex(int[] slots, IntToLongFunction key, long min) {
        int lo = 0;
        int hi = slots.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (key.applyAsLong(slots[mid]) < min) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // ---- slots ---------------------------------------------------------------------------------------------

    private long key(Overlay o, int s) {
        return s < n ? base.start(s) : o.start()[s - n];
    }

    /** The slot's tiebreak among equal keys: its own for a starting run, the replaced run's for a rewritten one. */
    private int order(Overlay o, int s) {
        return s < n ? s : o.order()[s - n];
    }

    private ObjectNode json(Overlay o, int s) {
        return s < n ? base.json(s) : o.runs().get(s - n);
    }

    private boolean dead(Overlay o, int s) {
        return o.dead().length > 0 && Arrays.binarySearch(o.dead(), s) >= 0;
    }

    private int slotOf(Overlay o, String runId) {
        if (runId == null) {
            return -1;
        }
        Integer s = o.ids().get(runId);
        return s != null ? s : base.slotOf(runId);
    }

    /** The live slots in order, or null when every slot is live. */
    private int[] liveSlots(Overlay o) {
        if (o.dead().length == 0) {
            return null;
        }
        int total = n + o.runs().size();
        int[] live = new int[total - o.dead().length];
        int k = 0;
        for (int s = 0; s < total; s++) {
            if (!dead(o, s)) {
                live[k++] = s;
            }
        }
        return k == live.length ? live : Arrays.copyOf(live, k);
    }

    /** Slots 0..n-1 ordered by (key, slot), keys {@link SimRuns#NONE} first; packed into longs and sorted when they fit. */
    static int[] sortedSlots(int n, IntToLongFunction key) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int s = 0; s < n; s++) {
            long k = key.applyAsLong(s);
            if (k != NONE) {
                min = Math.min(min, k);
                max = Math.max(max, k);
            }
        }
        int slotBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, n));
        long span = min > max ? 1 : saturatedMinus(max, min) + 2;
        int keyBits = span <= 0 ? 64 : 64 - Long.numberOfLeadingZeros(span);
        if (keyBits + slotBits <= 63) {
            long[] packed = new long[n];
            for (int s = 0; s < n; s++) {
                long k = key.applyAsLong(s);
                long rel = k == NONE ? 0 : k - min + 1;
                packed[s] = (rel << slotBits) | s;
            }
            Arrays.sort(packed);
            int[] out = new int[n];
            long mask = (1L << slotBits) - 1;
            for (int i = 0; i < n; i++) {
                out[i] = (int) (packed[i] & mask);
            }
            return out;
        }
        Integer[] boxed = new Integer[n];
        for (int s = 0; s < n; s++) {
            boxed[s] = s;
        }
        Arrays.sort(boxed, Comparator.comparingLong((Integer s) -> key.applyAsLong(s)).thenComparingInt(s -> s));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    private static long saturatedMinus(long a, long b) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) {
            return a < 0 ? Long.MIN_VALUE + 1 : Long.MAX_VALUE;
        }
        return r;
    }
}
