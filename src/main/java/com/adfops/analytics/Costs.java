package com.adfops.analytics;

import com.adfops.billing.CostRates;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.BillableDuration;
import com.adfops.billing.BilledRun;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Estimated cost of activity runs from their {@code billingReference} (or of finished runs from their
 * {@link BilledRun} summaries), priced with {@link CostRates}: orchestration per 1,000 activity runs, plus each billed
 * duration times its rate.
 */
public final class Costs {

    private Costs() {
    }

    /** What a set of activity runs cost, by meter ("Data movement (AzureIR, DIU-hours)" -> quantity and amount). */
    public record Estimate(double total, int activityRuns, Map<String, Line> byMeter) {
    }

    /** One meter's billed quantity and amount. */
    public record Line(double quantity, String unit, double amount) {
    }

    /** What a set of activity runs cost (those of one pipeline run, or of several). */
    public static Estimate of(List<ActivityRun> runs, CostRates rates) {
        return of(List.of(BilledRun.of(java.time.Instant.EPOCH, runs)), rates);
    }

    /**
     * What a set of finished runs cost, from their summaries: orchestration per activity run on its meter, each
     * billed quantity at its rate. Meters come most expensive first.
     */
    public static Estimate of(Collection<BilledRun> runs, CostRates rates) {
        Map<String, double[]> qty = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        Map<String, Double> amounts = new LinkedHashMap<>();
        double total = 0;
        int orchestrated = 0;
        for (BilledRun run : runs) {
            for (Map.Entry<String, Integer> e : run.activityRuns().entrySet()) {
                double orchestration = e.getValue() * rates.rate("orchestration", e.getKey()) / 1000.0;
                orchestrated += e.getValue();
                total += orchestration;
                add(qty, units, amounts, "Orchestration (" + e.getKey() + ")", e.getValue(), "activity runs",
                        orchestration);
            }
            for (BillableDuration b : run.billed()) {
                double amount = b.duration() * rates.rate(b.activityType(), b.meterType());
                total += amount;
                add(qty, units, amounts, label(b.activityType()) + " (" + b.meterType() + ")", b.duration(),
                        unit(b.unit()), amount);
            }
        }
        Map<String, Line> lines = new LinkedHashMap<>();
        amounts.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> lines.put(e.getKey(), new Line(qty.get(e.getKey())[0], units.get(e.getKey()), e.getValue())));
        return new Estimate(total, orchestrated, lines);
    }

    /** What one finished run cost. */
    public static double amount(BilledRun run, CostRates rates) {
        double total = 0;
        for (Map.Entry<String, Integer> e : run.activityRuns().entrySet()) {
            total += e.getValue() * rates.rate("orchestration", e.getKey()) / 1000.0;
        }
        for (BillableDuration b : run.billed()) {
            total += b.duration() * rates.rate(b.activityType(), b.meterType());
        }
        return total;
    }

    private static void add(Map<String, double[]> qty, Map<String, String> units, Map<String, Double> amounts, String key,
                            double quantity, String unit, double amount) {
        qty.computeIfAbsent(key, k -> new double[1])[0] += quantity;
        units.putIfAbsent(key, unit);
        amounts.merge(key, amount, Double::sum);
    }

    private static String label(String activityType) {
        String t = activityType == null ? "" : activityType.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "datamovement" -> "Data movement";
            case "pipelineactivity" -> "Pipeline activities";
            case "externalactivity" -> "External activities";
            case "executedataflow" -> "Data flows";
            default -> activityType == null ? "Other" : activityType;
        };
    }

    private static String unit(String u) {
        String x = u == null ? "" : u.toLowerCase(Locale.ROOT);
        return switch (x) {
            case "diuhours" -> "DIU-hours";
            case "hours" -> "hours";
            case "corehour" -> "vCore-hours";
            default -> u == null ? "" : u;
        };
    }
}
