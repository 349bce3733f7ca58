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
     * A listing after a refresh looks only at the runs updated since the factory's previous listing, less this much
     * (runs that reach the index late); the backlog keeps what earlier listings found.
     */
    static final Duration LISTING_OVERLAP = Duration.ofMinutes(15);
    /** How often the listing looks at every run the memory holds again (runs that left it leave the backlog). */
    static final Duration FULL_LISTING_EVERY = Duration.ofMinutes(10);

    /** Runs questions asked for, waiting at most. */
    static final int WANTED_MAX = 20_000;

    private final DataFactory adf;
    private final HeldSummaries summaries;
    private final LinkedHashMap<String, PipelineRun> wanted = new LinkedHashMap<>();
    private final Map<FactoryRef, Deque<PipelineRun>> backlog = new LinkedHashMap<>();
    private final Set<String> reading = new HashSet<>();
    private final Set<String> unreadable = new HashSet<>();
    /** The refresh each factory's listing followed (the index's as-of). */
    private final Map<FactoryRef, Instant> listedAsOf = new ConcurrentHashMap<>();
    /** When each factory's listing last looked at every run the memory holds. */
    private final Map<FactoryRef, Instant> fullListingAt = new ConcurrentHashMap<>();
    /** How many runs the latest listing built (every run of the memory, or those updated since the previous one). */
    private volatile int lastListed;

    RunsToRead(DataFactory adf, HeldSummaries summaries) {
        this.adf = adf;
        this.summaries = summaries;
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
     * {@code force}) and makes those without a summary its backlog, newest first (from memory: no Data Factory
     * request). Every {@link #FULL_LISTING_EVERY} the listing looks at every run of the memory; in between only at the
     * runs updated since the previous listing ({@link #LISTING_OVERLAP} earlier), put before the backlog: at a
     * hundred thousand runs a full listing builds every run's record after every refresh of the index, garbage that
     * made the bot's slowest answers (JFR; BENCHMARKS.md, "Load targets at scale").
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
                Instant previous = listedAsOf.get(f);
                if (!force && asOf != null && asOf.equals(previous)) {
                    continue;
                }
                Instant full = fullListingAt.get(f);
                Instant since = previous == null ? null : previous.minus(LISTING_OVERLAP);
                boolean incremental = since != null && full != null && now.isBefore(full.plus(FULL_LISTING_EVERY))
                        && since.isAfter(from) && since.isBefore(to);
                RunQuery query = incremental ? new RunQuery(since, to, Set.of(), Set.of(), Integer.MAX_VALUE) : all;
                List<PipelineRun> pending = new ArrayList<>();
                int listed = 0;
                for (PipelineRun r : adf.queryPipelineRuns(f, query)) {
                    listed++;
                    if (r.status().isTerminal() && summaries.get(r) == null) {
                        pending.add(r);
                    }
                }
                lastListed = listed;
                pending.sort(NEWEST_FIRST);
                if (incremental) {
                    addNewest(f, pending, from);
                } else {
                    backlog(f, pending);
                    fullListingAt.put(f, now);
                }
                if (asOf != null) {
                    listedAsOf.put(f, asOf);
                }
            } catch (DataFactoryException e) {
                log.debug("Cost ledger: cannot list the runs of {} now ({})", f.factoryName(), e.kind());
            }
        }
    }

    /** Whether a listing has followed a refresh of the index. */
    boolean listed() {
        return !listedAsOf.isEmpty();
    }

    /** A factory's backlog, as its latest listing found it (newest first). */
    private synchronized void backlog(FactoryRef f, List<PipelineRun> newestFirst) {
        backlog.put(f, new ArrayDeque<>(newestFirst));
    }

    /**
     * Puts the runs of an incremental listing (newest first) before the factory's backlog and drops from its end the
     * runs updated before {@code heldFrom} (they left the memory). A run listed twice is read once ({@link #claim}).
     */
    private synchronized void addNewest(FactoryRef f, List<PipelineRun> newestFirst, Instant heldFrom) {
        Deque<PipelineRun> d = backlog.computeIfAbsent(f, k -> new ArrayDeque<>());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            d.addFirst(newestFirst.get(i));
        }
        while (!d.isEmpty() && BillingLedger.updated(d.peekLast()).isBefore(heldFrom)) {
            d.pollLast();
        }
    }

    /** How many runs the latest listing built. */
    int lastListed() {
        return lastListed;
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

    /**
     * A claimed run's read ended (read, failed or not started). One not read goes back to the front of its
     * factory's backlog: listings between full ones do not list it again.
     */
    synchronized void done(PipelineRun r) {
        String key = BillingLedger.key(r);
        reading.remove(key);
        if (summaries.get(r) == null && !unreadable.contains(key)) {
            backlog.computeIfAbsent(r.factory(), k -> new ArrayDeque<>()).addFirst(r);
        }
    }
}
