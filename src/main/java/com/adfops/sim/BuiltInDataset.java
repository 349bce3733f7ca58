package com.adfops.sim;

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

    private static final DateTimeFormatter ADF_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private final ObjectMapper json;
    private final Random random;
    private final Instant now;
    private final List<ObjectNode> runs = new ArrayList<>();
    private final List<ObjectNode> activities = new ArrayList<>();

    private final long seed;

    private BuiltInDataset(ObjectMapper json, Instant now, long seed) {
        this.seed = seed;
        this.json = json;
        this.now = now.truncatedTo(ChronoUnit.MILLIS);
        this.random = new Random(seed);
    }

    public static SimDataset generate(ObjectMapper json, Instant now, long seed) {
        BuiltInDataset g = new BuiltInDataset(json, now, seed);
        g.build();
        // A rerun of the sales ingest fails again (its SQL sign-in is still broken): the failed-rerun path, locally.
        return new SimDataset(FACTORY, g.runs, g.activities, java.util.Map.of("pl_ingest_sales_orders", "Failed"));
    }

    // ---- error texts as ADF reports them -------------------------------------------------------------

    static final String SQL_FAILED_TO_CONNECT = "ErrorCode=SqlFailedToConnect,'Type=Microsoft.DataTransfer.Common.Shared."
            + "HybridDeliveryException,Message=Cannot connect to SQL Database. Please contact SQL server team for further "
            + "support. Server: 'sql-sales-prod.database.windows.net', Database: 'salesdb', User: 'adf_reader'. Check the "
            + "linked service configuration is correct, and make sure the SQL Database firewall allows the integration "
            + "runtime to access.,Source=Microsoft.DataTransfer.ClientLibrary,''Type=System.Data.SqlClient.SqlException,"
            + "Message=A network-related or instance-specific error occurred while establishing a connection to SQL Server. "
            + "The server was not found or was not accessible. Verify that the instance name is correct and that SQL Server "
            + "is configured to allow remote connections.,Source=.Net SqlClient Data Provider,SqlErrorNumber=53,Class=20,"
            + "ErrorCode=-2146232060,State=0,'";
    static final String BLOB_NOT_EXISTS = "ErrorCode=UserErrorSourceBlobNotExists,'Type=Microsoft.DataTransfer.Common."
            + "Shared.HybridDeliveryException,Message=The required Blob is missing. ContainerName: "
            + "https://stcontosolanding.blob.core.windows.net/landing, ContainerExist: True, BlobPrefix: "
            + "web-events/%s/, BlobCount: 0.,Source=Microsoft.DataTransfer.ClientLibrary,'";
    static final String DATABRICKS_3204 = "Databricks execution failed with error state: InternalError, error message: "
            + "Notebook /Repos/data-eng/transform/enrich_customers failed: org.apache.spark.sql.AnalysisException: "
            + "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `customer_segment` cannot be "
            + "resolved. Did you mean one of the following? [`customer_id`, `segment`].";
    static final String WEB_2108 = "Error calling the endpoint 'https://api.partner-logistics.com/v2/shipments/export'. "
            + "Response status code: 'NA - Unknown'. More details: Exception message: 'NA - Unknown [ClientSideException] "
            + "A task was canceled.'. Request didn't reach the server from the client. This could happen because of an "
            + "underlying issue such as network connectivity, a DNS failure, a server certificate validation or a timeout.";
    static final String SHIR_2010 = "The Self-hosted Integration Runtime 'shir-onprem-erp' is offline. Make sure the "
            + "integration runtime node is online and connected to the service, then try again.";
    static final String TYPE_CONVERSION = "ErrorCode=TypeConversionFailure,Exception occurred when converting value "
            + "'2026-13-01' for column name 'signup_date' from type 'String' (precision:, scale:) to type 'DateTime' "
            + "(precision:255, scale:255). Additional info: String was not recognized as a valid DateTime.";
    static final String ADLS_403 = "ErrorCode=AdlsGen2OperationFailed,'Type=Microsoft.DataTransfer.Common.Shared."
            + "HybridDeliveryException,Message=ADLS Gen2 operation failed for: Operation returned an invalid status code "
            + "'Forbidden'. Account: 'stcontosolake'. FileSystem: 'curated'. Path: 'regions/apac/sales.parquet'. ErrorCode: "
            + "'AuthorizationPermissionMismatch'. Message: 'This request is not authorized to perform this operation using "
            + "this permission.'.,Source=Microsoft.DataTransfer.ClientLibrary,'";

    // ---- the week ----------------------------------------------------------------------------------------

    private void build() {
        Instant weekAgo = now.minus(Duration.ofDays(7));

        // pl_ingest_sales_orders: every 2 h; failing for the last 3 runs (SQL server unreachable).
        List<Instant> ingest = schedule(weekAgo, Duration.ofHours(2), Duration.ofMinutes(5));
        for (int i = 0; i < ingest.size(); i++) {
            boolean failing = i >= ingest.size() - 3;
            Instant s = ingest.get(i);
            ObjectNode run = run("pl_ingest_sales_orders", s, failing ? mins(1, 3) : mins(6, 12),
                    failing ? "Failed" : "Succeeded", trigger("tr_every_2h"),
                    Map.of("sourceSchema", "sales", "loadDate", day(s)));
            lookup(run, "Lookup watermark", s, 20);
            copy(run, "Copy sales orders", s.plusSeconds(25), failing ? 70 : 420, failing
                    ? err("2200", SQL_FAILED_TO_CONNECT, "UserError", "Copy sales orders") : null, "ls_sql_sales_prod");
            if (!failing) {
                activity(run, "Update watermark", "SqlServerStoredProcedure", s.plusSeconds(460), 15, null, null);
            }
        }

        // pl_copy_web_events: hourly; failed twice yesterday (blob missing), then recovered.
        List<Instant> web = schedule(weekAgo, Duration.ofHours(1), Duration.ofMinutes(10));
        for (int i = 0; i < web.size(); i++) {
            boolean failed = i == web.size() - 9 || i == web.size() - 8;
            Instant s = web.get(i);
            ObjectNode run = run("pl_copy_web_events", s, failed ? mins(0, 1) : mins(3, 6),
                    failed ? "Failed" : "Succeeded", trigger("tr_hourly"), Map.of("folder", "web-events/" + day(s)));
            copy(run, "Copy web events to lake", s.plusSeconds(5), failed ? 30 : 240, failed
                    ? err("2200", BLOB_NOT_EXISTS.formatted(day(s)), "UserError", "Copy web events to lake") : null,
                    "ls_blob_landing");
        }

        // pl_transform_customers_databricks: every 6 h; the latest run failed in the notebook.
        List<Instant> dbx = schedule(weekAgo, Duration.ofHours(6), Duration.ofMinutes(30));
        for (int i = 0; i < dbx.size(); i++) {
            boolean failed = i == dbx.size() - 1;
            Instant s = dbx.get(i);
            ObjectNode run = run("pl_transform_customers_databricks", s, failed ? mins(8, 10) : mins(14, 22),
                    failed ? "Failed" : "Succeeded", trigger("tr_every_6h"), Map.of("env", "prod"));
            activity(run, "Enrich customers notebook", "DatabricksNotebook", s.plusSeconds(3), failed ? 540 : 1000,
                    failed ? err("3204", DATABRICKS_3204, "UserError", "Enrich customers notebook") : null,
                    "ls_databricks_prod");
        }

        // pl_export_shipments_api: every 3 h; latest failed on the web call, and once three days ago.
        List<Instant> api = schedule(weekAgo, Duration.ofHours(3), Duration.ofMinutes(15));
        for (int i = 0; i < api.size(); i++) {
            boolean failed = i == api.size() - 1 || i == api.size() - 25;
            Instant s = api.get(i);
            ObjectNode run = run("pl_export_shipments_api", s, failed ? mins(2, 3) : mins(1, 2),
                    failed ? "Failed" : "Succeeded", trigger("tr_every_3h"), Map.of("batchSize", "500"));
            activity(run, "Get API token", "WebActivity", s.plusSeconds(2), 3, null, null);
            activity(run, "Post shipments export", "WebActivity", s.plusSeconds(8), failed ? 100 : 40,
                    failed ? err("2108", WEB_2108, "UserError", "Post shipments export") : null, null);
        }

        // pl_extract_erp_onprem: every 4 h through a self-hosted IR; the IR went offline 2 runs ago.
        List<Instant> erp = schedule(weekAgo, Duration.ofHours(4), Duration.ofMinutes(40));
        for (int i = 0; i < erp.size(); i++) {
            boolean failed = i >= erp.size() - 2;
            Instant s = erp.get(i);
            ObjectNode run = run("pl_extract_erp_onprem", s, failed ? mins(0, 1) : mins(9, 15),
                    failed ? "Failed" : "Succeeded", trigger("tr_every_4h"), Map.of());
            copy(run, "Copy ERP invoices", s.plusSeconds(4), failed ? 20 : 600,
                    failed ? err("2010", SHIR_2010, "SystemError", "Copy ERP invoices") : null, "ls_sqlserver_erp");
        }

        // pl_master_nightly -> pl_load_customer_dim: nightly; last night the child's copy failed.
        List<Instant> nightly = schedule(weekAgo, Duration.ofDays(1), Duration.ofHours(2));
        for (int i = 0; i < nightly.size(); i++) {
            boolean failed = i == nightly.size() - 1;
            Instant s = nightly.get(i);
            ObjectNode parent = run("pl_master_nightly", s, failed ? mins(4, 6) : mins(25, 35),
                    failed ? "Failed" : "Succeeded", trigger("tr_nightly"), Map.of("runDate", day(s)));
            String parentId = parent.get("runId").asText();
            Instant cs = s.plusSeconds(10);
            ObjectNode child = run("pl_load_customer_dim", cs, failed ? mins(3, 5) : mins(20, 30),
                    failed ? "Failed" : "Succeeded", invokedByParent("Run load customer dim", "pl_master_nightly", parentId),
                    Map.of("mode", "incremental"));
            copy(child, "Copy customers to staging", cs.plusSeconds(3), failed ? 140 : 900,
                    failed ? err("2200", TYPE_CONVERSION, "UserError", "Copy customers to staging") : null, "ls_sql_dw");
            if (!failed) {
                activity(child, "Merge customer dim", "SqlServerStoredProcedure", cs.plusSeconds(910), 60, null, null);
            }
            ObjectNode exec = activity(parent, "Run load customer dim", "ExecutePipeline", s.plusSeconds(5),
                    failed ? 200 : 1500, failed ? err("2200", "Operation on target Copy customers to staging failed: "
                            + TYPE_CONVERSION, "UserError", "Run load customer dim") : null, null);
            ObjectNode out = exec.putObject("output");
            out.put("pipelineName", "pl_load_customer_dim");
            out.put("pipelineRunId", child.get("runId").asText());
            if (failed) {
                parent.put("message", "Operation on target Run load customer dim failed: Operation on target "
                        + "Copy customers to staging failed: " + TYPE_CONVERSION);
            } else {
                activity(parent, "Refresh semantic model", "WebActivity", s.plusSeconds(1600), 90, null, null);
            }
        }

        // pl_fanout_regions: every 12 h; a ForEach over regions, one inner copy (apac) failed last time.
        List<Instant> fan = schedule(weekAgo, Duration.ofHours(12), Duration.ofMinutes(50));
        String[] regions = {"emea", "amer", "apac", "latam"};
        for (int i = 0; i < fan.size(); i++) {
            boolean failed = i == fan.size() - 1;
            Instant s = fan.get(i);
            ObjectNode run = run("pl_fanout_regions", s, mins(6, 9), failed ? "Failed" : "Succeeded",
                    trigger("tr_every_12h"), Map.of("regions", String.join(",", regions)));
            lookup(run, "Lookup region list", s, 10);
            activity(run, "ForEach region", "ForEach", s.plusSeconds(12), 330,
                    failed ? err("", "Activity failed because an inner activity failed", "UserError", "ForEach region") : null,
                    null);
            for (int r = 0; r < regions.length; r++) {
                boolean bad = failed && regions[r].equals("apac");
                ObjectNode inner = copy(run, "Copy region sales", s.plusSeconds(15 + r * 70L), bad ? 40 : 60,
                        bad ? err("2200", ADLS_403, "UserError", "Copy region sales") : null, "ls_adls_curated");
                inner.put("iterationHash", UUID.nameUUIDFromBytes((s + regions[r]).getBytes()).toString());
                ((ObjectNode) inner.get("input")).put("region", regions[r]);
            }
            if (failed) {
                run.put("message", "Operation on target ForEach region failed: Activity failed because an inner "
                        + "activity failed");
            }
        }

        // pl_refresh_reporting: hourly and healthy; the current run is in progress.
        List<Instant> rep = schedule(weekAgo, Duration.ofHours(1), Duration.ofMinutes(20));
        for (int i = 0; i < rep.size(); i++) {
            Instant s = rep.get(i);
            boolean running = i == rep.size() - 1 && s.isAfter(now.minus(Duration.ofMinutes(45)));
            ObjectNode run = run("pl_refresh_reporting", s, running ? null : mins(2, 4),
                    running ? "InProgress" : "Succeeded", trigger("tr_hourly"), Map.of());
            activity(run, "Refresh aggregates", "SqlServerStoredProcedure", s.plusSeconds(2), running ? null : 120,
                    null, null).put("status", running ? "InProgress" : "Succeeded");
        }

        // pl_archive_logs: daily; one cancelled by an operator, and a run queued right now.
        List<Instant> arch = schedule(weekAgo, Duration.ofDays(1), Duration.ofHours(3));
        for (int i = 0; i < arch.size(); i++) {
            Instant s = arch.get(i);
            String status = i == arch.size() - 3 ? "Cancelled" : "Succeeded";
            ObjectNode run = run("pl_archive_logs", s, mins(10, 20), status, trigger("tr_daily_archive"),
                    Map.of("retentionDays", "30"));
            if (status.equals("Cancelled")) {
                run.put("message", "Pipeline run was cancelled by user 'oncall@contoso.com'.");
            }
            activity(run, "Archive old logs", "Copy", s.plusSeconds(2), 500, null, "ls_blob_logs")
                    .put("status", status.equals("Cancelled") ? "Cancelled" : "Succeeded");
        }
        ObjectNode queued = run("pl_archive_logs", now.minus(Duration.ofMinutes(2)), null, "Queued",
                manual(), Map.of("retentionDays", "30"));
        queued.putNull("runStart");
        queued.put("lastUpdated", ADF_TIME.format(now.minus(Duration.ofMinutes(2))));

        // A failed run's message names its first failed activity, as ADF's does.
        live(weekAgo);

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
     * pl_stream_telemetry_to_lake: every 15 minutes, for the past week and the coming week, now and then failing (the
     * SQL sink unreachable). The simulator shows each run only once it starts and in progress until it ends, so the
     * factory keeps moving while the bot runs. Its own random stream keeps the rest of the week unchanged.
     */
    private void live(Instant weekAgo) {
        java.util.Random r = new java.util.Random(seed ^ 0x5EED_F00DL);
        Instant until = now.plus(Duration.ofDays(7));
        for (Instant s = weekAgo.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(7)); s.isBefore(until);
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
            run.set("invokedBy", trigger("tr_every_15min"));
            run.put("runStart", ADF_TIME.format(s));
            run.put("runEnd", ADF_TIME.format(s.plusSeconds(seconds)));
            run.put("durationInMs", seconds * 1000L);
            run.put("lastUpdated", ADF_TIME.format(s.plusSeconds(seconds)));
            run.put("status", failed ? "Failed" : "Succeeded");
            run.put("message", "");
            run.putObject("annotations");
            runs.add(run);
            copy(run, "Copy telemetry batch", s.plusSeconds(4), seconds - 10, failed
                    ? err("2200", SQL_FAILED_TO_CONNECT.replace("sql-sales-prod", "sql-telemetry-prod").replace("salesdb", "telemetry"),
                            "UserError", "Copy telemetry batch") : null, "ls_sql_telemetry");
        }
    }

    // ---- builders ----------------------------------------------------------------------------------------

    /** Start times every {@code every}, offset into the period, from {@code from} to now. */
    private List<Instant> schedule(Instant from, Duration every, Duration offset) {
        List<Instant> out = new ArrayList<>();
        Instant t = from.truncatedTo(ChronoUnit.HOURS).plus(offset);
        while (t.isBefore(now.minus(Duration.ofMinutes(1)))) {
            if (!t.isBefore(from)) {
                out.add(t.plusMillis(random.nextInt(900)));
            }
            t = t.plus(every);
        }
        return out;
    }

    private Duration mins(int lo, int hi) {
        return Duration.ofSeconds(lo * 60L + random.nextInt(Math.max(1, (hi - lo) * 60)));
    }

    private ObjectNode run(String pipeline, Instant start, Duration duration, String status, ObjectNode invokedBy,
                           Map<String, String> params) {
        ObjectNode r = json.createObjectNode();
        String id = UUID.nameUUIDFromBytes((pipeline + start).getBytes()).toString();
        r.put("runId", id);
        r.put("runGroupId", id);
        r.put("isLatest", true);
        r.put("pipelineName", pipeline);
        ObjectNode p = r.putObject("parameters");
        params.forEach(p::put);
        r.putObject("runDimensions");
        r.set("invokedBy", invokedBy);
        Instant end = duration == null || !start.plus(duration).isBefore(now) ? null : start.plus(duration);
        if (duration != null && end == null) {
            status = "InProgress";
        }
        r.put("runStart", ADF_TIME.format(start));
        if (end != null) {
            r.put("runEnd", ADF_TIME.format(end));
            r.put("durationInMs", Duration.between(start, end).toMillis());
        } else {
            r.putNull("runEnd");
            r.putNull("durationInMs");
        }
        r.put("lastUpdated", ADF_TIME.format(end != null ? end : start));
        r.put("status", status);
        r.put("message", "");
        r.putObject("annotations");
        runs.add(r);
        return r;
    }

    private ObjectNode trigger(String name) {
        ObjectNode by = json.createObjectNode();
        by.put("name", name);
        by.put("id", UUID.nameUUIDFromBytes(name.getBytes()).toString().replace("-", ""));
        by.put("invokedByType", "ScheduleTrigger");
        return by;
    }

    private ObjectNode manual() {
        ObjectNode by = json.createObjectNode();
        by.put("name", "Manual");
        by.put("id", UUID.randomUUID().toString().replace("-", ""));
        by.put("invokedByType", "Manual");
        return by;
    }

    private ObjectNode invokedByParent(String activity, String pipeline, String parentRunId) {
        ObjectNode by = json.createObjectNode();
        by.put("name", activity);
        by.put("id", UUID.nameUUIDFromBytes((activity + parentRunId).getBytes()).toString());
        by.put("invokedByType", "PipelineActivity");
        by.put("pipelineName", pipeline);
        by.put("pipelineRunId", parentRunId);
        return by;
    }

    private ObjectNode err(String code, String message, String failureType, String target) {
        ObjectNode e = json.createObjectNode();
        e.put("errorCode", code);
        e.put("message", message);
        e.put("failureType", failureType);
        e.put("target", target);
        e.putObject("details");
        return e;
    }

    private ObjectNode lookup(ObjectNode run, String name, Instant start, int seconds) {
        return activity(run, name, "Lookup", start, seconds, null, "ls_sql_meta");
    }

    private ObjectNode copy(ObjectNode run, String name, Instant start, int seconds, ObjectNode error, String linked) {
        ObjectNode a = activity(run, name, "Copy", start, seconds, error, linked);
        // What the copy read and where it ran (no random draws here: the rest of the week stays as generated).
        ObjectNode in = a.putObject("input");
        ObjectNode source = in.putObject("source");
        source.put("type", linked != null && linked.contains("sql") ? "SqlServerSource" : "DelimitedTextSource");
        if (linked != null && linked.contains("sql")) {
            source.put("sqlReaderQuery", "SELECT * FROM " + name.replaceAll("[^A-Za-z]", "_").toLowerCase()
                    + " WHERE modified >= '" + day(start) + "'");
        }
        in.putObject("sink").put("type", "ParquetSink");
        boolean selfHosted = linked != null && linked.contains("onprem");
        String runtime = selfHosted ? "ir-selfhosted-onprem" : error != null && linked != null && linked.contains("sql")
                ? "ir-managed-vnet (West Europe)" : "AutoResolveIntegrationRuntime (West Europe)";
        if (error == null) {
            ObjectNode out = a.putObject("output");
            int rows = 1000 + random.nextInt(90_000);
            out.put("dataRead", rows * 210L);
            out.put("rowsRead", rows);
            out.put("rowsCopied", rows);
            out.put("copyDuration", seconds);
            out.put("effectiveIntegrationRuntime", runtime);
            bill(a, "Copy", linked, seconds);
        } else {
            ((ObjectNode) a.get("output")).put("effectiveIntegrationRuntime", runtime);
        }
        return a;
    }

    private ObjectNode activity(ObjectNode run, String name, String type, Instant start, Integer seconds,
                                ObjectNode error, String linked) {
        ObjectNode a = json.createObjectNode();
        String runId = run.get("runId").asText();
        a.put("activityRunEnd", (String) null);
        a.put("activityName", name);
        a.put("activityRunStart", ADF_TIME.format(start));
        boolean failed = error != null;
        a.put("activityType", type);
        if (seconds != null) {
            a.put("activityRunEnd", ADF_TIME.format(start.plusSeconds(seconds)));
            a.put("durationInMs", seconds * 1000L);
        } else {
            a.putNull("durationInMs");
        }
        a.put("status", failed ? "Failed" : "Succeeded");
        a.put("pipelineName", run.get("pipelineName").asText());
        a.put("pipelineRunId", runId);
        a.put("activityRunId", UUID.nameUUIDFromBytes((runId + name + start).getBytes()).toString());
        a.put("linkedServiceName", linked == null ? "" : linked);
        a.put("retryAttempt", (String) null);
        a.putObject("input");
        a.putObject("output");
        a.set("error", failed ? error : err("", "", "", name));
        a.putArray("userProperties");
        bill(a, type, linked, seconds);
        activities.add(a);
        return a;
    }

    /**
     * ADF's {@code output.billingReference}: Copy bills data movement (4 DIUs here), compute outside ADF bills external
     * activity hours, the rest pipeline activity hours; durations rounded up to whole minutes, as ADF does.
     */
    static void bill(ObjectNode a, String type, String linked, Integer seconds) {
        if (seconds == null) {
            return;
        }
        String billed;
        switch (type) {
            case "Copy" -> billed = "DataMovement";
            case "DatabricksNotebook", "SqlServerStoredProcedure", "WebActivity", "AzureFunctionActivity" -> billed = "ExternalActivity";
            case "Lookup", "SetVariable", "GetMetadata", "Delete", "Wait" -> billed = "PipelineActivity";
            default -> {
                return;
            }
        }
        double hours = Math.ceil(seconds / 60.0) / 60.0;
        ObjectNode ref = ((ObjectNode) a.get("output")).putObject("billingReference");
        ref.put("activityType", billed);
        ObjectNode d = ref.putArray("billableDuration").addObject();
        d.put("meterType", linked != null && linked.contains("onprem") ? "SelfhostedIR" : "AzureIR");
        d.put("duration", billed.equals("DataMovement") ? hours * 4 : hours);
        d.put("unit", billed.equals("DataMovement") ? "DIUHours" : "Hours");
    }

    private static String day(Instant t) {
        return DateTimeFormatter.ISO_LOCAL_DATE.withZone(java.time.ZoneOffset.UTC).format(t).replace('-', '/');
    }
}
