package com.adfops.teams;

import com.adfops.adf.DataFactory;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.FactoryStatus;
import com.adfops.adf.ReadBudget;
import com.adfops.adf.RequestMeter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: 200 while the process serves requests (App Service health check, local scripts), with what
 * the bot knows of each factory: live, stale or failing and why, how fresh, how many runs in memory and how far back
 * they reach (while the history loads, or under the memory budget), how many requests it made to Data Factory, and
 * the read budget of each subscription (named by its factories): rate now and configured, tokens left, 429s seen;
 * and whether the memory was restored from its durable snapshot or read from Data Factory, and its last snapshot;
 * how far each refresh reaches back for late writes, and the late writes seen.
 * No secrets, no host names, no subscription ids.
 */
@RestController
class HealthController {

    private final DataFactory factories;
    private final ObjectMapper json;
    private final RequestMeter meter;

    HealthController(DataFactory factories, ObjectMapper adfopsJson, RequestMeter meter) {
        this.factories = factories;
        this.json = adfopsJson;
        this.meter = meter;
    }

    @GetMapping("/health")
    ResponseEntity<String> health() {
        ObjectNode body = json.createObjectNode();
        body.put("status", "UP");
        ArrayNode list = body.putArray("factories");
        for (FactoryStatus f : factories.status()) {
            ObjectNode o = list.addObject();
            o.put("name", f.factory());
            o.put("status", f.state().name().toLowerCase(java.util.Locale.ROOT));
            if (!f.reason().isEmpty()) {
                o.put("reason", f.reason());
                o.put("fix", f.fix());
            }
            if (f.asOf() != null) {
                o.put("asOf", f.asOf().toString());
            }
            o.put("runsInMemory", f.runs());
            if (f.reach() != null) {
                // How far back the memory reaches: "last 26 h loaded, older history loading: 62 %".
                ObjectNode reach = o.putObject("reach");
                if (f.reach().loadedSince() != null) {
                    reach.put("loadedSince", f.reach().loadedSince().toString());
                }
                reach.put("percentOfHorizon", f.reach().percent());
                reach.put("loading", f.reach().loading());
                reach.put("cappedByMemoryBudget", f.reach().capped());
            }
            start(o, f);
            overlap(o, f.overlap());
            ObjectNode requests = o.putObject("adfRequests");
            requests.put("refresh", f.refreshRequests());
            requests.put("lastRefresh", f.lastRefreshRequests());
            requests.put("questions", f.questionRequests());
        }
        readBudgets(body.putArray("readBudgets"));
        factories.historyStatus().ifPresent(h -> {
            ObjectNode o = body.putObject("history");
            o.put("name", h.factory());
            o.put("status", h.state().name().toLowerCase(java.util.Locale.ROOT));
            if (!h.reason().isEmpty()) {
                o.put("reason", h.reason());
                o.put("fix", h.fix());
            }
        });
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body.toString());
    }

    /**
     * How the memory started: {@code restored} from the durable snapshot (its time and runs, what the refresh since
     * brought and what it cost) or {@code backfill} (read from Data Factory; why not restored, if there was a
     * snapshot); and the last snapshot written.
     */
    private static void start(ObjectNode o, FactoryStatus f) {
        FactoryStatus.Start s = f.start();
        if (s != null) {
            ObjectNode start = o.putObject("start");
            start.put("from", s.restored() ? "restored" : "backfill");
            if (s.restored()) {
                start.put("snapshotAt", s.snapshotAt().toString());
                start.put("snapshotRuns", s.snapshotRuns());
                start.put("refreshUpdates", s.refreshUpdates());
                start.put("refreshAdfRequests", s.refreshRequests());
            } else if (!s.reason().isEmpty()) {
                start.put("reason", s.reason());
            }
        }
        FactoryStatus.SnapshotWritten w = f.lastSnapshot();
        if (w != null) {
            ObjectNode last = o.putObject("lastSnapshot");
            last.put("at", w.at().toString());
            last.put("bytes", w.bytes());
            last.put("runs", w.runs());
        }
    }

    /**
     * How far each refresh reaches back before the newest update Data Factory listed (narrowed for a busy factory,
     * widened by a late write), and the late writes seen since the start.
     */
    private static void overlap(ObjectNode o, FactoryStatus.Overlap overlap) {
        if (overlap == null) {
            return;
        }
        ObjectNode out = o.putObject("refreshOverlap");
        out.put("seconds", overlap.effective().toSeconds());
        out.put("configuredSeconds", overlap.configured().toSeconds());
        out.put("lateWrites", overlap.lateWrites());
        if (overlap.lastLateness() != null) {
            out.put("lastLateSeconds", overlap.lastLateness().toSeconds());
        }
    }

    /** One entry per subscription the bot reads, named by its factories. */
    private void readBudgets(ArrayNode out) {
        java.util.Map<String, java.util.List<String>> bySubscription = new java.util.LinkedHashMap<>();
        for (FactoryRef f : factories.factories()) {
            bySubscription.computeIfAbsent(f.subscriptionId(), k -> new java.util.ArrayList<>()).add(f.factoryName());
        }
        bySubscription.forEach((subscription, names) -> {
            ReadBudget.Snapshot b = meter.budget(subscription).snapshot();
            ObjectNode o = out.addObject();
            names.forEach(o.putArray("factories")::add);
            o.put("readsPerSecond", b.perSecond());
            o.put("currentRate", Math.round(b.currentRate() * 100) / 100.0);
            o.put("burst", b.burst());
            o.put("available", b.available());
            o.put("questionReads", b.questions());
            o.put("backgroundReads", b.background());
            o.put("throttled", b.throttled());
            o.put("waiting", b.waiting());
        });
    }
}
