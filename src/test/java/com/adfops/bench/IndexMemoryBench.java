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
 * full GC, with the index, minus without it. Also the time of the backfill and of one question from memory; then the
 * activity-run cache: the activity runs of finished runs (four each: copies with inputs and billing, a lookup, a
 * notebook) read through the index, heap after minus before; then the cost ledger's summaries of those runs.
 * Run: {@code bench/index-memory.sh}.
 */
public final class IndexMemoryBench {

    /** Finished runs whose activity runs are cached in the measurement (the default cache holds 5,000). */
    static final int ACTIVITY_RUNS = 2_000;

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
            if (i < ACTIVITY_RUNS) {
                // As copies log them: a query, a table, a DIU setting; billing per activity.
                r.activity("Lookup watermark", "Lookup", 0, 5, "Succeeded", null, null)
                        .input("source.sqlReaderQuery", "SELECT MAX(modified_at) FROM etl.watermarks WHERE table_name = 'orders_" + i % 50 + "'")
                        .billed("PipelineActivity", "AzureIR", 0.0167, "Hours");
                r.activity("Copy orders", "Copy", 6, 60, failed ? "Failed" : "Succeeded", failed ? "2200" : null,
                                failed ? "ErrorCode=SqlFailedToConnect,'Message=Cannot connect to SQL Database: 'sql-prod', Database: 'sales'." : null)
                        .input("source.sqlReaderQuery", "SELECT * FROM sales.orders WHERE modified_at > '2026-11-" + (10 + i % 17) + "' AND region = 'EMEA' ORDER BY id")
                        .input("sink.tableName", "staging.orders_" + i % 50).input("dataIntegrationUnits", "8")
                        .billed("DataMovement", "AzureIR", 0.0667, "DIUHours");
                r.activity("Copy order lines", "Copy", 67, 40, "Succeeded", null, null)
                        .input("source.sqlReaderQuery", "SELECT * FROM sales.order_lines WHERE order_id IN (SELECT id FROM sales.orders)")
                        .input("sink.tableName", "staging.order_lines").billed("DataMovement", "AzureIR", 0.0667, "DIUHours");
                r.activity("Transform", "DatabricksNotebook", 108, 10, "Succeeded", null, null)
                        .input("notebookPath", "/Shared/etl/transform_orders").billed("ExternalActivity", "AzureIR", 0.0167, "Hours");
            }
        }
        try (TestSim sim = TestSim.of(d.build(), 5000, Clock.fixed(now, ZoneOffset.UTC))) {
            RunIndex.Settings s = new RunIndex.Settings(Duration.ofDays(7), Duration.ofSeconds(30), Duration.ofMinutes(5),
                    ACTIVITY_RUNS, Duration.ofSeconds(15));
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
            // The activity-run cache, filled with the activity runs of the newest finished runs.
            java.util.List<com.adfops.adf.PipelineRun> newest = index.queryPipelineRuns(sim.factory, new RunQuery(
                    now.minus(Duration.ofDays(8)), now.plusSeconds(60), Set.of(), Set.of(), RunQuery.DEFAULT_MAX_RUNS));
            newest = newest.stream().filter(r -> r.status().isTerminal()).limit(ACTIVITY_RUNS).toList();
            long cacheBefore = usedAfterGc();
            int activityRuns = 0;
            for (com.adfops.adf.PipelineRun r : newest) {
                activityRuns += index.queryActivityRuns(sim.factory, r).size();
            }
            long cacheAfter = usedAfterGc();
            double perRun = (cacheAfter - cacheBefore) / (double) newest.size();
            System.out.printf("activity cache: %d runs, %d activity runs, %.0f bytes per activity run, %.0f bytes per "
                    + "pipeline run's list (%.1f MB; the default 5,000 runs: about %.0f MB)%n", newest.size(), activityRuns,
                    (cacheAfter - cacheBefore) / (double) activityRuns, perRun, (cacheAfter - cacheBefore) / 1048576.0,
                    perRun * 5000 / 1048576.0);
            // The cost ledger: one billing summary per finished run (read in the background; here the newest runs').
            com.adfops.billing.BillingLedger ledger = new com.adfops.billing.BillingLedger(index,
                    Clock.fixed(now, ZoneOffset.UTC), new com.adfops.billing.BillingLedger.Settings(ACTIVITY_RUNS, 2,
                    Duration.ofDays(14)), null);
            long ledgerBefore = usedAfterGc();
            int summarized = ledger.drain();
            long ledgerAfter = usedAfterGc();
            double perSummary = (ledgerAfter - ledgerBefore) / (double) summarized;
            System.out.printf("billing ledger: %d runs, %.0f bytes per run's summary (100,000 runs: about %.0f MB)%n",
                    summarized, perSummary, perSummary * 100_000 / 1048576.0);
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
