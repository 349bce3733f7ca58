package com.adfops.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.runs.AdfTools;
import com.adfops.tools.ToolRunner;
import com.adfops.docs.TestDocs;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each MCP tool is a call of the model's tool runner: on a factory whose clock stands still, the MCP result is the
 * runner's output, character for character; problems are error results that say what to do.
 */
class McpToolsTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final ZoneId UTC = ZoneId.of("UTC");
    static TestSim sim;
    static ToolRunner runner;
    static McpTools mcp;

    @BeforeAll
    static void start() {
        sim = TestSim.builtIn(NOW, 100);
        runner = new ToolRunner(new AdfTools(sim.adf, Clock.fixed(NOW, ZoneOffset.UTC)), TestDocs.builtInOnly(), TestSim.JSON);
        mcp = new McpTools(runner, TestSim.JSON);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void everyToolAnswersWhatTheModelsToolAnswers() throws Exception {
        String failing = runner.run(AdfTools.PIPELINE_RUNS, "{}", UTC).output();
        assertThat(text(mcp.call(McpTools.FAILING, Map.of(), Caller.LOCAL))).isEqualTo(failing);
        JsonNode row = TestSim.JSON.readTree(failing).at("/failing/0");
        String pipeline = row.get("pipeline").asText();
        String runId = row.get("last_failed_run_id").asText();
        String diagnosis = runner.run(AdfTools.ACTIVITY_RUNS, "{\"run_id\":\"" + runId + "\"}", UTC).output();
        assertThat(text(mcp.call(McpTools.DIAGNOSE, Map.of("run_id", runId), Caller.LOCAL))).isEqualTo(diagnosis);
        // By pipeline: its latest failure, the failing list's run.
        assertThat(TestSim.JSON.readTree(text(mcp.call(McpTools.DIAGNOSE, Map.of("pipeline", pipeline), Caller.LOCAL)))
                .get("root_cause")).isEqualTo(TestSim.JSON.readTree(diagnosis).get("root_cause"));
        assertThat(text(mcp.call(McpTools.STATUS, Map.of("pipeline", pipeline, "window", "last 3 days"), Caller.LOCAL)))
                .isEqualTo(runner.run(AdfTools.PIPELINE_RUNS, "{\"pipeline\":\"" + pipeline + "\",\"window\":\"last 3 days\"}",
                        UTC).output());
        for (String name : new String[] {McpTools.HISTORY, McpTools.WHAT_CHANGED}) {
            assertThat(text(mcp.call(name, Map.of("pipeline", pipeline), Caller.LOCAL)))
                    .isEqualTo(runner.run(name, "{\"pipeline\":\"" + pipeline + "\"}", UTC).output());
        }
        assertThat(text(mcp.call(McpTools.RUN_STATS, Map.of("window", "last 7 days"), Caller.LOCAL)))
                .isEqualTo(runner.run(ToolRunner.RUN_STATS, "{\"window\":\"last 7 days\"}", UTC).output());
        assertThat(text(mcp.call(McpTools.DOCS, Map.of("query", "2200"), Caller.LOCAL)))
                .isEqualTo(runner.run(ToolRunner.DOCS_SEARCH, "{\"query\":\"2200\"}", UTC).output());
        assertThat(mcp.names()).containsExactly(McpTools.FAILING, McpTools.DIAGNOSE, McpTools.STATUS, McpTools.HISTORY,
                McpTools.WHAT_CHANGED, McpTools.RUN_STATS, McpTools.COST, McpTools.DOCS, McpTools.IMPACT, McpTools.RUNTIMES,
                McpTools.SCHEDULE_STATUS, McpTools.UPCOMING_RUNS);
    }

    @Test
    void problemsAreErrorResultsThatSayWhatToDo() {
        McpSchema.CallToolResult unknown = mcp.call("adf_delete_everything", Map.of(), Caller.LOCAL);
        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown)).contains("There is no tool named 'adf_delete_everything'", McpTools.FAILING);
        McpSchema.CallToolResult window = mcp.call(McpTools.FAILING, Map.of("window", "when pigs fly"), Caller.LOCAL);
        assertThat(window.isError()).isTrue();
        assertThat(text(window)).contains("is not understood");
        McpSchema.CallToolResult noPipeline = mcp.call(McpTools.DIAGNOSE, Map.of("pipeline", "pl_nothing_like_it"),
                Caller.LOCAL);
        assertThat(noPipeline.isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(text(noPipeline)).contains("\"unknown_pipeline\":\"pl_nothing_like_it\"", "closest_names");
        assertThat(mcp.call(McpTools.DIAGNOSE, Map.of("run_id", "not a run id!"), Caller.LOCAL).isError()).isTrue();
        // Only the arguments a tool takes reach the runner: the failing list is not narrowed by a stray pipeline.
        assertThat(text(mcp.call(McpTools.FAILING, Map.of("pipeline", "pl_ingest_sales_orders"), Caller.LOCAL)))
                .isEqualTo(runner.run(AdfTools.PIPELINE_RUNS, "{}", UTC).output());
    }

    static String text(McpSchema.CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }
}
