package com.adfops.alerts;

import com.adfops.answers.AlertView;
import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;
import java.util.List;

/**
 * One alert in one conversation, as stored: what failed, where the card was posted, and where it stands.
 *
 * @param id             the alert's id
 * @param conversationId the conversation that watches the pipeline
 * @param factory        the factory
 * @param pipeline       the pipeline
 * @param runId          the failed (root) run
 * @param failedAt       when it ended
 * @param grouped        the other runs on the same card (a shared root cause, or a digest); may be empty
 * @param state          POSTING (claimed, being posted), OPEN, ACKNOWLEDGED, RECOVERED
 * @param owner          who is posting it (a random token per attempt), while POSTING
 * @param postedAt       when the card went out (or the attempt started, while POSTING)
 * @param postedTo       the conversation the card is in (a channel's new thread, or the chat)
 * @param activityId     the card's message id, to update it; null before
 * @param by             who acknowledged it; null before
 * @param at             when
 * @param recoveredRun   the run that succeeded after it; null before
 * @param recoveredAt    when
 * @param snoozedBy      who snoozed the pipeline from this card; null when nobody did
 * @param snoozedUntil   until when
 * @param rootKey        the root cause's error code and linked service (or target), for grouping; may be null
 * @param runningLong    true for a "running long" alert (a run in progress past its usual duration), which recovers
 *                       when that run succeeds
 * @param kind           what it alerts of; absent in documents written before it: RUNNING_LONG when
 *                       {@code runningLong}, else FAILED
 * @param schedule       for a schedule alert (MISSED, LATE, AT_RISK), the expected run and its SLA; else null
 * @param runtime        for a RUNTIME alert, the runtime's facts when raised (or last changed); else null (and absent
 *                       in documents written before it)
 */
public record AlertRecord(String id, String conversationId, String factory, String pipeline, String runId,
                          Instant failedAt, List<String> grouped, State state, String owner, Instant postedAt,
                          String postedTo, String activityId, String by, Instant at, String recoveredRun,
                          Instant recoveredAt, String snoozedBy, Instant snoozedUntil, String rootKey,
                          boolean runningLong, AlertView.Kind kind, AlertView.Schedule schedule,
                          AlertView.Runtime runtime) {

    /** Where an alert stands. */
    public enum State {
        POSTING, OPEN, ACKNOWLEDGED, RECOVERED
    }

    @JsonCreator
    public AlertRecord {
        grouped = grouped == null ? List.of() : List.copyOf(grouped);
        kind = kind != null ? kind : runningLong ? AlertView.Kind.RUNNING_LONG : AlertView.Kind.FAILED;
    }

    /** An alert without runtime facts (a failed run, running long, a schedule alert). */
    public AlertRecord(String id, String conversationId, String factory, String pipeline, String runId,
                       Instant failedAt, List<String> grouped, State state, String owner, Instant postedAt,
                       String postedTo, String activityId, String by, Instant at, String recoveredRun,
                       Instant recoveredAt, String snoozedBy, Instant snoozedUntil, String rootKey,
                       boolean runningLong, AlertView.Kind kind, AlertView.Schedule schedule) {
        this(id, conversationId, factory, pipeline, runId, failedAt, grouped, state, owner, postedAt, postedTo, activityId,
                by, at, recoveredRun, recoveredAt, snoozedBy, snoozedUntil, rootKey, runningLong, kind, schedule, null);
    }

    /** A failed-run or running-long alert (its kind from {@code runningLong}). */
    public AlertRecord(String id, String conversationId, String factory, String pipeline, String runId,
                       Instant failedAt, List<String> grouped, State state, String owner, Instant postedAt,
                       String postedTo, String activityId, String by, Instant at, String recoveredRun,
                       Instant recoveredAt, String snoozedBy, Instant snoozedUntil, String rootKey,
                       boolean runningLong) {
        this(id, conversationId, factory, pipeline, runId, failedAt, grouped, state, owner, postedAt, postedTo, activityId,
                by, at, recoveredRun, recoveredAt, snoozedBy, snoozedUntil, rootKey, runningLong, null, null, null);
    }

    AlertRecord posted(String to, String activity, Instant when) {
        return new AlertRecord(id, conversationId, factory, pipeline, runId, failedAt, grouped, State.OPEN, null, when,
                to, activity, by, at, recoveredRun, recoveredAt, snoozedBy, snoozedUntil, rootKey, runningLong, kind, schedule, runtime);
    }

    AlertRecord retrying(String newOwner, Instant when) {
        return new AlertRecord(id, conversationId, factory, pipeline, runId, failedAt, grouped, State.POSTING, newOwner,
                when, postedTo, activityId, by, at, recoveredRun, recoveredAt, snoozedBy, snoozedUntil, rootKey, runningLong, kind, schedule, runtime);
    }

    AlertRecord acknowledged(String who, Instant when) {
        return new AlertRecord(id, conversationId, factory, pipeline, runId, failedAt, grouped, State.ACKNOWLEDGED, owner,
                postedAt, postedTo, activityId, who, when, recoveredRun, recoveredAt, snoozedBy, snoozedUntil, rootKey, runningLong, kind, schedule, runtime);
    }

    AlertRecord recovered(String run, Instant when) {
        return new AlertRecord(id, conversationId, factory, pipeline, runId, failedAt, grouped, State.RECOVERED, owner,
                postedAt, postedTo, activityId, by, at, run, when, snoozedBy, snoozedUntil, rootKey, runningLong, kind, schedule, runtime);
    }

    /** The card's other runs and the root cause they share, decided after the claim. */
    AlertRecord grouping(List<String> others, String key) {
        return new AlertRecord(id, conversationId, factory, pipeline, runId, failedAt, others, state, owner, postedAt,
                postedTo, activityId, by, at, recoveredRun, recoveredAt, snoozedBy, snoozedUntil, key, runningLong, kind, schedule, runtime);
    }

    AlertRecord withAlso(String label) {
        List<String> all = new java.util.ArrayList<>(grouped);
        if (!all.contains(label)) {
            all.add(label);
        }
        return new AlertRecord(id, conversationId, factory, pipeline, runId, failedAt, all, state, owner, postedAt,
                postedTo, activityId, by, at, recoveredRun, recoveredAt, snoozedBy, snoozedUntil, rootKey, runningLong, kind, schedule, runtime);
    }

    /** A runtime alert's facts, read again (another node went down, the version's status changed). */
    AlertRecord withRuntime(AlertView.Runtime facts) {
        return new AlertRecord(id, conversationId, factory, pipeline, runId, failedAt, grouped, state, owner, postedAt,
                postedTo, activityId, by, at, recoveredRun, recoveredAt, snoozedBy, snoozedUntil, rootKey, runningLong, kind,
                schedule, facts);
    }

    AlertRecord snoozed(String who, Instant until) {
        return new AlertRecord(id, conversationId, factory, pipeline, runId, failedAt, grouped, state, owner,
                postedAt, postedTo, activityId, by, at, recoveredRun, recoveredAt, who, until, rootKey, runningLong, kind, schedule, runtime);
    }
}
