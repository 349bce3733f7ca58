package com.adfops.alerts;

import com.adfops.adf.FactoryRef;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link AlertWebhook} reads of Azure Monitor's common alert schema: whether a body is a delivery at all (and
 * why not: the answer to give), the factory it is about, whether it is about failed runs, the pipelines its
 * dimensions name and its window. Reads only; the handling is the webhook's.
 */
final class CommonAlertSchema {

    private static final Pattern FACTORY = Pattern.compile("(?i)/providers/microsoft\\.datafactory/factories/([^/]+)$");

    private CommonAlertSchema() {
    }

    /**
     * A body read: the alert's id, its condition (Fired or Resolved) and its {@code data}; or, when it is no
     * delivery of the common alert schema, only {@code refused}, the answer to give.
     */
    record Delivery(AlertWebhook.Answer refused, String alertId, String condition, JsonNode data) {

        static Delivery refused(int status, String message) {
            return new Delivery(new AlertWebhook.Answer(status, message), null, null, null);
        }

        boolean fired() {
            return "Fired".equals(condition);
        }

        JsonNode essentials() {
            return data.path("essentials");
        }

        JsonNode context() {
            return data.path("alertContext");
        }
    }

    /** Reads a delivery's body: empty, too large, not JSON or not the common alert schema is refused. */
    static Delivery read(String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            return Delivery.refused(400, "empty body; expected the common alert schema");
        }
        if (body.length() > AlertWebhook.MAX_BODY) {
            return Delivery.refused(413, "body too large");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (Exception e) {
            return Delivery.refused(400, "the body is not JSON");
        }
        if (root == null || !"azureMonitorCommonAlertSchema".equals(root.path("schemaId").asText())) {
            return Delivery.refused(400, "not the common alert schema (schemaId azureMonitorCommonAlertSchema)");
        }
        JsonNode essentials = root.path("data").path("essentials");
        String alertId = essentials.path("alertId").asText("");
        String condition = essentials.path("monitorCondition").asText("");
        if (alertId.isBlank() || !(condition.equals("Fired") || condition.equals("Resolved"))) {
            return Delivery.refused(400, "essentials.alertId and essentials.monitorCondition (Fired or Resolved) are required");
        }
        return new Delivery(null, alertId, condition, root.path("data"));
    }

    /** The configured factory the alert is about (its target ids, else its configuration items), if any. */
    static Optional<FactoryRef> factoryOf(JsonNode essentials, List<FactoryRef> factories) {
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
            for (FactoryRef f : factories) {
                if (f.factoryName().equalsIgnoreCase(n)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
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
    static Instant[] window(JsonNode data, Instant now) {
        JsonNode c = data.path("alertContext").path("condition");
        Instant end = time(c.path("windowEndTime").asText(null))
                .or(() -> time(data.path("essentials").path("resolvedDateTime").asText(null)))
                .or(() -> time(data.path("essentials").path("firedDateTime").asText(null)))
                .orElse(now);
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
}
