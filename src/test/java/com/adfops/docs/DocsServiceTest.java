package com.adfops.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.docs.implementation.McpLearnDocs;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DocsServiceTest {

    static final BuiltInDocsIndex BUILT_IN = new BuiltInDocsIndex(TestSim.JSON);
    static final String SQL = "https://learn.microsoft.com/en-us/azure/data-factory/connector-troubleshoot-azure-sql";

    @Test
    void guidanceComesFromLearnAndIsCachedPerError() throws Exception {
        try (TestMcpServer server = new TestMcpServer("microsoft_docs_search",
                q -> TestMcpServer.results("SQL connector", SQL, "firewall"));
             DocsService docs = new DocsService(new McpLearnDocs(server.url(), Duration.ofSeconds(5), TestSim.JSON), BUILT_IN,
                     Clock.systemUTC(), Duration.ofSeconds(5), Duration.ofHours(1), 10, Duration.ofSeconds(60))) {
            Guidance g = docs.guidanceFor("2200", "SqlFailedToConnect", "Copy", "Cannot connect to SQL Database.");
            assertThat(g.source()).isEqualTo("Microsoft Learn");
            assertThat(g.results()).extracting(DocResult::url).containsExactly(SQL);
            docs.guidanceFor("2200", "SqlFailedToConnect", "Copy", "Cannot connect to SQL Database, other words.");
            assertThat(server.calls.get()).isEqualTo(1);
            docs.guidanceFor("2200", "UserErrorSourceBlobNotExists", "Copy", "Blob missing");
            assertThat(server.calls.get()).isEqualTo(2);
            assertThat(docs.cachedEntries()).isEqualTo(2);
        }
    }

    @Test
    void cacheIsBounded() {
        try (DocsService docs = new DocsService(null, BUILT_IN, Clock.systemUTC(), Duration.ofSeconds(1),
                Duration.ofHours(1), 3, Duration.ofSeconds(60))) {
            for (int i = 0; i < 10; i++) {
                docs.guidanceFor("2200", "Code" + i, "Copy", "connect SQL");
            }
            assertThat(docs.cachedEntries()).isEqualTo(3);
        }
    }

    @Test
    void aDownServerCostsOneTimeoutThenTheBuiltInIndexAnswers() throws Exception {
        AtomicInteger slowCalls = new AtomicInteger();
        try (TestMcpServer server = new TestMcpServer("microsoft_docs_search", q -> {
            slowCalls.incrementAndGet();
            try {
                Thread.sleep(8000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TestMcpServer.results("late", SQL, "");
        });
             DocsService docs = new DocsService(new McpLearnDocs(server.url(), Duration.ofSeconds(10), TestSim.JSON), BUILT_IN,
                     Clock.systemUTC(), Duration.ofMillis(700), Duration.ofHours(1), 10, Duration.ofSeconds(60))) {
            long t0 = System.nanoTime();
            Guidance first = docs.guidanceFor("2010", "", "Copy", "The Self-hosted Integration Runtime is offline");
            Duration firstTook = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(first.source()).isEqualTo("built-in docs index");
            assertThat(first.note()).contains("unavailable");
            assertThat(first.results().get(0).url()).contains("self-hosted-integration-runtime-troubleshoot-guide");
            // The 700 ms budget cut the 8 s server short (a behaviour bound, not a speed target).
            assertThat(firstTook).isLessThan(Duration.ofMillis(6000));

            Guidance second = docs.answer("how do I rerun from a failed activity");
            assertThat(second.results().get(0).url()).contains("monitor-visually");
            assertThat(second.note()).contains("did not answer recently");
            // The live source was tried once (the timeout may even expire before the call reaches the tool).
            assertThat(slowCalls.get()).isLessThanOrEqualTo(1);
            // The timed-out lookup was interrupted, not left running for the server's 8 s.
            long end = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (docs.lookupsInFlight() > 0 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertThat(docs.lookupsInFlight()).as("lookup still running after its budget").isZero();
        }
    }

    @Test
    void builtInIndexCoversTheCommonErrorsAndTopics() {
        assertThat(BUILT_IN.search("Azure Data Factory DatabricksNotebook activity error 3204", 3).get(0).title()).contains("Databricks");
        assertThat(BUILT_IN.search("Copy error 2200 UserErrorSourceBlobNotExists blob missing", 3).get(0).url()).contains("blob-storage");
        assertThat(BUILT_IN.search("how do I cancel a running pipeline", 3).get(0).url()).contains("pipeline-runs/cancel");
        assertThat(BUILT_IN.search("set up alerts for failed runs", 3).get(0).url()).contains("monitor-metrics-alerts");
        assertThat(BUILT_IN.search("which role or permission does the bot need", 3).get(0).url()).contains("roles-permissions");
        assertThat(BUILT_IN.search("kubernetes pod crashloop", 3)).isEmpty();
    }

    @Test
    void errorQueryUsesCodesTypeAndKeyWords() {
        String q = DocsService.errorQuery("2200", "SqlFailedToConnect", "Copy",
                "ErrorCode=SqlFailedToConnect,'Type=x,Message=Cannot connect to SQL Database 'srv'. https://x.y/z");
        assertThat(q).startsWith("Azure Data Factory Copy activity error 2200 SqlFailedToConnect")
                .contains("Cannot", "connect", "SQL", "Database").doesNotContain("https").doesNotContain("srv");
    }
}
