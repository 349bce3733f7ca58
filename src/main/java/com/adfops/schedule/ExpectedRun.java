package com.adfops.schedule;

import com.adfops.adf.FactoryDefinitions.TriggerKind;
import java.time.Instant;
import java.util.Comparator;

/**
 * A run a trigger is expected to start: one pipeline of one firing of a schedule trigger, or of one window of a
 * tumbling window trigger.
 *
 * @param pipeline      the pipeline
 * @param trigger       the trigger that starts it
 * @param kind          the trigger's kind
 * @param expectedStart when it is expected to start: the firing, or the window's end plus the delay
 * @param windowStart   for a tumbling window, the window's start; else null
 * @param windowEnd     for a tumbling window, the window's end; else null
 */
public record ExpectedRun(String pipeline, String trigger, TriggerKind kind, Instant expectedStart,
                          Instant windowStart, Instant windowEnd) {

    /** By expected start, then pipeline, then trigger. */
    public static final Comparator<ExpectedRun> ORDER = Comparator.comparing(ExpectedRun::expectedStart)
            .thenComparing(ExpectedRun::pipeline, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(ExpectedRun::trigger, String.CASE_INSENSITIVE_ORDER);

    /** Whether it is a tumbling window's run. */
    public boolean isWindow() {
        return windowStart != null;
    }
}
