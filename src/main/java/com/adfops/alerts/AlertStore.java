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
 * Alert state in the state store: the alerts themselves, one per (conversation, run) under an id derived from the
 * pair, created if absent, so the record is the claim (one write: whichever instance creates it posts it, and there is
 * no claim without a record for a crash to leave behind); the list of alerts not yet recovered, which a claim joins
 * before it is made (so a crash between the two leaves an id without a record, which is dropped later, never a record
 * nobody retries); snoozes per conversation; the watermark per factory (so a restart neither repeats nor skips).
 */
public final class AlertStore {

    /**
     * The ids of alerts not recovered yet (POSTING, OPEN, ACKNOWLEDGED), and when each joined the list (for ids whose
     * claim never completed; absent for lists written before).
     */
    public record Open(List<String> ids, Map<String, Instant> added) {
        public Open {
            ids = ids == null ? List.of() : List.copyOf(ids);
            added = added == null ? Map.of() : Map.copyOf(added);
        }

        Open with(String id, Instant at) {
            LinkedHashSet<String> all = new LinkedHashSet<>(ids);
            Map<String, Instant> times = new LinkedHashMap<>(added);
            if (all.add(id)) {
                times.put(id, at);
            }
            return new Open(new ArrayList<>(all), times);
        }

        Open without(String id) {
            Map<String, Instant> times = new LinkedHashMap<>(added);
            times.remove(id);
            return new Open(ids.stream().filter(x -> !x.equals(id)).toList(), times);
        }
    }

    /** A conversation's snoozes: lower-case pipeline name -> until when. */
    public record Snoozes(Map<String, Instant> until) {
        public Snoozes {
            until = until == null ? Map.of() : Map.copyOf(until);
        }
    }

    /**
     * The latest outage of a runtime alerted in a conversation (a hint: every earlier one has recovered; see
     * {@link RuntimeAlerts}).
     */
    public record Outage(int latest) {
    }

    /** The last time detection covered a factory. */
    public record Watermark(Instant at) {
    }

    private static final String OPEN = StateKeys.of("alerts", "open");

    private final JsonDocuments docs;

    public AlertStore(JsonDocuments docs) {
        this.docs = docs;
    }

    /** The id of the alert of {@code runKey} (a run id, or "long:" and one) in a conversation: the same everywhere. */
    static String idOf(String conversationId, String runKey) {
        return java.util.UUID.nameUUIDFromBytes((conversationId + "|" + runKey)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /**
     * Claims an alert: {@code posting} (its id from {@link #idOf}) joins the open list, then is created if no
     * instance created it before (nor claimed the run the way earlier versions did). True when this call created it:
     * the caller posts it.
     */
    boolean claim(AlertRecord posting, String runKey, Instant now) {
        if (docs.get(StateKeys.of("alerts", "claims/" + posting.conversationId() + "|" + runKey), Map.class).isPresent()) {
            return false;
        }
        if (find(posting.id()).isPresent()) {
            return false;
        }
        docs.update(OPEN, Open.class, o -> (o == null ? new Open(List.of(), Map.of()) : o).with(posting.id(), now));
        return docs.createIfAbsent(StateKeys.of("alerts", "alert/" + posting.id()), StoredAlert.of(posting));
    }

    /** The open list with the time each id joined it. */
    Open openList() {
        return docs.get(OPEN, Open.class).orElse(new Open(List.of(), Map.of()));
    }

    /** Drops an id from the open list (its record is recovered, or its claim never completed). */
    void forget(String id) {
        docs.update(OPEN, Open.class, o -> (o == null ? new Open(List.of(), Map.of()) : o).without(id));
    }

    public Optional<AlertRecord> find(String id) {
        return docs.get(StateKeys.of("alerts", "alert/" + id), StoredAlert.class).map(StoredAlert::toRecord);
    }

    AlertRecord update(String id, java.util.function.UnaryOperator<AlertRecord> change) {
        StoredAlert stored = docs.update(StateKeys.of("alerts", "alert/" + id), StoredAlert.class,
                x -> toStored(change.apply(x == null ? null : x.toRecord())));
        AlertRecord after = stored == null ? null : stored.toRecord();
        if (after != null && after.state() == AlertRecord.State.RECOVERED) {
            forget(id);
        }
        return after;
    }

    private static StoredAlert toStored(AlertRecord a) {
        return a == null ? null : StoredAlert.of(a);
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

    /** The latest outage of {@code key} known alerted in a conversation (0 when none is). */
    int latestOutage(String conversationId, String key) {
        return docs.get(StateKeys.of("alerts", "outages/" + conversationId + "|" + key), Outage.class)
                .map(Outage::latest).orElse(0);
    }

    /** Moves the hint forward (never back: two instances may write it in either order). */
    void latestOutage(String conversationId, String key, int n) {
        docs.update(StateKeys.of("alerts", "outages/" + conversationId + "|" + key), Outage.class,
                o -> o != null && o.latest() >= n ? o : new Outage(n));
    }

    Optional<Instant> watermark(String factory) {
        return docs.get(StateKeys.of("alerts", "watermark/" + factory), Watermark.class).map(Watermark::at);
    }

    void watermark(String factory, Instant at) {
        docs.put(StateKeys.of("alerts", "watermark/" + factory), new Watermark(at));
    }
}
