package com.adfops.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One request to the simulated factory and its answer, for the handlers of {@link SimulatedDataFactoryServer}'s
 * routes: the query string, the JSON body, a JSON answer or ARM's {@code {"error": {"code", "message"}}} body. Once the
 * factory path is matched it also carries the factory's resource id as the request spelled it.
 */
final class SimExchange {

    private final HttpExchange ex;
    private final ObjectMapper json;
    private String factoryId;

    SimExchange(HttpExchange ex, ObjectMapper json) {
        this.ex = ex;
        this.json = json;
    }

    String method() {
        return ex.getRequestMethod();
    }

    URI uri() {
        return ex.getRequestURI();
    }

    ObjectMapper json() {
        return json;
    }

    /**
     * The factory's resource id as the request spelled it:
     * {@code /subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.DataFactory/factories/{f}}.
     */
    String factoryId() {
        return factoryId;
    }

    void factoryId(String subscription, String resourceGroup, String factory) {
        this.factoryId = "/subscriptions/" + subscription + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.DataFactory/factories/" + factory;
    }

    /** The raw value of a query parameter (name in any case), or null. */
    String query(String name) {
        String q = uri().getRawQuery();
        if (q == null) {
            return null;
        }
        for (String part : q.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).equalsIgnoreCase(name)) {
                return part.substring(eq + 1);
            }
        }
        return null;
    }

    /** The URL-decoded value of a query parameter, or null. */
    String decodedQuery(String name) {
        String v = query(name);
        return v == null ? null : java.net.URLDecoder.decode(v, StandardCharsets.UTF_8);
    }

    /** Whether a query parameter is {@code true} (any case). */
    boolean flag(String name) {
        return "true".equalsIgnoreCase(query(name));
    }

    /** The request body as JSON; an IOException when it is not JSON. */
    JsonNode readJson() throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return json.readTree(in.readAllBytes());
        }
    }

    /**
     * The body of a run query (RunFilterParameters), or null once a 400 said what is wrong with it: not JSON, not an
     * object, or without the {@code lastUpdatedAfter}/{@code lastUpdatedBefore} window.
     */
    JsonNode readRunFilter() throws IOException {
        JsonNode body;
        try {
            body = readJson();
        } catch (IOException e) {
            error(400, "BadRequest", "The request body is not valid JSON.");
            return null;
        }
        if (body == null || !body.isObject()) {
            error(400, "BadRequest", "The request body must be a RunFilterParameters object.");
            return null;
        }
        if (SimDataset.time(body, "lastUpdatedAfter") == null || SimDataset.time(body, "lastUpdatedBefore") == null) {
            error(400, "BadRequest", "lastUpdatedAfter and lastUpdatedBefore are required date-times.");
            return null;
        }
        return body;
    }

    ObjectNode newObject() {
        return json.createObjectNode();
    }

    void header(String name, String value) {
        ex.getResponseHeaders().set(name, value);
    }

    /** An ARM error body. */
    void error(int status, String code, String message) throws IOException {
        ObjectNode body = json.createObjectNode();
        ObjectNode err = body.putObject("error");
        err.put("code", code);
        err.put("message", message);
        send(status, body);
    }

    void send(int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("x-ms-request-id", java.util.UUID.randomUUID().toString());
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** An answer without a body. */
    void sendEmpty(int status) throws IOException {
        ex.getResponseHeaders().set("x-ms-request-id", java.util.UUID.randomUUID().toString());
        ex.sendResponseHeaders(status, -1);
    }
}
