package com.adfops.bench;

import com.adfops.TestSim;
import com.adfops.runs.AdfTools;
import com.adfops.tools.ToolRunner;
import com.adfops.docs.TestDocs;
import com.adfops.mcp.McpAuthFilter;
import com.adfops.mcp.McpEndpoint;
import com.adfops.mcp.McpTools;
import com.adfops.mcp.PublicUrl;
import com.adfops.mcp.RateLimiter;
import com.adfops.mcp.TestTokens;
import com.adfops.mcp.TokenValidator;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * What the MCP face adds to a tool call (not a test): a bearer token's check (signature with a cached key, claims),
 * and a call over Streamable HTTP (the SDK's client and server, the filter, on loopback) against the same call of
 * the tool runner in process, on the built-in simulated factory read directly (no run index: each call reads it).
 * Run: {@code bench/mcp-latency.sh}.
 */
public final class McpBench {

    public static void main(String[] args) throws Exception {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        try (TestSim sim = TestSim.builtIn(now, 100); TestTokens tokens = new TestTokens()) {
            TokenValidator validator = new TokenValidator(new TokenValidator.Settings(Set.of(TestTokens.AUDIENCE),
                    Set.of(TestTokens.TENANT), TestTokens.ROLE, tokens.jwksUri()));
            String token = tokens.valid();
            int n = 2000;
            double[] checks = new double[n];
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                validator.validate(token);
                checks[i] = (System.nanoTime() - t) / 1e3;
            }
            System.out.printf("token check (RS256, cached key) n=%d median %.0f us, p95 %.0f us%n", n, pct(checks, 50),
                    pct(checks, 95));

            ToolRunner runner = new ToolRunner(new AdfTools(sim.adf, Clock.fixed(now, ZoneOffset.UTC)),
                    TestDocs.builtInOnly(), TestSim.JSON);
            McpTools tools = new McpTools(runner, TestSim.JSON);
            McpEndpoint endpoint = new McpEndpoint(tools, TestSim.JSON, "bench", 256 * 1024, Duration.ofSeconds(60));
            Tomcat tomcat = new Tomcat();
            tomcat.setBaseDir(System.getProperty("java.io.tmpdir") + "/mcp-bench-" + System.nanoTime());
            Connector connector = new Connector();
            connector.setPort(0);
            connector.setProperty("address", "127.0.0.1");
            tomcat.setConnector(connector);
            Context ctx = tomcat.addContext("", null);
            Tomcat.addServlet(ctx, "mcp", endpoint.servlet()).setAsyncSupported(true);
            ctx.addServletMappingDecoded("/mcp", "mcp");
            FilterDef def = new FilterDef();
            def.setFilterName("auth");
            def.setFilter(new McpAuthFilter(validator, new RateLimiter(10_000, 10_000), new PublicUrl(null),
                    TestTokens.AUDIENCE + "/.default", 256 * 1024, TestSim.JSON));
            def.setAsyncSupported("true");
            ctx.addFilterDef(def);
            FilterMap map = new FilterMap();
            map.setFilterName("auth");
            map.addURLPattern("/mcp");
            ctx.addFilterMap(map);
            tomcat.start();
            String base = "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
            try (McpSyncClient mcp = McpClient.sync(HttpClientStreamableHttpTransport.builder(base).endpoint("/mcp")
                    .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token)).build())
                    .requestTimeout(Duration.ofSeconds(60)).build()) {
                mcp.initialize();
                compare("failing pipelines", runner, mcp, AdfTools.PIPELINE_RUNS, "{}", McpTools.FAILING, Map.of());
                compare("run stats, 7 days", runner, mcp, ToolRunner.RUN_STATS, "{\"window\":\"last 7 days\"}",
                        McpTools.RUN_STATS, Map.of("window", "last 7 days"));
                compare("docs search", runner, mcp, ToolRunner.DOCS_SEARCH, "{\"query\":\"2200\"}", McpTools.DOCS,
                        Map.of("query", "2200"));
            }
            tomcat.stop();
        }
        System.exit(0);
    }

    private static void compare(String what, ToolRunner runner, McpSyncClient mcp, String tool, String args,
                                String mcpTool, Map<String, Object> mcpArgs) {
        int n = 30;
        double[] direct = new double[n];
        double[] over = new double[n];
        for (int i = 0; i < n + 3; i++) {
            long t = System.nanoTime();
            runner.run(tool, args, ZoneId.of("UTC"));
            double d = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            mcp.callTool(new McpSchema.CallToolRequest(mcpTool, mcpArgs));
            double m = (System.nanoTime() - t) / 1e6;
            if (i >= 3) {
                direct[i - 3] = d;
                over[i - 3] = m;
            }
        }
        System.out.printf("%-20s n=%d tool runner median %.1f ms; over MCP (HTTP, token) median %.1f ms, p95 %.1f ms%n",
                what, n, pct(direct, 50), pct(over, 50), pct(over, 95));
    }

    private static double pct(double[] xs, int p) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }
}
