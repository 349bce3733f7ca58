package com.adfops.agent;

import com.adfops.adf.ActivityRun;
import com.adfops.adf.BillableDuration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Estimated cost of activity runs from their {@code billingReference}, priced with {@link CostRates}: orchestration
 * per 1,000 activity runs, plus each billed duration times its rate.
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

    public static Estimate of(List<ActivityRun> runs, CostRates rates) {
        Map<String, double[]> qty = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        Map<String, Double> amounts = new LinkedHashMap<>();
        double total = 0;
        int orchestrated = 0;
        for (ActivityRun a : runs) {
            orchestrated++;
            String meter = a.billing().isEmpty() ? "AzureIR" : a.billing().get(0).meterType();
            double orchestration = rates.rate("orchestration", meter) / 1000.0;
            total += orchestration;
            add(qty, units, amounts, "Orchestration (" + meter + ")", 1, "activity runs", orchestration);
            for (BillableDuration b : a.billing()) {
                double amount = b.duration() * rates.rate(b.activityType(), b.meterType());
                total += amount;
                add(qty, units, amounts, label(b.activityType()) + " (" + b.meterType() + ")", b.duration(),
                        unit(b.unit()), amount);
            }
        }
        Map<String, Line> lines = new LinkedHashMap<>();
        qty.forEach((k, v) -> lines.put(k, new Line(v[0], units.get(k), amounts.get(k))));
        return new Estimate(total, orchestrated, lines);
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
