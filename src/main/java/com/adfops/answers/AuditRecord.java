package com.adfops.answers;

import java.time.Instant;

/**
 * One entry of the audit log: an action taken from a card (who, what, when, which runs, the result) or a resolution
 * note.
 *
 * @param at       when
 * @param who      the user's display name
 * @param whoId    the user's Entra object id, or "" when unknown
 * @param what     {@code rerunfromfailure}, {@code rerun}, {@code cancel}, {@code resolve} or {@code outcome}
 * @param factory  the factory
 * @param pipeline the pipeline
 * @param runId    the reference run (reruns, resolutions) or the run cancelled
 * @param newRunId the run a rerun started, or ""
 * @param result   what happened ({@code started}, {@code failed: ...}, {@code succeeded}, {@code resolved}, ...)
 * @param note     a resolution note, or ""
 */
public record AuditRecord(Instant at, String who, String whoId, String what, String factory, String pipeline,
                          String runId, String newRunId, String result, String note) {

    public AuditRecord {
        who = who == null ? "" : who;
        whoId = whoId == null ? "" : whoId;
        newRunId = newRunId == null ? "" : newRunId;
        result = result == null ? "" : result;
        note = note == null ? "" : note;
    }
}
