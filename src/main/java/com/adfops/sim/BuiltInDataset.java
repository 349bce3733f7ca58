package com.adfops.sim;

import static com.adfops.sim.AdfErrorTexts.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The built-in demo dataset: a week of runs of a realistic factory, generated relative to {@code now} and
 * deterministic for a given seed. It holds, among healthy pipelines: Copy 2200 failures (SqlFailedToConnect,
 * UserErrorSourceBlobNotExists), Databricks 3204, Web 2108, a self-hosted IR offline (2010), an Execute
 * Pipeline parent whose child failed, a ForEach with one failing inner activity, queued, in-progress and
 * cancelled runs, and a pipeline that failed and then recovered.
 */
public final class BuiltInDataset {

    public static final String FACTORY = "adf-contoso-analytics";

    private static final DateTimeFormatter ADF_TIME = BuiltInRuns.ADF_TIME;

    private final ObjectMapper json;
    private final Instant now;
    private final List<ObjectNode> runs = new ArrayList<>();
    private final List<ObjectNode> activities = new ArrayList<>();
    private final BuiltInRuns w;
    private final LinkedRuntimes runtimes;

    private final long seed;

    private BuiltInDataset(ObjectMapper json, Instant now, long seed) {
        this.seed = seed;
        this.json = json;
        this.now = now.truncatedTo(ChronoUnit.MILLIS);
        this.runtimes = LinkedRuntimes.of(BuiltInDefinitions.file(json));
        this.w = new BuiltInRuns(json, new Random(seed), this.now, runs, activities, runtimes);
    }

    public static SimDataset generate(ObjectMapper json, Instant now, long seed) {
        BuiltInDataset g = new BuiltInDataset(json, now, seed);
        g.build();
        // A rerun of the sales ingest fails again (its SQL sign-in is still broken): the failed-rerun path, locally.
        return new SimDataset(FACTORY, g.runs, g.activities, java.util.Map.of("pl_ingest_sales_orders", "Failed"));
    }

    // ---- the week ----------------------------------------------------------------------------------------

    private void build() {
        Instant weekAgo = now.minus(Duration.ofDays(7));

        // pl_ingest_sales_orders: every 2 h; failing for the last 3 runs (SQL server unreachable).
        List<Instant> ingest = w.schedule(weekAgo, Duration.ofHours(2), Duration.ofMinutes(5));
        for (int i = 0; i < ingest.size(); i++) {
            ingest(w, ingest.get(i), i >= ingest.size() - 3);
        }

        // pl_copy_web_events: hourly; failed twice yesterday (blob missing), then recovered; the 3 runs before the latest
        // were slow: the lake throttled the copy's writes, and ADF's tip says so.
        List<Instant> web = w.schedule(weekAgo, Duration.ofHours(1), Duration.ofMinutes(10));
        for (int i = 0; i < web.size(); i++) {
            webEvents(w, web.get(i), i == web.size() - 9 || i == web.size() - 8, i >= web.size() - 4 && i < web.size() - 1);
        }

        // pl_transform_customers_databricks: every 6 h; the latest run failed in the notebook.
        List<Instant> dbx = w.schedule(weekAgo, Duration.ofHours(6), Duration.ofMinutes(30));
        for (int i = 0; i < dbx.size(); i++) {
            databricks(w, dbx.get(i), i == dbx.size() - 1);
        }

        // pl_export_shipments_api: every 3 h; latest failed on the web call, and once three days ago.
        List<Instant> api = w.schedule(weekAgo, Duration.ofHours(3), Duration.ofMinutes(15));
        for (int i = 0; i < api.size(); i++) {
            shipments(w, api.get(i), i == api.size() - 1 || i == api.size() - 25);
        }

        // pl_extract_erp_onprem: every 4 h through a self-hosted IR; the IR went offline 2 runs ago.
        List<Instant> erp = w.schedule(weekAgo, Duration.ofHours(4), Duration.ofMinutes(40));
        for (int i = 0; i < erp.size(); i++) {
            erp(w, erp.get(i), i >= erp.size() - 2);
        }

        // pl_master_nightly -> pl_load_customer_dim: nightly; last night the child's copy failed.
        List<Instant> nightly = w.schedule(weekAgo, Duration.ofDays(1), Duration.ofHours(2));
        for (int i = 0; i < nightly.size(); i++) {
            nightly(w, nightly.get(i), i == nightly.size() - 1);
        }

        // pl_fanout_regions: every 12 h; a ForEach over regions, one inner copy (apac) failed last time.
        List<Instant> fan = w.schedule(weekAgo, Duration.ofHours(12), Duration.ofMinutes(50));
        for (int i = 0; i < fan.size(); i++) {
            fanout(w, fan.get(i), i == fan.size() - 1);
        }

        // pl_refresh_reporting: hourly and healthy; the current run is in progress.
        List<Instant> rep = w.schedule(weekAgo, Duration.ofHours(1), Duration.ofMinutes(20));
        for (int i = 0; i < rep.size(); i++) {
            Instant s = rep.get(i);
            reporting(w, s, i == rep.size() - 1 && s.isAfter(now.minus(Duration.ofMinutes(45))));
        }

        // pl_archive_logs: daily; one cancelled by an operator, and a run queued right now.
        List<Instant> arch = w.schedule(weekAgo, Duration.ofDays(1), Duration.ofHours(3));
        for (int i = 0; i < arch.size(); i++) {
            archive(w, arch.get(i), i == arch.size() - 3);
        }
        ObjectNode queued = w.run("pl_archive_logs", now.minus(Duration.ofMinutes(2)), null, "Queued",
                w.manual(), Map.of("retentionDays", "30"));
        queued.putNull("runStart");
        queued.put("lastUpdated", ADF_TIME.format(now.minus(Duration.ofMinutes(2))));

        ahead(weekAgo);
        live(weekAgo);

        // A failed run's message names its first failed activity, as ADF's does.

        for (ObjectNode run : runs) {
            if ("Failed".equals(run.get("status").asText()) && run.get("message").asText().isEmpty()) {
                String id = run.get("runId").asText();
                activities.stream()
                        .filter(a -> id.equals(a.get("pipelineRunId").asText()) && "Failed".equals(a.get("status").asText()))
                        .findFirst()
                        .ifPresent(a -> run.put("message", "Operation on target " + a.get("activityName").asText()
                                + " failed: " + a.get("error").get("message").asText()));
            }
        }
    }

    /**
     * The week ahead, as the triggers keep firing after now (a run shows once it starts): a stopped trigger's runs and a
     * skipped one are withheld by the live changes ({@link SimTriggerRuns}). What stays broken keeps failing: the sales
     * database unreachable, the self-hosted runtime offline, the bad date in the customers' source, the lake's missing
     * permission; the rest succeed. The Databricks transform's tumbling window waits on its own failed window (a
     * self-dependency), so ADF starts no later window of it: neither does the simulator. Its own random stream keeps
     * the week before unchanged.
     */
    private void ahead(Instant weekAgo) {
        BuiltInRuns f = new BuiltInRuns(json, new Random(seed ^ 0xA4EAD_5EEDL), now.plus(Duration.ofDays(8)), runs,
                activities, runtimes);
        Instant from = now.minus(Duration.ofMinutes(1));
        f.schedule(weekAgo, Duration.ofHours(2), Duration.ofMinutes(5), from).forEach(s -> ingest(f, s, true));
        f.schedule(weekAgo, Duration.ofHours(1), Duration.ofMinutes(10), from).forEach(s -> webEvents(f, s, false, false));
        f.schedule(weekAgo, Duration.ofHours(3), Duration.ofMinutes(15), from).forEach(s -> shipments(f, s, false));
        f.schedule(weekAgo, Duration.ofHours(4), Duration.ofMinutes(40), from).forEach(s -> erp(f, s, true));
        f.schedule(weekAgo, Duration.ofDays(1), Duration.ofHours(2), from).forEach(s -> nightly(f, s, true));
        f.schedule(weekAgo, Duration.ofHours(12), Duration.ofMinutes(50), from).forEach(s -> fanout(f, s, true));
        f.schedule(weekAgo, Duration.ofHours(1), Duration.ofMinutes(20), from).forEach(s -> reporting(f, s, false));
        f.schedule(weekAgo, Duration.ofDays(1), Duration.ofHours(3), from).forEach(s -> archive(f, s, false));
    }

    // ---- one run of each pipeline, started at s by its trigger ---------------------------------------------------

    private void ingest(BuiltInRuns w, Instant s, boolean failing) {
        ObjectNode run = w.run("pl_ingest_sales_orders", s, failing ? w.mins(1, 3) : w.mins(6, 12),
                failing ? "Failed" : "Succeeded", w.trigger("tr_every_2h"),
                Map.of("sourceSchema", "sales", "loadDate", w.day(s)));
        w.lookup(run, "Lookup watermark", s, 20);
        w.copy(run, "Copy sales orders", s.plusSeconds(25), failing ? 70 : 420, failing
                ? w.err("2200", SQL_FAILED_TO_CONNECT, "UserError", "Copy sales orders") : null, "ls_sql_sales_prod");
        if (!failing) {
            w.activity(run, "Update watermark", "SqlServerStoredProcedure", s.plusSeconds(460), 15, null, null);
        }
    }

    private void webEvents(BuiltInRuns w, Instant s, boolean failed, boolean throttled) {
        ObjectNode run = w.run("pl_copy_web_events", s, failed ? w.mins(0, 1) : throttled ? w.mins(15, 18)
                : w.mins(3, 6), failed ? "Failed" : "Succeeded", w.trigger("tr_hourly"),
                Map.of("folder", "web-events/" + w.day(s)));
        ObjectNode copy = w.copy(run, "Copy web events to lake", s.plusSeconds(5), failed ? 30 : throttled ? 880 : 240,
                failed ? w.err("2200", BLOB_NOT_EXISTS.formatted(w.day(s)), "UserError", "Copy web events to lake")
                        : null, "ls_blob_landing");
        if (throttled) {
            CopyOutputs.throttled((ObjectNode) copy.get("output"), "ls_blob_landing", 880, 240, 37,
                    "Azure Data Lake Storage Gen2");
        }
    }

    private void databricks(BuiltInRuns w, Instant s, boolean failed) {
        ObjectNode run = w.run("pl_transform_customers_databricks", s, failed ? w.mins(8, 10) : w.mins(14, 22),
                failed ? "Failed" : "Succeeded", w.trigger("tr_every_6h"), Map.of("env", "prod"));
        w.activity(run, "Enrich customers notebook", "DatabricksNotebook", s.plusSeconds(3), failed ? 540 : 1000,
                failed ? w.err("3204", DATABRICKS_3204, "UserError", "Enrich customers notebook") : null,
                "ls_databricks_prod");
    }

    private void shipments(BuiltInRuns w, Instant s, boolean failed) {
        ObjectNode run = w.run("pl_export_shipments_api", s, failed ? w.mins(2, 3) : w.mins(1, 2),
                failed ? "Failed" : "Succeeded", w.trigger("tr_every_3h"), Map.of("batchSize", "500"));
        w.activity(run, "Get API token", "WebActivity", s.plusSeconds(2), 3, null, null);
        w.activity(run, "Post shipments export", "WebActivity", s.plusSeconds(8), failed ? 100 : 40,
                failed ? w.err("2108", WEB_2108, "UserError", "Post shipments export") : null, null);
    }

    private void erp(BuiltInRuns w, Instant s, boolean failed) {
        ObjectNode run = w.run("pl_extract_erp_onprem", s, failed ? w.mins(0, 1) : w.mins(9, 15),
                failed ? "Failed" : "Succeeded", w.trigger("tr_every_4h"), Map.of());
        w.copy(run, "Copy ERP invoices", s.plusSeconds(4), failed ? 20 : 600, failed ? w.err("2010",
                SHIR_2010.formatted(runtimes.of("ls_sqlserver_erp").name()), "SystemError", "Copy ERP invoices") : null,
                "ls_sqlserver_erp");
    }

    private void nightly(BuiltInRuns w, Instant s, boolean failed) {
        ObjectNode parent = w.run("pl_master_nightly", s, failed ? w.mins(4, 6) : w.mins(25, 35),
                failed ? "Failed" : "Succeeded", w.trigger("tr_nightly"), Map.of("runDate", w.day(s)));
        String parentId = parent.get("runId").asText();
        Instant cs = s.plusSeconds(10);
        ObjectNode child = w.run("pl_load_customer_dim", cs, failed ? w.mins(3, 5) : w.mins(20, 30),
                failed ? "Failed" : "Succeeded", w.invokedByParent("Run load customer dim", "pl_master_nightly", parentId),
                Map.of("mode", "incremental"));
        w.copy(child, "Copy customers to staging", cs.plusSeconds(3), failed ? 140 : 900,
                failed ? w.err("2200", TYPE_CONVERSION, "UserError", "Copy customers to staging") : null, "ls_sql_dw");
        if (!failed) {
            w.activity(child, "Merge customer dim", "SqlServerStoredProcedure", cs.plusSeconds(910), 60, null, null);
        }
        ObjectNode exec = w.activity(parent, "Run load customer dim", "ExecutePipeline", s.plusSeconds(5),
                failed ? 200 : 1500, failed ? w.err("2200", "Operation on target Copy customers to staging failed: "
                        + TYPE_CONVERSION, "UserError", "Run load customer dim") : null, null);
        ObjectNode out = exec.putObject("output");
        out.put("pipelineName", "pl_load_customer_dim");
        out.put("pipelineRunId", child.get("runId").asText());
        if (failed) {
            parent.put("message", "Operation on target Run load customer dim failed: Operation on target "
                    + "Copy customers to staging failed: " + TYPE_CONVERSION);
        } else {
            w.activity(parent, "Refresh semantic model", "WebActivity", s.plusSeconds(1600), 90, null, null);
        }
    }

    private void fanout(BuiltInRuns w, Instant s, boolean failed) {
        String[] regions = {"emea", "amer", "apac", "latam"};
        ObjectNode run = w.run("pl_fanout_regions", s, w.mins(6, 9), failed ? "Failed" : "Succeeded",
                w.trigger("tr_every_12h"), Map.of("regions", String.join(",", regions)));
        w.lookup(run, "Lookup region list", s, 10);
        w.activity(run, "ForEach region", "ForEach", s.plusSeconds(12), 330,
                failed ? w.err("", "Activity failed because an inner activity failed", "UserError", "ForEach region") : null,
                null);
        for (int r = 0; r < regions.length; r++) {
            boolean bad = failed && regions[r].equals("apac");
            ObjectNode inner = w.copy(run, "Copy region sales", s.plusSeconds(15 + r * 70L), bad ? 40 : 60,
                    bad ? w.err("2200", ADLS_403, "UserError", "Copy region sales") : null, "ls_adls_curated");
            inner.put("iterationHash", UUID.nameUUIDFromBytes((s + regions[r]).getBytes()).toString());
            ((ObjectNode) inner.get("input")).put("region", regions[r]);
        }
        if (failed) {
            run.put("message", "Operation on target ForEach region failed: Activity failed because an inner "
                    + "activity failed");
        }
    }

    private void reporting(BuiltInRuns w, Instant s, boolean running) {
        ObjectNode run = w.run("pl_refresh_reporting", s, running ? null : w.mins(2, 4),
                running ? "InProgress" : "Succeeded", w.trigger("tr_hourly"), Map.of());
        w.activity(run, "Refresh aggregates", "SqlServerStoredProcedure", s.plusSeconds(2), running ? null : 120,
                null, null).put("status", running ? "InProgress" : "Succeeded");
    }

    private void archive(BuiltInRuns w, Instant s, boolean cancelled) {
        String status = cancelled ? "Cancelled" : "Succeeded";
        ObjectNode run = w.run("pl_archive_logs", s, w.mins(10, 20), status, w.trigger("tr_daily_archive"),
                Map.of("retentionDays", "30"));
        if (cancelled) {
            run.put("message", "Pipeline run was cancelled by user 'oncall@contoso.com'.");
        }
        w.activity(run, "Archive old logs", "Copy", s.plusSeconds(2), 500, null, "ls_blob_logs")
                .put("status", cancelled ? "Cancelled" : "Succeeded");
    }

    /**
     * pl_stream_telemetry_to_lake: every 15 minutes, for the past week and the coming week, now and then failing (the
     * SQL sink unreachable). The simulator shows each run only once it starts and in progress until it ends, so the
     * factory keeps moving while the bot runs. Its first run after now starts 7 minutes after now (on the whole
     * minute): a live change made soon after start (a trigger stopped, a run skipped) shows within minutes, as the e2e
     * suite's missed-run alert needs. Its own random stream keeps the rest of the week unchanged.
     */
    private void live(Instant weekAgo) {
        java.util.Random r = new java.util.Random(seed ^ 0x5EED_F00DL);
        Instant until = now.plus(Duration.ofDays(7));
        Instant next = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(7));
        for (Instant s = next.minus(Duration.ofDays(7)); s.isBefore(until);
             s = s.plus(Duration.ofMinutes(15))) {
            if (s.isBefore(weekAgo)) {
                continue;
            }
            boolean failed = r.nextInt(16) == 0;
            int seconds = failed ? 60 + r.nextInt(60) : 180 + r.nextInt(180);
            ObjectNode run = json.createObjectNode();
            String id = UUID.nameUUIDFromBytes(("pl_stream_telemetry_to_lake" + s).getBytes()).toString();
            run.put("runId", id);
            run.put("runGroupId", id);
            run.put("isLatest", true);
            run.put("pipelineName", "pl_stream_telemetry_to_lake");
            run.putObject("parameters").put("window", ADF_TIME.format(s));
            run.putObject("runDimensions");
            run.set("invokedBy", w.trigger("tr_every_15min"));
            run.put("runStart", ADF_TIME.format(s));
            run.put("runEnd", ADF_TIME.format(s.plusSeconds(seconds)));
            run.put("durationInMs", seconds * 1000L);
            run.put("lastUpdated", ADF_TIME.format(s.plusSeconds(seconds)));
            run.put("status", failed ? "Failed" : "Succeeded");
            run.put("message", "");
            run.putObject("annotations");
            runs.add(run);
            w.copy(run, "Copy telemetry batch", s.plusSeconds(4), seconds - 10, failed
                    ? w.err("2200", SQL_FAILED_TO_CONNECT.replace("sql-sales-prod", "sql-telemetry-prod").replace("salesdb", "telemetry"),
                            "UserError", "Copy telemetry batch") : null, "ls_sql_telemetry");
        }
    }
}
