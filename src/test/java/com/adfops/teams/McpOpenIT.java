package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.mcp.McpTools;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The embedded defaults (simulated factory, listening on loopback): the MCP server is open to local callers, no token
 * asked, and there is no protected resource to describe. (The same context as the other default ITs: no extra start.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class McpOpenIT {

    @LocalServerPort
    int port;

    @Test
    void onTheSimulatedFactoryALocalAgentNeedsNoToken() throws Exception {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                .endpoint("/mcp").build();
        try (McpSyncClient mcp = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build()) {
            mcp.initialize();
            assertThat(mcp.listTools().tools()).hasSize(12);
            McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest(McpTools.FAILING, Map.of()));
            assertThat(r.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(TestSim.JSON.readTree(((McpSchema.TextContent) r.content().get(0)).text()).get("failing"))
                    .isNotEmpty();
        }
        HttpResponse<String> meta = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + port + "/.well-known/oauth-protected-resource/mcp")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(meta.statusCode()).isEqualTo(404);
    }
}
