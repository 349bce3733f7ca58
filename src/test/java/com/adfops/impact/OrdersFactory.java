package com.adfops.impact;

import static com.adfops.impact.Defs.copy;
import static com.adfops.impact.Defs.dataset;
import static com.adfops.impact.Defs.execute;
import static com.adfops.impact.Defs.lookup;
import static com.adfops.impact.Defs.onService;
import static com.adfops.impact.Defs.pipeline;
import static com.adfops.impact.Defs.service;
import static com.adfops.impact.Defs.window;

import com.adfops.adf.FactoryDefinitions;
import java.util.List;
import java.util.Map;

/**
 * A hand-built factory: Ingest_Orders copies DS_Orders_Raw (read by Audit_Orders and Build_Revenue; Build_Revenue
 * writes ds_revenue, read by Publish_Dashboard, whose ds_feedback Ingest_Orders and Build_Revenue read back: a
 * cycle), then cleans its stage and loads ds_ledger; Nightly_Master executes it (and Weekend_Master executes
 * Nightly_Master); tw_finance_close (Close_Books) depends on the windows of tw_orders_hourly (Ingest_Orders).
 * Names are spelled in varied case where they are referenced, as ADF allows.
 */
final class OrdersFactory {

    /** Next runs, minutes after {@link Defs#T}. */
    static final Map<String, Integer> NEXT = Map.of("build_revenue", 120, "Publish_Dashboard", 40,
            "CLOSE_BOOKS", 70, "Audit_Orders", 180);

    private OrdersFactory() {
    }

    static FactoryDefinitions definitions() {
        return Defs.definitions(
                List.of(pipeline("Audit_Orders", lookup("ReadRaw", "DS_ORDERS_RAW")),
                        pipeline("Build_Revenue", copy("AggRevenue", List.of("ds_orders_raw", "ds_feedback"),
                                List.of("ds_revenue"))),
                        pipeline("Close_Books", onService("PostJournal", "SqlServerStoredProcedure", "ls_warehouse")),
                        pipeline("Forecast_Stock", lookup("ReadStock", "ds_stock")),
                        pipeline("Ingest_Orders", lookup("LookupFeedback", "ds_feedback"),
                                copy("CopyOrders", List.of("ds_src_orders"), List.of("DS_Orders_Raw")),
                                onService("CleanStage", "SqlServerStoredProcedure", "ls_warehouse"),
                                copy("LoadLedger", List.of("ds_src_ledger"), List.of("ds_ledger"))),
                        pipeline("Nightly_Master", execute("RunIngest", "ingest_orders"),
                                copy("SnapshotStock", List.of("ds_src_stock"), List.of("ds_stock"))),
                        pipeline("Publish_Dashboard", copy("PushTiles", List.of("DS_Revenue"), List.of("ds_feedback"))),
                        pipeline("Weekend_Master", execute("RunNightly", "Nightly_Master"))),
                List.of(dataset("DS_Orders_Raw", "ls_warehouse"), dataset("ds_feedback", "ls_warehouse"),
                        dataset("ds_ledger", "ls_warehouse"), dataset("ds_revenue", "ls_warehouse"),
                        dataset("ds_src_ledger", "ls_erp"), dataset("ds_src_orders", "ls_erp"),
                        dataset("ds_src_stock", "ls_erp"), dataset("ds_stock", "ls_warehouse")),
                List.of(service("ls_erp", "shir-erp"), service("ls_warehouse", null)),
                List.of(window("tw_finance_close", "Close_Books", "TW_ORDERS_HOURLY"),
                        window("tw_orders_hourly", "Ingest_Orders")),
                List.of());
    }

    static DependencyGraph graph() {
        return DependencyGraph.of(definitions());
    }
}
