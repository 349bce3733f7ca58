package com.adfops.docs;

import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * An in-process MCP server (the MCP Java SDK's server over Streamable HTTP on embedded Tomcat) serving fixture
 * documents through a search tool whose name and behaviour each test chooses.
 */
final class TestMcpServer implements AutoCloseable {

    private final Tomcat tomcat;
    private final McpSyncServer mcp;
    final AtomicInteger calls = new AtomicInteger();
    private final int port;
    /**
     * The server's own complaints about clients that hang up (a slow tool call cut short by the client's deadline,
     * then the server closed under it) are the fixture's business: held back, not printed as build errors.
     */
    private final com.adfops.LogCapture serverLog =
            com.adfops.LogCapture.of(HttpServletStreamableServerTransportProvider.class);

    TestMcpServer(String toolName, Function<String, McpSchema.CallToolResult> handler) throws LifecycleException {
        this(toolName, handler, 0);
    }

    /** @param port 0 for any free port, or a fixed one (to restart a server at the same address) */
    TestMcpServer(String toolName, Function<String, McpSchema.CallToolResult> handler, int port) throws LifecycleException {
        var mapper = new JacksonMcpJsonMapper(new com.fasterxml.jackson.databind.ObjectMapper());
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(mapper)
                .mcpEndpoint("/api/mcp")
                .build();
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(toolName)
                .description("Search Microsoft Learn")
                .inputSchema(Map.of("type", "object", "properties", Map.of("query", Map.of("type", "string")),
                        "required", List.of("query")))
                .build();
        McpSchema.Tool other = McpSchema.Tool.builder()
                .name("microsoft_code_sample_search")
                .description("Code samples")
                .inputSchema(Map.of("type", "object", "properties", Map.of("query", Map.of("type", "string"))))
                .build();
        mcp = McpServer.sync(transport)
                .serverInfo("test-learn", "1.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                .toolCall(other, (ex, req) -> McpSchema.CallToolResult.builder().addTextContent("[]").build())
                .toolCall(tool, (ex, req) -> {
                    calls.incrementAndGet();
                    return handler.apply(String.valueOf(req.arguments().get("query")));
                })
                .build();
        tomcat = new Tomcat();
        tomcat.setBaseDir(System.getProperty("java.io.tmpdir") + "/mcp-tomcat-" + System.nanoTime());
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context ctx = tomcat.addContext("", null);
        Tomcat.addServlet(ctx, "mcp", transport).setAsyncSupported(true);
        ctx.addServletMappingDecoded("/*", "mcp");
        tomcat.start();
        this.port = tomcat.getConnector().getLocalPort();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/api/mcp";
    }

    int port() {
        return port;
    }

    /** A result as Microsoft Learn's server gives it: a JSON list in text content. */
    static McpSchema.CallToolResult results(String... titleUrlExcerpt) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < titleUrlExcerpt.length; i += 3) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"title\":\"").append(titleUrlExcerpt[i]).append("\",\"contentUrl\":\"").append(titleUrlExcerpt[i + 1])
                    .append("\",\"content\":\"").append(titleUrlExcerpt[i + 2]).append("\"}");
        }
        sb.append(']');
        return McpSchema.CallToolResult.builder().addTextContent(sb.toString()).build();
    }

    @Override
    public void close() {
        try {
            mcp.close();
        } catch (RuntimeException e) {
            // already closed
        }
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        } finally {
            serverLog.close();
        }
    }
}
