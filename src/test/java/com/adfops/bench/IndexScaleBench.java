package com.adfops.bench;

import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactory;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.ReadBudget;
import com.adfops.adf.RequestMeter;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import com.adfops.index.RunIndex;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The run index at scale, through the read budget (not a test). A {@link GeneratedFactory} of N runs over 7 days
 * (fresh records per read, no simulator), each page of 100 runs taking a token from the subscription's read budget (the
 * {@link RequestMeter} and {@link ReadBudget} the application wires, default settings unless told; the backfill reads
 * as background work, as in the application) and waiting PAGE_MS. Reports: time until a last-hour question is answered
 * from memory, time to the whole horizon, ADF requests, bytes per held run (heap after a full GC with the index minus
 * without it), the JVM's resident memory (VmRSS and its peak VmHWM), then the questions of issue 24 point 5 through the
 * index calls their answers make (median and p99 of 200 rounds after 50 of warm-up, 10 after 3 for answers of over
 * 100,000 runs; the first call alone too, and the collector's pauses during the rounds), and last the refresh: runs
 * arriving at 2 a second, ADF requests per refresh interval (30 s of a clock the bench moves, 10 intervals), and the
 * overlap the refresh then reaches back (narrowed to fit a page) and the late writes it saw.
 *
 * <p>The calls, as the answers make them: the failing list reads the last 24 hours (at most 5,000 runs, {@code
 * StatusAnswers.listFailing}) and, with runs in progress among them, the default week (at most 5,000) for the
 * running-long check; trends read the week and the week before (at most 5,000 each, {@code
 * AdfTools.pipelineRunsWithPrevious}; the week before lies past this index's 7-day memory, so it is one read of Data
 * Factory kept ten minutes, {@code ColdReads}); a pipeline's status reads its default week (at most 5,000, {@code
 * StatusAnswers.status}). Run: {@code bench/index-memory.sh --scale N [PAGE_MS] [HEAP] [BUDGET]}.
 */
public final class IndexScaleBench {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final Duration ARRIVAL_EVERY = Duration.ofMillis(500);
    private static final int INTERVALS = 10;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long pageMs = args.length > 1 ? Long.parseLong(args[1]) : 300;
        ReadBudget.Settings budget = ReadBudget.Settings.parse(args.length > 2 ? args[2] : "");
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        MovingClock clock = new MovingClock(now);
        RequestMeter meter = new RequestMeter(budget);
        GeneratedFactory base = new GeneratedFactory(n, Duration.ofDays(7), now, 1, Duration.ofMillis(pageMs), meter);
        int later = (int) (STEP.multipliedBy(INTERVALS + 1).toMillis() / ARRIVAL_EVERY.toMillis());
        Duration laterSpan = ARRIVAL_EVERY.multipliedBy(later);
        // Run i of these was updated at now + laterSpan - i * 500 ms: 2 a second after now, seen once the clock passes.
        GeneratedFactory arriving = new GeneratedFactory(later, laterSpan, now.plus(laterSpan).plusSeconds(30), 2,
                Duration.ofMillis(pageMs), meter);
        Arrivals adf = new Arrivals(base, arriving, now, clock);
        RunIndex.Settings s = new RunIndex.Settings(Duration.ofDays(7), STEP, Duration.ofMinutes(5), 100,
                Duration.ofSeconds(15));
        System.out.printf("index scale: %d runs, %d ms a page, read budget %s, heap %d MB, %s%n", n, pageMs,
                budget.enabled() ? budget.perSecond() + "/s burst " + budget.burst() : "off",
                Runtime.getRuntime().maxMemory() >> 20, load());
        long before = usedAfterGc();
        RunIndex index = new RunIndex(adf, meter, clock, s);
        RunQuery hour = new RunQuery(now.minus(Duration.ofHours(1)), now, Set.of(), Set.of(), RunQuery.DEFAULT_MAX_RUNS);
        long t0 = System.nanoTime();
        Thread loader = new Thread(index::refreshAll, "bench-backfill");
        loader.start();
        double firstMs = -1;
        while (loader.isAlive()) {
            if (firstMs < 0 && index.freshness(GeneratedFactory.FACTORY, hour).fromMemory()) {
                firstMs = (System.nanoTime() - t0) / 1e6;
            }
            Thread.sleep(1);
        }
        loader.join();
        double wholeMs = (System.nanoTime() - t0) / 1e6;
        if (firstMs < 0) {
            firstMs = wholeMs;
        }
        long pages = base.pages.get() + arriving.pages.get();
        long after = usedAfterGc();
        int held = index.status().get(0).runs();
        System.out.printf("index scale: %d runs held, %.0f bytes per run (%.1f MB), first answer from memory %.0f ms, "
                + "whole horizon %.0f ms, %d ADF requests (%d as background work), %s%n", held,
                (after - before) / (double) held, (after - before) / 1048576.0, firstMs, wholeMs, pages,
                meter.count(GeneratedFactory.FACTORY.factoryName(), RequestMeter.Purpose.REFRESH), rss());
        awaitGo();
        questions(index, now);
        long asked = usedAfterGc();
        System.out.printf("index scale: after the questions (records kept once read): %.0f bytes per run (%.1f MB), "
                + "%s%n", (asked - before) / (double) held, (asked - before) / 1048576.0, rss());
        refreshes(index, clock, base, arriving);
        System.out.printf("index scale: done, %s%n", load());
        index.close();
    }

    /**
     * With {@code -Dbench.go=FILE}, waits for that file before the questions: a long backfill (it mostly waits on its
     * pages) may run beside other benchmarks, and the measured questions start once the bench lock is taken.
     */
    private static void awaitGo() throws InterruptedException {
        String go = System.getProperty("bench.go");
        while (go != null && !Files.exists(Path.of(go))) {
            Thread.sleep(200);
        }
        if (go != null) {
            System.out.printf("index scale: questions start, %s%n", load());
        }
    }

    private static void questions(RunIndex index, Instant now) {
        FactoryRef f = GeneratedFactory.FACTORY;
        RunQuery day = new RunQuery(now.minus(Duration.ofHours(24)), now, Set.of(), Set.of(), RunQuery.DEFAULT_MAX_RUNS);
        RunQuery week = new RunQuery(now.minus(Duration.ofDays(7)), now, Set.of(), Set.of(), RunQuery.DEFAULT_MAX_RUNS);
        RunQuery weekBefore = new RunQuery(now.minus(Duration.ofDays(14)), now.minus(Duration.ofDays(7)), Set.of(),
                Set.of(), RunQuery.DEFAULT_MAX_RUNS);
        RunQuery busiest = new RunQuery(now.minus(Duration.ofDays(7)), now, Set.of(GeneratedFactory.busiestPipeline()),
                Set.of(), RunQuery.DEFAULT_MAX_RUNS);
        report("failing list: last 24 h (<= 5,000 runs)", () -> index.queryPipelineRuns(f, day));
        report("failing list: last 24 h, then the week for the running-long check", () -> {
            List<PipelineRun> runs = index.queryPipelineRuns(f, day);
            if (runs.stream().anyMatch(r -> r.status() == RunStatus.IN_PROGRESS)) {
                index.queryPipelineRuns(f, week);
            }
            return runs;
        });
        report("trends: a week, all pipelines (<= 5,000 runs)", () -> index.queryPipelineRuns(f, week));
        report("trends: the week and the week before (<= 5,000 each)", () -> {
            List<PipelineRun> runs = new ArrayList<>(index.queryPipelineRuns(f, week));
            runs.addAll(index.queryPipelineRuns(f, weekBefore));
            return runs;
        });
        report("status of the busiest pipeline: its week", () -> index.queryPipelineRuns(f, busiest));
        report("last 24 h, failed only", () -> index.queryPipelineRuns(f, new RunQuery(day.from(), day.to(), Set.of(),
                Set.of(RunStatus.FAILED), RunQuery.DEFAULT_MAX_RUNS)));
        report("a week, runs in progress (every one)", () -> index.queryPipelineRuns(f, new RunQuery(week.from(),
                week.to(), Set.of(), Set.of(RunStatus.IN_PROGRESS), Integer.MAX_VALUE)));
        report("a week, three pipelines (every run)", () -> index.queryPipelineRuns(f, new RunQuery(week.from(),
                week.to(), Set.of("pl_copy_1", "pl_copy_2", "pl_master_1"), Set.of(), Integer.MAX_VALUE)));
        report("a week, all pipelines, every run", () -> index.queryPipelineRuns(f, new RunQuery(week.from(),
                week.to(), Set.of(), Set.of(), Integer.MAX_VALUE)));
    }

    /** 2 runs a second arrive; the clock moves 30 s at a time and the index refreshes (on this thread). */
    private static void refreshes(RunIndex index, MovingClock clock, GeneratedFactory base, GeneratedFactory arriving) {
        long[] requests = new long[INTERVALS];
        long[] ms = new long[INTERVALS];
        for (int i = 0; i < INTERVALS; i++) {
            clock.advance(STEP);
            long t = System.nanoTime();
            index.refreshAll();
            ms[i] = (System.nanoTime() - t) / 1_000_000;
            requests[i] = index.status().get(0).lastRefreshRequests();
        }
        com.adfops.adf.FactoryStatus.Overlap overlap = index.status().get(0).overlap();
        System.out.printf("index scale: refresh every 30 s with 2 runs/s arriving: ADF requests per interval %s, "
                + "ms per refresh %s, %d runs held, overlap %d s (configured %d s), %d late writes%n",
                Arrays.toString(requests), Arrays.toString(ms), index.status().get(0).runs(),
                overlap.effective().toSeconds(), overlap.configured().toSeconds(), overlap.lateWrites());
    }

    private static void report(String what, Supplier<List<PipelineRun>> q) {
        long t0 = System.nanoTime();
        int size = q.get().size();
        double firstMs = (System.nanoTime() - t0) / 1e6;
        // Fewer rounds for the answers of a million records (each round builds them all).
        boolean big = size > 100_000;
        int rounds = big ? 10 : 200;
        for (int i = 0; i < (big ? 3 : 50); i++) {
            q.get();
        }
        long gcCount = gcCount();
        long gcMs = gcMs();
        long[] ns = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            q.get();
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        System.out.printf("index scale: %s: %d runs, first %.2f ms, median %.2f ms, p99 %.2f ms, max %.2f ms "
                + "(%d collections, %d ms, during the rounds)%n", what, size, firstMs, ns[rounds / 2] / 1e6,
                ns[rounds * 99 / 100] / 1e6, ns[rounds - 1] / 1e6, gcCount() - gcCount, gcMs() - gcMs);
    }

    private static long gcCount() {
        long c = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            c += Math.max(0, b.getCollectionCount());
        }
        return c;
    }

    private static long gcMs() {
        long c = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            c += Math.max(0, b.getCollectionTime());
        }
        return c;
    }

    /** The JVM's resident memory now and at its peak (Linux). */
    private static String rss() {
        try {
            String rss = "?";
            String hwm = "?";
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = mb(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = mb(line);
                }
            }
            return "resident " + rss + " MB (peak " + hwm + " MB)";
        } catch (java.io.IOException | RuntimeException e) {
            return "resident memory unknown";
        }
    }

    private static String mb(String line) {
        return String.valueOf(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
    }

    private static String load() {
        try {
            String[] l = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return "load average " + l[0] + " " + l[1] + " " + l[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "load average unknown";
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** A clock the bench moves. */
    private static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The generated history up to {@code start}, and runs arriving after it as the clock passes their update. */
    private record Arrivals(GeneratedFactory history, GeneratedFactory arriving, Instant start, Clock clock)
            implements DataFactory {

        @Override
        public List<FactoryRef> factories() {
            return history.factories();
        }

        @Override
        public List<String> listPipelineNames(FactoryRef factory) {
            return history.listPipelineNames(factory);
        }

        @Override
        public List<PipelineRun> queryPipelineRuns(FactoryRef factory, RunQuery query) {
            Instant now = clock.instant();
            boolean old = query.from().isBefore(start);
            boolean newer = query.to().isAfter(start) && now.isAfter(start);
            List<PipelineRun> out = new ArrayList<>();
            if (old || !newer) {
                out.addAll(history.queryPipelineRuns(factory, query));
            }
            if (newer) {
                Instant to = query.to().isAfter(now) ? now : query.to();
                out.addAll(arriving.queryPipelineRuns(factory, new RunQuery(query.from().isBefore(start) ? start
                        : query.from(), to, query.pipelineNames(), query.statuses(), query.maxRuns())));
                out.sort(Comparator.comparing(PipelineRun::sortTime).reversed());
            }
            return out.size() > query.maxRuns() ? new ArrayList<>(out.subList(0, query.maxRuns())) : out;
        }

        @Override
        public List<ActivityRun> queryActivityRuns(FactoryRef factory, PipelineRun run) {
            return List.of();
        }

        @Override
        public Optional<PipelineRun> getPipelineRun(FactoryRef factory, String runId) {
            return history.getPipelineRun(factory, runId);
        }
    }
}
