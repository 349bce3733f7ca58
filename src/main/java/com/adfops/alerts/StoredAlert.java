package com.adfops.alerts;

import com.adfops.answers.AlertView;
import java.time.Instant;
import java.util.List;

/**
 * An {@link AlertRecord} as the state store holds it: one flat JSON document whose property names have not changed
 * since alerts were first stored, so a document written by any earlier version reads, and an instance of the version
 * before this one (during a rolling upgrade) still reads what this one writes. {@code runningLong} is the older form of
 * {@code kind} (absent in documents older than schedule alerts: RUNNING_LONG when true, else FAILED); it is still
 * written. {@code runtime} (a RUNTIME alert's facts) is absent in documents older than runtime alerts.
 */
record StoredAlert(String id, String conversationId, String factory, String pipeline, String runId, Instant failedAt,
                   List<String> grouped, AlertRecord.State state, String owner, Instant postedAt, String postedTo,
                   String activityId, String by, Instant at, String recoveredRun, Instant recoveredAt, String snoozedBy,
                   Instant snoozedUntil, String rootKey, boolean runningLong, AlertView.Kind kind,
                   AlertView.Schedule schedule, AlertView.Runtime runtime) {

    static StoredAlert of(AlertRecord a) {
        AlertRecord.Subject s = a.subject();
        AlertRecord.Delivery d = a.delivery();
        AlertRecord.Acknowledged ack = a.acknowledged();
        AlertRecord.Snoozed snooze = a.snoozed();
        AlertRecord.Recovered rec = a.recovered();
        return new StoredAlert(a.id(), s.conversationId(), s.factory(), s.pipeline(), s.runId(), s.failedAt(),
                a.grouping().others(), a.state(), d.owner(), d.postedAt(), d.postedTo(), d.activityId(),
                ack == null ? null : ack.by(), ack == null ? null : ack.at(), rec == null ? null : rec.run(),
                rec == null ? null : rec.at(), snooze == null ? null : snooze.by(), snooze == null ? null : snooze.until(),
                a.grouping().rootKey(), s.kind() == AlertView.Kind.RUNNING_LONG, s.kind(), s.schedule(), s.runtime());
    }

    AlertRecord toRecord() {
        AlertView.Kind k = kind != null ? kind : runningLong ? AlertView.Kind.RUNNING_LONG : AlertView.Kind.FAILED;
        return new AlertRecord(id,
                new AlertRecord.Subject(conversationId, factory, pipeline, runId, failedAt, k, schedule, runtime),
                new AlertRecord.Grouping(grouped, rootKey), state,
                new AlertRecord.Delivery(owner, postedAt, postedTo, activityId),
                by == null && at == null ? null : new AlertRecord.Acknowledged(by, at),
                snoozedBy == null && snoozedUntil == null ? null : new AlertRecord.Snoozed(snoozedBy, snoozedUntil),
                state == AlertRecord.State.RECOVERED || recoveredRun != null || recoveredAt != null
                        ? new AlertRecord.Recovered(recoveredRun, recoveredAt) : null);
    }
}
