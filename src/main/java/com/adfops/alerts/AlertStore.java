package com.adfops.alerts;

import com.adfops.state.JsonDocuments;
import com.adfops.state.StateKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alert state in the state store: one claim per (conversation, run), created if absent, so one alert is posted
 * whatever the number of instances; the alerts themselves; the list of alerts not yet recovered; snoozes per
 * conversation; the watermark per factory (so a restart neither repeats nor skips).
 */
public final class AlertStore {

    /** The ids of alerts not recovered yet (POSTING, OPEN, ACKNOWLEDGED). */
    public record Open(List<String> ids) {
        public Open {
            ids = ids == null ? List.of() : List.copyOf(ids);
        }
    }

    /** A conversation's snoozes: lower-case pipeline name -> until when. */
    public record Snoozes(Map<String, Instant> until) {
        public Snoozes {
            until = until == null ? Map.of() : Map.copyOf(until);
        }
    }

    /** The last time detection covered a factory. */
    public record Watermark(Instant at) {
    }

    private static final String OPEN = StateKeys.of("alerts", "open");

    private final JsonDocuments docs;

    public AlertStore(JsonDocuments docs) {
        this.docs = docs;
    }

    /** Claims the alert of {@code runId} in a conversation; false when any instance did already. */
    boolean claim(String conversationId, String runId, String alertId) {
        return docs.createIfAbsent(StateKeys.of("alerts", "claims/" + conversationId + "|" + runId), Map.of("alert", alertId));
    }

    void save(AlertRecord a) {
        docs.put(StateKeys.of("alerts", "alert/" + a.id()), a);
        if (a.state() != AlertRecord.State.RECOVERED) {
            docs.update(OPEN, Open.class, o -> {
                LinkedHashSet<String> ids = new LinkedHashSet<>(o == null ? List.of() : o.ids());
                ids.add(a.id());
                return new Open(new ArrayList<>(ids));
            });
        }
    }

    public Optional<AlertRecord> find(String id) {
        return docs.get(StateKeys.of("alerts", "alert/" + id), AlertRecord.class);
    }

    AlertRecord update(String id, java.util.function.UnaryOperator<AlertRecord> change) {
        AlertRecord after = docs.update(StateKeys.of("alerts", "alert/" + id), AlertRecord.class, change);
        if (after != null && after.state() == AlertRecord.State.RECOVERED) {
            docs.update(OPEN, Open.class, o -> new Open((o == null ? List.<String>of() : o.ids()).stream()
                    .filter(x -> !x.equals(id)).toList()));
        }
        return after;
    }

    List<String> open() {
        return docs.get(OPEN, Open.class).map(Open::ids).orElse(List.of());
    }

    void snooze(String conversationId, String pipeline, Instant until) {
        docs.update(StateKeys.of("alerts", "snoozes/" + conversationId), Snoozes.class, s -> {
            Map<String, Instant> all = new LinkedHashMap<>(s == null ? Map.of() : s.until());
            all.put(pipeline.toLowerCase(java.util.Locale.ROOT), until);
            return new Snoozes(all);
        });
    }

    /** Until when a pipeline's alerts are snoozed in a conversation, if they are. */
    Optional<Instant> snoozedUntil(String conversationId, String pipeline, Instant now) {
        return docs.get(StateKeys.of("alerts", "snoozes/" + conversationId), Snoozes.class)
                .map(s -> s.until().get(pipeline.toLowerCase(java.util.Locale.ROOT)))
                .filter(t -> t.isAfter(now));
    }

    Optional<Instant> watermark(String factory) {
        return docs.get(StateKeys.of("alerts", "watermark/" + factory), Watermark.class).map(Watermark::at);
    }

    void watermark(String factory, Instant at) {
        docs.put(StateKeys.of("alerts", "watermark/" + factory), new Watermark(at));
    }
}
