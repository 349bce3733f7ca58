package com.adfops.tools;

import com.adfops.analytics.Analytics;
import com.adfops.analytics.CostSummary;
import com.adfops.analytics.DurationVerdict;
import com.adfops.analytics.PerformanceSummary;
import com.adfops.analytics.TrendSummary;
import com.adfops.diagnosis.Diagnoser;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.diagnosis.FailureCauses;
import com.adfops.diagnosis.FailureHistory;
import com.adfops.diagnosis.RunComparison;
import com.adfops.diagnosis.RunHistory;
import com.adfops.runs.AdfTools;
import com.adfops.runs.ErrorText;
import com.adfops.runs.FailingSummary;
import com.adfops.runs.NameMatcher;
import com.adfops.runs.RunSummaries;
import com.adfops.runs.RunningLong;
import com.adfops.runs.TimeWindow;
import com.adfops.runs.TimeWindowParser;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.docs.DocResult;
import com.adfops.docs.DocsService;
import com.adfops.docs.Guidance;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the model's function calls: {@code adf_pipeline_runs}, {@code adf_pipeline_activity_runs} and
 * {@code adf_docs_search}. Outputs are compact JSON for the model (only what answers the question, long messages
 * cut, secrets masked); problems (unknown tool, bad arguments, a Data Factory error) are results the model can
 * recover from, never exceptions. The structured results are kept so the bot builds its cards from them.
 */
public final class ToolRunner {

    public static final String DOCS_SEARCH = "adf_docs_search";
    public static final String RUN_STATS = "adf_run_stats";
    public static final String COST = "adf_cost";
    public static final String FAILURE_HISTORY = "adf_failure_history";
    public static final String WHAT_CHANGED = "adf_what_changed";
    /** Longest output handed to the model, in characters (about 2,000 tokens). */
    public static final int MAX_OUTPUT_CHARS = 8000;

    private final AdfTools tools;
    private final Analytics analytics;
    private final DocsService docs;
    private final ObjectMapper json;

    /** One executed call: what the model asked, what it got, and what the bot can show. */
    public record Call(String name, String arguments, String output, long durationMs, boolean ok,
                       FailingSummary failing, Diagnosis diagnosis, TrendSummary trends, CostSummary cost) {

        public Call(String name, String arguments, String output, long durationMs, boolean ok, FailingSummary failing,
                    Diagnosis diagnosis, TrendSummary trends) {
            this(name, arguments, output, durationMs, ok, failing, diagnosis, trends, null);
        }
    }

    public ToolRunner(AdfTools tools, DocsService docs, ObjectMapper json) {
        this(tools, new Analytics(tools), docs, json);
    }

    /** @param analytics the questions' one orchestration (default window, the period before, scope), as on Teams */
    public ToolRunner(AdfTools tools, Analytics analytics, DocsService docs, ObjectMapper json) {
        this.tools = tools;
        this.analytics = analytics;
        this.docs = docs;
        this.json = json;
    }

    public Call run(String name, String arguments, ZoneId zone) {
        long t0 = System.nanoTime();
        JsonNode args;
        try {
            args = arguments == null || arguments.isBlank() ? json.createObjectNode() : json.readTree(arguments);
            if (!args.isObject()) {
                throw new IllegalArgumentException("arguments must be a JSON object");
            }
        } catch (Exception e) {
            return error(name, arguments, t0, "The arguments are not a JSON object. Call " + name + " again with valid JSON.");
        }
        try {
            return switch (name == null ? "" : name) {
                case AdfTools.PIPELINE_RUNS -> pipelineRuns(name, arguments, (ObjectNode) args, zone, t0);
                case AdfTools.ACTIVITY_RUNS -> activityRuns(name, arguments, (ObjectNode) args, t0);
                case DOCS_SEARCH -> docsSearch(name, arguments, (ObjectNode) args, t0);
                case RUN_STATS -> runStats(name, arguments, (ObjectNode) args, zone, t0);
                case COST -> cost(name, arguments, (ObjectNode) args, zone, t0);
                case FAILURE_HISTORY -> failureHistory(name, arguments, (ObjectNode) args, zone, t0);
                case WHAT_CHANGED -> whatChanged(name, arguments, (ObjectNode) args, zone, t0);
                default -> error(name, arguments, t0, "There is no tool named '" + ErrorText.truncate(String.valueOf(name), 60)
                        + "'. Available tools: " + AdfTools.PIPELINE_RUNS + ", " + AdfTools.ACTIVITY_RUNS + ", " + RUN_STATS + ", " + COST + ", "
                        + DOCS_SEARCH + ", " + FAILURE_HISTORY + ", " + WHAT_CHANGED + ".");
            };
        } catch (DataFactoryException e) {
            return error(name, arguments, t0, "Data Factory could not answer: " + e.getMessage() + " (" + e.kind() + ")");
        } catch (IllegalArgumentException e) {
            return error(name, arguments, t0, "Bad arguments: " + e.getMessage());
        }
    }

    /**
     * {@code adf_cost}: the card's figures from the same code ({@link Analytics#cost}): the total, its coverage (runs
     * counted of the window's finished runs, complete or not), a sentence to quote, by meter and the most expensive
     * five.
     */
    private Call cost(String name, String arguments, ObjectNode a, ZoneId zone, long t0) {
        Instant now = tools.now();
        String w = text(a, "window");
        TimeWindow window = w == null ? null
                : TimeWindowParser.find(w, now, zone, tools.history()).orElseThrow(() -> new IllegalArgumentException(
                        "window '" + ErrorText.truncate(w, 40) + "' is not understood; use e.g. 'last 7 days', 'this week'"));
        CostSummary.Answer answer = analytics.cost(text(a, "factory"), text(a, "pipeline"), window);
        ObjectNode out = json.createObjectNode();
        if (answer instanceof CostSummary.Answer.UnknownPipeline u) {
            out.put("error", "unknown pipeline");
            ArrayNode closest = out.putArray("closest");
            u.closest().forEach(closest::add);
            return ok(name, arguments, t0, out, null, null);
        }
        CostSummary s = ((CostSummary.Answer.Priced) answer).summary();
        out.put("statement", s.headline());
        out.put("window", s.window().label());
        out.put("from", s.window().from().toString());
        out.put("to", s.window().to().toString());
        out.put("factories", s.factories());
        out.put("currency", "USD");
        out.put("estimate", Math.round(s.total().total() * 10000) / 10000.0);
        out.put("runs", s.runs());
        out.put("runsCounted", s.runsCounted());
        out.put("complete", s.coverage().complete());
        if (!s.coverage().complete()) {
            out.put("note", s.coverageNote() + " Say that the estimate covers " + s.coverage().words() + ".");
        }
        if (s.previous() != null) {
            out.put("comparedWithThePeriodBefore", s.comparison());
            out.putObject("periodBefore").put("estimate", Math.round(s.previous().total() * 10000) / 10000.0)
                    .put("runs", s.previous().runs());
        }
        out.put("activityRuns", s.total().activityRuns());
        out.put("rates", s.ratesSource());
        ObjectNode meters = out.putObject("byMeter");
        s.total().byMeter().forEach((k, v) -> meters.put(k, Math.round(v.amount() * 10000) / 10000.0));
        ArrayNode top = out.putArray(s.rowsAreRuns() ? "mostExpensiveRuns" : "mostExpensivePipelines");
        for (CostSummary.Row x : s.rows().stream().limit(5).toList()) {
            ObjectNode row = top.addObject();
            if (x.run() != null) {
                row.put("run_id", x.run().runId()).put("status", x.run().status().wireName())
                        .put("started", String.valueOf(x.run().runStart()));
            } else {
                row.put("pipeline", x.pipeline()).put("runs", x.runs());
                if (x.counted() < x.runs()) {
                    row.put("runsCounted", x.counted());
                }
            }
            row.put("estimate", Math.round(x.amount() * 10000) / 10000.0);
        }
        return new Call(name, arguments, output(out), ms(t0), true, null, null, null, s);
    }

    private Call pipelineRuns(String name, String arguments, ObjectNode a, ZoneId zone, long t0) {
        Instant now = tools.now();
        String w = text(a, "window");
        TimeWindow window = w == null ? TimeWindowParser.parse("", now, zone)
                : TimeWindowParser.find(w, now, zone, tools.history()).orElseThrow(() -> new IllegalArgumentException(
                        "window '" + ErrorText.truncate(w, 40) + "' is not understood; use e.g. 'last 24 hours', 'today', 'last 3 days'"));
        Set<RunStatus> statuses = Set.of();
        String st = text(a, "status");
        if (st != null && !st.equalsIgnoreCase("any")) {
            RunStatus s = RunStatus.fromWire(st);
            if (s == RunStatus.UNKNOWN) {
                throw new IllegalArgumentException("status must be one of Failed, Succeeded, InProgress, Queued, Cancelled, any");
            }
            statuses = EnumSet.of(s);
        }
        // Failing or recovered is judged from every run in the window, whatever status the model asked for: a
        // pipeline that failed and then succeeded has recovered, even when only failed runs were requested.
        AdfTools.RunsResult r = tools.pipelineRuns(new AdfTools.RunsRequest(text(a, "factory"), text(a, "pipeline"), Set.of(), window));
        FailingSummary summary = FailureCauses.of(RunSummaries.failing(r), new Diagnoser(tools)::diagnose, FailureCauses.ROWS);
        ObjectNode out = json.createObjectNode();
        out.put("window", window.label());
        out.put("from", window.from().toString());
        out.put("to", window.to().toString());
        out.put("factories", String.join(", ", summary.factories()));
        out.put("total_runs", summary.totalRuns());
        out.put("failed_runs", summary.failedRuns());
        if (!statuses.isEmpty()) {
            out.put("note", "failing and recovered are judged from all runs in the window; recent_runs keeps only status "
                    + statuses.iterator().next().wireName());
        }
        if (r.unknownPipeline()) {
            out.put("unknown_pipeline", ErrorText.truncate(text(a, "pipeline"), 80));
            ArrayNode c = out.putArray("closest_names");
            r.closest().forEach(c::add);
        }
        ArrayNode failing = out.putArray("failing");
        for (FailingSummary.Row row : summary.failing().stream().limit(15).toList()) {
            ObjectNode f = failing.addObject();
            f.put("pipeline", row.pipeline());
            f.put("factory", row.factory());
            f.put("last_failed_run_id", row.lastFailure().runId());
            f.put("failed_at", String.valueOf(RunSummaries.failedAt(row.lastFailure())));
            f.put("failures_in_window", row.failures());
            f.put("error", ErrorText.truncate(row.shortError(), 200));
            if (row.cause() != null) {
                f.put("failing_activity", row.cause().activity());
                if (!row.cause().inPipeline().isEmpty()) {
                    f.put("in_child_pipeline", row.cause().inPipeline());
                }
                f.put("error_code", row.cause().errorCode());
                f.put("cause", row.cause().text());
            }
            if (!row.folded().isEmpty()) {
                ArrayNode kids = f.putArray("failed_child_runs");
                row.folded().forEach(k -> kids.addObject().put("pipeline", k.pipelineName()).put("run_id", k.runId()));
            }
            if (row.calledBy() != null) {
                f.put("called_by", row.calledBy());
            }
        }
        if (summary.failing().size() > 15) {
            out.put("more_failing", summary.failing().size() - 15);
        }
        ArrayNode rec = out.putArray("recovered");
        for (FailingSummary.Recovered x : summary.recovered().stream().limit(15).toList()) {
            rec.addObject().put("pipeline", x.pipeline()).put("factory", x.factory())
                    .put("last_failed_at", String.valueOf(RunSummaries.failedAt(x.lastFailure())))
                    .put("succeeded_at", String.valueOf(x.lastSuccess().sortTime()));
        }
        if (!r.pipelines().isEmpty()) {
            ArrayNode runs = out.putArray("recent_runs");
            Set<RunStatus> keep = statuses;
            for (PipelineRun run : r.runs().stream().filter(x -> keep.isEmpty() || keep.contains(x.status())).limit(10).toList()) {
                ObjectNode o = runs.addObject();
                o.put("pipeline", run.pipelineName());
                o.put("run_id", run.runId());
                o.put("status", run.status().wireName());
                o.put("start", String.valueOf(run.runStart()));
                run.duration().ifPresent(d -> o.put("duration_s", d.toSeconds()));
            }
        }
        // Runs in progress past their pipeline's usual duration (its last successful runs), as the cards say it.
        List<RunningLong> longRuns = tools.baselines().runningLong(r.runs(), now);
        if (!longRuns.isEmpty()) {
            ArrayNode running = out.putArray("running_long");
            longRuns.stream().limit(5).forEach(x -> ToolJson.putRunningLong(running.addObject(), x));
        }
        return ok(name, arguments, t0, out, summary.failing().isEmpty() && summary.recovered().isEmpty() ? null : summary, null);
    }

    private Call activityRuns(String name, String arguments, ObjectNode a, long t0) {
        String runId = text(a, "run_id");
        if (runId == null || !runId.matches("[A-Za-z0-9-]{1,80}")) {
            throw new IllegalArgumentException("run_id must be a pipeline run id (letters, digits and dashes)");
        }
        var d = new Diagnoser(tools).find(runId, text(a, "factory"));
        ObjectNode out = json.createObjectNode();
        if (d.isEmpty()) {
            out.put("run_id", runId);
            out.put("found", false);
            out.put("note", "No such run in the configured factories (ADF keeps runs for 45 days).");
            return ok(name, arguments, t0, out, null, null);
        }
        Diagnosis dg = d.get();
        out.put("run_id", dg.run().runId());
        out.put("pipeline", dg.run().pipelineName());
        out.put("factory", dg.run().factory().factoryName());
        out.put("status", dg.run().status().wireName());
        out.put("activities_examined", dg.activityCount());
        if (dg.hasRootCause()) {
            Diagnosis.FailedActivity rc = dg.rootCause();
            ObjectNode r = out.putObject("root_cause");
            r.put("path", rc.path());
            r.put("activity_type", rc.activity().activityType());
            r.put("error_code", rc.activity().error().errorCode());
            r.put("failure_type", rc.activity().error().failureType());
            r.put("message", ErrorText.full(rc.activity().error().message(), 600));
        } else {
            out.put("run_message", ErrorText.full(dg.run().message(), 600));
        }
        out.put("error_class", dg.errorClass().label());
        out.put("next_step", dg.errorClass().nextStep());
        ToolJson.putHistory(out, FailureHistory.of(tools, dg), dg.run().sortTime());
        ArrayNode failed = out.putArray("failed_activities");
        for (Diagnosis.FailedActivity f : dg.failed().stream().limit(15).toList()) {
            ObjectNode o = failed.addObject();
            o.put("path", ErrorText.truncate(f.path(), 200));
            o.put("type", f.activity().activityType());
            o.put("error_code", f.activity().error().errorCode());
            if (f.occurrences() > 1) {
                o.put("iterations", f.occurrences());
            }
        }
        if (dg.failed().size() > 15 || dg.truncated()) {
            out.put("more_failed_activities", true);
        }
        return ok(name, arguments, t0, out, null, dg);
    }

    private Call runStats(String name, String arguments, ObjectNode a, ZoneId zone, long t0) {
        Instant now = tools.now();
        String w = text(a, "window");
        TimeWindow window = w == null ? analytics.window(null)
                : TimeWindowParser.find(w, now, zone, tools.history()).orElseThrow(() -> new IllegalArgumentException(
                        "window '" + ErrorText.truncate(w, 40) + "' is not understood; use e.g. 'last 7 days', 'this week'"));
        String pipeline = text(a, "pipeline");
        Analytics.Answer<Analytics.Stats> answer = analytics.stats(text(a, "factory"), pipeline, window, zone);
        ObjectNode out = json.createObjectNode();
        out.put("window", window.label());
        if (answer instanceof Analytics.Answer.UnknownPipeline<Analytics.Stats> u) {
            out.put("unknown_pipeline", ErrorText.truncate(pipeline, 80));
            ArrayNode c = out.putArray("closest_names");
            u.closest().forEach(c::add);
            return ok(name, arguments, t0, out, null, null, null);
        }
        Analytics.Stats stats = ((Analytics.Answer.Found<Analytics.Stats>) answer).summary();
        TrendSummary s = stats.trends();
        out.put("finished_runs", s.finished());
        out.put("succeeded", s.succeeded());
        out.put("failed", s.failed());
        if (s.successRate() != null) {
            out.put("success_rate", Math.round(s.successRate() * 1000) / 10.0);
        }
        if (s.previous() != null && s.previous().successRate() != null) {
            out.put("previous_success_rate", Math.round(s.previous().successRate() * 1000) / 10.0);
            out.put("previous_failed", s.previous().failed());
        }
        // Compact: per day up to three weeks, per week (from its Monday) beyond.
        boolean weekly = s.days().size() > 21;
        ArrayNode days = out.putArray(weekly ? "per_week" : "per_day");
        (weekly ? s.weeks() : s.days()).forEach(d -> days.addObject().put(weekly ? "week_of" : "date", d.date().toString())
                .put("finished", d.finished()).put("failed", d.failed()));
        if (s.freshness() != null && s.freshness().archivedBefore() != null) {
            out.put("read_from_log_analytics_before", s.freshness().archivedBefore().toString());
        }
        ArrayNode most = out.putArray("failed_most");
        s.mostFailing().forEach(p -> most.addObject().put("pipeline", p.pipeline()).put("failures", p.failures()));
        if (s.meanTimeToRecovery() != null) {
            out.put("mean_time_to_recovery_minutes", s.meanTimeToRecovery().toMinutes());
            out.put("recoveries", s.recoveries());
        }
        // How long: per pipeline its verdict (recent runs against the runs before them) with the figures the card
        // shows, the slow runs of the same verdicts, and runs still going past their usual duration.
        PerformanceSummary perf = stats.durations();
        ArrayNode slowest = out.putArray("slowest_by_median");
        perf.pipelines().stream().limit(5).forEach(p -> ToolJson.putDurations(slowest.addObject(), p));
        // Every pipeline getting slower (the slowest five above may not hold them all), compactly.
        ArrayNode slower = out.putArray("getting_slower");
        perf.pipelines().stream().filter(p -> p.verdict().kind() == DurationVerdict.Kind.SLOWER)
                .sorted(java.util.Comparator.comparingDouble((PerformanceSummary.PipelineDurations p) -> p.verdict().ratio())
                        .reversed()).limit(10)
                .forEach(p -> slower.addObject().put("pipeline", p.pipeline()).put("ratio", ToolJson.round1(p.verdict().ratio()))
                        .put("recent_median_seconds", p.verdict().recent().median().toSeconds())
                        .put("usual_seconds", p.verdict().usual().toSeconds()));
        ArrayNode outliers = out.putArray("slower_than_usual");
        perf.outliers().stream().limit(5).forEach(o -> outliers.addObject().put("pipeline", o.pipeline())
                .put("run_id", o.runId()).put("seconds", o.duration().toSeconds()).put("usual_seconds", o.usual().toSeconds())
                .put("ratio", ToolJson.round1(o.ratio())));
        ArrayNode running = out.putArray("running_long");
        stats.runningLong().stream().limit(5)
                .forEach(r -> ToolJson.putRunningLong(running.addObject(), r));
        return ok(name, arguments, t0, out, null, null, s);
    }

    private Call docsSearch(String name, String arguments, ObjectNode a, long t0) {
        String q = text(a, "query");
        if (q == null || q.isBlank()) {
            throw new IllegalArgumentException("query is required");
        }
        Guidance g = docs.answer(ErrorText.truncate(q, 300));
        ObjectNode out = json.createObjectNode();
        out.put("source", g.source());
        ArrayNode results = out.putArray("results");
        for (DocResult r : g.results()) {
            results.addObject().put("title", r.title()).put("url", r.url()).put("excerpt", ErrorText.truncate(r.excerpt(), 300));
        }
        if (!g.note().isBlank()) {
            out.put("note", g.note());
        }
        return ok(name, arguments, t0, out, null, null);
    }

    /**
     * The failed run a question names: {@code run} found, or {@code answer} (compact JSON, as a tool's output) saying
     * why there is none: no such run, an unknown pipeline and the closest names, no failure in the window.
     */
    public record FailedRun(AdfTools.Located run, String answer) {
    }

    /**
     * The failed run of {@code runId}, or the latest failure of {@code pipeline} (a fuzzy name) in {@code window}, or
     * (without one) in the last 7 days and then in ADF's 45, as the offline agent finds it for "why did X fail?" and
     * "what changed in X?". Bad arguments throw {@link IllegalArgumentException} with the fix.
     */
    public FailedRun failedRun(String runId, String pipeline, String factory, String window, ZoneId zone) {
        ObjectNode out = json.createObjectNode();
        if (runId != null && !runId.isBlank()) {
            if (!runId.matches("[A-Za-z0-9-]{1,80}")) {
                throw new IllegalArgumentException("run_id must be a pipeline run id (letters, digits and dashes)");
            }
            Optional<AdfTools.Located> found = tools.findRun(runId, factory);
            if (found.isPresent()) {
                return new FailedRun(found.get(), null);
            }
            out.put("run_id", runId).put("found", false)
                    .put("note", "No such run in the configured factories (ADF keeps runs for 45 days).");
            return new FailedRun(null, output(out));
        }
        if (pipeline == null || pipeline.isBlank()) {
            throw new IllegalArgumentException("give run_id (a failed run) or pipeline (its latest failure)");
        }
        Instant now = tools.now();
        TimeWindow in = window == null || window.isBlank() ? null
                : TimeWindowParser.find(window, now, zone, tools.history()).orElseThrow(() -> new IllegalArgumentException(
                        "window '" + ErrorText.truncate(window, 40) + "' is not understood; use e.g. 'yesterday', 'last 3 days'"));
        NameMatcher.Match m = NameMatcher.match(pipeline, tools.allPipelineNames());
        if (m.name().isEmpty()) {
            out.put("unknown_pipeline", ErrorText.truncate(pipeline, 80));
            ArrayNode c = out.putArray("closest_names");
            m.closest().forEach(c::add);
            return new FailedRun(null, output(out));
        }
        String name = m.name().get();
        List<PipelineRun> failures = failuresOf(name, factory, in != null ? in : TimeWindow.byDefault(now));
        if (failures.isEmpty() && in == null) {
            failures = failuresOf(name, factory, TimeWindow.retention(now));
        }
        if (failures.isEmpty()) {
            out.put("pipeline", name).put("failed", false).put("window", in != null ? in.label() : "the last 45 days")
                    .put("note", "No failed run of " + name + " in " + (in != null ? in.label()
                            : "the last 45 days (ADF keeps run history for 45 days)") + ".");
            return new FailedRun(null, output(out));
        }
        PipelineRun run = failures.get(0);
        return new FailedRun(new AdfTools.Located(run.factory(), run), null);
    }

    /** The pipeline's failed runs in {@code window}, newest first. */
    private List<PipelineRun> failuresOf(String pipeline, String factory, TimeWindow window) {
        return tools.pipelineRuns(new AdfTools.RunsRequest(factory, pipeline, Set.of(RunStatus.FAILED), window)).runs()
                .stream().filter(x -> x.pipelineName().equalsIgnoreCase(pipeline)).toList();
    }

    /**
     * {@code adf_failure_history}: a failure's history ({@link FailureHistory}, what the diagnosis card states) with its
     * root cause: new (the first failure after successes, its error not seen before) or recurring.
     */
    private Call failureHistory(String name, String arguments, ObjectNode a, ZoneId zone, long t0) {
        FailedRun target = failedRun(text(a, "run_id"), text(a, "pipeline"), text(a, "factory"), text(a, "window"), zone);
        if (target.run() == null) {
            return new Call(name, arguments, target.answer(), ms(t0), true, null, null, null);
        }
        Diagnosis dg = new Diagnoser(tools).diagnose(target.run().run());
        PipelineRun run = dg.run();
        ObjectNode out = json.createObjectNode();
        out.put("run_id", run.runId()).put("pipeline", run.pipelineName()).put("factory", run.factory().factoryName())
                .put("status", run.status().wireName()).put("failed_at", String.valueOf(RunSummaries.failedAt(run)));
        if (dg.hasRootCause()) {
            Diagnosis.FailedActivity rc = dg.rootCause();
            out.putObject("root_cause").put("path", rc.path()).put("error_code", rc.activity().error().errorCode());
        }
        RunHistory h = FailureHistory.of(tools, dg);
        if (h == null) {
            out.put("note", run.status() == RunStatus.FAILED ? "The pipeline's runs before it could not be read."
                    : "This run did not fail: there is no failure history to give.");
            return ok(name, arguments, t0, out, null, dg);
        }
        // The diagnosis card's badge: by error signature when the earlier errors were compared, else by the runs.
        out.put("verdict", h.lastRuns() <= 1 ? "no_earlier_runs" : h.sameError() != null
                ? (h.isRecurring() ? "recurring" : "new") : h.isNew() ? "new" : "failing_repeatedly");
        ToolJson.putHistory(out, h, run.sortTime());
        return ok(name, arguments, t0, out, null, dg);
    }

    /**
     * {@code adf_what_changed}: the failed run against its pipeline's last success before it (the week before, then
     * ADF's retention), compared by {@link RunComparison}, as the "What changed?" card.
     */
    private Call whatChanged(String name, String arguments, ObjectNode a, ZoneId zone, long t0) {
        FailedRun target = failedRun(text(a, "run_id"), text(a, "pipeline"), text(a, "factory"), text(a, "window"), zone);
        if (target.run() == null) {
            return new Call(name, arguments, target.answer(), ms(t0), true, null, null, null);
        }
        PipelineRun failed = target.run().run();
        ObjectNode out = json.createObjectNode();
        out.putObject("failed_run").put("run_id", failed.runId()).put("pipeline", failed.pipelineName())
                .put("factory", failed.factory().factoryName()).put("status", failed.status().wireName())
                .put("start", String.valueOf(failed.runStart()));
        PipelineRun success = lastSuccessBefore(target.run());
        if (success == null) {
            out.put("note", "No successful run of " + failed.pipelineName() + " before this one in the last 45 days: "
                    + "nothing to compare with.");
            return ok(name, arguments, t0, out, null, null);
        }
        out.putObject("last_success").put("run_id", success.runId()).put("start", String.valueOf(success.runStart()));
        List<RunComparison.Change> changes = RunComparison.compare(success,
                tools.activitiesOf(target.run().factory(), success), failed, tools.activitiesOf(target.run().factory(), failed));
        out.put("changes_found", changes.size());
        ArrayNode list = out.putArray("changes");
        changes.stream().limit(30).forEach(c -> list.addObject().put("what", ErrorText.truncate(c.what(), 200))
                .put("before", c.before()).put("after", c.after()));
        if (changes.isEmpty()) {
            out.put("note", "Same parameters, trigger, integration runtimes and inputs as the last success: the cause is "
                    + "outside the run (data, a linked service, the target).");
        }
        return ok(name, arguments, t0, out, null, null);
    }

    /** The pipeline's last success before {@code failed}: the week before it, then ADF's retention. */
    private PipelineRun lastSuccessBefore(AdfTools.Located failed) {
        PipelineRun run = failed.run();
        Instant at = run.sortTime();
        for (TimeWindow w : List.of(new TimeWindow(at.minus(Duration.ofDays(7)), at, "the week before"),
                new TimeWindow(tools.now().minus(TimeWindowParser.RETENTION), at, "ADF's retention"))) {
            Optional<PipelineRun> success = tools.pipelineRuns(new AdfTools.RunsRequest(failed.factory().factoryName(),
                    run.pipelineName(), Set.of(RunStatus.SUCCEEDED), w)).runs().stream()
                    .filter(r -> r.pipelineName().equalsIgnoreCase(run.pipelineName()) && r.sortTime().isBefore(at))
                    .max(java.util.Comparator.comparing(PipelineRun::sortTime));
            if (success.isPresent()) {
                return success.get();
            }
        }
        return null;
    }

    private Call ok(String name, String args, long t0, ObjectNode out, FailingSummary failing, Diagnosis diagnosis) {
        return ok(name, args, t0, out, failing, diagnosis, null);
    }

    private Call ok(String name, String args, long t0, ObjectNode out, FailingSummary failing, Diagnosis diagnosis,
                    TrendSummary trends) {
        return new Call(name, args, output(out), ms(t0), true, failing, diagnosis, trends);
    }

    /**
     * A tool result as the model gets it: every string in it with its secrets masked (error messages, names, docs
     * excerpts, the text of a Data Factory failure), then serialized and bounded to {@link #MAX_OUTPUT_CHARS}. The
     * model's input is an edge where outside text leaves the bot.
     */
    private static String output(ObjectNode out) {
        ErrorText.redactStrings(out, (holder, field) -> false);
        String s = out.toString();
        if (s.length() > MAX_OUTPUT_CHARS) {
            s = s.substring(0, MAX_OUTPUT_CHARS - 40) + "...(output cut at " + MAX_OUTPUT_CHARS + " chars)";
        }
        return s;
    }

    private Call error(String name, String args, long t0, String message) {
        ObjectNode out = json.createObjectNode();
        out.put("error", message);
        return new Call(name, args, output(out), ms(t0), false, null, null, null);
    }

    private static long ms(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0).toMillis();
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText().trim();
    }
}
