package com.adfops.tools;

import com.adfops.analytics.Analytics;
import com.adfops.runs.AdfTools;
import java.util.List;
import java.util.Map;

/** What the tools are, for whoever offers them (the Foundry agent's definition, the MCP server's list): each tool's
 * JSON schema and description, by name. {@link ToolRunner} runs them. */
public final class ToolCatalog {

    private ToolCatalog() {
    }

    /** The function tools' JSON schemas, by name (for the agent definition). */
    public static Map<String, Map<String, Object>> schemas() {
        return merged(Map.of(
                AdfTools.PIPELINE_RUNS, Map.of("type", "object", "additionalProperties", false, "properties", Map.of(
                        "pipeline", Map.of("type", "string", "description", "Pipeline name, a fuzzy name or a pattern with *; omit for all pipelines"),
                        "status", Map.of("type", "string", "enum", List.of("Failed", "Succeeded", "InProgress", "Queued", "Cancelled", "any"),
                                "description", "Only runs with this status; 'any' or omit for all"),
                        "window", Map.of("type", "string", "description", "Time window in words: 'last 24 hours' (default), 'today', 'yesterday', 'last 3 days', 'since Monday', 'this week'"),
                        "factory", Map.of("type", "string", "description", "A configured factory's name; omit for all"))),
                AdfTools.ACTIVITY_RUNS, Map.of("type", "object", "additionalProperties", false, "required", List.of("run_id"),
                        "properties", Map.of(
                                "run_id", Map.of("type", "string", "description", "The pipeline run id (a GUID)"),
                                "factory", Map.of("type", "string", "description", "The factory's name, if known"))),
                ToolRunner.RUN_STATS, Map.of("type", "object", "additionalProperties", false, "properties", Map.of(
                        "pipeline", Map.of("type", "string", "description", "Pipeline name or a pattern with *; omit for all pipelines"),
                        "window", Map.of("type", "string", "description", "Time window in words: 'last 7 days' (default), 'this week', 'last 3 days', 'last 3 months' (beyond ADF's 45 days only where its logs are kept in Log Analytics)"),
                        "factory", Map.of("type", "string", "description", "A configured factory's name; omit for all"))),
                ToolRunner.COST, Map.of("type", "object", "additionalProperties", false, "properties", Map.of(
                        "pipeline", Map.of("type", "string", "description", "Pipeline name or a pattern with *; omit for all pipelines"),
                        "window", Map.of("type", "string", "description", "Time window in words: 'last 7 days' (default), 'this week', 'yesterday'"),
                        "factory", Map.of("type", "string", "description", "A configured factory's name; omit for all"))),
                ToolRunner.DOCS_SEARCH, Map.of("type", "object", "additionalProperties", false, "required", List.of("query"),
                        "properties", Map.of("query", Map.of("type", "string",
                                "description", "What to look up on Microsoft Learn, e.g. an error code and activity type"))),
                ToolRunner.FAILURE_HISTORY, failedRunSchema(),
                ToolRunner.WHAT_CHANGED, failedRunSchema(),
                ToolRunner.DOWNSTREAM_IMPACT, Map.of("type", "object", "additionalProperties", false, "properties", Map.of(
                        "pipeline", Map.of("type", "string", "description", "A pipeline's name (fuzzy): what depends on it"),
                        "run_id", Map.of("type", "string", "description", "A failed pipeline run's id (a GUID): what its "
                                + "failure leaves stale downstream; or give pipeline"),
                        "factory", Map.of("type", "string", "description", "The factory's name, if known"))),
                ToolRunner.RUNTIME_HEALTH, Map.of("type", "object", "additionalProperties", false, "properties", Map.of(
                        "runtime", Map.of("type", "string", "description", "A self-hosted integration runtime's name; "
                                + "omit for all")))), Map.of(
                ToolRunner.SCHEDULE_STATUS, Map.of("type", "object", "additionalProperties", false, "properties", Map.of(
                        "window", Map.of("type", "string", "description", "Time window in words: 'today' (default: since "
                                + "00:00 UTC), 'last 24 hours', 'yesterday'"),
                        "pipeline", Map.of("type", "string", "description", "Pipeline name or a pattern with *; omit for all pipelines"),
                        "factory", Map.of("type", "string", "description", "A configured factory's name; omit for all"))),
                ToolRunner.UPCOMING_RUNS, Map.of("type", "object", "additionalProperties", false, "properties", Map.of(
                        "hours", Map.of("type", "integer", "minimum", 1, "maximum", 168,
                                "description", "How many hours ahead (default 12)"),
                        "pipeline", Map.of("type", "string", "description", "Pipeline name or a pattern with *; omit for all pipelines"),
                        "factory", Map.of("type", "string", "description", "A configured factory's name; omit for all")))));
    }

    /** A failed run: by its id, or a pipeline's latest failure (in a window, else the last 7 days, then 45). */
    private static Map<String, Object> failedRunSchema() {
        return Map.of("type", "object", "additionalProperties", false, "properties", Map.of(
                "run_id", Map.of("type", "string", "description", "A failed pipeline run's id (a GUID); or give pipeline"),
                "pipeline", Map.of("type", "string", "description", "A pipeline's name (fuzzy): its latest failed run"),
                "window", Map.of("type", "string", "description", "With pipeline: its latest failure in this window, e.g. "
                        + "'yesterday', 'last 3 days' (default: the last 7 days, then ADF's 45)"),
                "factory", Map.of("type", "string", "description", "The factory's name, if known")));
    }

    public static Map<String, String> descriptions() {
        return merged(Map.of(
                AdfTools.PIPELINE_RUNS, "Pipeline runs of the configured Azure Data Factories in a time window: failing "
                        + "pipelines (latest finished run failed), recovered ones, for a named pipeline its recent runs, and "
                        + "runs in progress past their usual duration (against their pipeline's last successful runs).",
                AdfTools.ACTIVITY_RUNS, "Why a pipeline run failed: its failed activities (nested pipeline runs and loop "
                        + "bodies followed), the likely root cause with error code, class and next step.",
                ToolRunner.RUN_STATS, "How pipelines did over a window: finished runs, success rate against the period before, failures "
                        + "per day, the pipelines that failed most and the mean time to recovery (a run and its reruns count once); "
                        + "how long they take: the slowest by median, each with a verdict (slower, faster, "
                        + "slower_within_spread and faster_within_spread: a change of the median the test cannot tell from "
                        + "chance, slow_runs, steady, too_little_history) of its recent runs (the last 48 h or last 5) against the runs before them, "
                        + "with the figures and the rank test behind it; runs slower than usual; runs still going past their "
                        + "usual duration (their pipeline's last successful runs). For one pipeline with a slow run, 'copy': what "
                        + "ADF recorded of that run's Copy and Data Flow activities (queue, first byte, reading, writing, "
                        + "cluster start-up, processing: seconds now and usual, grew), throttled writes, DIU and parallel "
                        + "copies, and ADF's own tuning tips (rule, tip, url).",
                ToolRunner.COST, "Estimated cost of pipeline runs over a window from their activity runs' billing, at list prices "
                        + "(or the configured rates): a statement to quote, the total over every finished run of the window "
                        + "with its coverage (runsCounted of runs; complete false means the figure is partial and must be "
                        + "called so), by meter, and the most expensive pipelines (or runs of one pipeline).",
                ToolRunner.DOCS_SEARCH, "Search Microsoft Learn for Azure Data Factory documentation: error codes, how-to topics.",
                ToolRunner.FAILURE_HISTORY, "Is a failure new or recurring: a failed run (or a pipeline's latest failure) among its "
                        + "pipeline's runs of the week before: failures in a row, successes before them, the last success, "
                        + "how many of the last runs failed, and how often the same error (root-cause activity and error "
                        + "code) happened before.",
                ToolRunner.WHAT_CHANGED, "What changed between a pipeline's last successful run and a failed run (or its latest "
                        + "failure): parameters, how it was triggered, per activity the integration runtime and the inputs, "
                        + "activities that ran in one and not the other. Secret-looking values are masked.",
                ToolRunner.DOWNSTREAM_IMPACT, "What a failure affects downstream, from the factory's definitions (datasets "
                        + "pipelines read and write, Execute Pipeline, tumbling window dependencies): for a failed run, the "
                        + "datasets it did not write (from its activity runs; basis by_definition when unknown), the "
                        + "pipelines that read them (already ran on stale data, running, or their next run), its parents "
                        + "and window dependants, and the self-hosted runtime's nodes not online when it ran; for a "
                        + "pipeline, what depends on it.",
                ToolRunner.RUNTIME_HEALTH, "Health of the self-hosted integration runtimes (or one): state (healthy, "
                        + "version_expiring, degraded, expired, down), nodes not online and since when, version expiry, "
                        + "when it was read, and the pipelines that use it and run in the next 12 hours."), Map.of(
                ToolRunner.SCHEDULE_STATUS, "Did the scheduled runs run as they should: each run the schedule and tumbling "
                        + "window triggers were expected to start in a window (default since 00:00 UTC) against its "
                        + "schedule (on time, started late, missed, pending) and its SLA (met, on track, at risk at its usual "
                        + "pace, late, failed); for each missed run why, as the data shows it (trigger stopped, trigger run "
                        + "failed with ADF's message, waiting on a tumbling window dependency or on concurrency, queued).",
                ToolRunner.UPCOMING_RUNS, "What runs next: the runs started schedule and tumbling window triggers are "
                        + "expected to start in the next hours, each with its pipeline's usual duration, its expected end "
                        + "and its SLA (and whether at its usual pace it ends after the deadline)."));
    }

    /** One map of two (Map.of holds at most ten entries). */
    private static <V> Map<String, V> merged(Map<String, V> first, Map<String, V> second) {
        Map<String, V> all = new java.util.HashMap<>(first);
        all.putAll(second);
        return Map.copyOf(all);
    }
}
