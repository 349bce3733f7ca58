package com.adfops.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * A POSTed body checked before the MCP SDK reads it: not JSON is a JSON-RPC parse error (-32700), JSON that is not one
 * JSON-RPC 2.0 message (a batch, a bare value, no {@code jsonrpc: "2.0"}, neither a method nor a result or error) an
 * invalid request (-32600), each answered with HTTP 400 and a JSON-RPC error object, as the specification wants; the
 * SDK alone answers some of them with a body of its own shape, or a 500. A good body is handed on unchanged.
 */
final class JsonRpcBody {

    private JsonRpcBody() {
    }

    /** The error response for {@code body}, or null when it is one JSON-RPC message. */
    static ObjectNode problem(byte[] body, ObjectMapper json) {
        JsonNode message;
        try {
            message = json.readTree(body);
        } catch (IOException e) {
            return error(json, -32700, "Parse error: the body is not JSON");
        }
        if (message == null || !message.isObject()) {
            return error(json, -32600, "Invalid Request: send one JSON-RPC 2.0 message as a JSON object (no batches)");
        }
        if (!"2.0".equals(message.path("jsonrpc").asText(null))) {
            return error(json, -32600, "Invalid Request: \"jsonrpc\" must be \"2.0\"");
        }
        boolean request = message.path("method").isTextual();
        boolean response = message.has("id") && (message.has("result") || message.has("error"));
        if (!request && !response) {
            return error(json, -32600, "Invalid Request: a message needs a \"method\" (or a \"result\" or \"error\")");
        }
        return null;
    }

    private static ObjectNode error(ObjectMapper json, int code, String message) {
        ObjectNode out = json.createObjectNode().put("jsonrpc", "2.0");
        out.putNull("id");
        out.putObject("error").put("code", code).put("message", message);
        return out;
    }
}
