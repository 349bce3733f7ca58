package com.adfops.tools;

import static com.adfops.tools.ToolArgs.text;

import com.adfops.analytics.Analytics;
import com.adfops.analytics.CostSummary;
import com.adfops.runs.AdfTools;
import com.adfops.runs.TimeWindow;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;

/**
 * {@code adf_cost}: the card's figures from the same code ({@link Analytics#cost}): the total, its coverage (runs
 * counted of the window's finished runs, complete or not), a sentence to quote, by meter and the most expensive five.
 */
record CostTool(AdfTools tools, Analytics analytics, ObjectMapper json) implements Tool {

    @Override
    public Result run(ObjectNode a, ZoneId zone) {
        String w = text(a, "window");
        TimeWindow window = w == null ? null : ToolArgs.window(w, tools, tools.now(), zone, "'last 7 days', 'this week'");
        CostSummary.Answer answer = analytics.cost(text(a, "factory"), text(a, "pipeline"), window);
        ObjectNode out = json.createObjectNode();
        if (answer instanceof CostSummary.Answer.UnknownPipeline u) {
            out.put("error", "unknown pipeline");
            ArrayNode closest = out.putArray("closest");
            u.closest().forEach(closest::add);
            return Result.of(out);
        }
        CostSummary s = ((CostSummary.Answer.Priced) answer).summary();
        out.put("statement", s.headline());
        out.put("window", s.window().label());
        out.put("from", s.window().from().toString());
        out.put("to", s.window().to().toString());
        out.put("factories", s.factories());
        out.put("currency", "USD");
        out.put("estimate", round4(s.total().total()));
        out.put("runs", s.runs());
        out.put("runsCounted", s.runsCounted());
        out.put("complete", s.coverage().complete());
        if (!s.coverage().complete()) {
            out.put("note", s.coverageNote() + " Say that the estimate covers " + s.coverage().words() + ".");
        }
        if (s.previous() != null) {
            out.put("comparedWithThePeriodBefore", s.comparison());
            out.putObject("periodBefore").put("estimate", round4(s.previous().total())).put("runs", s.previous().runs());
        }
        out.put("activityRuns", s.total().activityRuns());
        out.put("rates", s.ratesSource());
        ObjectNode meters = out.putObject("byMeter");
        s.total().byMeter().forEach((k, v) -> meters.put(k, round4(v.amount())));
        ArrayNode top = out.putArray(s.rowsAreRuns() ? "mostExpensiveRuns" : "mostExpensivePipelines");
        for (CostSummary.Row x : s.rows().stream().limit(5).toList()) {
            ObjectNode row = top.addObject();
            if (x.run() != null) {
                row.put("run_id", x.run().runId()).put("status", x.run().status().wireName())
                        .put("started", String.valueOf(x.run().runStart()));
            } else {
                row.put("pipeline", x.pipeline()).put("runs", x.runs());
                if (x.counted() < x.runs()) {
                    row.put("runsCounted", x.counted());
                }
            }
            row.put("estimate", round4(x.amount()));
        }
        return Result.cost(out, s);
    }

    /** An amount in USD to four decimals. */
    private static double round4(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}
