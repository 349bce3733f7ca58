package com.adfops.index;

import com.adfops.adf.PipelineRun;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The records of a block's rows of the pipelines questions named last, kept once built: a pipeline's status reads its
 * week again and again (at a million runs the busiest pipeline's 3,449 records, scattered over the block's columns, took
 * 11 ms to build each time, 111 ms at p99 under load). At most {@link #ROWS} records per block (about 8 MB), the
 * pipeline named longest ago let go first; a pipeline with more rows than that is built each time. Records are
 * immutable and a block never changes, so a kept record is the row's for the block's life.
 */
final class KeptRecords {

    /** Records kept per block at most, over the pipelines named last. */
    static final int ROWS = 16_384;

    private final Map<String, AtomicReferenceArray<PipelineRun>> byPipeline = new LinkedHashMap<>(16, 0.75f, true);
    private int held;

    /**
     * The kept records of pipeline {@code name}'s {@code rows} rows (the i-th for its i-th row, null until built),
     * room made for them; null when the pipeline has more rows than may be kept.
     */
    synchronized AtomicReferenceArray<PipelineRun> of(String name, int rows) {
        AtomicReferenceArray<PipelineRun> kept = byPipeline.get(name);
        if (kept != null || rows > ROWS) {
            return kept;
        }
        Iterator<AtomicReferenceArray<PipelineRun>> eldest = byPipeline.values().iterator();
        while (held + rows > ROWS && eldest.hasNext()) {
            held -= eldest.next().length();
            eldest.remove();
        }
        kept = new AtomicReferenceArray<>(rows);
        byPipeline.put(name, kept);
        held += rows;
        return kept;
    }

    /** Records kept now (built or not yet), for tests. */
    synchronized int held() {
        return held;
    }
}
