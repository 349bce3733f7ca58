package com.adfops.mcp;

import com.adfops.adf.DataFactoryException;
import com.adfops.adf.SecretRedactor;
import com.adfops.runs.AdfTools;
import com.adfops.tools.ToolCatalog;
import com.adfops.tools.ToolRunner;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP tools: read-only questions about the configured factories, each answered by the model's {@link ToolRunner}
 * (the same code, so the same facts as the cards and the model's answers, in the same compact JSON within {@link
 * ToolRunner#MAX_OUTPUT_CHARS}, secrets masked). A problem (bad arguments, an unknown tool, Data Factory failing) is a
 * tool result with {@code isError: true} and a text that says what to do, never a protocol error. Every call is logged:
 * who, which tool, which factory, whether it answered, how long it took; never the other arguments.
 * Windows in words ("today", "yesterday") are days in UTC.
 */
public final class McpTools {

    private static final Logger log = LoggerFactory.getLogger(McpTools.class);
    private static final ZoneId ZONE = ZoneOffset.UTC;

    public static final String FAILING = "adf_failing_pipelines";
    public static final String DIAGNOSE = "adf_diagnose_run";
    public static final String STATUS = "adf_pipeline_status";
    public static final String HISTORY = ToolRunner.FAILURE_HISTORY;
    public static final String WHAT_CHANGED = ToolRunner.WHAT_CHANGED;
    public static final String RUN_STATS = ToolRunner.RUN_STATS;
    public static final String COST = ToolRunner.COST;
    public static final String DOCS = ToolRunner.DOCS_SEARCH;
    public static final String IMPACT = ToolRunner.DOWNSTREAM_IMPACT;
    public static final String RUNTIMES = ToolRunner.RUNTIME_HEALTH;
    public static final String SCHEDULE_STATUS = ToolRunner.SCHEDULE_STATUS;
    public static final String UPCOMING_RUNS = ToolRunner.UPCOMING_RUNS;

    private final ToolRunner runner;
    private final ObjectMapper json;

    /** One tool: its MCP definition and how it calls the tool runner. */
    private record Tool(McpSchema.Tool definition, BiFunction<ObjectNode, Caller, ToolRunner.Call> call) {
    }

    private final Map<String, Tool> tools = new LinkedHashMap<>();

    public McpTools(ToolRunner runner, ObjectMapper json) {
        this.runner = runner;
        this.json = json;
        Map<String, Map<String, Object>> schemas = ToolCatalog.schemas();
        Map<String, String> descriptions = ToolCatalog.descriptions();
        add(FAILING, "Failing pipelines", "Which pipelines of the configured Azure Data Factories are failing (their latest "
                        + "finished run failed) in a window (default the last 24 hours): per pipeline its last failed run id, "
                        + "the failing activity (child pipelines and loops followed), error code and cause, how often it "
                        + "failed; the pipelines that recovered; runs going long against their usual duration.",
                object(Map.of("window", property(schemas, AdfTools.PIPELINE_RUNS, "window"),
                        "factory", property(schemas, AdfTools.PIPELINE_RUNS, "factory")), List.of()),
                (a, c) -> runner.run(AdfTools.PIPELINE_RUNS, only(a, "window", "factory"), ZONE));
        add(DIAGNOSE, "Diagnose a failed run", "Why a pipeline run failed, by run id, or a pipeline's latest failure: the "
                        + "root-cause activity through nested pipelines and loops, its error code, class and next step, "
                        + "every failed activity, and whether the failure is new or recurring.",
                schemas.get(ToolRunner.FAILURE_HISTORY), this::diagnose);
        add(STATUS, "Pipeline status and recent runs", "How one pipeline is doing: its latest runs (status, start, "
                        + "duration, run ids) in a window (default the last 24 hours), whether it is failing or recovered and "
                        + "why, and a run going long against its usual duration.",
                object(Map.of("pipeline", property(schemas, AdfTools.PIPELINE_RUNS, "pipeline"),
                        "status", property(schemas, AdfTools.PIPELINE_RUNS, "status"),
                        "window", property(schemas, AdfTools.PIPELINE_RUNS, "window"),
                        "factory", property(schemas, AdfTools.PIPELINE_RUNS, "factory")), List.of("pipeline")),
                (a, c) -> runner.run(AdfTools.PIPELINE_RUNS, a.toString(), ZONE));
        for (String name : List.of(HISTORY, WHAT_CHANGED, RUN_STATS, COST, DOCS, IMPACT, RUNTIMES, SCHEDULE_STATUS,
                UPCOMING_RUNS)) {
            add(name, null, descriptions.get(name), schemas.get(name), (a, c) -> runner.run(name, a.toString(), ZONE));
        }
    }

    private void add(String name, String title, String description, Map<String, Object> schema,
                     BiFunction<ObjectNode, Caller, ToolRunner.Call> call) {
        McpSchema.Tool definition = McpSchema.Tool.builder().name(name).title(title).description(description)
                .inputSchema(schema)
                .annotations(new McpSchema.ToolAnnotations(title, true, false, true, false, null))
                .build();
        tools.put(name, new Tool(definition, call));
    }

    /** The tools' names, in the order they are listed. */
    public List<String> names() {
        return List.copyOf(tools.keySet());
    }

    /** The tools as the server registers them, each call answered by {@link #call}. */
    public List<McpServerFeatures.SyncToolSpecification> specifications() {
        List<McpServerFeatures.SyncToolSpecification> out = new ArrayList<>();
        for (Tool t : tools.values()) {
            out.add(McpServerFeatures.SyncToolSpecification.builder().tool(t.definition())
                    .callHandler((exchange, request) -> {
                        Object caller = exchange.transportContext() == null ? null
                                : exchange.transportContext().get(McpAuthFilter.CALLER);
                        return call(t.definition().name(), request.arguments(),
                                caller instanceof Caller c ? c : Caller.LOCAL);
                    }).build());
        }
        return out;
    }

    /** One call: the tool runner's compact JSON as text content; an error result (isError) for any problem. */
    public McpSchema.CallToolResult call(String name, Map<String, Object> arguments, Caller caller) {
        long t0 = System.nanoTime();
        Tool tool = tools.get(name);
        ToolRunner.Call result;
        String factory = "all";
        try {
            ObjectNode args = arguments == null ? json.createObjectNode() : json.valueToTree(arguments);
            if (args.path("factory").isTextual()) {
                factory = args.get("factory").asText();
                factory = factory.length() > 80 ? factory.substring(0, 80) : factory;
            }
            if (tool == null) {
                // The runner's own answer to an unknown name lists the tools; ours are listed by MCP.
                return error(name, caller, factory, t0, "There is no tool named '" + clip(name) + "'. Available tools: "
                        + String.join(", ", tools.keySet()) + ".");
            }
            result = tool.call().apply(args, caller);
        } catch (IllegalArgumentException e) {
            return error(name, caller, factory, t0, "Bad arguments: " + e.getMessage());
        } catch (DataFactoryException e) {
            // Outside the runner's own boundary (finding a pipeline's latest failure): said as the runner says it.
            return error(name, caller, factory, t0, SecretRedactor.redact("Data Factory could not answer: "
                    + e.getMessage() + " (" + e.kind() + ")"));
        } catch (RuntimeException e) {
            log.warn("MCP: tool {} failed for {}", clip(name), caller, e);
            return error(name, caller, factory, t0, "The tool failed unexpectedly; try again, or ask about a narrower window.");
        }
        log.info("MCP call by {}: {} (factory {}) {} in {} ms, {} chars", caller, name, factory,
                result.ok() ? "answered" : "refused", ms(t0), result.output().length());
        return McpSchema.CallToolResult.builder().addTextContent(result.output()).isError(!result.ok()).build();
    }

    /** {@code adf_diagnose_run}: a run by id, or the latest failure of a pipeline, through the activity-runs tool. */
    private ToolRunner.Call diagnose(ObjectNode a, Caller caller) {
        String runId = text(a, "run_id");
        if (runId != null) {
            return runner.run(AdfTools.ACTIVITY_RUNS, only(a, "run_id", "factory"), ZONE);
        }
        ToolRunner.FailedRun target = runner.failedRun(null, text(a, "pipeline"), text(a, "factory"), text(a, "window"), ZONE);
        if (target.run() == null) {
            return new ToolRunner.Call(DIAGNOSE, a.toString(), target.answer(), 0, true, null, null, null);
        }
        ObjectNode byId = json.createObjectNode().put("run_id", target.run().run().runId())
                .put("factory", target.run().factory().factoryName());
        return runner.run(AdfTools.ACTIVITY_RUNS, byId.toString(), ZONE);
    }

    private McpSchema.CallToolResult error(String name, Caller caller, String factory, long t0, String text) {
        log.info("MCP call by {}: {} (factory {}) refused in {} ms", caller, clip(name), factory, ms(t0));
        ObjectNode out = json.createObjectNode().put("error", text);
        return McpSchema.CallToolResult.builder().addTextContent(out.toString()).isError(true).build();
    }

    private String only(ObjectNode a, String... names) {
        ObjectNode out = json.createObjectNode();
        for (String n : names) {
            if (a.has(n)) {
                out.set(n, a.get(n));
            }
        }
        return out.toString();
    }

    private static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "object");
        s.put("additionalProperties", false);
        s.put("properties", properties);
        if (!required.isEmpty()) {
            s.put("required", required);
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Object property(Map<String, Map<String, Object>> schemas, String tool, String name) {
        return ((Map<String, Object>) schemas.get(tool).get("properties")).get(name);
    }

    private static String text(ObjectNode a, String f) {
        return a.path(f).isValueNode() && !a.path(f).isNull() && !a.path(f).asText().isBlank() ? a.get(f).asText().trim() : null;
    }

    private static String clip(String s) {
        String v = String.valueOf(s);
        return v.length() > 60 ? v.substring(0, 60) : v;
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
