package com.adfops.alerts;

import com.adfops.answers.AlertView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One alert in one conversation: what it is about, and where it stands. Each part changes on its own: the subject
 * never; the card's grouping once, after the claim; the delivery while it is posted; the acknowledgement, the snooze
 * and the recovery each once, by their own transition. Stored flat ({@link StoredAlert}).
 *
 * @param id           the alert's id ({@link AlertStore#idOf}: the same on every instance)
 * @param subject      what it alerts of
 * @param grouping     the other runs on the same card and the root cause they share
 * @param state        POSTING (claimed, being posted), OPEN, ACKNOWLEDGED, RECOVERED
 * @param delivery     who is posting it and where it went
 * @param acknowledged who acknowledged it; null before
 * @param snoozed      who snoozed the pipeline from this card, until when; null when nobody did
 * @param recovered    the run that succeeded after it (null for a schedule alert that recovered), when; null before
 */
public record AlertRecord(String id, Subject subject, Grouping grouping, State state, Delivery delivery,
                          Acknowledged acknowledged, Snoozed snoozed, Recovered recovered) {

    /** Where an alert stands. */
    public enum State {
        POSTING, OPEN, ACKNOWLEDGED, RECOVERED
    }

    /**
     * What an alert is about: fixed when it is claimed (a runtime alert's facts are read again while it is open).
     *
     * @param conversationId the conversation that watches the pipeline
     * @param factory        the factory
     * @param pipeline       the pipeline
     * @param runId          the failed (root) run, the run running long, or the expected run's run ("" when none)
     * @param failedAt       when it ended (running long: when it started; schedule: the expected start)
     * @param kind           what it alerts of
     * @param schedule       for a schedule alert (MISSED, LATE, AT_RISK), the expected run and its SLA; else null
     * @param runtime        for a RUNTIME alert, the runtime's facts when raised (or last changed); else null
     */
    public record Subject(String conversationId, String factory, String pipeline, String runId, Instant failedAt,
                          AlertView.Kind kind, AlertView.Schedule schedule, AlertView.Runtime runtime) {
        public Subject {
            Objects.requireNonNull(kind, "kind");
        }

        /** A failed run, running long or schedule alert's subject (no runtime facts). */
        public Subject(String conversationId, String factory, String pipeline, String runId, Instant failedAt,
                       AlertView.Kind kind, AlertView.Schedule schedule) {
            this(conversationId, factory, pipeline, runId, failedAt, kind, schedule, null);
        }
    }

    /**
     * The card's other runs (a shared root cause, or a digest) and the root cause's key (its error code and linked
     * service or target); decided after the claim.
     */
    public record Grouping(List<String> others, String rootKey) {
        static final Grouping ALONE = new Grouping(List.of(), null);

        public Grouping {
            others = others == null ? List.of() : List.copyOf(others);
        }
    }

    /**
     * @param owner      who is posting it (a random token per attempt), while POSTING
     * @param postedAt   when the card went out (or the attempt started, while POSTING)
     * @param postedTo   the conversation the card is in (a channel's new thread, or the chat); null before
     * @param activityId the card's message id, to update it; null before
     */
    public record Delivery(String owner, Instant postedAt, String postedTo, String activityId) {
    }

    public record Acknowledged(String by, Instant at) {
    }

    public record Snoozed(String by, Instant until) {
    }

    /** @param run the run that succeeded after the alert; null when none (a schedule alert, a digest) */
    public record Recovered(String run, Instant at) {
    }

    public AlertRecord {
        Objects.requireNonNull(subject, "subject");
        grouping = grouping == null ? Grouping.ALONE : grouping;
        delivery = delivery == null ? new Delivery(null, null, null, null) : delivery;
    }

    /** A new alert claimed by {@code owner} at {@code now}: alone on its card, being posted. */
    static AlertRecord claimed(String id, Subject subject, String owner, Instant now) {
        return new AlertRecord(id, subject, Grouping.ALONE, State.POSTING, new Delivery(owner, now, null, null), null,
                null, null);
    }

    AlertRecord posted(String to, String activity, Instant when) {
        return new AlertRecord(id, subject, grouping, State.OPEN, new Delivery(null, when, to, activity), acknowledged,
                snoozed, recovered);
    }

    AlertRecord retrying(String newOwner, Instant when) {
        return new AlertRecord(id, subject, grouping, State.POSTING,
                new Delivery(newOwner, when, delivery.postedTo(), delivery.activityId()), acknowledged, snoozed, recovered);
    }

    AlertRecord acknowledged(String who, Instant when) {
        return new AlertRecord(id, subject, grouping, State.ACKNOWLEDGED, delivery, new Acknowledged(who, when), snoozed,
                recovered);
    }

    AlertRecord recovered(String run, Instant when) {
        return new AlertRecord(id, subject, grouping, State.RECOVERED, delivery, acknowledged, snoozed,
                new Recovered(run, when));
    }

    /** The card's other runs and the root cause they share, decided after the claim. */
    AlertRecord grouping(List<String> others, String key) {
        return new AlertRecord(id, subject, new Grouping(others, key), state, delivery, acknowledged, snoozed, recovered);
    }

    AlertRecord withAlso(String label) {
        if (grouping.others().contains(label)) {
            return this;
        }
        List<String> all = new ArrayList<>(grouping.others());
        all.add(label);
        return new AlertRecord(id, subject, new Grouping(all, grouping.rootKey()), state, delivery, acknowledged, snoozed,
                recovered);
    }

    /** A runtime alert's facts, read again (another node went down, the version's status changed). */
    AlertRecord withRuntime(AlertView.Runtime facts) {
        Subject s = subject;
        return new AlertRecord(id, new Subject(s.conversationId(), s.factory(), s.pipeline(), s.runId(), s.failedAt(),
                s.kind(), s.schedule(), facts), grouping, state, delivery, acknowledged, snoozed, recovered);
    }

    AlertRecord snoozed(String who, Instant until) {
        return new AlertRecord(id, subject, grouping, state, delivery, acknowledged, new Snoozed(who, until), recovered);
    }

    // The subject's facts, which nearly every caller reads.

    String conversationId() {
        return subject.conversationId();
    }

    String factory() {
        return subject.factory();
    }

    String pipeline() {
        return subject.pipeline();
    }

    String runId() {
        return subject.runId();
    }

    AlertView.Kind kind() {
        return subject.kind();
    }

    /** Who is posting it, while POSTING. */
    String owner() {
        return delivery.owner();
    }
}
