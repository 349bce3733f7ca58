package com.adfops.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.DefinedFactory;
import com.adfops.TestSim;
import com.adfops.adf.FactoryRef;
import com.adfops.analytics.Analytics;
import com.adfops.docs.BuiltInDocsIndex;
import com.adfops.docs.DocsService;
import com.adfops.impact.FactoryImpact;
import com.adfops.mcp.Caller;
import com.adfops.mcp.McpTools;
import com.adfops.runs.AdfTools;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code adf_downstream_impact} and {@code adf_runtime_health}: compact JSON, for the model and MCP alike. */
class ImpactToolsTest {

    static final FactoryRef F = new FactoryRef("sub-t", "rg-t", "df-wharf");
    static final Instant NOW = Instant.parse("2026-12-06T05:00:00Z");

    final DefinedFactory adf = DefinedFactory.harbor(F);
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final AdfTools tools = new AdfTools(adf, clock);
    final FactoryImpact impact = new FactoryImpact(adf,
            (defs, now) -> p -> Optional.ofNullable(Map.of("Finance-Report", NOW.plus(Duration.ofHours(1)),
                    "Load_Invoices", NOW.plus(Duration.ofHours(3))).get(p)), clock);
    final ToolRunner runner = new ToolRunner(tools, new Analytics(tools), new DocsService(null,
            new BuiltInDocsIndex(TestSim.JSON), clock, Duration.ofSeconds(1), Duration.ofMinutes(5), 10,
            Duration.ofMinutes(1)), TestSim.JSON, impact);

    ImpactToolsTest() {
        adf.failLoadInvoices("0b7c-41", "shir-harbor");
    }

    private JsonNode call(String tool, String args) throws Exception {
        ToolRunner.Call c = runner.run(tool, args, ZoneOffset.UTC);
        assertThat(c.ok()).as(c.output()).isTrue();
        return TestSim.JSON.readTree(c.output());
    }

    @Test
    void aFailedRunsDownstreamImpactAndTheRuntimeItRanOn() throws Exception {
        ToolRunner.Call c = runner.run(ToolRunner.DOWNSTREAM_IMPACT, "{\"run_id\":\"0b7c-41\"}", ZoneOffset.UTC);
        assertThat(c.diagnosis()).isNotNull();
        assertThat(c.output()).isEqualTo("{\"run_id\":\"0b7c-41\",\"pipeline\":\"Load_Invoices\",\"factory\":\"df-wharf\","
                + "\"defined\":true,\"basis\":\"activity_runs\",\"datasets\":[{\"name\":\"DS_Invoices\",\"depth\":0,"
                + "\"cause\":\"activity_failed\"},{\"name\":\"ds_sales_mart\",\"depth\":1,\"cause\":\"downstream\"}],"
                + "\"datasets_total\":2,\"pipelines\":[{\"name\":\"Finance-Report\",\"depth\":1,\"state\":\"scheduled\","
                + "\"relations\":[\"reads_stale_data\"],\"next_run\":\"2026-12-06T06:00:00Z\"},{\"name\":\"Nightly_Orchestrator\","
                + "\"depth\":1,\"state\":\"waiting\",\"relations\":[\"execute_pipeline_parent\"]},{\"name\":\"Sales-Mart\","
                + "\"depth\":1,\"state\":\"waiting\",\"relations\":[\"reads_stale_data\"]},{\"name\":\"Exec-Dashboard\","
                + "\"depth\":2,\"state\":\"waiting\",\"relations\":[\"reads_stale_data\"]}],\"pipelines_total\":4,"
                + "\"truncated\":false,\"runtime_at_failure\":{\"runtime\":\"shir-harbor\",\"read_at\":"
                + "\"2026-12-06T01:15:00Z\",\"nodes_not_online\":[{\"node\":\"vm-b\",\"status\":\"Offline\","
                + "\"since\":\"2026-12-06T01:02:00Z\"}]}}");
    }

    @Test
    void whatDependsOnAPipelineAndAnUnknownName() throws Exception {
        JsonNode d = call(ToolRunner.DOWNSTREAM_IMPACT, "{\"pipeline\":\"load invoices\"}");
        assertThat(d.get("pipeline").asText()).isEqualTo("Load_Invoices");
        assertThat(d.get("datasets_total").asInt()).isEqualTo(3);
        assertThat(d.get("pipelines_total").asInt()).isEqualTo(4);
        JsonNode unknown = call(ToolRunner.DOWNSTREAM_IMPACT, "{\"pipeline\":\"zz_nothing_like_it\"}");
        assertThat(unknown.has("unknown_pipeline")).isTrue();
        assertThat(runner.run(ToolRunner.DOWNSTREAM_IMPACT, "{}", ZoneOffset.UTC).output()).contains("give pipeline");
    }

    @Test
    void theSelfHostedRuntimesAndTheirPipelinesAtRisk() throws Exception {
        assertThat(runner.run(ToolRunner.RUNTIME_HEALTH, "{}", ZoneOffset.UTC).output()).isEqualTo("{\"runtimes\":[{"
                + "\"name\":\"shir-harbor\",\"state\":\"degraded\",\"availability\":\"degraded\",\"version\":\"current\","
                + "\"read_at\":\"2026-12-06T01:15:00Z\",\"nodes_not_online\":[{\"node\":\"vm-b\",\"status\":\"Offline\","
                + "\"since\":\"2026-12-06T01:02:00Z\"}],\"at_risk\":[{\"pipeline\":\"Load_Invoices\",\"next_run\":"
                + "\"2026-12-06T08:00:00Z\"}],\"pipelines_using_it\":2}],\"at_risk_horizon_hours\":12}");
        JsonNode none = call(ToolRunner.RUNTIME_HEALTH, "{\"runtime\":\"shir-dock\"}");
        assertThat(none.get("runtimes")).isEmpty();
        assertThat(none.get("known_runtimes").get(0).asText()).isEqualTo("shir-harbor");
    }

    @Test
    void mcpListsBothReadOnlyAndAnswersAsTheRunner() {
        McpTools mcp = new McpTools(runner, TestSim.JSON);
        assertThat(mcp.names()).contains(McpTools.IMPACT, McpTools.RUNTIMES);
        McpSchema.CallToolResult r = mcp.call(McpTools.RUNTIMES, Map.of(), Caller.LOCAL);
        assertThat(r.isError()).isFalse();
        assertThat(((McpSchema.TextContent) r.content().get(0)).text())
                .isEqualTo(runner.run(ToolRunner.RUNTIME_HEALTH, "{}", ZoneOffset.UTC).output());
        assertThat(mcp.specifications()).filteredOn(s -> s.tool().name().equals(McpTools.IMPACT))
                .singleElement().satisfies(s -> assertThat(s.tool().annotations().readOnlyHint()).isTrue());
    }
}
