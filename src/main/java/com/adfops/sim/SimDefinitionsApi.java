package com.adfops.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The definition endpoints of the simulated factory, in ADF's REST shapes (api-version 2018-06-01), under
 * {@code .../factories/{f}}: {@code GET /pipelines}, {@code /datasets}, {@code /linkedservices}, {@code /triggers},
 * {@code /integrationRuntimes} (lists) and {@code GET /{kind}/{name}}; {@code POST /integrationRuntimes/{name}/getStatus};
 * {@code POST /triggers/{name}/start} and {@code /stop} (the live change, as an operator makes it);
 * {@code POST /queryTriggerRuns} (RunFilterParameters: {@code lastUpdatedAfter}/{@code lastUpdatedBefore} on the
 * firing time, {@code orderBy} TriggerRunTimestamp, paged as the run queries are). Refusals are
 * {@link SimWrites.Refused} (status, ARM code, message) for the server to render. Also the live changes tests stage
 * incidents with.
 */
final class SimDefinitionsApi {

    private final SimDataset dataset;
    private final SimDefinitions definitions;
    private final SimTriggerRuns triggerRuns;
    private final Clock clock;
    private final SimPaging paging;

    SimDefinitionsApi(SimDataset dataset, ObjectMapper json, Clock clock, SimPaging paging) {
        this.dataset = dataset;
        this.clock = clock;
        this.paging = paging;
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

    /** The trigger runs a RunFilterParameters body (its window already checked) asks for, in its order. */
    List<ObjectNode> triggerRuns(JsonNode body) {
        List<ObjectNode> fired = triggerRuns.fired(SimDataset.time(body, "lastUpdatedAfter"),
                SimDataset.time(body, "lastUpdatedBefore"), clock.instant());
        if ("ASC".equalsIgnoreCase(SimDataset.text(body.path("orderBy").path(0), "order"))) {
            java.util.Collections.reverse(fired);
        }
        return fired;
    }

    /** The routes of these endpoints, for the server's route table. */
    List<SimRoute> routes() {
        String kinds = "/(pipelines|datasets|linkedservices|triggers|integrationruntimes)";
        return List.of(
                SimRoute.of("GET", kinds, (x, m) -> x.send(200, list(m.group(1), x.factoryId()))),
                SimRoute.of("GET", kinds + "/([^/]+)", (x, m) -> x.send(200, get(m.group(1), m.group(2), x.factoryId()))),
                SimRoute.of("POST", "/integrationruntimes/([^/]+)/getstatus", (x, m) -> x.send(200, status(m.group(1)))),
                // ADF's Start and Stop of a trigger (what an operator does in Studio): the live change, over the API.
                SimRoute.of("POST", "/triggers/([^/]+)/(start|stop)", (x, m) -> {
                    String name = java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
                    if (!setTriggerStarted(name, "start".equalsIgnoreCase(m.group(2)))) {
                        throw new SimWrites.Refused(404, "NotFound", "The triggers entity '" + name + "' was not found.");
                    }
                    x.sendEmpty(200);
                }),
                SimRoute.of("POST", "/querytriggerruns", (x, m) -> {
                    JsonNode body = x.readRunFilter();
                    if (body != null) {
                        paging.page(x, body, triggerRuns(body));
                    }
                }));
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
