package com.adfops.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The definition endpoints of the simulated factory, in ADF's REST shapes (api-version 2018-06-01), under
 * {@code .../factories/{f}}: {@code GET /pipelines}, {@code /datasets}, {@code /linkedservices}, {@code /triggers},
 * {@code /integrationRuntimes} (lists) and {@code GET /{kind}/{name}}; {@code POST /integrationRuntimes/{name}/getStatus};
 * {@code POST /queryTriggerRuns} (RunFilterParameters: {@code lastUpdatedAfter}/{@code lastUpdatedBefore} on the
 * firing time, {@code orderBy} TriggerRunTimestamp, continuation tokens). Refusals are {@link SimWrites.Refused}
 * (status, ARM code, message) for the server to render. Also the live changes tests stage incidents with.
 */
final class SimDefinitionsApi {

    private final SimDataset dataset;
    private final SimDefinitions definitions;
    private final SimTriggerRuns triggerRuns;
    private final ObjectMapper json;
    private final Clock clock;
    private final int pageSize;

    SimDefinitionsApi(SimDataset dataset, ObjectMapper json, Clock clock, int pageSize) {
        this.dataset = dataset;
        this.json = json;
        this.clock = clock;
        this.pageSize = Math.max(1, pageSize);
        this.definitions = SimDefinitions.of(dataset, json, clock.instant());
        this.triggerRuns = new SimTriggerRuns(dataset, definitions, json);
    }

    SimDefinitions definitions() {
        return definitions;
    }

    /** ADF's list of one kind ({@code segment}: pipelines, datasets, linkedservices, triggers, integrationRuntimes). */
    ObjectNode list(String segment, String factoryId) {
        return definitions.list(kind(segment), factoryId);
    }

    /** One resource of a kind by name, as ADF answers its GET; refused 404 when there is none. */
    ObjectNode get(String segment, String encodedName, String factoryId) {
        SimDefinitions.Kind kind = kind(segment);
        String name = java.net.URLDecoder.decode(encodedName, StandardCharsets.UTF_8);
        ObjectNode r = definitions.get(kind, name, factoryId);
        if (r == null) {
            throw new SimWrites.Refused(404, "NotFound", "The " + kind.segment + " entity '" + name + "' was not found.");
        }
        return r;
    }

    /** A runtime's getStatus answer; refused 404 when there is none. */
    ObjectNode status(String encodedName) {
        String name = java.net.URLDecoder.decode(encodedName, StandardCharsets.UTF_8);
        ObjectNode s = definitions.status(name, dataset.factory(), clock.instant());
        if (s == null) {
            throw new SimWrites.Refused(404, "NotFound", "Integration runtime '" + name + "' was not found.");
        }
        return s;
    }

    private static SimDefinitions.Kind kind(String segment) {
        for (SimDefinitions.Kind k : SimDefinitions.Kind.values()) {
            if (k.segment.equalsIgnoreCase(segment)) {
                return k;
            }
        }
        throw new IllegalArgumentException(segment);
    }

    /** A page of trigger runs for a RunFilterParameters body (its window already checked). */
    ObjectNode queryTriggerRuns(JsonNode body) {
        Instant after = SimDataset.time(body, "lastUpdatedAfter");
        Instant before = SimDataset.time(body, "lastUpdatedBefore");
        List<ObjectNode> fired = triggerRuns.fired(after, before, clock.instant());
        JsonNode order = body.path("orderBy").path(0);
        if ("ASC".equalsIgnoreCase(SimDataset.text(order, "order"))) {
            java.util.Collections.reverse(fired);
        }
        int offset = offset(SimDataset.text(body, "continuationToken"));
        ObjectNode resp = json.createObjectNode();
        ArrayNode value = resp.putArray("value");
        int end = Math.min(fired.size(), offset + pageSize);
        for (int i = offset; i < end; i++) {
            value.add(fired.get(i));
        }
        if (end < fired.size()) {
            resp.put("continuationToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("simtr:" + end).getBytes(StandardCharsets.UTF_8)));
        }
        return resp;
    }

    private static int offset(String token) {
        if (token == null || token.isBlank()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith("simtr:")) {
                int offset = Integer.parseInt(decoded.substring(6));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw new SimWrites.Refused(400, "InvalidContinuationToken", "The continuation token is not valid.");
    }

    // ---- live changes ------------------------------------------------------------------------------------------

    /** Stops or starts a trigger now (a stopped trigger's later runs are withheld); false: no such trigger. */
    boolean setTriggerStarted(String trigger, boolean started) {
        if (!definitions.setTriggerState(trigger, started)) {
            return false;
        }
        if (started) {
            triggerRuns.started(trigger, clock.instant());
        } else {
            triggerRuns.stopped(trigger, clock.instant());
        }
        return true;
    }

    /** Sets a self-hosted runtime node's status now; false: no such runtime or node. */
    boolean setNodeStatus(String runtime, String node, String status) {
        return definitions.setNodeStatus(runtime, node, status, clock.instant());
    }

    /** Withholds the trigger's next scheduled run; its scheduled start, or empty when none is to come. */
    Optional<Instant> skipNextRun(String trigger) {
        return triggerRuns.skipNextRun(trigger, clock.instant());
    }
}
