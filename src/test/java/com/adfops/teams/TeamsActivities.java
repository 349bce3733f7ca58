package com.adfops.teams;

import com.adfops.TestSim;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Real Teams activities (captured from the Agents Playground, in src/test/resources/teams-activities) aimed at a
 * test connector, and posted to a running bot's {@code /api/messages}.
 */
final class TeamsActivities {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TeamsActivities() {
    }

    /** A sample activity with a fresh id, in conversation {@code conversationId}, replying to {@code serviceUrl}. */
    static ObjectNode sample(String file, String serviceUrl, String conversationId) {
        try {
            ObjectNode a = (ObjectNode) TestSim.JSON.readTree(Files.readString(Path.of("src/test/resources/teams-activities", file)));
            a.put("serviceUrl", serviceUrl);
            a.put("id", UUID.randomUUID().toString());
            ((ObjectNode) a.get("conversation")).put("id", conversationId);
            return a;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A personal-chat message with {@code text}. */
    static ObjectNode message(String serviceUrl, String conversationId, String text) {
        ObjectNode m = sample("personal-message.json", serviceUrl, conversationId);
        m.put("text", text);
        return m;
    }

    /**
     * An Escalate click as Teams sends it with Universal Actions: an {@code adaptiveCard/action} invoke on the card
     * {@code card-1}, built from a captured message activity of the given scope.
     */
    static ObjectNode escalateInvoke(String file, String serviceUrl, String conversationId, String runId) {
        ObjectNode a = invoke(file, serviceUrl, conversationId, "card-1", "escalate");
        ((ObjectNode) a.at("/value/action/data")).put("runId", runId);
        return a;
    }

    /**
     * A click on an {@code Action.Execute} button as Teams sends it (an {@code adaptiveCard/action} invoke on the card
     * {@code cardId}), built from a captured message activity; its {@code value.action.data} is empty, to fill in.
     */
    static ObjectNode invoke(String file, String serviceUrl, String conversationId, String cardId, String verb) {
        ObjectNode a = sample(file, serviceUrl, conversationId);
        a.put("type", "invoke");
        a.put("name", "adaptiveCard/action");
        a.put("replyToId", cardId);
        a.remove("text");
        ObjectNode action = a.putObject("value").putObject("action");
        action.put("type", "Action.Execute");
        action.put("verb", verb);
        action.putObject("data");
        return a;
    }

    static HttpResponse<String> post(int port, JsonNode activity) {
        return post(port, activity.toString());
    }

    static HttpResponse<String> post(int port, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
