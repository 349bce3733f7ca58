package com.adfops.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * How ADF shows a stored run or activity run at an instant: not at all before it starts, in progress (without an end,
 * a duration or an error) until it ends, then as stored; and gone from the API once older than its retention.
 */
final class RunViews {

    /** How long ADF keeps run data: older runs are gone from its API (a Log Analytics workspace still has them). */
    static final java.time.Duration RETENTION = java.time.Duration.ofDays(45);

    private RunViews() {
    }

    /** Whether ADF still keeps {@code run} at {@code now}. */
    static boolean kept(ObjectNode run, Instant now) {
        Instant updated = firstNonNull(SimDataset.time(run, "lastUpdated"), SimDataset.time(run, "runEnd"),
                SimDataset.time(run, "runStart"));
        return updated == null || !updated.isBefore(now.minus(RETENTION));
    }

    /** A run as ADF would show it at {@code now}: null before it starts, in progress until it ends. */
    static ObjectNode asOf(ObjectNode run, Instant now) {
        return live(run, "runStart", "runEnd", now, running -> {
            running.put("message", "");
            Instant start = SimDataset.time(run, "runStart");
            running.put("lastUpdated", start == null ? now.toString() : start.toString());
        });
    }

    /** An activity run as ADF would show it at {@code now}: null before it starts, in progress (no error) until it ends. */
    static ObjectNode activityAsOf(ObjectNode activity, Instant now) {
        return live(activity, "activityRunStart", "activityRunEnd", now, running -> {
            ObjectNode err = running.putObject("error");
            err.put("errorCode", "");
            err.put("message", "");
            err.put("failureType", "");
            err.put("target", SimDataset.text(activity, "activityName"));
        });
    }

    /** The time rules shared by runs and activity runs; {@code whileRunning} adjusts the in-progress copy. */
    private static ObjectNode live(ObjectNode stored, String startField, String endField, Instant now,
                                   java.util.function.Consumer<ObjectNode> whileRunning) {
        Instant start = SimDataset.time(stored, startField);
        if (start != null && start.isAfter(now)) {
            return null;
        }
        Instant end = SimDataset.time(stored, endField);
        if (end == null || !end.isAfter(now)) {
            return stored;
        }
        ObjectNode running = stored.deepCopy();
        running.put("status", "InProgress");
        running.remove(endField);
        running.remove("durationInMs");
        whileRunning.accept(running);
        return running;
    }

    @SafeVarargs
    static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
