package com.adfops.cards;

import com.adfops.adf.ActivityError;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.diagnosis.ErrorClass;
import com.adfops.runs.FailingSummary;
import com.adfops.runs.PipelineStatus;
import com.adfops.agent.Reply;
import com.adfops.runs.TimeWindow;
import com.adfops.docs.DocResult;
import com.adfops.docs.Guidance;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deterministic replies covering every card template and its edge cases (empty lists, long text, no root cause). */
public final class CardSamples {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final CardFactory.View VIEW = new CardFactory.View(NOW, ZoneId.of("UTC"));
    static final FactoryRef F = new FactoryRef("sub", "rg", "df-test");

    private CardSamples() {
    }

    /** A Web activity's error with the HTML page a gateway answered, styles and scripts included. */
    static final String WEB_HTML_502 = "Error calling the endpoint 'https://api.partner.example/v2/export'. Response "
            + "status code: 'ServerError (502)'. Response content: <!DOCTYPE html><html><head><title>502 Bad Gateway</title>"
            + "<style>body { font-family: 'Segoe UI'; color: #333 } .box > p { margin: 0 }</style><script>window.dataLayer"
            + " = []; if (1 < 2) { track('err'); }</script></head><body><div class=\"box\"><h1>The upstream service did "
            + "not answer</h1><p>Try again in a few minutes &amp; contact <b>ops</b> if it persists.</p><!-- trace 8f2c -->"
            + "</div></body></html>";

    static PipelineRun run(String id, String pipeline, RunStatus status, long minutesAgo, long seconds, String message,
                           Map<String, String> params, String parent) {
        Instant start = NOW.minus(Duration.ofMinutes(minutesAgo));
        Instant end = status.isTerminal() ? start.plusSeconds(seconds) : null;
        return new PipelineRun(F, id, pipeline, status, message, start, end, end == null ? start : end,
                end == null ? null : seconds * 1000, params, parent == null ? "ScheduleTrigger" : "PipelineActivity",
                parent == null ? "tr_hourly" : "Execute child", parent == null ? null : "parent-run-1", parent, null);
    }

    static ActivityRun activity(String runId, String pipeline, String name, String type, String code, String msg) {
        return new ActivityRun(runId, pipeline, "act-" + name.hashCode(), name, type, RunStatus.FAILED,
                NOW.minusSeconds(600), NOW.minusSeconds(500), 100_000L,
                new ActivityError(code, msg, "UserError", name), null, null, "ls", null);
    }

    static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /**
     * {@code count} successful runs of {@code pipeline}, one every {@code step} back from an hour before now, the i-th
     * newest taking {@code seconds.applyAsLong(i)}.
     */
    static List<PipelineRun> every(String pipeline, int count, Duration step, java.util.function.IntToLongFunction seconds) {
        List<PipelineRun> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant start = NOW.minus(Duration.ofHours(1)).minus(step.multipliedBy(i));
            long s = seconds.applyAsLong(i);
            out.add(new PipelineRun(F, pipeline + "-" + i, pipeline, RunStatus.SUCCEEDED, "", start, start.plusSeconds(s),
                    start.plusSeconds(s), s * 1000, Map.of(), "ScheduleTrigger", "tr", null, null, null));
        }
        return out;
    }

    /** The durations of {@code history} in {@code window} against the period before, as the agent computes them. */
    static com.adfops.analytics.PerformanceSummary durations(String scope, TimeWindow window, List<PipelineRun> history,
                                                         boolean single) {
        TimeWindow before = window.previous();
        List<PipelineRun> now = history.stream().filter(r -> !r.sortTime().isBefore(window.from())).toList();
        List<PipelineRun> then = history.stream().filter(r -> r.sortTime().isBefore(window.from())
                && !r.sortTime().isBefore(before.from())).toList();
        List<String> names = now.stream().map(PipelineRun::pipelineName).distinct().toList();
        return com.adfops.analytics.Durations.of(scope, new com.adfops.runs.AdfTools.RunsResult(window, List.of(F), names, now,
                false, List.of(), new com.adfops.adf.Freshness(NOW, true, "")), new com.adfops.runs.AdfTools.RunsResult(
                before, List.of(F), names, then, false, List.of()), ZoneId.of("UTC"), single);
    }

    /**
     * What ADF says of a slow run: the copy's writing grew with throttled writes, a data flow's cluster was slow to
     * start; ADF's tips as it writes them (one with markdown characters and no link).
     */
    static com.adfops.analytics.CopyTuning.Result copyTuning(String runId) {
        com.adfops.analytics.CopyTuning.Activity copy = new com.adfops.analytics.CopyTuning.Activity("Copy GL", "Copy",
                List.of(phase(com.adfops.analytics.CopyTuning.Phase.QUEUE, Duration.ofSeconds(10), Duration.ofSeconds(5)),
                        phase(com.adfops.analytics.CopyTuning.Phase.READING, Duration.ofMinutes(3), Duration.ofMinutes(3)),
                        phase(com.adfops.analytics.CopyTuning.Phase.WRITING, Duration.ofMinutes(8), Duration.ofMinutes(2))),
                8, 6, 4, 4, 8, 8);
        com.adfops.analytics.CopyTuning.Activity flow = new com.adfops.analytics.CopyTuning.Activity("Transform GL",
                "ExecuteDataFlow", List.of(
                        phase(com.adfops.analytics.CopyTuning.Phase.CLUSTER_STARTUP, Duration.ofMinutes(5), Duration.ofMinutes(1)),
                        phase(com.adfops.analytics.CopyTuning.Phase.PROCESSING, Duration.ofMinutes(2), Duration.ofMinutes(2))),
                8, null, null, null, null, null);
        return new com.adfops.analytics.CopyTuning.Result(runId, List.of(copy, flow), List.of(
                new com.adfops.analytics.CopyTuning.Tip("Copy GL", "ReduceThrottlingErrorPerfRecommendationRule",
                        "6 write operations were throttled by the sink data store. To achieve better performance, you are "
                                + "suggested to check and increase the allowed request rate for Azure SQL Database, or reduce "
                                + "the number of concurrent copy runs and other data access, or reduce the DIU or parallel copy.",
                        "https://go.microsoft.com/fwlink/?linkid=2102534"),
                new com.adfops.analytics.CopyTuning.Tip("Transform GL", "", "Use a *larger* cluster [or] a TTL ${ttl}.", "")));
    }

    static com.adfops.analytics.CopyTuning.PhaseTime phase(com.adfops.analytics.CopyTuning.Phase p, Duration now,
                                                           Duration usual) {
        return new com.adfops.analytics.CopyTuning.PhaseTime(p, now, usual);
    }

    public static Map<String, Reply> all() {
        Map<String, Reply> m = new LinkedHashMap<>();
        TimeWindow day = new TimeWindow(NOW.minus(Duration.ofHours(24)), NOW, "the last 24 hours");

        PipelineRun a = run("run-a", "pl_ingest_orders", RunStatus.FAILED, 30, 95,
                "Operation on target Copy failed: ErrorCode=SqlFailedToConnect,'Message=Cannot connect to SQL Database. More.,Source=x'",
                Map.of(), null);
        PipelineRun b = run("run-b", "child_load", RunStatus.FAILED, 200, 3700, "Type conversion failed", Map.of(), "master");
        PipelineRun c = run("run-c", "web_sync", RunStatus.FAILED, 600, 20, "", Map.of(), null);
        PipelineRun cOk = run("run-c2", "web_sync", RunStatus.SUCCEEDED, 60, 20, "", Map.of(), null);
        m.put("failing", new Reply.Failing(new FailingSummary(day, List.of("df-test"), 120, 7,
                List.of(new FailingSummary.Row("pl_ingest_orders", "df-test", a, 3, "SqlFailedToConnect: Cannot connect to SQL Database.", null),
                        new FailingSummary.Row("child_load", "df-test", b, 1, "Type conversion failed", "master")),
                List.of(new FailingSummary.Recovered("web_sync", "df-test", c, cOk)), 2)));
        m.put("failing-none", new Reply.Failing(new FailingSummary(day, List.of("df-test", "df-two"), 40, 0,
                List.of(), List.of(), 0)));
        List<FailingSummary.Row> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(new FailingSummary.Row("pipeline_" + i, "df-test", run("r" + i, "pipeline_" + i, RunStatus.FAILED, i, 10,
                    "x".repeat(400), Map.of(), null), 1, "Error ${notATemplate} <at>x</at> " + "y".repeat(200), null));
        }
        m.put("failing-many", new Reply.Failing(new FailingSummary(day, List.of("df-test"), 400, 40, many, List.of(), 0)));

        PipelineRun master = run("run-master", "master_nightly", RunStatus.FAILED, 120, 245,
                "Operation on target Run child failed", ordered("runDate", "2026/11/25", "mode", "full"), null);
        ActivityRun exec = activity("run-master", "master_nightly", "Run child", "ExecutePipeline", "2200", "Operation on target Copy failed");
        ActivityRun copy = activity("run-child", "child_load", "Copy customers", "Copy", "2200",
                "ErrorCode=TypeConversionFailure,Exception occurred when converting value '2026-13-01' for column 'd'. "
                        + "Password=secret123; " + "z".repeat(3000));
        Diagnosis.FailedActivity f1 = new Diagnosis.FailedActivity(exec, 0, "Run child", "master_nightly", "run-master", 1);
        Diagnosis.FailedActivity f2 = new Diagnosis.FailedActivity(copy, 1, "Run child › child_load › Copy customers",
                "child_load", "run-child", 3);
        Guidance learn = new Guidance("Microsoft Learn", List.of(
                new DocResult("Schema and data type mapping in copy activity",
                        "https://learn.microsoft.com/en-us/azure/data-factory/copy-activity-schema-and-type-mapping",
                        "How Copy maps source columns and types to the sink."),
                new DocResult("Fault tolerance [of] copy activity",
                        "https://learn.microsoft.com/en-us/azure/data-factory/copy-activity-fault-tolerance", "")), "");
        m.put("diagnosis", new Reply.DiagnosisCard(new Diagnosis(master, List.of(f1, f2), f2, ErrorClass.DATA_SCHEMA, 12, false), learn));
        m.put("diagnosis-new", new Reply.DiagnosisCard(new Diagnosis(master, List.of(f1, f2), f2, ErrorClass.DATA_SCHEMA, 12,
                false), learn).withHistory(new com.adfops.diagnosis.RunHistory(1, 37, NOW.minusSeconds(7200), 1, 10,
                NOW.minusSeconds(36_000)).withSameError(new com.adfops.diagnosis.RunHistory.SameError(List.of(), 0, 0,
                Duration.ofDays(7)))));
        m.put("diagnosis-chronic", new Reply.DiagnosisCard(new Diagnosis(master, List.of(f1, f2), f2, ErrorClass.DATA_SCHEMA,
                12, false), learn).withHistory(new com.adfops.diagnosis.RunHistory(3, 2, NOW.minusSeconds(86_400), 6, 10,
                Instant.parse("2026-11-23T09:00:00Z")).withSameError(new com.adfops.diagnosis.RunHistory.SameError(
                List.of(1, 2, 5, 9).stream().map(h -> master.sortTime().minus(Duration.ofHours(h))).toList(), 4, 0,
                Duration.ofDays(7)))));
        PipelineRun lastOk = run("run-ok-1", "master_nightly", RunStatus.SUCCEEDED, 1500, 900, "", Map.of("date", "2026-11-25"), null);
        m.put("what-changed", new Reply.WhatChanged(master, lastOk, List.of(
                new com.adfops.diagnosis.RunComparison.Change("Parameter date", "2026-11-25", "2026-11-26"),
                new com.adfops.diagnosis.RunComparison.Change("Integration runtime of Copy customers",
                        "AutoResolveIntegrationRuntime", "ir-**vnet** ${x}"),
                new com.adfops.diagnosis.RunComparison.Change("Input source.connection of Copy customers",
                        "Server=a;Password=***;", "Server=b;Password=***;"))));
        m.put("what-changed-nothing", new Reply.WhatChanged(master, lastOk, List.of()));
        m.put("what-changed-no-success", new Reply.WhatChanged(master, null, List.of()));
        m.put("diagnosis-offline-guidance", new Reply.DiagnosisCard(new Diagnosis(master, List.of(f1, f2), f2, ErrorClass.DATA_SCHEMA, 12, false),
                new Guidance("built-in docs index", learn.results().subList(0, 1),
                        "Microsoft Learn is unavailable right now, so this comes from the built-in index.")));
        PipelineRun timeout = run("run-t", "sales-dashboard", RunStatus.FAILED, 500, 3600, "Pipeline run timed out.", Map.of(), null);
        m.put("diagnosis-no-root", new Reply.DiagnosisCard(new Diagnosis(timeout, List.of(), null, ErrorClass.NETWORK, 0, false),
                Guidance.unavailable("Microsoft Learn is unavailable right now.")));
        m.put("docs-answer", new Reply.DocsAnswer("how do I rerun from a failed activity?", new Guidance("Microsoft Learn",
                List.of(new DocResult("Visually monitor Azure Data Factory",
                        "https://learn.microsoft.com/en-us/azure/data-factory/monitor-visually", "Rerun from the failed activity.")), "")));
        ActivityRun web = activity("run-web", "pl_export", "Post export", "WebActivity", "2108", WEB_HTML_502);
        Diagnosis.FailedActivity fw = new Diagnosis.FailedActivity(web, 0, "Post export", "pl_export", "run-web", 1);
        m.put("diagnosis-web-html", new Reply.DiagnosisCard(new Diagnosis(run("run-web", "pl_export", RunStatus.FAILED, 30,
                40, "Operation on target Post export failed", Map.of(), null), List.of(fw), fw, ErrorClass.TRANSIENT, 3,
                false), Guidance.unavailable("")));
        List<Diagnosis.FailedActivity> lots = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            lots.add(new Diagnosis.FailedActivity(activity("run-big", "big", "Step " + i, "Copy", "2200", "m".repeat(5000)),
                    i % 3, "Loop › Step " + i, "big", "run-big", 1));
        }
        m.put("diagnosis-large", new Reply.DiagnosisCard(new Diagnosis(run("run-big", "big", RunStatus.FAILED, 10, 5, "", Map.of(), null),
                lots, lots.get(24), ErrorClass.UNKNOWN, 500, true), learn));

        PipelineRun ok = run("run-ok", "web_sync", RunStatus.SUCCEEDED, 60, 20, "", Map.of(), null);
        m.put("status", new Reply.Status(new PipelineStatus("web_sync", "df-test",
                new TimeWindow(NOW.minus(Duration.ofDays(7)), NOW, "the last 7 days"), ok, ok, c, 30, 1, 0, List.of(ok, c))));
        PipelineRun active = run("run-active", "web_sync", RunStatus.IN_PROGRESS, 5, 0, "", Map.of(), null);
        m.put("status-running", new Reply.Status(new PipelineStatus("web_sync", "df-test",
                new TimeWindow(NOW.minus(Duration.ofDays(7)), NOW, "the last 7 days"), active, ok, c, 30, 1, 1,
                List.of(active, ok, c))));
        // Usually 9-10 minutes over its last 12 successful runs (12 days: a nightly pipeline), running 31.
        List<com.adfops.runs.DurationBaseline.Sample> nightly = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            nightly.add(new com.adfops.runs.DurationBaseline.Sample("n" + i, NOW.minus(Duration.ofDays(i)),
                    (540 + 5L * i) * 1000));
        }
        com.adfops.runs.RunningLong longRun = new com.adfops.runs.RunningLong(active, Duration.ofMinutes(31),
                com.adfops.runs.DurationBaseline.of(nightly));
        m.put("status-running-long", new Reply.Status(new PipelineStatus("web_sync", "df-test",
                new TimeWindow(NOW.minus(Duration.ofDays(7)), NOW, "the last 7 days"), active, ok, c, 30, 1, 1,
                List.of(active, ok, c)).withRunningLong(longRun)));
        m.put("failing-running-long", new Reply.Failing(new FailingSummary(day, List.of("df-test"), 40, 0, List.of(),
                List.of(), 1).withRunningLong(List.of(longRun))));
        // A yes/no question answered first: "is web_sync failing?" after it recovered; "is it still running?" when
        // its run in progress runs long.
        PipelineStatus recovered = new PipelineStatus("web_sync", "df-test",
                new TimeWindow(NOW.minus(Duration.ofDays(7)), NOW, "the last 7 days"), ok, ok, c, 30, 1, 0, List.of(ok, c));
        m.put("status-answer-recovered", new Reply.Status(recovered, com.adfops.agent.StatusAnswer.of(
                com.adfops.agent.Intent.Question.FAILING, recovered, false, NOW)));
        PipelineRun longActive = run("run-long", "web_sync", RunStatus.IN_PROGRESS, 31, 0, "", Map.of(), null);
        PipelineStatus stillRunning = new PipelineStatus("web_sync", "df-test",
                new TimeWindow(NOW.minus(Duration.ofDays(7)), NOW, "the last 7 days"), longActive, ok, c, 30, 1, 1,
                List.of(longActive, ok, c)).withRunningLong(new com.adfops.runs.RunningLong(longActive,
                Duration.ofMinutes(31), new com.adfops.runs.DurationBaseline(8, NOW.minus(Duration.ofDays(7)), Duration.ofMinutes(8),
                Duration.ofMinutes(9), Duration.ofMinutes(10), Duration.ofMinutes(10))));
        m.put("status-answer-still-running", new Reply.Status(stillRunning, com.adfops.agent.StatusAnswer.of(
                com.adfops.agent.Intent.Question.RUNNING, stillRunning, false, NOW)));
        m.put("status-empty", new Reply.Status(new PipelineStatus("quiet", "df-test",
                new TimeWindow(NOW.minus(Duration.ofDays(7)), NOW, "the last 7 days"), null, null, null, 0, 0, 0, List.of())));
        m.put("welcome", new Reply.Help(true, "personal"));
        m.put("welcome-channel", new Reply.Help(true, "channel"));
        m.put("help", new Reply.Help(false, ""));
        List<com.adfops.adf.FactoryStatus> access = List.of(
                new com.adfops.adf.FactoryStatus("df-test", com.adfops.adf.FactoryStatus.State.LIVE, "", "",
                        NOW.minusSeconds(12), 1204, 9, 3, 1),
                new com.adfops.adf.FactoryStatus("df-finance", com.adfops.adf.FactoryStatus.State.FAILING,
                        "The bot's identity is not allowed to read pipeline runs of factory df-finance (AuthorizationFailed, HTTP 403).",
                        "Ask an owner of factory df-finance to give the bot's identity the ADF run reader role on it.",
                        null, 0, 1, 0, 1));
        m.put("welcome-factories", new Reply.Help(true, "personal", access));
        m.put("access", new Reply.Access(access));
        m.put("access-history-denied", new Reply.Access(access.subList(0, 1), new com.adfops.adf.FactoryStatus(
                "Long history (Log Analytics)", com.adfops.adf.FactoryStatus.State.FAILING,
                "The bot's identity may not query the Log Analytics workspace (HTTP 403): grant it the Log Analytics "
                        + "Reader role on the workspace.", "Ask an owner of the Log Analytics workspace to give the bot's "
                        + "identity the Log Analytics Reader role on it.", null, 0, 0, 0, 0)));
        // Durations computed from runs, as the agent computes them: a pipeline getting slower, a steady one, one with a
        // slow run, one with too little history.
        List<PipelineRun> history = new ArrayList<>();
        history.addAll(every("pl_nightly_load", 14, Duration.ofDays(1), i -> i < 5 ? 3300 + 150L * i : 2100 + 60L * (i % 4)));
        history.addAll(every("web_sync", 14 * 24, Duration.ofHours(1), i -> 18 + i % 5));
        history.addAll(every("pl_orders", 14 * 4, Duration.ofHours(6), i -> i == 9 ? 720 : 280 + 10L * (i % 3)));
        history.addAll(every("pl_rare", 3, Duration.ofDays(4), i -> 600));
        TimeWindow lastWeek = new TimeWindow(NOW.minus(Duration.ofDays(7)), NOW, "the last 7 days");
        m.put("performance-all", new Reply.Performance(durations("all pipelines", lastWeek, history, false)));
        m.put("performance-one", new Reply.Performance(durations("pl_nightly_load", lastWeek,
                history.stream().filter(r -> r.pipelineName().equals("pl_nightly_load")).toList(), true)
                .withGrowth(List.of(new com.adfops.analytics.PerformanceSummary.ActivityGrowth("Copy *orders*",
                        Duration.ofMinutes(20), Duration.ofMinutes(27)), new com.adfops.analytics.PerformanceSummary.ActivityGrowth(
                        "Merge", Duration.ofMinutes(5), Duration.ofMinutes(6))))));
        m.put("performance-one-slow-run", new Reply.Performance(durations("pl_orders", lastWeek,
                history.stream().filter(r -> r.pipelineName().equals("pl_orders")).toList(), true)));
        m.put("performance-one-copy-tips", new Reply.Performance(durations("pl_orders", lastWeek,
                history.stream().filter(r -> r.pipelineName().equals("pl_orders")).toList(), true)
                .withTuning(copyTuning("pl_orders-9"))));
        m.put("performance-one-new", new Reply.Performance(durations("pl_rare", lastWeek,
                history.stream().filter(r -> r.pipelineName().equals("pl_rare")).toList(), true)));
        TimeWindow week = new TimeWindow(NOW.minus(Duration.ofDays(7)), NOW, "the last 7 days");
        List<com.adfops.analytics.TrendSummary.Day> trendDays = new ArrayList<>();
        for (int i = 7; i >= 0; i--) {
            trendDays.add(new com.adfops.analytics.TrendSummary.Day(java.time.LocalDate.of(2026, 11, 26).minusDays(i), 120 + i,
                    118 + i - (i % 3), i % 3));
        }
        m.put("trends", new Reply.Trends(new com.adfops.analytics.TrendSummary(week, "all pipelines", trendDays, 980, 968, 12,
                new com.adfops.analytics.TrendSummary.Period(950, 945, 5),
                List.of(new com.adfops.analytics.TrendSummary.PipelineFailures("pl_ingest_orders", 7),
                        new com.adfops.analytics.TrendSummary.PipelineFailures("web_sync", 3)),
                4, Duration.ofMinutes(95), new com.adfops.adf.Freshness(NOW.minusSeconds(20), true, ""))));
        // A quarter: the last 7 days from the run index, the older part from ADF's logs in Log Analytics.
        List<com.adfops.analytics.TrendSummary.Day> quarter = new ArrayList<>();
        for (int i = 90; i >= 0; i--) {
            quarter.add(new com.adfops.analytics.TrendSummary.Day(java.time.LocalDate.of(2026, 11, 26).minusDays(i), 33, 33 - (i % 9 == 0 ? 3 : 0),
                    i % 9 == 0 ? 3 : 0));
        }
        m.put("trends-archived", new Reply.Trends(new com.adfops.analytics.TrendSummary(new TimeWindow(NOW.minus(Duration.ofDays(90)),
                NOW, "the last 3 months"), "Finance-*", quarter, 2980, 2950, 30, null,
                List.of(new com.adfops.analytics.TrendSummary.PipelineFailures("Finance-ledger", 21)),
                9, Duration.ofMinutes(240), new com.adfops.adf.Freshness(NOW.minusSeconds(20), true, "",
                        NOW.minus(Duration.ofDays(7))))));
        for (DataFactoryException.Kind k : DataFactoryException.Kind.values()) {
            m.put("error-" + k.name().toLowerCase(), new Reply.Problem(k, "Reading pipeline runs failed (Code, HTTP 4xx).", "df-test"));
        }
        m.put("suggestions", new Reply.Suggestions("Unknown pipeline", "I can't find a pipeline called **x**.",
                List.of("Why did a fail?", "Why did b fail?")));
        m.put("escalation", new Reply.Escalation(master, "Run child › child_load › Copy customers: TypeConversionFailure",
                "Data / schema", ErrorClass.DATA_SCHEMA.nextStep(), "Dana Smith", NOW, learn, true, ""));
        m.put("escalation-posted", new Reply.Escalation(master, "Run child › child_load › Copy customers: TypeConversionFailure",
                "Data / schema", ErrorClass.DATA_SCHEMA.nextStep(), "Dana Smith", NOW, learn, true,
                "https://teams.microsoft.com/l/message/19%3Aabc%40thread.tacv2/1700000000000"));
        for (Reply.FailureKind k : Reply.FailureKind.values()) {
            m.put("turn-failure-" + k.name().toLowerCase(), new Reply.TurnFailure(k));
        }
        m.put("expert-details", new Reply.ExpertDetails(List.of(
                new Reply.ToolCallInfo("adf_pipeline_runs", "{\"status\":\"Failed\"}", 120, true),
                new Reply.ToolCallInfo("no_such_tool", "{}", 0, false)), "gpt-4o", 2400, 180, 3, 4100));
        java.time.Instant until = NOW.plusSeconds(600);
        m.put("action-pending", new Reply.Action(com.adfops.answers.ActionViews.of("a-1", com.adfops.answers.ActionKind.RERUN_FROM_FAILURE, com.adfops.answers.ActionView.State.PENDING,
                "df-test", "master_nightly", "run-master", "run-child", "child_load",
                "Run child › child_load › Copy customers", ordered("region", "emea", "date", "${utcnow()}"), "Dana",
                until, null, null, null, null, null)));
        m.put("action-cancel-pending", new Reply.Action(com.adfops.answers.ActionViews.of("a-2", com.adfops.answers.ActionKind.CANCEL, com.adfops.answers.ActionView.State.PENDING,
                "df-test", "web_sync", "run-active", null, null, null, null, "Dana", until, null, null, null, null, null)));
        m.put("action-started", new Reply.Action(com.adfops.answers.ActionViews.of("a-1", com.adfops.answers.ActionKind.RERUN_FROM_FAILURE, com.adfops.answers.ActionView.State.STARTED,
                "df-test", "master_nightly", "run-master", null, null, "Copy customers", Map.of(), "Dana", until, "Lee",
                NOW.plusSeconds(30), "run-new", null, null)));
        m.put("action-failed-403", new Reply.Action(com.adfops.answers.ActionViews.of("a-3", com.adfops.answers.ActionKind.RERUN, com.adfops.answers.ActionView.State.FAILED,
                "df-test", "master_nightly", "run-master", null, null, null, Map.of(), "Dana", until, "Dana",
                NOW.plusSeconds(30), null, "The bot's identity is not allowed to start a run of pipeline master_nightly "
                        + "(AuthorizationFailed, HTTP 403).", "Microsoft.DataFactory/factories/pipelines/createrun/action")));
        m.put("action-refused", new Reply.Action(com.adfops.answers.ActionViews.of("", com.adfops.answers.ActionKind.RERUN, com.adfops.answers.ActionView.State.REFUSED,
                "df-test", "master_nightly", "run-master", null, null, null, null, "Dana", null, "Dana", NOW,
                null, "Sorry, Dana, you are not on the list. Who can: Ops on-call (group).", null)));
        m.put("action-expired", new Reply.Action(com.adfops.answers.ActionViews.of("a-4", com.adfops.answers.ActionKind.RERUN, com.adfops.answers.ActionView.State.EXPIRED,
                "df-test", "master_nightly", "run-master", null, null, null, Map.of(), "Dana", until, null, null,
                null, null, null)));
        m.put("action-resolved", new Reply.Action(com.adfops.answers.ActionViews.of("", com.adfops.answers.ActionKind.RESOLVE, com.adfops.answers.ActionView.State.RESOLVED,
                "df-test", "master_nightly", "run-master", null, null, null, null, "Dana", null, "Dana", NOW, null,
                "Rotated the **SQL** key; <at>x</at> ${reran} it", null)));
        m.put("audit", new Reply.Audit("", "today", List.of(
                new com.adfops.answers.AuditRecord(NOW.minusSeconds(60), "Lee", "oid", "resolve", "df-test", "master_nightly",
                        "run-master", null, "resolved; escalation closed", "Rotated the key [link](http://x)"),
                new com.adfops.answers.AuditRecord(NOW.minusSeconds(3600), "Dana", "oid", "rerunfromfailure", "df-test",
                        "master_nightly", "run-master", "run-new", "started run run-new", null))));
        m.put("audit-empty", new Reply.Audit("web_sync", "the last 7 days", List.of()));
        com.adfops.docs.Guidance oneLink = new com.adfops.docs.Guidance("Microsoft Learn", List.of(new DocResult(
                "Troubleshoot self-hosted integration runtime", "https://learn.microsoft.com/en-us/azure/data-factory/self-hosted-integration-runtime-troubleshoot-guide",
                "The runtime is offline.")), "");
        com.adfops.answers.AlertView open = new com.adfops.answers.AlertView("al-1", com.adfops.answers.AlertView.Kind.FAILED, com.adfops.answers.AlertView.State.OPEN, "df-test", "pl_sales",
                "run-s", NOW.minusSeconds(300), new com.adfops.answers.AlertView.Cause(com.adfops.answers.AlertView.Cause.Source.DIAGNOSED,
                "Load sales: **The integration runtime** is offline. ${x}", "2011", "Integration runtime",
                "Check that the self-hosted integration runtime is online.", oneLink),
                List.of("pl_b · run run-b"), com.adfops.answers.AlertView.Response.NONE, "", null, null, null);
        m.put("alert", new Reply.Alert(open));
        m.put("alert-acknowledged", new Reply.Alert(new com.adfops.answers.AlertView("al-1", com.adfops.answers.AlertView.Kind.FAILED, com.adfops.answers.AlertView.State.ACKNOWLEDGED, "df-test",
                "pl_sales", "run-s", NOW.minusSeconds(300), new com.adfops.answers.AlertView.Cause(com.adfops.answers.AlertView.Cause.Source.DIAGNOSED, "Load sales: offline",
                "2011", "Integration runtime", "Check it.", oneLink), List.of(), new com.adfops.answers.AlertView.Response("Bo", NOW, null, ""), "",
                null, null, null)));
        m.put("alert-snoozed", new Reply.Alert(new com.adfops.answers.AlertView("al-1", com.adfops.answers.AlertView.Kind.FAILED, com.adfops.answers.AlertView.State.SNOOZED, "df-test",
                "pl_sales", "run-s", NOW.minusSeconds(300), new com.adfops.answers.AlertView.Cause(com.adfops.answers.AlertView.Cause.Source.DIAGNOSED, "Load sales: offline",
                "2011", "Integration runtime", "Check it.", null), List.of(),
                new com.adfops.answers.AlertView.Response("Ana", null, NOW.plusSeconds(3600), ""), "", null, null, null)));
        m.put("alert-running-long", new Reply.Alert(new com.adfops.answers.AlertView("al-2", com.adfops.answers.AlertView.Kind.RUNNING_LONG, com.adfops.answers.AlertView.State.OPEN, "df-test",
                "pl_nightly", "run-n", NOW.minusSeconds(1860), new com.adfops.answers.AlertView.Cause(com.adfops.answers.AlertView.Cause.Source.RUNNING_LONG,
                "usually 8m 0s–10m 0s, p95 10m 0s (its last 12 successful runs, over 12 days); running 31m 0s, 3.1x the p95",
                "", "", "", null), List.of(), com.adfops.answers.AlertView.Response.NONE, "", null, null, null)));
        m.put("alert-recovered", new Reply.Alert(new com.adfops.answers.AlertView("al-1", com.adfops.answers.AlertView.Kind.FAILED, com.adfops.answers.AlertView.State.RECOVERED, "df-test",
                "pl_sales", "run-s", NOW.minusSeconds(300), new com.adfops.answers.AlertView.Cause(com.adfops.answers.AlertView.Cause.Source.DIAGNOSED, "Load sales: offline",
                "2011", "Integration runtime", "Check it.", oneLink), List.of(), new com.adfops.answers.AlertView.Response("", NOW, null, "run-ok"), "",
                null, null, null)));
        List<com.adfops.answers.AlertView> batch = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            batch.add(new com.adfops.answers.AlertView("", com.adfops.answers.AlertView.Kind.FAILED, com.adfops.answers.AlertView.State.OPEN, "df-test", "pl_batch_" + i, "run-" + i,
                    NOW.minusSeconds(60L * i), com.adfops.answers.AlertView.Cause.NONE, List.of(), com.adfops.answers.AlertView.Response.NONE, "", null, null, null));
        }
        m.put("alert-digest", new Reply.AlertDigest("df-test", batch));
        m.put("watching", new Reply.Watching("Watching pipelines matching Finance-* here.", List.of(
                new com.adfops.answers.Watchlist.Watch("*", null, "Ana", NOW.minusSeconds(7200)),
                new com.adfops.answers.Watchlist.Watch("Finance-*", "df-test", "Bo <at>x</at>", NOW))));
        m.put("watching-empty", new Reply.Watching("", List.of()));
        java.util.Map<String, com.adfops.analytics.Costs.Line> meters = new java.util.LinkedHashMap<>();
        meters.put("Orchestration (AzureIR)", new com.adfops.analytics.Costs.Line(420, "activity runs", 0.42));
        meters.put("Data movement (AzureIR)", new com.adfops.analytics.Costs.Line(36.5, "DIU-hours", 9.125));
        meters.put("External activities (SelfhostedIR)", new com.adfops.analytics.Costs.Line(3, "hours", 0.0003));
        // Partial: 300 of the week's 400 runs read so far (the rest in about 25 s at 4 reads a second).
        m.put("cost", new Reply.Cost(new com.adfops.analytics.CostSummary("all pipelines", "df-test",
                new TimeWindow(NOW.minus(Duration.ofDays(7)), NOW, "the last 7 days"),
                new com.adfops.analytics.Costs.Estimate(9.5453, 420, meters),
                List.of(new com.adfops.analytics.CostSummary.Row("pl_*sales* ${x}", null, 84, 80, 7.2),
                        new com.adfops.analytics.CostSummary.Row("pl_archive", 7, 0.0009)),
                new com.adfops.analytics.CostSummary.Coverage(400, 300, Duration.ofSeconds(25)), null, "list prices", null)));
        // One pipeline, every run counted: its most expensive runs (a link to each in ADF Studio).
        java.util.Map<String, com.adfops.analytics.Costs.Line> oneMeters = new java.util.LinkedHashMap<>();
        oneMeters.put("Data movement (AzureIR)", new com.adfops.analytics.Costs.Line(403.2, "DIU-hours", 100.8));
        oneMeters.put("Orchestration (AzureIR)", new com.adfops.analytics.Costs.Line(2016, "activity runs", 2.016));
        m.put("cost-runs", new Reply.Cost(new com.adfops.analytics.CostSummary("pl_every_5_min", "df-test",
                new TimeWindow(NOW.minus(Duration.ofDays(7)), NOW, "the last 7 days"),
                new com.adfops.analytics.Costs.Estimate(102.816, 2016, oneMeters),
                List.of(new com.adfops.analytics.CostSummary.Row("pl_every_5_min",
                                run("0b7e2c1d-4f5a-4e8b-9c3d-2a1b0c9d8e7f", "pl_every_5_min", RunStatus.FAILED, 95, 600, "x", Map.of(), null),
                                1, 1, 0.3),
                        new com.adfops.analytics.CostSummary.Row("pl_every_5_min",
                                run("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "pl_every_5_min", RunStatus.SUCCEEDED, 300, 60, "", Map.of(), null),
                                1, 1, 0.051)),
                new com.adfops.analytics.CostSummary.Coverage(2016, 2016, null),
                new com.adfops.analytics.CostSummary.Previous(54.432, 2016), "list prices",
                new com.adfops.adf.Freshness(NOW, true, ""))));
        m.put("export", new Reply.Export("pl_*sales*", new TimeWindow(NOW.minus(Duration.ofDays(7)), NOW, "the last 7 days"),
                120, 100, 15, "https://bot.example/api/export?token=abc.def", 15));
        m.put("export-shareable", new Reply.Export("Finance-*", new TimeWindow(NOW.minus(Duration.ofDays(30)), NOW, "the last month"),
                900, 880, 20, "https://bot.example/api/export?token=abc.def", 15, "df-prod", "Finance-*", true, ""));
        // The copy in the report channel: who shared it is data (a display name can hold markdown).
        m.put("export-shared", new Reply.Export("Finance-*", new TimeWindow(NOW.minus(Duration.ofDays(30)), NOW, "the last month"),
                900, 880, 20, "", 15, "df-prod", "Finance-*", false, "**Ana** [x](https://evil.example) ${user}"));
        m.put("export-unavailable", new Reply.Export("all pipelines", new TimeWindow(NOW.minus(Duration.ofDays(1)), NOW,
                "the last 24 hours"), 0, 0, 0, "", 0));
        m.putAll(ImpactSamples.all());
        ScheduleSamples.add(m);
        RuntimeAlertSamples.add(m);
        return m;
    }
}
