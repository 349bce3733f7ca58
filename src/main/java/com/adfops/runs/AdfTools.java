package com.adfops.runs;

import com.adfops.billing.CostRates;
import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.FactoryStatus;
import com.adfops.adf.Freshness;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The tool functions every agent uses: {@code adf_pipeline_runs} and {@code adf_pipeline_activity_runs}.
 * Both are read-only. The offline agent calls them directly; the Foundry agent calls them from the model's
 * function calls.
 */
public final class AdfTools {

    public static final String PIPELINE_RUNS = "adf_pipeline_runs";
    public static final String ACTIVITY_RUNS = "adf_pipeline_activity_runs";

    private static final Duration NAME_CACHE_TTL = Duration.ofMinutes(5);

    private final DataFactory adf;
    private final Clock clock;
    private final Map<FactoryRef, CachedNames> names = new ConcurrentHashMap<>();

    private record CachedNames(List<String> names, Instant at) {
    }

    /**
     * Arguments of {@code adf_pipeline_runs}.
     *
     * @param factory  a configured factory's name, or null for all
     * @param pipeline a pipeline name, a pattern with {@code *}, a fuzzy name, or null for all
     * @param statuses statuses to keep; empty for all
     * @param window   the time window (runs updated within it)
     */
    public record RunsRequest(String factory, String pipeline, Set<RunStatus> statuses, TimeWindow window) {
    }

    /**
     * Result of {@code adf_pipeline_runs}.
     *
     * @param window     the window queried
     * @param factories  the factories queried
     * @param pipelines  the pipeline names the request resolved to (empty = all)
     * @param runs       matching runs, newest first
     * @param unknownPipeline true when a pipeline was named but none matched
     * @param closest    the closest pipeline names when none matched or the name was ambiguous
     * @param freshness  how current the runs are (the oldest of the factories read)
     */
    public record RunsResult(TimeWindow window, List<FactoryRef> factories, List<String> pipelines,
                             List<PipelineRun> runs, boolean unknownPipeline, List<String> closest, Freshness freshness) {

        public RunsResult(TimeWindow window, List<FactoryRef> factories, List<String> pipelines,
                          List<PipelineRun> runs, boolean unknownPipeline, List<String> closest) {
            this(window, factories, pipelines, runs, unknownPipeline, closest, null);
        }
    }

    public AdfTools(DataFactory adf, Clock clock) {
        this(adf, clock, CostRates.LIST_PRICES);
    }

    /** @param rates the prices cost estimates use */
    public AdfTools(DataFactory adf, Clock clock, CostRates rates) {
        this(adf, clock, rates, com.adfops.billing.BillingLedger.onDemand(adf, clock));
    }

    /**
     * @param rates   the prices cost estimates use
     * @param billing what finished runs are billed for (read in the background, or by the questions themselves)
     */
    public AdfTools(DataFactory adf, Clock clock, CostRates rates, com.adfops.billing.BillingLedger billing) {
        this.adf = adf;
        this.clock = clock;
        this.rates = rates;
        this.billing = billing;
    }

    private final CostRates rates;
    private final com.adfops.billing.BillingLedger billing;

    /** The prices cost estimates use. */
    public CostRates costRates() {
        return rates;
    }

    /** What finished runs are billed for, one summary per run. */
    public com.adfops.billing.BillingLedger billing() {
        return billing;
    }

    /** The injected clock. */
    public Clock clock() {
        return clock;
    }

    /**
     * Now, to the second: answers are computed for whole seconds, so the same question asked by many people within
     * one second gets equal windows, summaries and cards (and the card rendered once).
     */
    public Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    public List<FactoryRef> factories() {
        return adf.factories();
    }

    /** {@code adf_pipeline_runs}: runs of one or all factories in a window, filtered by pipeline and status. */
    public RunsResult pipelineRuns(RunsRequest req) {
        return pipelineRuns(req, RunQuery.DEFAULT_MAX_RUNS);
    }

    /** {@link #pipelineRuns(RunsRequest)}, at most {@code maxRuns} runs per factory (figures over every run ask more). */
    public RunsResult pipelineRuns(RunsRequest req, int maxRuns) {
        List<FactoryRef> factories = selectFactories(req.factory());
        List<PipelineRun> runs = new ArrayList<>();
        List<String> resolved = new ArrayList<>();
        List<String> closest = new ArrayList<>();
        Freshness freshness = null;
        boolean named = req.pipeline() != null && !req.pipeline().isBlank();
        // Factories asked with the same filter are read together (one query where a store holds them together).
        Map<Set<String>, List<FactoryRef>> byFilter = new java.util.LinkedHashMap<>();
        for (FactoryRef f : factories) {
            Set<String> filter = Set.of();
            if (named) {
                List<String> all = pipelineNames(f);
                List<String> hits = resolve(req.pipeline(), all, closest);
                if (hits.isEmpty()) {
                    continue;
                }
                resolved.addAll(hits);
                filter = Set.copyOf(hits);
            }
            byFilter.computeIfAbsent(filter, k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<Set<String>, List<FactoryRef>> e : byFilter.entrySet()) {
            RunQuery q = new RunQuery(req.window().from(), req.window().to(), e.getKey(),
                    req.statuses() == null ? Set.of() : req.statuses(), maxRuns);
            runs.addAll(e.getValue().size() == 1 ? adf.queryPipelineRuns(e.getValue().get(0), q)
                    : adf.queryPipelineRuns(e.getValue(), q));
            for (FactoryRef f : e.getValue()) {
                freshness = Freshness.combine(freshness, adf.freshness(f, q));
            }
        }
        runs.sort(Comparator.comparing(PipelineRun::sortTime).reversed());
        boolean unknown = named && resolved.isEmpty();
        return new RunsResult(req.window(), factories, List.copyOf(resolved), List.copyOf(runs), unknown,
                unknown || resolved.isEmpty() ? List.copyOf(closest.stream().distinct().limit(3).toList()) : List.of(),
                freshness);
    }

    /**
     * The part of {@code window} every factory asked ({@code factory}, or all) holds in memory: all of it when one holds
     * none. A query of it is answered from memory alone (a window starting seconds before the memory would read those
     * seconds from Data Factory).
     */
    public TimeWindow heldPart(String factory, TimeWindow window) {
        Instant from = window.from();
        for (FactoryRef f : selectFactories(factory)) {
            Instant held = adf.heldSince(f);
            if (held == null) {
                return window;
            }
            from = held.isAfter(from) ? held : from;
        }
        return from.isBefore(window.to()) ? new TimeWindow(from, window.to(), window.label()) : window;
    }

    /** Whether the long history (Log Analytics) is readable; empty when none is configured. */
    public Optional<FactoryStatus> historyStatus() {
        return adf.checkHistory();
    }

    /** Since when the bot's memory holds {@code factory}'s runs (a window starting later reads nothing), or null. */
    /** Changes whenever the runs held in memory change; negative when answers read Data Factory directly. */
    public long memoryVersion() {
        return adf.memoryVersion();
    }

    public Instant heldSince(FactoryRef factory) {
        return adf.heldSince(factory);
    }

    /** How far back questions may reach: ADF's 45 days, or the retention of its logs in Log Analytics. */
    public java.time.Duration history() {
        return adf.retention();
    }

    /** Reads one factory's pipeline names, uncached: a cheap check that the bot can read it (throws if not). */
    public void probe(FactoryRef f) {
        adf.listPipelineNames(f);
    }

    /** Whether the bot can read each configured factory (empty without the run index). */
    public List<FactoryStatus> factoryStatus() {
        return adf.status();
    }

    /** The runs of a window and of the period of the same length just before it; previous is null for an unknown name. */
    public record Periods(RunsResult current, RunsResult previous) {
    }

    /** {@link #pipelineRuns} for the request's window and for the period before it (trends, durations). */
    public Periods pipelineRunsWithPrevious(RunsRequest req) {
        RunsResult current = pipelineRuns(req);
        RunsResult previous = current.unknownPipeline() ? null : pipelineRuns(
                new RunsRequest(req.factory(), req.pipeline(), req.statuses(), req.window().previous()));
        return new Periods(current, previous);
    }

    /** The Data Factory port these queries read (the run index in front of Data Factory). */
    public DataFactory dataFactory() {
        return adf;
    }

    public record Located(FactoryRef factory, PipelineRun run) {
    }

    /** The activity runs of one run (the run index keeps finished runs' activity runs). */
    public List<com.adfops.adf.ActivityRun> activitiesOf(FactoryRef factory, PipelineRun run) {
        return adf.queryActivityRuns(factory, run);
    }

    /**
     * Activity-run reads one question has in flight at most: a cost question reads hundreds, and ARM's read limits
     * are per principal (a bucket of 250, 25 a second), shared with the run index and every other question.
     */
    public static final int READS_IN_FLIGHT = 4;

    /** The threads those reads run on, shared by all questions (a question waits for its own reads only). */
    private static final java.util.concurrent.ThreadPoolExecutor READS = reads();

    private static java.util.concurrent.ThreadPoolExecutor reads() {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(8, 8, 30,
                java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "activity-reads-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * The activity runs of several runs, in their order, at most {@link #READS_IN_FLIGHT} read at once. A failed read
     * fails the whole (the rest are not started). When the calling thread is interrupted (a question's deadline
     * passed), no further read starts, the ones in flight are dropped, and this throws {@link
     * java.util.concurrent.CancellationException}.
     */
    public List<List<com.adfops.adf.ActivityRun>> activitiesOf(List<PipelineRun> runs) {
        return read(runs, true).stream().map(ActivitiesRead::activities).toList();
    }

    /**
     * A run's activity runs, or why they could not be read.
     *
     * @param activities the activity runs; null when the read failed
     * @param failure    the failure; null when read
     */
    public record ActivitiesRead(List<com.adfops.adf.ActivityRun> activities, RuntimeException failure) {
        public boolean read() {
            return failure == null;
        }
    }

    /**
     * {@link #activitiesOf(List)}, except that a failed read fails only its run: the others are read, and each result
     * says whether it was read or why not. Stopping (an interrupt) throws as there.
     */
    public List<ActivitiesRead> activitiesEach(List<PipelineRun> runs) {
        return read(runs, false);
    }

    private List<ActivitiesRead> read(List<PipelineRun> runs, boolean stopOnFailure) {
        ActivitiesRead[] out = new ActivitiesRead[runs.size()];
        java.util.concurrent.ExecutorCompletionService<Integer> done = new java.util.concurrent.ExecutorCompletionService<>(READS);
        List<java.util.concurrent.Future<Integer>> started = new ArrayList<>();
        int next = 0;
        try {
            for (int finished = 0; finished < runs.size(); finished++) {
                while (next < runs.size() && next - finished < READS_IN_FLIGHT) {
                    int i = next++;
                    PipelineRun run = runs.get(i);
                    started.add(done.submit(() -> {
                        try {
                            out[i] = new ActivitiesRead(adf.queryActivityRuns(run.factory(), run), null);
                        } catch (RuntimeException e) {
                            if (stopOnFailure) {
                                throw e;
                            }
                            out[i] = new ActivitiesRead(null, e);
                        }
                        return i;
                    }));
                }
                done.take().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("stopped while reading activity runs");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            // Reads in flight finish on their own (a read another question shares is not interrupted); their results
            // are dropped. Reads not started never start.
            started.forEach(f -> f.cancel(false));
        }
        return java.util.Arrays.asList(out);
    }

    /** Finds a run by id in the named factory, or in each configured factory in turn. */
    public Optional<Located> findRun(String runId, String factory) {
        if (runId == null || !runId.matches("[A-Za-z0-9-]{1,80}")) {
            return Optional.empty();
        }
        DataFactoryException last = null;
        for (FactoryRef f : selectFactories(factory)) {
            try {
                Optional<PipelineRun> r = adf.getPipelineRun(f, runId);
                if (r.isPresent()) {
                    return Optional.of(new Located(f, r.get()));
                }
            } catch (DataFactoryException e) {
                last = e;
            }
        }
        if (last != null) {
            throw last;
        }
        return Optional.empty();
    }

    /** All pipeline names across the selected factories (cached for a few minutes). */
    public List<String> pipelineNames(FactoryRef f) {
        CachedNames c = names.get(f);
        Instant now = clock.instant();
        if (c == null || c.at().plus(NAME_CACHE_TTL).isBefore(now)) {
            c = new CachedNames(adf.listPipelineNames(f), now);
            names.put(f, c);
        }
        return c.names();
    }

    public List<String> allPipelineNames() {
        List<List<String>> each = new ArrayList<>();
        for (FactoryRef f : adf.factories()) {
            each.add(pipelineNames(f));
        }
        // The same lists as last time (names are kept for minutes): the same answer, not built again per question.
        AllNames last = allNames;
        if (last != null && last.each().size() == each.size()) {
            boolean same = true;
            for (int i = 0; i < each.size() && same; i++) {
                same = last.each().get(i) == each.get(i);
            }
            if (same) {
                return last.all();
            }
        }
        List<String> all = each.stream().flatMap(List::stream).distinct().toList();
        allNames = new AllNames(each, all);
        return all;
    }

    /** Every factory's pipeline names as read, and all of them once. */
    private record AllNames(List<List<String>> each, List<String> all) {
    }

    private volatile AllNames allNames;

    private List<FactoryRef> selectFactories(String factory) {
        if (factory == null || factory.isBlank()) {
            return adf.factories();
        }
        List<FactoryRef> hit = adf.factories().stream()
                .filter(f -> f.factoryName().equalsIgnoreCase(factory.trim()))
                .toList();
        return hit.isEmpty() ? adf.factories() : hit;
    }

    /** Names matching a pattern ({@code *} wildcards) or, without one, the one name a fuzzy match finds. */
    public static List<String> resolve(String pipeline, List<String> all, List<String> closestOut) {
        String p = pipeline.trim();
        if (p.contains("*") || p.contains("?")) {
            StringBuilder re = new StringBuilder("(?i)");
            for (char c : p.toCharArray()) {
                re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            }
            Pattern pattern = Pattern.compile(re.toString());
            return all.stream().filter(n -> pattern.matcher(n).matches()).toList();
        }
        NameMatcher.Match m = NameMatcher.match(p, all);
        if (m.name().isPresent()) {
            return List.of(m.name().get());
        }
        closestOut.addAll(m.closest());
        return List.of();
    }

    private volatile RunBaselines baselines;

    /** What runs in progress are compared with: each pipeline's last successful runs, read back once and kept. */
    public RunBaselines baselines() {
        RunBaselines b = baselines;
        if (b == null) {
            synchronized (this) {
                if (baselines == null) {
                    baselines = new RunBaselines(adf, clock);
                }
                b = baselines;
            }
        }
        return b;
    }
}
