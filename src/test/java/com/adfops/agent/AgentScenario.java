package com.adfops.agent;

import com.adfops.DatasetBuilder;
import java.time.Instant;

/**
 * A factory none of the product's own examples use: nested pipelines three levels deep, a ForEach whose
 * iterations fail, a recovered pipeline, a run without activity errors, a pipeline with two failures.
 */
public final class AgentScenario {

    public static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    public final DatasetBuilder data = new DatasetBuilder("df-northwind-finance");
    public final DatasetBuilder.Run financeLatest;
    public final DatasetBuilder.Run financeOlder;
    public final DatasetBuilder.Run monthClose;
    public final DatasetBuilder.Run hrOk;

    public AgentScenario() {
        financeOlder = data.run("Finance-GL_Export", NOW.minusSeconds(3 * 86400), 300, "Failed")
                .activity("Copy GL", "Copy", 5, 60, "Failed", "2200",
                        "ErrorCode=UserErrorSourceBlobNotExists,'Message=The required Blob is missing. BlobPrefix: gl/,Source=x,'")
                .message("Operation on target Copy GL failed: blob missing");
        data.run("Finance-GL_Export", NOW.minusSeconds(2 * 86400), 300, "Succeeded")
                .activity("Copy GL", "Copy", 5, 200, "Succeeded", null, null);
        financeLatest = data.run("Finance-GL_Export", NOW.minusSeconds(3600), 120, "Failed")
                .parameter("period", "2026-11")
                .activity("Lookup cfg", "Lookup", 1, 5, "Succeeded", null, null)
                .activity("Copy GL", "Copy", 10, 60, "Failed", "2200",
                        "ErrorCode=SqlUnauthorizedAccess,'Message=Cannot connect to 'gl-sql'. Login failed for user 'etl'. Password=hunter2;,Source=x,'")
                .message("Operation on target Copy GL failed: ErrorCode=SqlUnauthorizedAccess,'Message=Cannot connect to 'gl-sql'. Login failed for user 'etl'.,Source=x,'");

        Instant mc = NOW.minusSeconds(2 * 3600);
        monthClose = data.run("orchestrate_month_close", mc, 900, "Failed");
        DatasetBuilder.Run child = data.run("load_gl_detail", mc.plusSeconds(10), 800, "Failed", monthClose);
        DatasetBuilder.Run grandchild = data.run("stage_gl_rows", mc.plusSeconds(30), 700, "Failed", child);
        monthClose.activity("Check calendar", "Lookup", 1, 5, "Succeeded", null, null)
                .executePipeline("Run GL load", 8, 880, child, "Failed");
        child.executePipeline("Run staging", 15, 750, grandchild, "Failed");
        grandchild.activity("Each partition", "ForEach", 40, 600, "Failed", "", "Activity failed because an inner activity failed")
                .activity("Copy partition", "Copy", 50, 100, "Succeeded", null, null)
                .activity("Copy partition", "Copy", 160, 100, "Failed", "2200",
                        "ErrorCode=DelimitedTextMoreColumnsThanDefined,'Message=Error found when processing 'Csv/Tsv Format Text' source 'p7.csv' with row number 12: found more columns than expected column count 9.,Source=x,'")
                .activity("Copy partition", "Copy", 270, 100, "Failed", "2200",
                        "ErrorCode=DelimitedTextMoreColumnsThanDefined,'Message=Error found when processing 'Csv/Tsv Format Text' source 'p7.csv' with row number 12: found more columns than expected column count 9.,Source=x,'");

        data.run("marketing_sync", NOW.minusSeconds(5 * 3600), 60, "Failed")
                .activity("Call CRM", "WebActivity", 1, 30, "Failed", "2108",
                        "Error calling the endpoint 'https://crm'. Response status code: '503 Service Unavailable'.");
        data.run("marketing_sync", NOW.minusSeconds(3600), 60, "Succeeded")
                .activity("Call CRM", "WebActivity", 1, 30, "Succeeded", null, null);
        hrOk = data.run("hr_snapshot", NOW.minusSeconds(4 * 3600), 100, "Succeeded")
                .activity("Copy HR", "Copy", 1, 90, "Succeeded", null, null);
        data.run("inventory_refresh", NOW.minusSeconds(600), 0, "InProgress");
        data.run("sales-dashboard", NOW.minusSeconds(8 * 3600), 3600, "Failed").message("Pipeline run timed out after 01:00:00.");
    }
}
