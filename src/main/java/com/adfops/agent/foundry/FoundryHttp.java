package com.adfops.agent.foundry;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The Foundry project's OpenAI-compatible endpoints ({@code /openai/conversations}, {@code /openai/responses}) on the
 * JDK HTTP client. Why not the SDK's Responses client: in azure-ai-agents 1.0.0-beta.1 its token helper sends a real
 * {@code GET https://www.example.com} on every token fetch and it refuses non-https base URLs (seen with beta.1's own clients); these are two
 * small JSON calls, so a plain client with an explicit timeout, a cached Entra token and no hidden calls is simpler to
 * reason about and lets tests aim it at a loopback fake.
 */
final class FoundryHttp {

    static final String SCOPE = "https://ai.azure.com/.default";

    private final String endpoint;
    private final String apiVersion;
    private final TokenCredential credential;
    private final HttpClient http;
    private final ObjectMapper json;
    private volatile AccessToken token;

    /** An HTTP error from Foundry: status and Foundry's error code, no body text. */
    static final class FoundryException extends RuntimeException {
        final int status;

        FoundryException(int status, String code) {
            super("Foundry answered HTTP " + status + (code == null ? "" : " (" + code + ")"));
            this.status = status;
        }
    }

    FoundryHttp(String endpoint, String apiVersion, TokenCredential credential, Duration connectTimeout, ObjectMapper json) {
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.apiVersion = apiVersion;
        this.credential = credential;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    JsonNode post(String path, JsonNode body, Duration timeout) {
        String url = endpoint + path + (path.contains("?") ? "&" : "?") + "api-version=" + apiVersion;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        String t = bearer();
        if (t != null) {
            b.header("Authorization", "Bearer " + t);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                String code = null;
                try {
                    code = json.readTree(r.body()).path("error").path("code").asText(null);
                } catch (IOException | RuntimeException ignored) {
                    // not JSON
                }
                throw new FoundryException(r.statusCode(), code);
            }
            return json.readTree(r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A cached Entra token for the Foundry scope, refreshed five minutes before it expires; null without a credential. */
    private String bearer() {
        if (credential == null) {
            return null;
        }
        AccessToken t = token;
        if (t == null || t.getExpiresAt().isBefore(OffsetDateTime.now().plusMinutes(5))) {
            synchronized (this) {
                t = token;
                if (t == null || t.getExpiresAt().isBefore(OffsetDateTime.now().plusMinutes(5))) {
                    t = credential.getTokenSync(new TokenRequestContext().addScopes(SCOPE));
                    token = t;
                }
            }
        }
        return t.getToken();
    }
}
