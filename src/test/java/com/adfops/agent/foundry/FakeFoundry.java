package com.adfops.agent.foundry;

import com.adfops.TestSim;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A loopback fake of the Foundry project API: agent versions ({@code GET /agents/{name}}, {@code POST
 * /agents/{name}/versions}), {@code POST /openai/conversations} and {@code POST /openai/responses}, whose answers a
 * test scripts as a function of the request. Every request is recorded.
 */
final class FakeFoundry implements AutoCloseable {

    record Request(String method, String path, String query, JsonNode body) {
    }

    private final HttpServer server;
    final List<Request> requests = new ArrayList<>();
    private final AtomicInteger conversations = new AtomicInteger();
    private final AtomicInteger responses = new AtomicInteger();
    private ObjectNode latestVersion;
    /** The model: the request body of /openai/responses -> the response body, or an HTTP status to fail with. */
    volatile Function<JsonNode, Object> model = body -> message("Hello.");

    FakeFoundry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized List<Request> requests(String pathPart) {
        return requests.stream().filter(r -> r.path().contains(pathPart)).toList();
    }

    static ObjectNode message(String text) {
        ObjectNode r = TestSim.JSON.createObjectNode();
        r.put("id", "resp_msg");
        r.put("model", "gpt-test");
        r.putArray("output").addObject().put("type", "message").put("role", "assistant")
                .putArray("content").addObject().put("type", "output_text").put("text", text);
        r.putObject("usage").put("input_tokens", 100).put("output_tokens", 20);
        return r;
    }

    static ObjectNode functionCall(String name, String arguments) {
        ObjectNode r = TestSim.JSON.createObjectNode();
        r.put("id", "resp_fc");
        r.put("model", "gpt-test");
        r.putArray("output").addObject().put("type", "function_call").put("call_id", "call_" + name.hashCode())
                .put("name", name).put("arguments", arguments);
        r.putObject("usage").put("input_tokens", 50).put("output_tokens", 10);
        return r;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            byte[] raw = ex.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? null : TestSim.JSON.readTree(raw);
            synchronized (this) {
                requests.add(new Request(ex.getRequestMethod(), path, ex.getRequestURI().getQuery(), body));
            }
            if (ex.getRequestURI().getQuery() == null || !ex.getRequestURI().getQuery().contains("api-version=")) {
                send(ex, 400, "{\"error\":{\"code\":\"MissingApiVersion\"}}");
                return;
            }
            if (path.matches("/agents/[^/]+") && ex.getRequestMethod().equals("GET")) {
                if (latestVersion == null) {
                    send(ex, 404, "{\"error\":{\"code\":\"NotFound\",\"message\":\"no agent\"}}");
                } else {
                    ObjectNode a = TestSim.JSON.createObjectNode();
                    a.put("object", "agent");
                    a.put("id", latestVersion.get("name").asText());
                    a.put("name", latestVersion.get("name").asText());
                    a.putObject("versions").set("latest", latestVersion);
                    send(ex, 200, a.toString());
                }
            } else if (path.matches("/agents/[^/]+/versions") && ex.getRequestMethod().equals("POST")) {
                String name = path.split("/")[2];
                ObjectNode v = TestSim.JSON.createObjectNode();
                v.put("object", "agent.version");
                v.put("id", name + ":" + (requests("/versions").size()));
                v.put("name", name);
                v.put("version", String.valueOf(requests("/versions").size()));
                v.put("created_at", 1764150000);
                v.set("metadata", body.get("metadata"));
                v.set("definition", body.get("definition"));
                latestVersion = v;
                send(ex, 200, v.toString());
            } else if (path.equals("/openai/conversations")) {
                send(ex, 200, "{\"id\":\"conv_" + conversations.incrementAndGet() + "\",\"object\":\"conversation\"}");
            } else if (path.equals("/openai/responses")) {
                responses.incrementAndGet();
                Object r = model.apply(body);
                if (r instanceof Integer status) {
                    send(ex, status, "{\"error\":{\"code\":\"Scripted\",\"message\":\"scripted failure\"}}");
                } else {
                    send(ex, 200, r.toString());
                }
            } else {
                send(ex, 404, "{\"error\":{\"code\":\"NotFound\"}}");
            }
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
