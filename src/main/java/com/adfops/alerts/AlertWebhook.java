package com.adfops.alerts;

import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryRef;
import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.adfops.state.JsonDocuments;
import com.adfops.state.StateKeys;
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
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Azure Monitor as a source of alerts ({@code POST /api/alerts}, the common alert schema): metric alerts on
 * PipelineFailedRuns / ActivityFailedRuns (dimensions {@code Name} / {@code PipelineName}, {@code FailureType}) and log
 * search alerts on ADFPipelineRun. The caller is authenticated (a Secure webhook's Entra token: signature, tenant
 * issuer, audience, the action group's app id, optionally a role; or Basic credentials checked against the configured
 * secret); a delivery is de-duplicated by (alertId, monitorCondition) against action-group retries; a fired alert
 * looks up the failed runs in its window, reaching back to the detection watermark (a stateful alert does not fire
 * again), and feeds the same alerts as detection: one card per failure, never a second one for a run already alerted.
 * The cards a fired alert posted are remembered with it; its Resolved marks those cards recovered (of the pipelines its
 * dimensions name, when they name any), and no other card: a Resolved without a pipeline dimension, or of an alert whose
 * Fired posted nothing, recovers nothing. Alerts on other signals (an integration runtime's CPU, say) are ignored.
 */
public final class AlertWebhook implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertWebhook.class);
    public static final int MAX_BODY = 256 * 1024;
    /** The Azure Monitor action group service's app id (tokens of a Secure webhook carry it). */
    public static final String ACTION_GROUP_APP_ID = "461e8683-5575-4561-ac7f-899cc907d62a";
    private static final Pattern FACTORY = Pattern.compile("(?i)/providers/microsoft\\.datafactory/factories/([^/]+)$");

    /**
     * @param secret     the password of a plain webhook's Basic credentials ({@code ADFOPS_ALERTS_WEBHOOKSECRET}); empty: off
     * @param audience   a Secure webhook's identifier URI ({@code ADFOPS_ALERTS_AUDIENCE}); empty: off
     * @param tenantId   the Entra tenant that issues its tokens ({@code ADFOPS_ALERTS_TENANTID})
     * @param callerAppId the app id the token must carry ({@code ADFOPS_ALERTS_CALLERAPPID}; Azure Monitor's)
     * @param role       an app role the token must carry, or empty ({@code ADFOPS_ALERTS_ROLE})
     * @param jwksUrl    where the tenant's signing keys are ({@code ADFOPS_ALERTS_JWKSURL}; empty: Entra's)
     */
    public record Settings(String secret, String audience, String tenantId, String callerAppId, String role,
                           String jwksUrl) {

        public Settings {
            secret = secret == null ? "" : secret;
            audience = audience == null ? "" : audience.trim();
            tenantId = tenantId == null ? "" : tenantId.trim();
            callerAppId = callerAppId == null || callerAppId.isBlank() ? ACTION_GROUP_APP_ID : callerAppId.trim();
            role = role == null ? "" : role.trim();
            jwksUrl = jwksUrl == null || jwksUrl.isBlank()
                    ? "https://login.microsoftonline.com/" + tenantId + "/discovery/v2.0/keys" : jwksUrl.trim();
        }

        public boolean secureWebhook() {
            return !audience.isEmpty() && !tenantId.isEmpty();
        }
    }

    /** What {@code POST /api/alerts} answers: an HTTP status and a short JSON-safe message. */
    public record Answer(int status, String message) {
    }

    private final Settings settings;
    private final DataFactory adf;
    private final AlertMonitor monitor;
    private final JsonDocuments docs;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, RSAPublicKey> keys = new ConcurrentHashMap<>();
    private volatile Instant keysFetched = Instant.EPOCH;
    private final ExecutorService work = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "alert-webhook");
        t.setDaemon(true);
        return t;
    });

    public AlertWebhook(Settings settings, DataFactory adf, AlertMonitor monitor, JsonDocuments docs, ObjectMapper json,
                        Clock clock) {
        this.settings = settings;
        this.adf = adf;
        this.monitor = monitor;
        this.docs = docs;
        this.json = json;
        this.clock = clock;
    }

    /** Whether any way to authenticate is configured (otherwise every call is refused). */
    public boolean configured() {
        return !settings.secret().isEmpty() || settings.secureWebhook();
    }

    /** Handles one delivery: answers fast (the work runs in the background) and never with a stack trace. */
    public Answer receive(String authorization, String body) {
        if (!authenticated(authorization)) {
            return new Answer(401, "not authenticated");
        }
        if (body == null || body.isBlank()) {
            return new Answer(400, "empty body; expected the common alert schema");
        }
        if (body.length() > MAX_BODY) {
            return new Answer(413, "body too large");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (Exception e) {
            return new Answer(400, "the body is not JSON");
        }
        if (root == null || !"azureMonitorCommonAlertSchema".equals(root.path("schemaId").asText())) {
            return new Answer(400, "not the common alert schema (schemaId azureMonitorCommonAlertSchema)");
        }
        JsonNode essentials = root.path("data").path("essentials");
        String alertId = essentials.path("alertId").asText("");
        String condition = essentials.path("monitorCondition").asText("");
        if (alertId.isBlank() || !(condition.equals("Fired") || condition.equals("Resolved"))) {
            return new Answer(400, "essentials.alertId and essentials.monitorCondition (Fired or Resolved) are required");
        }
        Optional<FactoryRef> factory = factoryOf(essentials);
        if (factory.isEmpty()) {
            return new Answer(200, "not about a configured Data Factory; ignored");
        }
        String key = StateKeys.of("alerts", "monitor/" + sha256(alertId + "|" + condition));
        if (!docs.createIfAbsent(key, Map.of("alertId", alertId, "condition", condition, "at", clock.instant().toString()))) {
            return new Answer(200, "duplicate delivery; already handled");
        }
        JsonNode context = root.path("data").path("alertContext");
        if (!aboutFailedRuns(context)) {
            docs.delete(key);
            return new Answer(200, "not about failed pipeline or activity runs; ignored");
        }
        Set<String> pipelines = pipelines(context);
        Instant[] window = window(root.path("data"));
        String fired = StateKeys.of("alerts", "monitor-cards/" + sha256(alertId));
        work.submit(() -> {
            try {
                if (condition.equals("Fired")) {
                    Instant from = window[0];
                    Optional<Instant> wm = monitor.watermark(factory.get());
                    if (wm.isPresent() && wm.get().isBefore(from)) {
                        from = wm.get();
                    }
                    AlertMonitor.Ingested in = monitor.ingest(factory.get(), from.minus(Duration.ofMinutes(5)), window[1],
                            pipelines);
                    docs.update(fired, FiredCards.class, before -> FiredCards.merge(before, in.alertIds(), pipelines));
                    log.info("Azure Monitor alert on {}: {} failed runs in its window, {} new alert cards",
                            factory.get().factoryName(), in.failedRuns(), in.alertIds().size());
                } else {
                    FiredCards cards = docs.get(fired, FiredCards.class).orElse(new FiredCards(List.of(), List.of()));
                    Set<String> of = pipelines.isEmpty() ? new LinkedHashSet<>(cards.pipelines()) : pipelines;
                    int n = monitor.resolved(factory.get(), cards.alertIds(), of, window[1]);
                    log.info("Azure Monitor alert on {} resolved: {} of its {} alert cards updated",
                            factory.get().factoryName(), n, cards.alertIds().size());
                }
            } catch (DataFactoryException e) {
                log.warn("Azure Monitor alert on {} could not be looked up: {}", factory.get().factoryName(), e.getMessage());
                docs.delete(key);
            } catch (RuntimeException e) {
                log.error("Azure Monitor alert on {} failed", factory.get().factoryName(), e);
                docs.delete(key);
            }
        });
        return new Answer(202, "accepted");
    }

    // ---- authentication ------------------------------------------------------------------------------

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

    // ---- the payload ---------------------------------------------------------------------------------

    private Optional<FactoryRef> factoryOf(JsonNode essentials) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode id : essentials.path("alertTargetIDs")) {
            Matcher m = FACTORY.matcher(id.asText(""));
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        for (JsonNode c : essentials.path("configurationItems")) {
            names.add(c.asText(""));
        }
        for (String n : names) {
            for (FactoryRef f : adf.factories()) {
                if (f.factoryName().equalsIgnoreCase(n)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /** The alert cards a fired Azure Monitor alert posted, and the pipelines its dimensions named. */
    public record FiredCards(List<String> alertIds, List<String> pipelines) {
        public FiredCards {
            alertIds = alertIds == null ? List.of() : List.copyOf(alertIds);
            pipelines = pipelines == null ? List.of() : List.copyOf(pipelines);
        }

        static FiredCards merge(FiredCards before, List<String> ids, Set<String> pipelines) {
            Set<String> all = new LinkedHashSet<>(before == null ? List.of() : before.alertIds());
            all.addAll(ids);
            Set<String> names = new LinkedHashSet<>(before == null ? List.of() : before.pipelines());
            names.addAll(pipelines);
            return new FiredCards(List.copyOf(all), List.copyOf(names));
        }
    }

    /** Metrics that count failed runs. */
    private static final Set<String> FAILED_RUN_METRICS = Set.of("pipelinefailedruns", "activityfailedruns");

    /**
     * Whether the alert is about failed runs: a metric criterion on PipelineFailedRuns or ActivityFailedRuns, or a log
     * search over ADFPipelineRun / ADFActivityRun. Anything else about the factory (integration runtime CPU, trigger
     * runs) neither posts nor recovers alert cards.
     */
    static boolean aboutFailedRuns(JsonNode alertContext) {
        for (JsonNode criterion : alertContext.path("condition").path("allOf")) {
            if (FAILED_RUN_METRICS.contains(criterion.path("metricName").asText("").toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
            String query = criterion.path("searchQuery").asText("").toLowerCase(java.util.Locale.ROOT);
            if (query.contains("adfpipelinerun") || query.contains("adfactivityrun")) {
                return true;
            }
        }
        return false;
    }

    /** Pipeline names from the dimensions (metric: Name; log search: PipelineName). */
    static Set<String> pipelines(JsonNode alertContext) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode criterion : alertContext.path("condition").path("allOf")) {
            for (JsonNode dim : criterion.path("dimensions")) {
                String name = dim.path("name").asText("");
                if ((name.equals("Name") || name.equalsIgnoreCase("PipelineName")) && !dim.path("value").asText("").isBlank()) {
                    out.add(dim.path("value").asText());
                }
            }
        }
        return out;
    }

    /** The alert's window: the condition's window, else the hour before it fired (or resolved). */
    private Instant[] window(JsonNode data) {
        JsonNode c = data.path("alertContext").path("condition");
        Instant end = time(c.path("windowEndTime").asText(null))
                .or(() -> time(data.path("essentials").path("resolvedDateTime").asText(null)))
                .or(() -> time(data.path("essentials").path("firedDateTime").asText(null)))
                .orElse(clock.instant());
        Instant start = time(c.path("windowStartTime").asText(null)).orElse(end.minus(Duration.ofHours(1)));
        return new Instant[] {start, end};
    }

    private static Optional<Instant> time(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(s));
            } catch (java.time.format.DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    private static String sha256(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        work.shutdownNow();
    }
}
