package com.adfops.teams;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /health}: 200 once the app serves requests (App Service health check, local scripts). */
@RestController
class HealthController {

    @GetMapping("/health")
    ResponseEntity<String> health() {
        return ResponseEntity.ok("ok");
    }
}
