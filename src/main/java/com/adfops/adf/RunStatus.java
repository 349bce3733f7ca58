package com.adfops.adf;

import java.util.Locale;

/** Status of a pipeline or activity run, as ADF reports it (api-version 2018-06-01). */
public enum RunStatus {
    QUEUED("Queued"),
    IN_PROGRESS("InProgress"),
    SUCCEEDED("Succeeded"),
    FAILED("Failed"),
    CANCELING("Canceling"),
    CANCELLED("Cancelled"),
    /** A status string this version does not know; kept rather than guessed. */
    UNKNOWN("Unknown");

    private final String wireName;

    RunStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The exact string ADF uses on the wire. */
    public String wireName() {
        return wireName;
    }

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public boolean isActive() {
        return this == QUEUED || this == IN_PROGRESS || this == CANCELING;
    }

    /** Maps ADF's status string (case-insensitive; activity runs also say "Canceled") to the enum. */
    public static RunStatus fromWire(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "queued" -> QUEUED;
            case "inprogress", "in progress", "running" -> IN_PROGRESS;
            case "succeeded", "success" -> SUCCEEDED;
            case "failed" -> FAILED;
            case "canceling", "cancelling" -> CANCELING;
            case "cancelled", "canceled" -> CANCELLED;
            default -> UNKNOWN;
        };
    }
}
