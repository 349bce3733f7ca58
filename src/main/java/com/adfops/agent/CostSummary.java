package com.adfops.agent;

import com.adfops.adf.Freshness;
import java.util.List;

/**
 * What pipelines cost over a window, estimated from their activity runs' billing at {@link CostRates}.
 *
 * @param scope       "all pipelines", one pipeline, or the pattern as typed
 * @param window      the window
 * @param total       the estimate over the runs counted
 * @param rows        the most expensive pipelines (for several) or runs (for one), most expensive first
 * @param runs        finished runs in the window
 * @param runsCounted the runs whose activity runs were read (the newest, at most {@link #MAX_RUNS})
 * @param ratesSource where the prices come from
 * @param freshness   how current the runs are
 */
public record CostSummary(String scope, TimeWindow window, Costs.Estimate total, List<Row> rows, int runs,
                          int runsCounted, String ratesSource, Freshness freshness) {

    /** Most runs whose activity runs one cost answer reads (each is a Data Factory request the first time). */
    public static final int MAX_RUNS = 300;

    public CostSummary {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /**
     * Prices the finished runs of {@code r} (the newest {@link #MAX_RUNS}) from their activity runs' billing: by meter,
     * and the most expensive pipelines, or runs when {@code r} holds one pipeline.
     */
    public static CostSummary of(AdfTools tools, AdfTools.RunsResult r, String scope, TimeWindow window) {
        List<com.adfops.adf.PipelineRun> finished = r.runs().stream().filter(x -> x.status().isTerminal())
                .sorted(java.util.Comparator.comparing(com.adfops.adf.PipelineRun::sortTime).reversed()).toList();
        List<com.adfops.adf.PipelineRun> counted = finished.stream().limit(MAX_RUNS).toList();
        List<com.adfops.adf.ActivityRun> all = new java.util.ArrayList<>();
        java.util.Map<String, double[]> byPipeline = new java.util.LinkedHashMap<>();
        List<Row> runRows = new java.util.ArrayList<>();
        // A few reads at once (each is a Data Factory request the first time); in the runs' order.
        List<List<com.adfops.adf.ActivityRun>> activities = tools.activitiesOf(counted);
        for (int i = 0; i < counted.size(); i++) {
            com.adfops.adf.PipelineRun run = counted.get(i);
            List<com.adfops.adf.ActivityRun> acts = activities.get(i);
            all.addAll(acts);
            double amount = Costs.of(acts, tools.costRates()).total();
            double[] p = byPipeline.computeIfAbsent(run.pipelineName(), k -> new double[2]);
            p[0] += 1;
            p[1] += amount;
            runRows.add(new Row("run " + run.runId() + " · " + run.status().wireName(), 1, amount));
        }
        List<Row> rows = r.pipelines().size() == 1 ? runRows : byPipeline.entrySet().stream()
                .map(e -> new Row(e.getKey(), (int) e.getValue()[0], e.getValue()[1])).toList();
        rows = rows.stream().sorted(java.util.Comparator.comparingDouble(Row::amount).reversed()).limit(10).toList();
        return new CostSummary(scope, window, Costs.of(all, tools.costRates()), rows, finished.size(), counted.size(),
                tools.costRates().source(), r.freshness());
    }

    /** A pipeline or a run and its estimated cost. */
    public record Row(String label, int runs, double amount) {
    }
}
