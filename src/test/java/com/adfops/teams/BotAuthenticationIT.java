package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With MicrosoftAppId set, requests without a valid Bot Framework token are refused with 401. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "MicrosoftAppId=11111111-2222-3333-4444-555555555555", "MicrosoftAppPassword=not-a-real-secret"})
class BotAuthenticationIT {

    @LocalServerPort
    int port;

    int post(String authorization) throws Exception {
        String body = Files.readString(Path.of("src/test/resources/teams-activities/personal-message.json"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void missingTokenIs401() throws Exception {
        assertThat(post(null)).isEqualTo(401);
    }

    @Test
    void malformedTokenIs401() throws Exception {
        assertThat(post("Bearer not.a.jwt")).isEqualTo(401);
        assertThat(post("Basic dXNlcjpwYXNz")).isEqualTo(401);
    }
}
