package com.adfops.escalation;

import com.adfops.state.JsonDocuments;
import com.adfops.state.StateKeys;
import java.time.Instant;
import java.util.Optional;

/**
 * Escalations by run: created at most once per run, even by two bot instances at the same moment (the store's
 * create-if-absent decides who wins).
 */
public final class Escalations {

    /**
     * Who escalated which run, when, and where the escalation was posted; once resolved, who resolved it, when and how
     * (null before).
     */
    public record Escalation(String factory, String runId, String pipeline, String escalatedBy, Instant at,
                             String postedTo, String resolvedBy, Instant resolvedAt, String resolution) {

        public Escalation(String factory, String runId, String pipeline, String escalatedBy, Instant at, String postedTo) {
            this(factory, runId, pipeline, escalatedBy, at, postedTo, null, null, null);
        }
    }

    /** The outcome of {@link #escalate}: this call's escalation, or the earlier one that won. */
    public record Result(Escalation escalation, boolean created) {
    }

    private final JsonDocuments docs;

    public Escalations(JsonDocuments docs) {
        this.docs = docs;
    }

    private static String key(String factory, String runId) {
        return StateKeys.of("escalations", factory + "/" + runId);
    }

    public Result escalate(Escalation e) {
        if (docs.createIfAbsent(key(e.factory(), e.runId()), e)) {
            return new Result(e, true);
        }
        return new Result(find(e.factory(), e.runId()).orElse(e), false);
    }

    public Optional<Escalation> find(String factory, String runId) {
        return docs.get(key(factory, runId), Escalation.class);
    }

    /** Records where the escalation card was posted (no effect for an escalation that was never recorded). */
    public void postedTo(String factory, String runId, String where) {
        if (find(factory, runId).isEmpty()) {
            return;
        }
        docs.update(key(factory, runId), Escalation.class,
                e -> new Escalation(e.factory(), e.runId(), e.pipeline(), e.escalatedBy(), e.at(), where,
                        e.resolvedBy(), e.resolvedAt(), e.resolution()));
    }

    /** Marks a run's escalation resolved; false when the run was never escalated. */
    public boolean resolved(String factory, String runId, String by, Instant at, String note) {
        if (find(factory, runId).isEmpty()) {
            return false;
        }
        docs.update(key(factory, runId), Escalation.class,
                e -> new Escalation(e.factory(), e.runId(), e.pipeline(), e.escalatedBy(), e.at(), e.postedTo(), by, at, note));
        return true;
    }
}
