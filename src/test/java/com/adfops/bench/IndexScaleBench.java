package com.adfops.bench;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.RequestMeter;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import com.adfops.index.RunIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The run index at scale (not a test): a {@link GeneratedFactory} of N runs over 7 days (fresh records per read, no
 * simulator), loaded into the run index: time until a last-hour question is answered from memory, time to the whole
 * horizon, ADF pages, bytes per held run (heap after a full GC with the index minus without it), and the latencies of
 * questions from memory (median and p99 of 200 rounds after 50 of warm-up; 10 after 3 for answers of over 100,000
 * runs): the failing list's runs of the last 24 hours (at most 5,000, as the failing list asks), a week's runs of all
 * pipelines (at most 5,000 as trends ask, and every run), and the busiest pipeline's runs of the week. Run: {@code bench/index-memory.sh --scale N [PAGE_MS]}.
 */
public final class IndexScaleBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long pageMs = args.length > 1 ? Long.parseLong(args[1]) : 0;
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        RequestMeter meter = new RequestMeter();
        GeneratedFactory adf = new GeneratedFactory(n, Duration.ofDays(7), now, 1, Duration.ofMillis(pageMs), meter);
        RunIndex.Settings s = new RunIndex.Settings(Duration.ofDays(7), Duration.ofSeconds(30), Duration.ofMinutes(5),
                100, Duration.ofSeconds(15));
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
        long pages = adf.pages.get();
        long after = usedAfterGc();
        int held = index.status().get(0).runs();
        System.out.printf("index scale: %d runs held, %.0f bytes per run (%.1f MB), first answer from memory %.0f ms, "
                + "whole horizon %.0f ms, %d ADF pages%n", held, (after - before) / (double) held,
                (after - before) / 1048576.0, firstMs, wholeMs, pages);
        RunQuery day = new RunQuery(now.minus(Duration.ofHours(24)), now, Set.of(), Set.of(), RunQuery.DEFAULT_MAX_RUNS);
        RunQuery week = new RunQuery(now.minus(Duration.ofDays(7)), now, Set.of(), Set.of(), Integer.MAX_VALUE);
        RunQuery one = new RunQuery(now.minus(Duration.ofDays(7)), now, Set.of(GeneratedFactory.busiestPipeline()),
                Set.of(), RunQuery.DEFAULT_MAX_RUNS);
        RunQuery failed = new RunQuery(now.minus(Duration.ofHours(24)), now, Set.of(), Set.of(RunStatus.FAILED),
                RunQuery.DEFAULT_MAX_RUNS);
        report("last 24 h (failing list, <= 5,000 runs)", () -> index.queryPipelineRuns(GeneratedFactory.FACTORY, day));
        report("last 24 h, failed only", () -> index.queryPipelineRuns(GeneratedFactory.FACTORY, failed));
        RunQuery week5000 = new RunQuery(now.minus(Duration.ofDays(7)), now, Set.of(), Set.of(), RunQuery.DEFAULT_MAX_RUNS);
        report("a week, all pipelines, <= 5,000 runs (as trends ask)", () -> index.queryPipelineRuns(GeneratedFactory.FACTORY, week5000));
        report("a week, all pipelines, every run", () -> index.queryPipelineRuns(GeneratedFactory.FACTORY, week));
        report("a week, busiest pipeline", () -> index.queryPipelineRuns(GeneratedFactory.FACTORY, one));
        long asked = usedAfterGc();
        System.out.printf("index scale: after the questions (records of the newest runs kept once read): %.0f bytes "
                + "per run (%.1f MB)%n", (asked - before) / (double) held, (asked - before) / 1048576.0);
        index.close();
    }

    private static void report(String what, Supplier<List<PipelineRun>> q) {
        int size = q.get().size();
        // Fewer rounds for the answers of a million records (each round builds them all).
        int rounds = size > 100_000 ? 10 : 200;
        for (int i = 0; i < (size > 100_000 ? 3 : 50); i++) {
            q.get();
        }
        long[] ns = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            q.get();
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        System.out.printf("index scale: %s: %d runs, median %.2f ms, p99 %.2f ms%n", what, size, ns[rounds / 2] / 1e6,
                ns[rounds * 99 / 100] / 1e6);
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
