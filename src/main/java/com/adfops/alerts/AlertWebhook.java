package com.adfops.alerts;

import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryRef;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.adfops.state.JsonDocuments;
import com.adfops.state.StateKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 *
 * <p>Who may call is {@link AlertWebhookAuth}'s to say, what a body says is {@link CommonAlertSchema}'s; this handles
 * the delivery.
 */
public final class AlertWebhook implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertWebhook.class);
    public static final int MAX_BODY = 256 * 1024;
    /** The Azure Monitor action group service's app id (tokens of a Secure webhook carry it). */
    public static final String ACTION_GROUP_APP_ID = "461e8683-5575-4561-ac7f-899cc907d62a";

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
    private final AlertWebhookAuth auth;
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
        this.auth = new AlertWebhookAuth(settings, json, clock);
    }

    /** Whether any way to authenticate is configured (otherwise every call is refused). */
    public boolean configured() {
        return !settings.secret().isEmpty() || settings.secureWebhook();
    }

    /** Handles one delivery: answers fast (the work runs in the background) and never with a stack trace. */
    public Answer receive(String authorization, String body) {
        if (!auth.authenticated(authorization)) {
            return new Answer(401, "not authenticated");
        }
        CommonAlertSchema.Delivery d = CommonAlertSchema.read(body, json);
        if (d.refused() != null) {
            return d.refused();
        }
        String alertId = d.alertId();
        String condition = d.condition();
        Optional<FactoryRef> factory = CommonAlertSchema.factoryOf(d.essentials(), adf.factories());
        if (factory.isEmpty()) {
            return new Answer(200, "not about a configured Data Factory; ignored");
        }
        String key = StateKeys.of("alerts", "monitor/" + sha256(alertId + "|" + condition));
        if (!docs.createIfAbsent(key, Map.of("alertId", alertId, "condition", condition, "at", clock.instant().toString()))) {
            return new Answer(200, "duplicate delivery; already handled");
        }
        if (!CommonAlertSchema.aboutFailedRuns(d.context())) {
            docs.delete(key);
            return new Answer(200, "not about failed pipeline or activity runs; ignored");
        }
        Set<String> pipelines = CommonAlertSchema.pipelines(d.context());
        Instant[] window = CommonAlertSchema.window(d.data(), clock.instant());
        String fired = StateKeys.of("alerts", "monitor-cards/" + sha256(alertId));
        work.submit(() -> {
            try {
                if (d.fired()) {
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
