package com.adfops.answers;

import java.time.Instant;
import java.util.List;

/** Reads the audit log ("what was done today?", "audit for X"); the actions capability keeps it. */
public interface AuditTrail {

    /** Entries from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    List<AuditRecord> between(Instant from, Instant to);

    /** An audit trail with nothing in it (no actions capability wired). */
    AuditTrail EMPTY = (from, to) -> List.of();
}
