package com.adfops.alerts;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/alerts}: Azure Monitor's action group webhook (the common alert schema). */
@RestController
class AlertWebhookController {

    private final AlertWebhook webhook;

    AlertWebhookController(AlertWebhook webhook) {
        this.webhook = webhook;
    }

    @PostMapping(path = "/api/alerts")
    ResponseEntity<String> receive(@RequestBody(required = false) String body,
                                   @RequestHeader(value = "Authorization", defaultValue = "") String authorization) {
        AlertWebhook.Answer a = webhook.receive(authorization, body);
        ResponseEntity.BodyBuilder r = ResponseEntity.status(HttpStatus.valueOf(a.status()))
                .contentType(MediaType.APPLICATION_JSON);
        if (a.status() == 401) {
            r = r.header("WWW-Authenticate", "Bearer, Basic realm=\"adfops-alerts\"");
        }
        return r.body("{\"status\":\"" + a.message().replace("\"", "'") + "\"}");
    }
}
