package com.adfops.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The runs a simulated factory starts with, by slot ({@code 0..size()-1}): the times and keys the sorted structures
 * of {@link RunTable} need as primitives, the ADF JSON on demand. Two kinds: runs read from a dataset file and held
 * verbatim ({@link ExplicitRuns}), and runs of a {@link GeneratedFactory}, held as a few numbers each.
 */
interface SimRuns {

    /** A time that is not there (a queued run has no start; a running one no end). */
    long NONE = Long.MIN_VALUE;

    int size();

    /** {@code runStart} in epoch microseconds (rounded down), or {@link #NONE}. */
    long start(int slot);

    /** {@code runEnd} in epoch microseconds (rounded down), or {@link #NONE}. */
    long end(int slot);

    /** {@code lastUpdated} (else {@code runEnd}, else {@code runStart}) in epoch microseconds (rounded down), or {@link #NONE}. */
    long updated(int slot);

    /** The run's pipeline, an index into {@link #pipelineNames()}. */
    int pipeline(int slot);

    List<String> pipelineNames();

    /** The run's stored status, an index into {@link #statusNames()}. */
    int status(int slot);

    List<String> statusNames();

    /** The run as ADF shows it once it is over (the stored run). */
    ObjectNode json(int slot);

    /** The run's activity runs as stored (in their final state). */
    List<ObjectNode> activities(int slot);

    /** The slot of the run with this id, or -1. */
    int slotOf(String runId);

    long activityRunCount();

    /** An instant in epoch microseconds, rounded down (saturating), or {@link #NONE} for null. */
    static long micros(Instant t) {
        if (t == null) {
            return NONE;
        }
        long s = t.getEpochSecond();
        if (s > Long.MAX_VALUE / 1_000_000 - 1) {
            return Long.MAX_VALUE;
        }
        if (s < Long.MIN_VALUE / 1_000_000 + 1) {
            return NONE + 1;
        }
        return s * 1_000_000 + t.getNano() / 1000;
    }
}
