package com.adfops.alerts;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may call {@code POST /api/alerts}: a Secure webhook's Entra token (signature by the tenant's key, tenant issuer,
 * audience, the action group's app id, optionally a role), or Basic credentials whose password is the configured
 * secret. The tenant's signing keys are fetched when a token names one not known yet (at most once a minute).
 */
final class AlertWebhookAuth {

    private static final Logger log = LoggerFactory.getLogger(AlertWebhookAuth.class);

    private final AlertWebhook.Settings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, RSAPublicKey> keys = new ConcurrentHashMap<>();
    private volatile Instant keysFetched = Instant.EPOCH;

    AlertWebhookAuth(AlertWebhook.Settings settings, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** Whether the caller is who the settings allow (Basic with the secret, or a Secure webhook's valid token). */
    boolean authenticated(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return false;
        }
        String h = authorization.trim();
        if (h.regionMatches(true, 0, "Basic ", 0, 6) && !settings.secret().isEmpty()) {
            try {
                String decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                String password = colon < 0 ? decoded : decoded.substring(colon + 1);
                return MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                        settings.secret().getBytes(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (h.regionMatches(true, 0, "Bearer ", 0, 7) && settings.secureWebhook()) {
            return validToken(h.substring(7).trim());
        }
        return false;
    }

    private boolean validToken(String token) {
        try {
            DecodedJWT unverified = JWT.decode(token);
            RSAPublicKey key = key(unverified.getKeyId());
            if (key == null) {
                return false;
            }
            JWTVerifier verifier = JWT.require(Algorithm.RSA256(key, null))
                    .withAudience(settings.audience())
                    .acceptLeeway(120)
                    .build();
            DecodedJWT jwt = verifier.verify(token);
            String tenant = settings.tenantId();
            String issuer = jwt.getIssuer() == null ? "" : jwt.getIssuer();
            if (!issuer.equals("https://sts.windows.net/" + tenant + "/")
                    && !issuer.equals("https://login.microsoftonline.com/" + tenant + "/v2.0")) {
                log.info("Refused an alert token from issuer {}", issuer);
                return false;
            }
            String app = Optional.ofNullable(jwt.getClaim("appid").asString()).orElse(jwt.getClaim("azp").asString());
            if (!settings.callerAppId().equalsIgnoreCase(app == null ? "" : app)) {
                log.info("Refused an alert token of app {}", app);
                return false;
            }
            if (!settings.role().isEmpty()) {
                List<String> roles = jwt.getClaim("roles").asList(String.class);
                if (roles == null || !roles.contains(settings.role())) {
                    log.info("Refused an alert token without the role {}", settings.role());
                    return false;
                }
            }
            return true;
        } catch (JWTVerificationException e) {
            log.info("Refused an alert token: {}", e.getMessage());
            return false;
        }
    }

    /** The tenant's signing key with this id; the key set is fetched again (at most once a minute) for an unknown id. */
    private RSAPublicKey key(String kid) {
        if (kid == null) {
            return null;
        }
        RSAPublicKey k = keys.get(kid);
        if (k != null || keysFetched.plus(Duration.ofMinutes(1)).isAfter(clock.instant())) {
            return k;
        }
        keysFetched = clock.instant();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(settings.jwksUrl()))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                log.warn("Could not fetch the signing keys ({}): HTTP {}", settings.jwksUrl(), r.statusCode());
                return null;
            }
            for (JsonNode jwk : json.readTree(r.body()).path("keys")) {
                if ("RSA".equals(jwk.path("kty").asText()) && jwk.hasNonNull("kid")) {
                    Base64.Decoder d = Base64.getUrlDecoder();
                    RSAPublicKeySpec spec = new RSAPublicKeySpec(new java.math.BigInteger(1, d.decode(jwk.path("n").asText())),
                            new java.math.BigInteger(1, d.decode(jwk.path("e").asText())));
                    keys.put(jwk.path("kid").asText(), (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec));
                }
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Could not fetch the signing keys from {}", settings.jwksUrl(), e);
        }
        return keys.get(kid);
    }
}
