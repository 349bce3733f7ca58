package com.adfops.docs.implementation;

import com.adfops.docs.DocResult;
import com.adfops.docs.DocsSearch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Microsoft Learn through its MCP server (Streamable HTTP). One long-lived client, created on first use; the tool
 * list is read at every initialization, and the search tool is found by name ({@code microsoft_docs_search}) or,
 * if it was renamed, by shape (a tool with "search" in its name taking a string query). After any failure the
 * client is closed and rebuilt on the next call.
 */
public final class McpLearnDocs implements DocsSearch, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(McpLearnDocs.class);
    public static final String SEARCH_TOOL = "microsoft_docs_search";

    private final String base;
    private final String endpoint;
    private final Duration timeout;
    private final ObjectMapper json;
    private McpSyncClient client;
    private String searchTool;
    private String queryParam;

    public McpLearnDocs(String url, Duration timeout, ObjectMapper json) {
        URI u = URI.create(url);
        this.base = u.getScheme() + "://" + u.getAuthority();
        this.endpoint = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/api/mcp" : u.getRawPath();
        this.timeout = timeout;
        this.json = json;
    }

    @Override
    public String sourceName() {
        return "Microsoft Learn";
    }

    @Override
    public synchronized List<DocResult> search(String query, int max) {
        try {
            ensureConnected();
            McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(searchTool, Map.of(queryParam, query)));
            if (Boolean.TRUE.equals(r.isError())) {
                throw new UnavailableException("the search tool returned an error", null);
            }
            return parse(r, max);
        } catch (UnavailableException e) {
            reset();
            throw e;
        } catch (RuntimeException e) {
            reset();
            throw new UnavailableException("MCP call failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private void ensureConnected() {
        if (client != null) {
            return;
        }
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base)
                .endpoint(endpoint)
                .connectTimeout(timeout)
                .build();
        McpSyncClient c = McpClient.sync(transport)
                .requestTimeout(timeout)
                .initializationTimeout(timeout)
                .clientInfo(new McpSchema.Implementation("adfops-bot", "0.1.0"))
                .build();
        try {
            c.initialize();
            McpSchema.ListToolsResult tools = c.listTools();
            McpSchema.Tool tool = chooseSearchTool(tools.tools());
            if (tool == null) {
                throw new UnavailableException("the MCP server offers no documentation search tool", null);
            }
            searchTool = tool.name();
            queryParam = queryParameter(tool);
            client = c;
            log.info("Connected to {} (search tool '{}')", base + endpoint, searchTool);
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    static McpSchema.Tool chooseSearchTool(List<McpSchema.Tool> tools) {
        McpSchema.Tool byShape = null;
        for (McpSchema.Tool t : tools) {
            if (SEARCH_TOOL.equals(t.name())) {
                return t;
            }
            String n = t.name().toLowerCase(Locale.ROOT);
            if (byShape == null && n.contains("search") && !n.contains("code") && queryParameter(t) != null) {
                byShape = t;
            }
        }
        return byShape;
    }

    /** The tool's string parameter that takes the query ("query", "question", "q" or its only string one). */
    static String queryParameter(McpSchema.Tool t) {
        if (t.inputSchema() == null || !(t.inputSchema().get("properties") instanceof Map<?, ?> props)) {
            return null;
        }
        for (String p : List.of("query", "question", "q", "search", "text")) {
            if (props.containsKey(p)) {
                return p;
            }
        }
        return props.size() == 1 ? String.valueOf(props.keySet().iterator().next()) : null;
    }

    /** Results from text content holding JSON (an array, or an object with a results list), or from markdown. */
    List<DocResult> parse(McpSchema.CallToolResult r, int max) {
        List<DocResult> out = new ArrayList<>();
        if (r.structuredContent() != null) {
            collect(json.valueToTree(r.structuredContent()), out);
        }
        if (r.content() != null) {
            for (McpSchema.Content c : r.content()) {
                if (c instanceof McpSchema.TextContent t && t.text() != null) {
                    try {
                        collect(json.readTree(t.text()), out);
                    } catch (Exception notJson) {
                        markdown(t.text(), out);
                    }
                }
            }
        }
        List<DocResult> clean = new ArrayList<>();
        for (DocResult d : out) {
            if (isTrustedLink(d.url()) && !d.title().isBlank() && clean.stream().noneMatch(x -> x.url().equals(d.url()))) {
                clean.add(new DocResult(d.title(), d.url(), excerpt(d.excerpt())));
            }
            if (clean.size() == max) {
                break;
            }
        }
        return clean;
    }

    private void collect(JsonNode node, List<DocResult> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        } else if (node.isObject()) {
            for (String list : List.of("results", "value", "items", "documents")) {
                if (node.get(list) != null && node.get(list).isArray()) {
                    collect(node.get(list), out);
                    return;
                }
            }
            String title = text(node, "title", "name");
            String url = text(node, "contentUrl", "url", "link", "href");
            String content = text(node, "content", "excerpt", "snippet", "description", "text");
            if (title != null && url != null) {
                out.add(new DocResult(title, url, content));
            }
        } else if (node.isTextual()) {
            markdown(node.asText(), out);
        }
    }

    private static void markdown(String text, List<DocResult> out) {
        String title = null;
        String url = null;
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (title == null && l.startsWith("#")) {
                title = l.replaceFirst("^#+\\s*", "");
            }
            if (url == null) {
                var m = java.util.regex.Pattern.compile("https://[^\\s)\\]>\"']+").matcher(l);
                if (m.find()) {
                    url = m.group();
                }
            }
        }
        if (title != null && url != null) {
            out.add(new DocResult(title, url, text.replaceAll("(?m)^#+.*$", "").strip()));
        }
    }

    private static String text(JsonNode n, String... fields) {
        for (String f : fields) {
            JsonNode v = n.get(f);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }

    /** Only links to Microsoft's documentation go into cards. */
    static boolean isTrustedLink(String url) {
        try {
            URI u = URI.create(url);
            String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
            return "https".equals(u.getScheme()) && (host.equals("learn.microsoft.com") || host.endsWith(".microsoft.com"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String excerpt(String s) {
        String t = s == null ? "" : s.replaceAll("[#*`>|]+", " ").replaceAll("\\s+", " ").strip();
        return t.length() <= 280 ? t : t.substring(0, 279) + "…";
    }

    private void reset() {
        if (client != null) {
            try {
                client.close();
            } catch (RuntimeException e) {
                log.debug("Closing the MCP client failed", e);
            }
        }
        client = null;
        searchTool = null;
    }

    @Override
    public synchronized void close() {
        reset();
    }
}
