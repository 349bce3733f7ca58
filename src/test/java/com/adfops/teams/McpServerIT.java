package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.runs.AdfTools;
import com.adfops.tools.ToolRunner;
import com.adfops.docs.DocsService;
import com.adfops.mcp.McpTools;
import com.adfops.mcp.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The MCP face over real HTTP, with the MCP SDK's own client and tokens signed by a test key whose JWK set the test
 * serves: the tools listed and each one called; every refusal (no token, another audience, another tenant, expired, no
 * role, over the rate) before any data; malformed JSON-RPC answered with a JSON-RPC error; and the three faces (the
 * Teams endpoint's cards, the model's tool runner, MCP) stating the same facts about the same questions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "adfops.state.store=memory", "adfops.alerts.enabled=false",
    "adfops.mcp.audience=" + TestTokens.AUDIENCE, "adfops.mcp.tenants=" + TestTokens.TENANT,
    "adfops.cost.read-rate=50", "adfops.cost.reads-in-flight=4"})
class McpServerIT extends WithConnector {

    static final TestTokens TOKENS = new TestTokens();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ZoneId UTC = ZoneId.of("UTC");
    static final ObjectMapper JSON = TestSim.JSON;
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry r) {
        r.add("adfops.mcp.jwks-uri", TOKENS::jwksUri);
    }

    @AfterAll
    static void stopKeys() {
        TOKENS.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    AdfTools tools;

    @Autowired
    DocsService docs;

    ToolRunner runner;

    @BeforeEach
    void runner() {
        runner = new ToolRunner(tools, docs, JSON);
    }

    /**
     * A token of its own caller for each test: the rate is per caller, so one test's calls never spend another's
     * burst (how many fit in it would otherwise depend on how fast the machine runs the tests before).
     */
    static String callerToken(int n) {
        return TOKENS.token(b -> b.claim("oid", String.format("0000babe-0000-0000-0000-%012d", 100 + n)));
    }

    McpSyncClient client(String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build();
        McpSyncClient c = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(90)).build();
        c.initialize();
        return c;
    }

    @Test
    void anotherAgentListsTheToolsAndCallsEach() throws Exception {
        try (McpSyncClient mcp = client(callerToken(1))) {
            List<McpSchema.Tool> listed = mcp.listTools().tools();
            assertThat(listed).extracting(McpSchema.Tool::name).containsExactlyInAnyOrder(McpTools.FAILING,
                    McpTools.DIAGNOSE, McpTools.STATUS, McpTools.HISTORY, McpTools.WHAT_CHANGED, McpTools.RUN_STATS,
                    McpTools.COST, McpTools.DOCS, McpTools.IMPACT, McpTools.RUNTIMES, McpTools.SCHEDULE_STATUS,
                    McpTools.UPCOMING_RUNS);
            assertThat(listed).allSatisfy(t -> {
                assertThat(t.description()).isNotBlank();
                assertThat(t.inputSchema()).containsEntry("type", "object");
                assertThat(t.annotations().readOnlyHint()).isTrue();
            });
            JsonNode failing = call(mcp, McpTools.FAILING, Map.of());
            JsonNode row = failing.at("/failing/0");
            assertThat(row.path("last_failed_run_id").asText()).isNotBlank();
            String pipeline = row.get("pipeline").asText();
            Map<String, Map<String, Object>> calls = Map.of(
                    McpTools.DIAGNOSE, Map.of("run_id", row.get("last_failed_run_id").asText()),
                    McpTools.STATUS, Map.of("pipeline", pipeline),
                    McpTools.HISTORY, Map.of("pipeline", pipeline),
                    McpTools.WHAT_CHANGED, Map.of("pipeline", "pl_ingest_sales_orders"),
                    McpTools.RUN_STATS, Map.of("window", "last 3 days"),
                    McpTools.COST, Map.of("window", "last 24 hours"),
                    McpTools.DOCS, Map.of("query", "ErrorCode 2200 copy activity"));
            for (var c : calls.entrySet()) {
                McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest(c.getKey(), c.getValue()));
                String text = text(r);
                assertThat(r.isError()).as(c.getKey() + ": " + text).isNotEqualTo(Boolean.TRUE);
                assertThat(text.length()).isLessThanOrEqualTo(ToolRunner.MAX_OUTPUT_CHARS);
                assertThat(JSON.readTree(text).isObject()).isTrue();
            }
            // A bad argument is a tool error the calling model can act on, not a protocol failure.
            McpSchema.CallToolResult bad = mcp.callTool(new McpSchema.CallToolRequest(McpTools.FAILING,
                    Map.of("window", "since the dawn of time")));
            assertThat(bad.isError()).isTrue();
            assertThat(text(bad)).contains("is not understood");
            McpSchema.CallToolResult neither = mcp.callTool(new McpSchema.CallToolRequest(McpTools.DIAGNOSE, Map.of()));
            assertThat(neither.isError()).isTrue();
            assertThat(text(neither)).contains("give run_id (a failed run) or pipeline");
            // The schema's own checks (the SDK validates arguments against it) answer the same way.
            McpSchema.CallToolResult noPipeline = mcp.callTool(new McpSchema.CallToolRequest(McpTools.STATUS, Map.of()));
            assertThat(noPipeline.isError()).isTrue();
            assertThat(text(noPipeline)).contains("pipeline");
        }
    }

    @Test
    void theProtectedResourceSaysWhereToGetAToken() throws Exception {
        for (String path : List.of("/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode meta = JSON.readTree(r.body());
            assertThat(meta.get("resource").asText()).isEqualTo("http://127.0.0.1:" + port + "/mcp");
            assertThat(meta.get("authorization_servers")).extracting(JsonNode::asText)
                    .containsExactly("https://login.microsoftonline.com/" + TestTokens.TENANT + "/v2.0");
            assertThat(meta.get("scopes_supported")).extracting(JsonNode::asText)
                    .containsExactly(TestTokens.AUDIENCE + "/.default");
            assertThat(meta.get("bearer_methods_supported")).extracting(JsonNode::asText).containsExactly("header");
        }
    }

    @Test
    void everyCallerWithoutAGoodTokenIsRefusedBeforeAnyData() throws Exception {
        String metadata = "resource_metadata=\"http://127.0.0.1:" + port + "/.well-known/oauth-protected-resource/mcp\"";
        HttpResponse<String> none = post(null, INITIALIZE);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer ").contains(metadata);
        Map<String, String> invalid = Map.of(
                "another audience", TOKENS.token(b -> b.audience("api://someone-else")),
                "another tenant", TOKENS.token(b -> b.claim("tid", TestTokens.OTHER_TENANT)
                        .issuer("https://login.microsoftonline.com/" + TestTokens.OTHER_TENANT + "/v2.0")),
                "expired", TOKENS.token(b -> b.expirationTime(Date.from(Instant.now().minusSeconds(3600)))),
                "a stranger's key", TOKENS.signedByStranger(),
                "not a token", "abc.def");
        for (var e : invalid.entrySet()) {
            HttpResponse<String> r = post(e.getValue(), INITIALIZE);
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow()).as(e.getKey())
                    .contains("error=\"invalid_token\"").contains(metadata);
            assertNoData(r.body());
        }
        HttpResponse<String> noRole = post(TOKENS.token(b -> b.claim("roles", List.of("Other.Role"))), INITIALIZE);
        assertThat(noRole.statusCode()).isEqualTo(403);
        assertThat(noRole.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"insufficient_scope\"").contains("scope=\"" + TestTokens.AUDIENCE + "/.default\"");
        assertNoData(noRole.body());
        // A tool call without a token after a session was opened with one: refused too.
        HttpResponse<String> call = post(null, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"adf_failing_pipelines\",\"arguments\":{}}}");
        assertThat(call.statusCode()).isEqualTo(401);
        assertNoData(call.body());
    }

    @Test
    void malformedJsonRpcGetsAJsonRpcErrorNotAServerError() throws Exception {
        Map<String, Integer> codes = Map.of("{not json", -32700, "[]", -32600, "42", -32600,
                "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"tools/list\"}", -32600, "{\"jsonrpc\":\"2.0\",\"id\":1}", -32600);
        for (var c : codes.entrySet()) {
            HttpResponse<String> r = post(callerToken(2), c.getKey());
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
            JsonNode error = JSON.readTree(r.body());
            assertThat(error.get("jsonrpc").asText()).as(c.getKey()).isEqualTo("2.0");
            assertThat(error.get("id").isNull()).isTrue();
            assertThat(error.at("/error/code").asInt()).as(c.getKey()).isEqualTo(c.getValue());
            assertThat(error.at("/error/message").asText()).as(c.getKey()).isNotBlank();
        }
        // A good message outside a session: the SDK's refusal, a client error too.
        HttpResponse<String> noSession = post(callerToken(2), "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}");
        assertThat(noSession.statusCode()).isEqualTo(400);
        assertThat(noSession.body()).contains("Session ID required");
    }

    @Test
    void aCallerOverItsRateIsToldWhenToComeBack() throws Exception {
        // Its own principal: the other tests' caller keeps its bucket. 5 a second, 20 at once: sixty requests in a row
        // (each refused at once for having no session) cannot all fit.
        String token = TOKENS.token(b -> b.claim("oid", "0000babe-0000-0000-0000-0000000000ff"));
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> limited = null;
        for (int i = 0; i < 60 && limited == null; i++) {
            HttpResponse<String> r = post(token, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
            statuses.add(r.statusCode());
            limited = r.statusCode() == 429 ? r : null;
        }
        assertThat(limited).as("statuses " + statuses).isNotNull();
        assertThat(statuses.subList(0, 20)).as("the burst").allMatch(s -> s == 400);
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertNoData(limited.body());
        // Another caller is not held up.
        assertThat(post(TOKENS.valid(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").statusCode())
                .isEqualTo(400);
    }

    /**
     * Equality across faces: the same questions through the Teams endpoint (the card), the model's tool runner and
     * MCP give the same run ids, root-cause activity, error code, counts and figures. The built-in factory lives by the
     * clock (runs start and end as time passes), so a comparison that a run's end split is asked again, at most twice.
     */
    @Test
    void theThreeFacesStateTheSameFacts() throws Exception {
        try (McpSyncClient mcp = client(callerToken(3))) {
            // What is failing: the same rows (pipeline, last failed run, failing activity, error code) and counts.
            JsonNode[] failing = new JsonNode[2];
            agree(() -> {
                failing[0] = tool(AdfTools.PIPELINE_RUNS, "{}");
                failing[1] = call(mcp, McpTools.FAILING, Map.of());
                String card = teams("what pipelines are failing?", "failing pipeline");
                int n = failing[0].get("failing").size();
                List<String> facts = new ArrayList<>(List.of(String.valueOf(n), failing[0].get("failed_runs").asText()));
                failing[0].get("failing").forEach(f -> facts.add(f.get("last_failed_run_id").asText()));
                return List.of(failingFacts(failing[0]), failingFacts(failing[1]),
                        card.contains("❌ " + n + " failing pipeline") && facts.stream().skip(2).allMatch(card::contains)
                                ? failingFacts(failing[0]) : "card: " + card);
            });

            // Why a nested failure failed: the same run, root-cause activity and error code.
            JsonNode nested = null;
            for (JsonNode f : failing[0].get("failing")) {
                if (f.hasNonNull("in_child_pipeline") && nested == null) {
                    nested = f;
                }
            }
            assertThat(nested).as("a failing pipeline whose failure is in a child pipeline").isNotNull();
            String runId = nested.get("last_failed_run_id").asText();
            String pipeline = nested.get("pipeline").asText();
            JsonNode diagnosis = tool(AdfTools.ACTIVITY_RUNS, "{\"run_id\":\"" + runId + "\"}");
            JsonNode rc = diagnosis.get("root_cause");
            assertThat(rc.get("path").asText()).endsWith(nested.get("failing_activity").asText());
            assertThat(rc.get("error_code").asText()).isEqualTo(nested.get("error_code").asText());
            assertThat(call(mcp, McpTools.DIAGNOSE, Map.of("run_id", runId)).get("root_cause")).isEqualTo(rc);
            JsonNode byPipeline = call(mcp, McpTools.DIAGNOSE, Map.of("pipeline", pipeline));
            assertThat(byPipeline.get("run_id").asText()).isEqualTo(runId);
            assertThat(byPipeline.get("root_cause")).isEqualTo(rc);
            String diagnosisCard = teams("why did run " + runId + " fail?", "Likely root cause");
            assertThat(diagnosisCard).contains(runId, rc.get("path").asText(), "error " + rc.get("error_code").asText(),
                    nested.get("failing_activity").asText());

            // The status of that pipeline: the same latest runs.
            agree(() -> {
                JsonNode viaTool = tool(AdfTools.PIPELINE_RUNS, "{\"pipeline\":\"" + pipeline + "\",\"window\":\"last 7 days\"}");
                JsonNode viaMcp = call(mcp, McpTools.STATUS, Map.of("pipeline", pipeline, "window", "last 7 days"));
                String card = teams("status of " + pipeline, pipeline);
                String latest = viaTool.at("/recent_runs/0/run_id").asText();
                return List.of(runIds(viaTool), runIds(viaMcp), card.contains(latest) && card.contains(runId)
                        ? runIds(viaTool) : "card: " + card);
            });

            // Trends over the last 7 days: the same counts.
            agree(() -> {
                JsonNode viaTool = tool(ToolRunner.RUN_STATS, "{\"window\":\"last 7 days\"}");
                JsonNode viaMcp = call(mcp, McpTools.RUN_STATS, Map.of("window", "last 7 days"));
                String counts = viaTool.get("finished_runs").asInt() + " finished: " + viaTool.get("succeeded").asInt()
                        + " succeeded, " + viaTool.get("failed").asInt() + " failed";
                String card = teams("how did pipelines do in the last 7 days?", "How all pipelines did");
                String mcpCounts = viaMcp.get("finished_runs").asInt() + " finished: " + viaMcp.get("succeeded").asInt()
                        + " succeeded, " + viaMcp.get("failed").asInt() + " failed";
                return List.of(counts, mcpCounts, card.contains(counts) ? counts : "card: " + card);
            });

            // Durations: the same slowest pipelines, in the same order.
            agree(() -> {
                JsonNode viaTool = tool(ToolRunner.RUN_STATS, "{\"window\":\"last 7 days\"}");
                JsonNode viaMcp = call(mcp, McpTools.RUN_STATS, Map.of("window", "last 7 days"));
                String card = teams("which pipelines are slowest in the last 7 days?", "slowest");
                List<String> slowest = new ArrayList<>();
                viaTool.get("slowest_by_median").forEach(p -> slowest.add(p.get("pipeline").asText() + " "
                        + p.get("verdict").asText()));
                List<String> mcpSlowest = new ArrayList<>();
                viaMcp.get("slowest_by_median").forEach(p -> mcpSlowest.add(p.get("pipeline").asText() + " "
                        + p.get("verdict").asText()));
                int at = -1;
                boolean inOrder = true;
                for (String s : slowest) {
                    int i = card.indexOf(s.substring(0, s.indexOf(' ')), at + 1);
                    inOrder &= i > at;
                    at = Math.max(at, i);
                }
                return List.of(slowest.toString(), mcpSlowest.toString(), inOrder ? slowest.toString() : "card: " + card);
            });

            // Cost of the last 24 hours, once its runs' billing is read: the same statement and figure.
            JsonNode cost = null;
            for (int i = 0; i < 60; i++) {
                cost = tool(ToolRunner.COST, "{\"window\":\"last 24 hours\"}");
                if (cost.get("complete").asBoolean()) {
                    break;
                }
                Thread.sleep(1000);
            }
            assertThat(cost.get("complete").asBoolean()).as("the billing of the last 24 hours read").isTrue();
            agree(() -> {
                JsonNode viaTool = tool(ToolRunner.COST, "{\"window\":\"last 24 hours\"}");
                JsonNode viaMcp = call(mcp, McpTools.COST, Map.of("window", "last 24 hours"));
                String card = teams("what did all pipelines cost in the last 24 hours?", "💰");
                String fact = viaTool.get("statement").asText() + " = " + viaTool.get("estimate").asText() + " USD, "
                        + viaTool.get("runsCounted").asText() + " runs";
                String mcpFact = viaMcp.get("statement").asText() + " = " + viaMcp.get("estimate").asText() + " USD, "
                        + viaMcp.get("runsCounted").asText() + " runs";
                return List.of(fact, mcpFact, card.contains("💰 " + viaTool.get("statement").asText()) ? fact : "card: " + card);
            });

            // What changed since the sales ingest last worked: the same runs and the same changes.
            JsonNode changed = tool(ToolRunner.WHAT_CHANGED, "{\"pipeline\":\"pl_ingest_sales_orders\"}");
            assertThat(call(mcp, McpTools.WHAT_CHANGED, Map.of("pipeline", "pl_ingest_sales_orders"))).isEqualTo(changed);
            String changedCard = teams("what changed since pl_ingest_sales_orders last worked?", "What changed");
            assertThat(changed.get("changes")).isNotEmpty();
            // The card names runs by their first eight characters.
            assertThat(changedCard).contains(changed.at("/failed_run/run_id").asText().substring(0, 8),
                    changed.at("/last_success/run_id").asText().substring(0, 8));
            changed.get("changes").forEach(c -> assertThat(changedCard).contains(c.get("what").asText()));
        }
    }

    /** Asks {@code facts} until its three faces' answers agree (at most three times), then asserts they do. */
    private static void agree(Supplier<List<String>> facts) {
        List<String> seen = facts.get();
        for (int i = 0; i < 2 && !(seen.get(0).equals(seen.get(1)) && seen.get(1).equals(seen.get(2))); i++) {
            seen = facts.get();
        }
        assertThat(seen.get(1)).as("MCP against the tool runner").isEqualTo(seen.get(0));
        assertThat(seen.get(2)).as("the Teams card against the tool runner").isEqualTo(seen.get(0));
    }

    private static String failingFacts(JsonNode out) {
        List<String> rows = new ArrayList<>();
        out.get("failing").forEach(f -> rows.add(f.get("pipeline").asText() + "|" + f.get("last_failed_run_id").asText()
                + "|" + f.path("failing_activity").asText() + "|" + f.path("error_code").asText()));
        return out.get("total_runs").asInt() + " runs, " + out.get("failed_runs").asInt() + " failed: " + rows;
    }

    private static String runIds(JsonNode out) {
        List<String> ids = new ArrayList<>();
        out.get("recent_runs").forEach(r -> ids.add(r.get("run_id").asText() + " " + r.get("status").asText()));
        return ids.toString();
    }

    private JsonNode tool(String name, String arguments) {
        ToolRunner.Call c = runner.run(name, arguments, UTC);
        assertThat(c.ok()).as(name + ": " + c.output()).isTrue();
        return read(c.output());
    }

    private static JsonNode call(McpSyncClient mcp, String name, Map<String, Object> arguments) {
        McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest(name, arguments));
        assertThat(r.isError()).as(name + ": " + text(r)).isNotEqualTo(Boolean.TRUE);
        return read(text(r));
    }

    private static String text(McpSchema.CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }

    private static JsonNode read(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }

    /** Asks in a fresh personal chat; every string of the card that answers (texts, titles, button data), one a line. */
    private String teams(String question, String containing) {
        String conv = "a:faces-" + UUID.randomUUID();
        ObjectNode msg = TeamsActivities.message(connector.serviceUrl(), conv, question);
        assertThat(TeamsActivities.post(port, msg).statusCode()).isEqualTo(200);
        try {
            FakeConnector.Sent sent = connector.await(s -> s.conversationId().equals(conv) && s.type().equals("message")
                    && s.card().has("body"), WAIT);
            String card = String.join("\n", strings(sent.card(), new ArrayList<>()));
            assertThat(card).as(question).contains(containing);
            return card;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(JsonNode n, List<String> out) {
        if (n.isTextual()) {
            out.add(n.asText());
        }
        n.forEach(c -> strings(c, out));
        return out;
    }

    private HttpResponse<String> post(String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A refusal carries an error and nothing of the factory. */
    private void assertNoData(String body) {
        assertThat(body).doesNotContain("run_id", "pipeline\"", "adf-contoso", "failing");
        assertThat(Objects.requireNonNullElse(body, "")).hasSizeLessThan(400);
    }
}
