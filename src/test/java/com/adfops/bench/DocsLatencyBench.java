package com.adfops.bench;

import com.adfops.TestSim;
import com.adfops.docs.BuiltInDocsIndex;
import com.adfops.docs.DocsService;
import com.adfops.docs.TestMcpServerAccess;
import com.adfops.docs.implementation.McpLearnDocs;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * Added latency of documentation guidance per diagnosis (not a test): cold (new MCP session + search), warm
 * (cache hit), and with the MCP server down (one timeout, then the built-in index). The MCP server is in process
 * on loopback, so network time to learn.microsoft.com is not included.
 * Run: {@code bench/docs-latency.sh}.
 */
public final class DocsLatencyBench {

    public static void main(String[] args) throws Exception {
        int n = 20;
        BuiltInDocsIndex builtIn = new BuiltInDocsIndex(TestSim.JSON);
        try (TestMcpServerAccess learn = TestMcpServerAccess.start(q -> new String[] {
            "Troubleshoot the Azure SQL Database connector",
            "https://learn.microsoft.com/en-us/azure/data-factory/connector-troubleshoot-azure-sql", "firewall"})) {
            double[] cold = new double[n];
            double[] warm = new double[n];
            for (int i = 0; i < n; i++) {
                try (DocsService docs = new DocsService(new McpLearnDocs(learn.url(), Duration.ofSeconds(5), TestSim.JSON),
                        builtIn, Clock.systemUTC(), Duration.ofSeconds(5), Duration.ofHours(6), 500, Duration.ofSeconds(60))) {
                    long t = System.nanoTime();
                    docs.guidanceFor("2200", "SqlFailedToConnect", "Copy", "Cannot connect to SQL Database.");
                    cold[i] = (System.nanoTime() - t) / 1e6;
                    t = System.nanoTime();
                    docs.guidanceFor("2200", "SqlFailedToConnect", "Copy", "Cannot connect to SQL Database.");
                    warm[i] = (System.nanoTime() - t) / 1e6;
                }
            }
            report("cold (new MCP session + search)", cold);
            report("warm (cache hit)", warm);
        }
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (DocsService docs = new DocsService(new McpLearnDocs("http://127.0.0.1:" + port + "/api/mcp",
                Duration.ofSeconds(5), TestSim.JSON), builtIn, Clock.systemUTC(), Duration.ofSeconds(5),
                Duration.ofHours(6), 500, Duration.ofSeconds(60))) {
            double[] down = new double[n];
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                docs.guidanceFor("2200", "Code" + i, "Copy", "Cannot connect to SQL Database.");
                down[i] = (System.nanoTime() - t) / 1e6;
            }
            System.out.printf("server down: first lookup %.1f ms, next %d lookups median %.2f ms%n", down[0], n - 1,
                    median(Arrays.copyOfRange(down, 1, n)));
        }
        // MCP client and Tomcat threads would keep exec:java waiting.
        System.exit(0);
    }

    private static void report(String what, double[] xs) {
        System.out.printf("%-34s n=%d median %.2f ms, max %.2f ms%n", what, xs.length, median(xs),
                Arrays.stream(xs).max().orElse(0));
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
