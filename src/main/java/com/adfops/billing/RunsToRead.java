package com.adfops.billing;

import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.Freshness;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background reader's work: runs questions asked for (first, at most {@link #WANTED_MAX}), then each factory's
 * backlog of finished runs without a summary (listed from the run index's memory after each of its refreshes), the
 * newest of them all first. A run is claimed while it is read (no two reads of one run), and one Data Factory does not
 * have the activity runs of is never asked for again. The lists are guarded by this.
 */
final class RunsToRead {

    private static final Logger log = LoggerFactory.getLogger(RunsToRead.class);
    /** The listing starts this far after the memory's start, so it is always answered from memory. */
    static final Duration EDGE = Duration.ofMinutes(2);
    /** Newest change first; the run id breaks ties (a stable order). */
    static final Comparator<PipelineRun> NEWEST_FIRST = Comparator.comparing(BillingLedger::updated).reversed()
            .thenComparing(PipelineRun::runId);

    /**
     * A listing after the first asks for the runs updated since this long before the refresh the last one followed:
     * the index lays runs written late over its memory within its overlap (5 minutes by default).
     */
    static final Duration OVERLAP = Duration.ofHours(1);
    /** How often a listing reads the whole memory again (a run whose read failed is queued again then). */
    static final Duration FULL_EVERY = Duration.ofMinutes(10);

    /** Runs questions asked for, waiting at most. */
    static final int WANTED_MAX = 20_000;
    /**
     * Runs of a factory's backlog held at most: the newest runs not read yet. The reads go at the read budget's
     * background pace (20 a second at most), so more would wait minutes anyway; a million-run memory would otherwise be
     * held a second time here, as records (400 bytes each), and listed whole every few minutes.
     */
    static final int BACKLOG_MAX = 2_000;
    /** A whole listing reads the memory back from its newest runs in windows of this length first (doubling). */
    static final Duration FIRST_WINDOW = Duration.ofHours(2);
    /** ... up to this length (at a million runs a week, 8 hours are 50,000 runs, built as records at once). */
    static final Duration LONGEST_WINDOW = Duration.ofHours(8);

    private final DataFactory adf;
    private final HeldSummaries summaries;
    private final int backlogMax;
    private final LinkedHashMap<String, PipelineRun> wanted = new LinkedHashMap<>();
    private final Map<FactoryRef, Deque<PipelineRun>> backlog = new LinkedHashMap<>();
    private final Set<String> reading = new HashSet<>();
    private final Set<String> unreadable = new HashSet<>();
    /**
     * A factory's last listing: where the memory started, the refresh it followed, when the whole memory was last
     * listed, and whether runs not read were left out of the backlog (listed again once the backlog is read).
     */
    private record Listing(Instant from, Instant asOf, Instant wholeAt, boolean stoppedShort) {
    }

    private final Map<FactoryRef, Listing> listings = new ConcurrentHashMap<>();
    /** The refresh each factory's listing followed (the index's as-of). */
    private final Map<FactoryRef, Instant> listedAsOf = new ConcurrentHashMap<>();

    RunsToRead(DataFactory adf, HeldSummaries summaries) {
        this(adf, summaries, BACKLOG_MAX);
    }

    /** @param backlogMax runs of a factory's backlog held at most (tests make it small) */
    RunsToRead(DataFactory adf, HeldSummaries summaries, int backlogMax) {
        this.adf = adf;
        this.summaries = summaries;
        this.backlogMax = backlogMax;
    }

    /** Queues the runs a question asked for (finished, not read, not being read, not unreadable). */
    synchronized void want(Collection<PipelineRun> runs) {
        for (PipelineRun r : runs) {
            String key = BillingLedger.key(r);
            if (wanted.size() < WANTED_MAX && r.status().isTerminal() && summaries.get(r) == null
                    && !reading.contains(key) && !unreadable.contains(key)) {
                wanted.putIfAbsent(key, r);
            }
        }
    }

    /** Data Factory does not have the run's activity runs: it is not asked for again. */
    synchronized void notFound(PipelineRun run) {
        String key = BillingLedger.key(run);
        unreadable.add(key);
        wanted.remove(key);
    }

    synchronized boolean unreadable(PipelineRun run) {
        return unreadable.contains(BillingLedger.key(run));
    }

    /** Runs asked for and not read yet, those being read included. */
    synchronized int wantedCount() {
        return wanted.size() + reading.size();
    }

    /**
     * Lists each factory's finished runs the memory holds (after a refresh of the index, or always when
     * {@code force}) and makes the newest of those without a summary its backlog, newest first, at most {@link
     * #BACKLOG_MAX} (from memory: no Data Factory request). After a first listing of the whole memory, a listing asks
     * only for the runs updated since a little before the refresh it last followed ({@link #OVERLAP}) and keeps the
     * rest of the backlog; the whole memory again when forced, when the memory reaches further back than it did (still
     * loading), every {@link #FULL_EVERY}, and when the backlog was read to its end while older runs were left out. A
     * whole listing reads the memory back from its newest runs, a window at a time ({@link #FIRST_WINDOW}, then twice
     * as long each time up to {@link #LONGEST_WINDOW}), and stops once it has its backlog: a million-run memory is not
     * built as records at once.
     */
    void relist(Instant now, boolean force) {
        for (FactoryRef f : adf.factories()) {
            try {
                Instant heldSince = adf.heldSince(f);
                if (heldSince == null) {
                    // No memory of runs: listing would read Data Factory; only what questions ask for is read.
                    continue;
                }
                Instant from = heldSince.plus(EDGE);
                Instant to = now.plusSeconds(60);
                if (!from.isBefore(to)) {
                    continue;
                }
                RunQuery all = new RunQuery(from, to, Set.of(), Set.of(), Integer.MAX_VALUE);
                Freshness fresh = adf.freshness(f, all);
                Instant asOf = fresh == null ? null : fresh.asOf();
                Listing last = listings.get(f);
                // The backlog is read and older runs not read were left out of it: list them now.
                boolean refill = last != null && last.stoppedShort() && backlogEmpty(f);
                if (!force && !refill && asOf != null && asOf.equals(listedAsOf.get(f))) {
                    continue;
                }
                boolean whole = force || refill || asOf == null || last == null || from.isBefore(last.from())
                        || !now.isBefore(last.wholeAt().plus(FULL_EVERY));
                Instant since = whole || last.asOf().minus(OVERLAP).isBefore(from) ? from : last.asOf().minus(OVERLAP);
                List<PipelineRun> pending = new ArrayList<>();
                boolean stoppedShort = whole && listNewest(f, from, to, pending);
                if (!whole) {
                    listSince(f, since, to, pending);
                    keepBacklog(f, pending, from);
                }
                pending.sort(NEWEST_FIRST);
                if (pending.size() > backlogMax) {
                    pending = new ArrayList<>(pending.subList(0, backlogMax));
                    stoppedShort = true;
                }
                backlog(f, pending);
                if (asOf != null) {
                    listings.put(f, new Listing(from, asOf, whole ? now : last.wholeAt(),
                            whole ? stoppedShort : last.stoppedShort() || stoppedShort));
                    listedAsOf.put(f, asOf);
                }
            } catch (DataFactoryException e) {
                log.debug("Cost ledger: cannot list the runs of {} now ({})", f.factoryName(), e.kind());
            }
        }
    }

    /** Adds to {@code pending} the finished runs without a summary updated in [since, to). */
    private void listSince(FactoryRef f, Instant since, Instant to, List<PipelineRun> pending) {
        for (PipelineRun r : adf.queryPipelineRuns(f, new RunQuery(since, to, Set.of(), Set.of(), Integer.MAX_VALUE))) {
            if (r.status().isTerminal() && summaries.get(r) == null) {
                pending.add(r);
            }
        }
    }

    /**
     * Adds to {@code pending} the newest finished runs without a summary updated in [from, to), reading back a window
     * at a time until it has {@link #BACKLOG_MAX} of them; whether it stopped before {@code from}.
     */
    private boolean listNewest(FactoryRef f, Instant from, Instant to, List<PipelineRun> pending) {
        Duration window = FIRST_WINDOW;
        Instant end = to;
        while (end.isAfter(from)) {
            if (pending.size() >= backlogMax) {
                return true;
            }
            Instant start = end.minus(window).isBefore(from) ? from : end.minus(window);
            listSince(f, start, end, pending);
            end = start;
            window = window.multipliedBy(2).compareTo(LONGEST_WINDOW) > 0 ? LONGEST_WINDOW : window.multipliedBy(2);
        }
        return false;
    }

    /** Whether a factory's latest listing left runs not read out of its backlog. */
    boolean leftOut() {
        return listings.values().stream().anyMatch(Listing::stoppedShort);
    }

    private synchronized boolean backlogEmpty(FactoryRef f) {
        Deque<PipelineRun> d = backlog.get(f);
        return d == null || d.isEmpty();
    }

    /** Adds to {@code listed} the runs of the backlog still to read: not listed again, in the memory, no summary. */
    private synchronized void keepBacklog(FactoryRef f, List<PipelineRun> listed, Instant from) {
        Set<String> again = new HashSet<>();
        for (PipelineRun r : listed) {
            again.add(BillingLedger.key(r));
        }
        for (PipelineRun r : backlog.getOrDefault(f, new ArrayDeque<>())) {
            if (!again.contains(BillingLedger.key(r)) && !BillingLedger.updated(r).isBefore(from)
                    && summaries.get(r) == null) {
                listed.add(r);
            }
        }
    }

    /** A factory's backlog as it stands (newest first), for tests. */
    synchronized List<PipelineRun> backlogOf(FactoryRef f) {
        return List.copyOf(backlog.getOrDefault(f, new ArrayDeque<>()));
    }

    /** Whether a listing has followed a refresh of the index. */
    boolean listed() {
        return !listedAsOf.isEmpty();
    }

    /** A factory's backlog, as its latest listing found it (newest first). */
    private synchronized void backlog(FactoryRef f, List<PipelineRun> newestFirst) {
        backlog.put(f, new ArrayDeque<>(newestFirst));
    }

    synchronized boolean hasBacklog() {
        return backlog.values().stream().anyMatch(d -> !d.isEmpty());
    }

    /** The next run to read (claimed): a wanted one, else the newest of the backlog; null when there is none. */
    synchronized PipelineRun next() {
        while (!wanted.isEmpty()) {
            var it = wanted.entrySet().iterator();
            var e = it.next();
            it.remove();
            if (claim(e.getValue())) {
                return e.getValue();
            }
        }
        while (true) {
            Deque<PipelineRun> newest = null;
            for (Deque<PipelineRun> d : backlog.values()) {
                if (!d.isEmpty() && (newest == null
                        || NEWEST_FIRST.compare(d.peekFirst(), newest.peekFirst()) < 0)) {
                    newest = d;
                }
            }
            if (newest == null) {
                return null;
            }
            PipelineRun r = newest.pollFirst();
            if (claim(r)) {
                return r;
            }
        }
    }

    private boolean claim(PipelineRun r) {
        String key = BillingLedger.key(r);
        return summaries.get(r) == null && !unreadable.contains(key) && reading.add(key);
    }

    /** A claimed run's read ended (read, failed or not started). */
    synchronized void done(PipelineRun r) {
        reading.remove(BillingLedger.key(r));
    }
}
