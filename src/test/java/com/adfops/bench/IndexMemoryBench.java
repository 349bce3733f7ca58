package com.adfops.bench;

import com.adfops.DatasetBuilder;
import com.adfops.TestSim;
import com.adfops.adf.RunQuery;
import com.adfops.index.RunIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Bytes per indexed run (not a test): a synthetic factory of N runs a week (20 pipelines, two parameters each, one
 * failing in ten with a 600-character message) loaded through the real SDK into the run index; heap used after a
 * full GC, with the index, minus without it. Also the time of the backfill and of one question from memory.
 * Run: {@code bench/index-memory.sh}.
 */
public final class IndexMemoryBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        DatasetBuilder d = new DatasetBuilder("df-bench");
        long step = Duration.ofDays(7).toSeconds() / n;
        for (int i = 0; i < n; i++) {
            boolean failed = i % 10 == 0;
            DatasetBuilder.Run r = d.run("pl_bench_" + (i % 20), now.minusSeconds(60 + i * step), 120,
                    failed ? "Failed" : "Succeeded").parameter("loadDate", "2026/11/" + (10 + i % 17)).parameter("mode", "delta");
            if (failed) {
                r.message("Operation on target Copy failed: ErrorCode=SqlFailedToConnect,'Message=" + "x".repeat(560) + "'");
            }
        }
        try (TestSim sim = TestSim.of(d.build(), 5000, Clock.fixed(now, ZoneOffset.UTC))) {
            RunIndex.Settings s = new RunIndex.Settings(Duration.ofDays(7), Duration.ofSeconds(30), Duration.ofMinutes(5),
                    100, Duration.ofSeconds(15));
            long before = usedAfterGc();
            RunIndex index = new RunIndex(sim.adf, sim.meter, Clock.fixed(now, ZoneOffset.UTC), s);
            long t0 = System.nanoTime();
            index.refreshAll();
            double backfillMs = (System.nanoTime() - t0) / 1e6;
            long after = usedAfterGc();
            int held = index.status().get(0).runs();
            RunQuery day = new RunQuery(now.minus(Duration.ofHours(24)), now, Set.of(), Set.of(), RunQuery.DEFAULT_MAX_RUNS);
            for (int i = 0; i < 200; i++) {
                index.queryPipelineRuns(sim.factory, day);
            }
            long q0 = System.nanoTime();
            int rounds = 1000;
            for (int i = 0; i < rounds; i++) {
                index.queryPipelineRuns(sim.factory, day);
            }
            double queryUs = (System.nanoTime() - q0) / 1e3 / rounds;
            System.out.printf("index memory: %d runs held, %.0f bytes per run (%.1f MB), backfill %.0f ms "
                    + "(%d ADF requests), last-24-hours question from memory %.0f us%n", held,
                    (after - before) / (double) held, (after - before) / 1048576.0, backfillMs,
                    index.status().get(0).refreshRequests(), queryUs);
            index.close();
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
}
