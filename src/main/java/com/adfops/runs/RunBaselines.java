package com.adfops.runs;

import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each pipeline's {@link DurationBaseline}, for "running long" at any cadence: its last successful runs (at least
 * {@link RunningLong#MIN_BASELINE}, at most {@link DurationBaseline#MAX_RUNS}), reaching back as far as needed.
 * <ol>
 *   <li>From the runs at hand (the bot's memory: an hourly pipeline has dozens there) when they are enough;</li>
 *   <li>else read back: Data Factory over its {@link DataFactory#ADF_RETENTION 45 days} (through the run index, whose
 *       memory answers the recent part), then, when that is still too few and the Log Analytics archive keeps more,
 *       over the archive's retention ({@link DataFactory#retention()}): a nightly pipeline has 7 runs in a week's
 *       memory, a weekly one 6 in ADF's 45 days.</li>
 * </ol>
 * A read back is one query per pipeline, on a small pool of its own (never on the question's thread: a question waits
 * for it at most {@link #turnWait()}, an answer without it says nothing about running long rather than come late), at
 * most one at a time per pipeline, and its result is kept: a baseline is cached per pipeline (at most {@link
 * #MAX_PIPELINES}, least recently used dropped) and refreshed, without reading Data Factory, when a newer success
 * arrives in the runs at hand. A pipeline whose history is too short is not read again until a newer success arrives;
 * a failed read is tried again after {@link #RETRY_AFTER}.
 */
public final class RunBaselines {

    private static final Logger log = LoggerFactory.getLogger(RunBaselines.class);

    /** How long a question waits for a baseline read back from Data Factory, by default. */
    public static final Duration TURN_WAIT = Duration.ofSeconds(3);
    /** Pipelines whose baseline is kept. */
    static final int MAX_PIPELINES = 2000;
    /** A failed read back is not tried again before this. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(5);
    /** Reads back queued at most (more are not started: the pipeline is judged at a later question or pass). */
    private static final int QUEUE = 256;

    /** The reads back of every instance: two at a time (ARM's read limits are shared with everything else). */
    private static final ThreadPoolExecutor READS = reads();

    /**
     * One pipeline's cached samples.
     *
     * @param samples   its latest successes, newest first
     * @param lookedBack whether Data Factory (or the archive) was read back for it
     * @param failedAt  when reading back last failed, or null
     */
    private record Entry(List<DurationBaseline.Sample> samples, boolean lookedBack, Instant failedAt) {

        Optional<DurationBaseline> baseline() {
            return samples.size() < RunningLong.MIN_BASELINE ? Optional.empty()
                    : Optional.of(DurationBaseline.of(samples));
        }
    }

    private final DataFactory adf;
    private final Clock clock;
    private final Map<String, Entry> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_PIPELINES;
        }
    };
    private final ConcurrentHashMap<String, CompletableFuture<Entry>> inFlight = new ConcurrentHashMap<>();
    private volatile Duration turnWait = TURN_WAIT;

    public RunBaselines(DataFactory adf, Clock clock) {
        this.adf = adf;
        this.clock = clock;
    }

    /** How long a question waits for a read back. */
    public Duration turnWait() {
        return turnWait;
    }

    /** Sets how long a question waits for a read back (tests wait as long as the read takes). */
    public RunBaselines turnWait(Duration wait) {
        this.turnWait = wait;
        return this;
    }

    /** The runs in progress among {@code known} running long, waiting for reads back at most {@link #turnWait()}. */
    public List<RunningLong> runningLong(List<PipelineRun> known, Instant now) {
        return runningLong(known, now, turnWait);
    }

    /**
     * The runs in progress among {@code known} that run long against their pipeline's baseline, longest first.
     *
     * @param known the runs at hand: their successes are the baseline when there are enough of them (a week of a
     *              factory's runs from memory, typically)
     * @param wait  how long to wait for reads back; a pipeline whose read is not done by then is left out this time
     */
    public List<RunningLong> runningLong(List<PipelineRun> known, Instant now, Duration wait) {
        List<PipelineRun> going = RunningLong.inProgress(known);
        if (going.isEmpty()) {
            return List.of();
        }
        Map<String, List<DurationBaseline.Sample>> memory = new LinkedHashMap<>();
        Map<String, PipelineRun> first = new LinkedHashMap<>();
        // The pipelines going now, by name: a week of runs is walked without building a key for each of its runs.
        java.util.Set<String> names = new java.util.HashSet<>();
        for (PipelineRun r : going) {
            String k = key(r.factory(), r.pipelineName());
            if (first.putIfAbsent(k, r) == null) {
                memory.put(k, new ArrayList<>());
                names.add(r.pipelineName().toLowerCase(Locale.ROOT));
            }
        }
        for (PipelineRun r : known) {
            if (r.status() != RunStatus.SUCCEEDED || !names.contains(r.pipelineName().toLowerCase(Locale.ROOT))) {
                continue;
            }
            List<DurationBaseline.Sample> held = memory.get(key(r.factory(), r.pipelineName()));
            if (held != null && r.duration().isPresent()) {
                held.add(new DurationBaseline.Sample(r.runId(), r.sortTime(), r.duration().get().toMillis()));
            }
        }
        Map<String, CompletableFuture<Optional<DurationBaseline>>> pending = new LinkedHashMap<>();
        first.forEach((k, r) -> pending.put(k, baseline(r.factory(), r.pipelineName(), newestFirst(memory.get(k)))));
        Map<String, Optional<DurationBaseline>> baselines = new LinkedHashMap<>();
        long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
        for (Map.Entry<String, CompletableFuture<Optional<DurationBaseline>>> e : pending.entrySet()) {
            baselines.put(e.getKey(), await(e.getValue(), deadline));
        }
        return RunningLong.find(going, now,
                r -> baselines.getOrDefault(key(r.factory(), r.pipelineName()), Optional.empty()));
    }

    /** The reads back going now, done when all of them are (for a caller that must see their results: tests). */
    public CompletableFuture<Void> pending() {
        return CompletableFuture.allOf(inFlight.values().toArray(CompletableFuture[]::new)).handle((x, e) -> null);
    }

    private static Optional<DurationBaseline> await(CompletableFuture<Optional<DurationBaseline>> f, long deadline) {
        try {
            long left = deadline - System.nanoTime();
            return left <= 0 ? f.getNow(Optional.empty()) : f.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    /**
     * One pipeline's baseline: at once from the cache or {@code memory} (its successes at hand, newest first), or once
     * read back.
     */
    public CompletableFuture<Optional<DurationBaseline>> baseline(FactoryRef factory, String pipeline,
                                                                  List<DurationBaseline.Sample> memory) {
        String key = key(factory, pipeline);
        Entry e;
        synchronized (cache) {
            e = cache.get(key);
            if (e != null) {
                List<DurationBaseline.Sample> merged = merge(memory, e.samples());
                if (!merged.equals(e.samples())) {
                    e = new Entry(merged, e.lookedBack(), e.failedAt());
                    cache.put(key, e);
                }
            } else if (memory.size() >= RunningLong.MIN_BASELINE) {
                e = new Entry(merge(memory, List.of()), false, null);
                cache.put(key, e);
            }
        }
        if (e != null && (e.samples().size() >= RunningLong.MIN_BASELINE || e.lookedBack())) {
            return CompletableFuture.completedFuture(e.baseline());
        }
        if (e != null && e.failedAt() != null && e.failedAt().plus(RETRY_AFTER).isAfter(clock.instant())) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> read = inFlight.putIfAbsent(key, mine);
        if (read == null) {
            read = mine;
            try {
                READS.execute(() -> {
                    // Out of the in-flight map before anyone sees the result: a caller woken by it that asks again
                    // must start a new read, not get this finished one back.
                    Entry result = null;
                    Throwable failure = null;
                    try {
                        result = readBack(factory, pipeline, memory, key);
                    } catch (RuntimeException | Error x) {
                        failure = x;
                    } finally {
                        inFlight.remove(key, mine);
                    }
                    if (failure == null) {
                        mine.complete(result);
                    } else {
                        mine.completeExceptionally(failure);
                    }
                });
            } catch (RejectedExecutionException full) {
                inFlight.remove(key, mine);
                mine.complete(new Entry(memory, false, null));
            }
        }
        return read.handle((x, err) -> x == null ? Optional.<DurationBaseline>empty() : x.baseline());
    }

    /** Reads the pipeline's successes back over ADF's retention, then the archive's; keeps what it found. */
    private Entry readBack(FactoryRef factory, String pipeline, List<DurationBaseline.Sample> memory, String key) {
        Instant now = clock.instant();
        List<DurationBaseline.Sample> found = merge(memory, List.of());
        Entry result;
        try {
            List<Duration> steps = new ArrayList<>(List.of(DataFactory.ADF_RETENTION));
            if (adf.retention().compareTo(DataFactory.ADF_RETENTION) > 0) {
                steps.add(adf.retention());
            }
            for (Duration back : steps) {
                List<PipelineRun> runs = adf.queryPipelineRuns(factory, new RunQuery(now.minus(back),
                        now.plus(Duration.ofMinutes(1)), Set.of(pipeline), Set.of(RunStatus.SUCCEEDED),
                        RunQuery.DEFAULT_MAX_RUNS));
                List<DurationBaseline.Sample> read = new ArrayList<>();
                for (PipelineRun r : runs) {
                    if (r.pipelineName().equalsIgnoreCase(pipeline) && r.status() == RunStatus.SUCCEEDED
                            && r.duration().isPresent()) {
                        read.add(new DurationBaseline.Sample(r.runId(), r.sortTime(), r.duration().get().toMillis()));
                    }
                }
                found = merge(found, newestFirst(read));
                if (found.size() >= RunningLong.MIN_BASELINE) {
                    break;
                }
            }
            result = new Entry(found, true, null);
            log.debug("Baseline of {} in {}: {} successful runs read back", pipeline, factory.factoryName(), found.size());
        } catch (DataFactoryException e) {
            log.debug("Could not read the baseline of {} in {} ({}); trying again later", pipeline,
                    factory.factoryName(), e.kind());
            result = new Entry(found, false, now);
        }
        synchronized (cache) {
            Entry meanwhile = cache.get(key);
            Entry kept = meanwhile == null ? result
                    : new Entry(merge(meanwhile.samples(), result.samples()), result.lookedBack() || meanwhile.lookedBack(),
                    result.failedAt());
            cache.put(key, kept);
            return kept;
        }
    }

    /** {@code a} and {@code b} (each newest first) as one list, each run once, newest first, at most the max. */
    static List<DurationBaseline.Sample> merge(List<DurationBaseline.Sample> a, List<DurationBaseline.Sample> b) {
        Map<String, DurationBaseline.Sample> byId = new LinkedHashMap<>();
        for (DurationBaseline.Sample s : a) {
            byId.putIfAbsent(s.runId(), s);
        }
        for (DurationBaseline.Sample s : b) {
            byId.putIfAbsent(s.runId(), s);
        }
        List<DurationBaseline.Sample> out = newestFirst(new ArrayList<>(byId.values()));
        return List.copyOf(out.subList(0, Math.min(out.size(), DurationBaseline.MAX_RUNS)));
    }

    private static List<DurationBaseline.Sample> newestFirst(List<DurationBaseline.Sample> samples) {
        List<DurationBaseline.Sample> out = new ArrayList<>(samples);
        out.sort(Comparator.comparing(DurationBaseline.Sample::start).reversed()
                .thenComparing(DurationBaseline.Sample::runId));
        return out;
    }

    private static String key(FactoryRef factory, String pipeline) {
        return factory.subscriptionId() + "/" + factory.resourceGroup() + "/" + factory.factoryName() + "/"
                + pipeline.toLowerCase(Locale.ROOT);
    }

    private static ThreadPoolExecutor reads() {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "baseline-reads-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
