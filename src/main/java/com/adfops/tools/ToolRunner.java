package com.adfops.tools;

import com.adfops.analytics.Analytics;
import com.adfops.analytics.CostSummary;
import com.adfops.analytics.TrendSummary;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.runs.AdfTools;
import com.adfops.runs.ErrorText;
import com.adfops.runs.FailingSummary;
import com.adfops.schedule.Schedules;
import com.adfops.schedule.SlaRules;
import com.adfops.adf.DataFactoryException;
import com.adfops.docs.DocsService;
import com.adfops.impact.FactoryImpact;
import com.adfops.impact.NextRuns;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the model's function calls (and MCP's): finds the {@link Tool} by its name and hands it the arguments.
 * Outputs are compact JSON for the model (only what answers the question, long messages cut, secrets masked);
 * problems (unknown tool, bad arguments, a Data Factory error) are results the model can recover from, never
 * exceptions. The structured results are kept so the bot builds its cards from them.
 */
public final class ToolRunner {

    public static final String DOCS_SEARCH = "adf_docs_search";
    public static final String RUN_STATS = "adf_run_stats";
    public static final String COST = "adf_cost";
    public static final String FAILURE_HISTORY = "adf_failure_history";
    public static final String WHAT_CHANGED = "adf_what_changed";
    public static final String DOWNSTREAM_IMPACT = "adf_downstream_impact";
    public static final String RUNTIME_HEALTH = "adf_runtime_health";
    public static final String SCHEDULE_STATUS = "adf_schedule_status";
    public static final String UPCOMING_RUNS = "adf_upcoming_runs";
    /** Longest output handed to the model, in characters (about 2,000 tokens). */
    public static final int MAX_OUTPUT_CHARS = 8000;

    private final ObjectMapper json;
    private final FailedRuns failedRuns;
    /** The tools by name, in the order the unknown-tool answer lists them. */
    private final Map<String, Tool> byName = new LinkedHashMap<>();

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
        this(tools, analytics, docs, json, new FactoryImpact(tools.dataFactory(), NextRuns.NONE, tools.clock()));
    }

    /** @param impact what failures reach downstream and the self-hosted runtimes' health, from the definitions */
    public ToolRunner(AdfTools tools, Analytics analytics, DocsService docs, ObjectMapper json, FactoryImpact impact) {
        this(tools, analytics, docs, json, impact, new Schedules(tools, SlaRules.none(), Schedules.DEFAULT_GRACE));
    }

    /** @param schedules the schedule check (the configured SLAs and grace), as on Teams */
    public ToolRunner(AdfTools tools, Analytics analytics, DocsService docs, ObjectMapper json, FactoryImpact impact,
                      Schedules schedules) {
        this.json = json;
        this.failedRuns = new FailedRuns(tools, json);
        byName.put(AdfTools.PIPELINE_RUNS, new PipelineRunsTool(tools, json));
        byName.put(AdfTools.ACTIVITY_RUNS, new ActivityRunsTool(tools, json));
        byName.put(RUN_STATS, new RunStatsTool(tools, analytics, json));
        byName.put(COST, new CostTool(tools, analytics, json));
        byName.put(DOCS_SEARCH, new DocsSearchTool(docs, json));
        byName.put(FAILURE_HISTORY, failedRuns.about(new FailureHistoryTool(tools, json)::answer));
        byName.put(WHAT_CHANGED, failedRuns.about(new WhatChangedTool(tools, json)::answer));
        byName.put(DOWNSTREAM_IMPACT, new DownstreamImpactTool(tools, impact, json));
        byName.put(RUNTIME_HEALTH, new RuntimeHealthTool(impact, json));
        byName.put(SCHEDULE_STATUS, new ScheduleStatusTool(tools, schedules, json));
        byName.put(UPCOMING_RUNS, new UpcomingRunsTool(schedules, json));
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
        Tool tool = byName.get(name == null ? "" : name);
        if (tool == null) {
            return error(name, arguments, t0, "There is no tool named '" + ErrorText.truncate(String.valueOf(name), 60)
                    + "'. Available tools: " + String.join(", ", byName.keySet()) + ".");
        }
        try {
            Tool.Result r = tool.run((ObjectNode) args, zone);
            return new Call(name, arguments, r.output(), ms(t0), true, r.failing(), r.diagnosis(), r.trends(), r.cost());
        } catch (DataFactoryException e) {
            return error(name, arguments, t0, "Data Factory could not answer: " + e.getMessage() + " (" + e.kind() + ")");
        } catch (IllegalArgumentException e) {
            return error(name, arguments, t0, "Bad arguments: " + e.getMessage());
        }
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
        return failedRuns.find(runId, pipeline, factory, window, zone);
    }

    private Call error(String name, String args, long t0, String message) {
        ObjectNode out = json.createObjectNode();
        out.put("error", message);
        return new Call(name, args, ToolJson.output(out), ms(t0), false, null, null, null);
    }

    private static long ms(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0).toMillis();
    }
}
