package com.adfops;

import com.adfops.adf.ActivityError;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactory;
import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryDefinitions.Activity;
import com.adfops.adf.FactoryDefinitions.Dataset;
import com.adfops.adf.FactoryDefinitions.IntegrationRuntime;
import com.adfops.adf.FactoryDefinitions.LinkedService;
import com.adfops.adf.FactoryDefinitions.Pipeline;
import com.adfops.adf.FactoryDefinitions.RuntimeNode;
import com.adfops.adf.FactoryDefinitions.RuntimeType;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Data Factory in memory with hand-built definitions, runs and activity runs, counting its reads: for the impact
 * faces' tests, without HTTP. {@link #harbor} is one such factory: Load_Invoices copies DS_Invoices (read by
 * Finance-Report and Sales-Mart; Sales-Mart writes ds_sales_mart, read by Exec-Dashboard) and ds_credits (read by
 * nobody), from ls_erp on the self-hosted runtime shir-harbor (node vm-b offline); Nightly_Orchestrator executes it.
 */
public final class DefinedFactory implements DataFactory {

    public final FactoryRef factory;
    private volatile FactoryDefinitions definitions;
    private final List<PipelineRun> runs = new CopyOnWriteArrayList<>();
    private final Map<String, List<ActivityRun>> activities = new ConcurrentHashMap<>();
    /** Definition reads. */
    public final AtomicInteger definitionReads = new AtomicInteger();
    /** Activity-run reads. */
    public final AtomicInteger activityReads = new AtomicInteger();

    public DefinedFactory(FactoryRef factory) {
        this.factory = factory;
        this.definitions = FactoryDefinitions.empty(factory, Instant.EPOCH);
    }

    /** The factory's definitions from now on. */
    public DefinedFactory define(FactoryDefinitions d) {
        this.definitions = d;
        return this;
    }

    /** A run, and its activity runs. */
    public PipelineRun add(PipelineRun r, ActivityRun... acts) {
        runs.add(r);
        activities.put(r.runId(), List.of(acts));
        return r;
    }

    /** A finished run of {@code pipeline}. */
    public PipelineRun run(String id, String pipeline, RunStatus status, Instant start, Instant end, String message) {
        return new PipelineRun(factory, id, pipeline, status, message, start, end, end == null ? start : end,
                end == null ? null : end.toEpochMilli() - start.toEpochMilli(), Map.of(), "ScheduleTrigger",
                "tr_nightly", null, null, null);
    }

    /** An activity run of a run; failed ones with an error, on {@code runtime} (null for the Azure IR). */
    public static ActivityRun activity(PipelineRun r, String name, RunStatus status, String runtime) {
        ActivityError e = status == RunStatus.FAILED ? new ActivityError("2200",
                "Failure happened on 'Source' side. ErrorCode=UserErrorFailedToConnectToSqlServer", "UserError", "Copy")
                : new ActivityError("", "", "", "");
        return new ActivityRun(r.runId(), r.pipelineName(), r.runId() + "-" + name, name, "Copy", status, r.runStart(),
                r.runEnd(), 60_000L, e, null, null, null, null, runtime, Map.of(), List.of());
    }

    /** The harbor factory, its definitions read at 01:15 UTC on Dec 6, 2026 (node vm-b offline since 01:02). */
    public static DefinedFactory harbor(FactoryRef f) {
        return new DefinedFactory(f).define(harbor(f, Instant.parse("2026-12-06T01:15:00Z"),
                Instant.parse("2026-12-06T01:02:00Z")));
    }

    /**
     * A failed run of Load_Invoices from 03:20 to 03:30 UTC on Dec 6, 2026: CopyInvoices failed (on {@code runtime}),
     * CopyCredits succeeded.
     */
    public PipelineRun failLoadInvoices(String runId, String runtime) {
        PipelineRun r = run(runId, "Load_Invoices", RunStatus.FAILED, Instant.parse("2026-12-06T03:20:00Z"),
                Instant.parse("2026-12-06T03:30:00Z"), "Operation on target CopyInvoices failed");
        return add(r, activity(r, "CopyInvoices", RunStatus.FAILED, runtime),
                activity(r, "CopyCredits", RunStatus.SUCCEEDED, "shir-harbor"));
    }

    /** The harbor factory's definitions, read at {@code readAt}; node vm-b offline since {@code offlineSince}. */
    public static FactoryDefinitions harbor(FactoryRef f, Instant readAt, Instant offlineSince) {
        return new FactoryDefinitions(f, readAt,
                List.of(new Pipeline("Exec-Dashboard", List.of(lookup("ReadMart", "ds_sales_mart")), List.of(), null, 0),
                        new Pipeline("Finance-Report", List.of(lookup("ReadInvoices", "ds_invoices")), List.of(), null, 0),
                        new Pipeline("Load_Invoices", List.of(
                                copy("CopyInvoices", "ds_erp_invoices", "DS_Invoices"),
                                copy("CopyCredits", "ds_erp_credits", "ds_credits")), List.of(), null, 0),
                        new Pipeline("Nightly_Orchestrator", List.of(new Activity("RunLoad", "ExecutePipeline", List.of(),
                                List.of(), "load_invoices", null)), List.of(), null, 0),
                        new Pipeline("Sales-Mart", List.of(copy("BuildMart", "DS_INVOICES", "ds_sales_mart")), List.of(),
                                null, 0)),
                List.of(new Dataset("ds_credits", "AzureSqlTable", "ls_lake"),
                        new Dataset("ds_erp_credits", "SqlServerTable", "ls_erp"),
                        new Dataset("ds_erp_invoices", "SqlServerTable", "ls_erp"),
                        new Dataset("DS_Invoices", "AzureSqlTable", "ls_lake"),
                        new Dataset("ds_sales_mart", "AzureSqlTable", "ls_lake")),
                List.of(new LinkedService("ls_erp", "SqlServer", "shir-harbor"),
                        new LinkedService("ls_lake", "AzureSqlDatabase", null)),
                List.of(),
                List.of(new IntegrationRuntime("shir-harbor", RuntimeType.SELF_HOSTED, "Online", "UpToDate", List.of(
                        new RuntimeNode("vm-a", "Online", "5.44.8984.1", "UpToDate", readAt, null),
                        new RuntimeNode("vm-b", "Offline", "5.44.8984.1", "UpToDate", offlineSince, null)))));
    }

    private static Activity copy(String name, String input, String output) {
        return new Activity(name, "Copy", List.of(input), List.of(output), null, null);
    }

    private static Activity lookup(String name, String input) {
        return new Activity(name, "Lookup", List.of(input), List.of(), null, null);
    }

    @Override
    public List<FactoryRef> factories() {
        return List.of(factory);
    }

    @Override
    public List<String> listPipelineNames(FactoryRef f) {
        List<String> names = new ArrayList<>();
        definitions.pipelines().forEach(p -> names.add(p.name()));
        runs.forEach(r -> {
            if (!names.contains(r.pipelineName())) {
                names.add(r.pipelineName());
            }
        });
        names.sort(Comparator.naturalOrder());
        return names;
    }

    @Override
    public List<PipelineRun> queryPipelineRuns(FactoryRef f, RunQuery q) {
        return runs.stream().filter(r -> !r.lastUpdated().isBefore(q.from()) && r.lastUpdated().isBefore(q.to()))
                .filter(r -> q.pipelineNames().isEmpty() || q.pipelineNames().contains(r.pipelineName()))
                .filter(r -> q.statuses().isEmpty() || q.statuses().contains(r.status()))
                .sorted(Comparator.comparing(PipelineRun::sortTime).reversed()).toList();
    }

    @Override
    public List<ActivityRun> queryActivityRuns(FactoryRef f, PipelineRun run) {
        activityReads.incrementAndGet();
        return activities.getOrDefault(run.runId(), List.of());
    }

    @Override
    public Optional<PipelineRun> getPipelineRun(FactoryRef f, String runId) {
        return runs.stream().filter(r -> r.runId().equals(runId)).findFirst();
    }

    @Override
    public FactoryDefinitions readDefinitions(FactoryRef f) {
        definitionReads.incrementAndGet();
        return definitions;
    }
}
