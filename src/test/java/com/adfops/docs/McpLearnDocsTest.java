package com.adfops.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adfops.TestSim;
import com.adfops.docs.implementation.McpLearnDocs;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MCP client against real MCP servers (in process, Streamable HTTP). */
class McpLearnDocsTest {

    static final String SQL = "https://learn.microsoft.com/en-us/azure/data-factory/connector-troubleshoot-azure-sql";

    @Test
    void searchesAndMapsResults() throws Exception {
        try (TestMcpServer server = new TestMcpServer("microsoft_docs_search", q -> TestMcpServer.results(
                "Troubleshoot the Azure SQL Database connector", SQL, "SqlFailedToConnect: check the firewall. " + q,
                "Elsewhere", "https://example.com/phish", "not a Microsoft link"));
             McpLearnDocs docs = new McpLearnDocs(server.url(), Duration.ofSeconds(5), TestSim.JSON)) {
            List<DocResult> r = docs.search("Copy error 2200 SqlFailedToConnect", 3);
            assertThat(r).hasSize(1);
            assertThat(r.get(0).title()).isEqualTo("Troubleshoot the Azure SQL Database connector");
            assertThat(r.get(0).url()).isEqualTo(SQL);
            assertThat(r.get(0).excerpt()).contains("SqlFailedToConnect").contains("Copy error 2200");
            // One long-lived client: the second search reuses the session.
            docs.search("again", 3);
            assertThat(server.calls.get()).isEqualTo(2);
        }
    }

    @Test
    void findsARenamedSearchTool() throws Exception {
        try (TestMcpServer server = new TestMcpServer("learn_search_v2", q -> TestMcpServer.results("Doc", SQL, "x"));
             McpLearnDocs docs = new McpLearnDocs(server.url(), Duration.ofSeconds(5), TestSim.JSON)) {
            assertThat(docs.search("anything", 3)).extracting(DocResult::url).containsExactly(SQL);
        }
    }

    @Test
    void aToolErrorIsUnavailableNotAnAnswer() throws Exception {
        try (TestMcpServer server = new TestMcpServer("microsoft_docs_search",
                q -> McpSchema.CallToolResult.builder().addTextContent("search backend down").isError(true).build());
             McpLearnDocs docs = new McpLearnDocs(server.url(), Duration.ofSeconds(5), TestSim.JSON)) {
            assertThatThrownBy(() -> docs.search("x", 3)).isInstanceOf(DocsSearch.UnavailableException.class);
        }
    }

    @Test
    void aSlowServerTimesOut() throws Exception {
        try (TestMcpServer server = new TestMcpServer("microsoft_docs_search", q -> {
            try {
                Thread.sleep(8000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TestMcpServer.results("Doc", SQL, "late");
        });
             McpLearnDocs docs = new McpLearnDocs(server.url(), Duration.ofMillis(500), TestSim.JSON)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> docs.search("x", 3)).isInstanceOf(DocsSearch.UnavailableException.class);
            // The 500 ms request timeout cut the 8 s server short.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(6000));
        }
    }

    @Test
    void reconnectsAfterTheServerDroppedAndCameBack() throws Exception {
        TestMcpServer first = new TestMcpServer("microsoft_docs_search", q -> TestMcpServer.results("Doc", SQL, "one"));
        int port = first.port();
        try (McpLearnDocs docs = new McpLearnDocs(first.url(), Duration.ofSeconds(2), TestSim.JSON)) {
            assertThat(docs.search("x", 3)).hasSize(1);
            first.close();
            assertThatThrownBy(() -> docs.search("x", 3)).isInstanceOf(DocsSearch.UnavailableException.class);
            try (TestMcpServer second = new TestMcpServer("microsoft_docs_search",
                    q -> TestMcpServer.results("Doc again", SQL, "two"), port)) {
                assertThat(docs.search("x", 3)).extracting(DocResult::title).containsExactly("Doc again");
            }
        }
    }

    @Test
    void nothingListeningIsUnavailable() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (McpLearnDocs docs = new McpLearnDocs("http://127.0.0.1:" + port + "/api/mcp", Duration.ofSeconds(1), TestSim.JSON)) {
            assertThatThrownBy(() -> docs.search("x", 3)).isInstanceOf(DocsSearch.UnavailableException.class);
        }
    }
}
