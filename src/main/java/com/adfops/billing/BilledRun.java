package com.adfops.billing;

import com.adfops.adf.ActivityRun;
import com.adfops.adf.BillableDuration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one finished pipeline run is billed for, kept instead of its activity runs (it never changes once the run has
 * finished): its activity runs per meter (orchestration is billed per activity run) and its billed quantities per
 * activity type, meter and unit, summed over its activity runs.
 *
 * @param at           when the run last changed (its end): the run leaves the memory with it
 * @param activityRuns activity runs per meter ({@code AzureIR}, {@code SelfhostedIR}, ...): an activity run without
 *                     billing counts on {@code AzureIR}; in no particular order
 * @param billed       billed quantities, one per (activity type, meter, unit), in the order first met
 */
public record BilledRun(Instant at, Map<String, Integer> activityRuns, List<BillableDuration> billed) {

    /** The meter of an activity run that carries no billing reference. */
    public static final String DEFAULT_METER = "AzureIR";

    public BilledRun {
        Objects.requireNonNull(at, "at");
        // Usually one meter: an immutable map of one entry is a few bytes (the ledger keeps one per run).
        activityRuns = activityRuns == null ? Map.of() : Map.copyOf(activityRuns);
        billed = billed == null ? List.of() : List.copyOf(billed);
    }

    /** The summary of a run's activity runs. */
    public static BilledRun of(Instant at, List<ActivityRun> activities) {
        Map<String, Integer> runs = new LinkedHashMap<>();
        Map<List<String>, double[]> quantities = new LinkedHashMap<>();
        for (ActivityRun a : activities) {
            String meter = a.billing().isEmpty() || str(a.billing().get(0).meterType()).isBlank() ? DEFAULT_METER
                    : a.billing().get(0).meterType();
            runs.merge(intern(meter), 1, Integer::sum);
            for (BillableDuration b : a.billing()) {
                quantities.computeIfAbsent(List.of(str(b.activityType()), str(b.meterType()), str(b.unit())),
                        k -> new double[1])[0] += b.duration();
            }
        }
        List<BillableDuration> billed = new ArrayList<>(quantities.size());
        quantities.forEach((k, q) -> billed.add(new BillableDuration(intern(k.get(0)), intern(k.get(1)), q[0],
                intern(k.get(2)))));
        return new BilledRun(at, runs, billed);
    }

    /** All activity runs of the run. */
    public int activityRunCount() {
        int n = 0;
        for (int c : activityRuns.values()) {
            n += c;
        }
        return n;
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }

    /** Meter, type and unit names repeat in every summary: one string each (a few dozen distinct values). */
    private static String intern(String s) {
        return s == null ? null : s.intern();
    }
}
