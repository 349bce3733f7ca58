package com.adfops.cards;

import static com.adfops.cards.CardText.MAX_ROWS;
import static com.adfops.cards.CardText.duration;
import static com.adfops.cards.CardText.fact;
import static com.adfops.cards.CardText.freshness;
import static com.adfops.cards.CardText.shortId;
import static com.adfops.cards.CardText.time;
import static com.adfops.cards.CardText.timeAgo;
import static com.adfops.cards.CardText.zoneName;
import static com.adfops.cards.VerdictText.slowestHeadline;
import static com.adfops.cards.VerdictText.trendCell;
import static com.adfops.cards.VerdictText.verdictLine;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.agent.Reply;
import com.adfops.analytics.CostSummary;
import com.adfops.analytics.DurationVerdict;
import com.adfops.analytics.PerformanceSummary;
import com.adfops.analytics.TrendSummary;
import com.adfops.cards.CardFactory.View;
import com.adfops.diagnosis.RunComparison;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The analytics cards: trends (health over a window), durations (how long pipelines take; the sentences of a verdict
 * are {@link VerdictText}'s, what ADF says of a slow run's copies {@link TuningText}'s), cost and what changed since the last success. Templates in {@code cards/analytics/}.
 */
final class AnalyticsCards {

    /** Colours that tell a chart's series apart at a glance (Teams' categorical palette, most distinct first). */
    static final List<String> SERIES_COLORS = List.of("categoricalBlue", "categoricalMarigold", "categoricalTeal",
            "categoricalRed", "categoricalPurple", "categoricalLime", "categoricalLightBlue", "categoricalGreen");

    private final ObjectMapper json;

    AnalyticsCards(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode trendsData(TrendSummary s, View v) {
        ObjectNode d = json.createObjectNode();
        String when = s.window().label();
        d.put("title", "📈 How " + s.scope() + " did " + (when.startsWith("the ") ? "in " + when : when));
        d.put("subtitle", time(s.window().from(), v) + " – " + time(s.window().to(), v)
                + "; a run and its reruns count once" + freshness(s.freshness(), v));
        ArrayNode facts = d.putArray("facts");
        Double rate = s.successRate();
        Double before = s.previous() == null ? null : s.previous().successRate();
        fact(facts, "Runs", s.finished() + " finished: " + s.succeeded() + " succeeded, " + s.failed() + " failed");
        fact(facts, "Success rate", rate == null ? "no finished runs" : percent(rate)
                + (before == null ? "" : " (" + signedPoints(rate - before) + " against the period before, " + percent(before) + ")"));
        if (s.previous() != null) {
            fact(facts, "Failures before", s.previous().failed() + " in the period before");
        }
        fact(facts, "Time to recovery", s.meanTimeToRecovery() == null ? "no recovery in this window"
                : duration(s.meanTimeToRecovery()) + " on average (" + s.recoveries() + (s.recoveries() == 1 ? " recovery)" : " recoveries)"));
        ArrayNode days = d.putArray("days");
        // More than three weeks: a row (and a bar) per week, from its Monday, instead of one per day.
        boolean weekly = s.days().size() > 21;
        d.put("per", weekly ? "week" : "day");
        d.put("perTitle", weekly ? "Week" : "Day");
        DateTimeFormatter label = DateTimeFormatter.ofPattern(weekly ? "'Week of' MMM d" : "EEE d", Locale.ENGLISH);
        List<TrendSummary.Day> rows = weekly ? s.weeks() : s.days();
        for (TrendSummary.Day day : rows) {
            String l = label.format(day.date());
            days.addObject().put("label", l).put("failed", day.failed())
                    .put("line", l + ": " + day.finished() + " runs, " + day.failed() + " failed"
                            + (day.finished() == 0 ? "" : " (" + percent((double) day.succeeded() / day.finished()) + " succeeded)"));
        }
        ArrayNode most = d.putArray("mostFailing");
        for (TrendSummary.PipelineFailures p : s.mostFailing()) {
            most.addObject().put("line", "❌ " + p.pipeline() + ": " + p.failures() + (p.failures() == 1 ? " failure" : " failures"));
        }
        return d;
    }

    ObjectNode performanceData(PerformanceSummary s, View v) {
        ObjectNode d = json.createObjectNode();
        String when = s.window().label();
        boolean single = !s.days().isEmpty();
        d.put("title", (single ? "⏱️ How long " + s.scope() + " took " : "🐢 The slowest of " + s.scope() + " ")
                + (when.startsWith("the ") ? "in " + when : when));
        d.put("subtitle", time(s.window().from(), v) + " – " + time(s.window().to(), v) + "; finished runs"
                + freshness(s.freshness(), v));
        DurationVerdict verdict = single && !s.pipelines().isEmpty() ? s.pipelines().get(0).verdict() : null;
        d.put("verdict", single ? (verdict == null ? "" : verdictLine(verdict, v)) : slowestHeadline(s));
        Duration usual = verdict == null ? null : verdict.usual();
        d.put("usualShown", usual != null);
        DateTimeFormatter label = DateTimeFormatter.ofPattern("EEE d", Locale.ENGLISH);
        ArrayNode days = d.putArray("days");
        for (PerformanceSummary.Day day : s.days()) {
            String l = label.format(day.date());
            ObjectNode o = days.addObject().put("label", l);
            minutes(o, "minutes", day.median());
            minutes(o, "p95Minutes", day.p95());
            if (usual != null) {
                minutes(o, "usualMinutes", usual);
            }
            o.put("line", l + ": median " + duration(day.median()) + ", p95 " + duration(day.p95()) + " over " + day.runs()
                    + (day.runs() == 1 ? " run" : " runs") + (usual == null ? "" : " (usual " + duration(usual) + ")"));
        }
        // The axis from 0 to a top the chart's four steps divide into whole minutes (its ticks are top / 4).
        double top = 0;
        for (PerformanceSummary.Day day : s.days()) {
            top = Math.max(top, Math.max(day.median().toSeconds(), day.p95().toSeconds()) / 60.0);
        }
        if (usual != null) {
            top = Math.max(top, usual.toSeconds() / 60.0);
        }
        d.put("chartMax", top <= 1 ? 1 : top <= 4 ? 4 : 4 * (int) Math.ceil(top / 4));
        // One pipeline: one line; several: a table, slowest (by median) first.
        String summary = "";
        ArrayNode table = d.putArray("table");
        for (PerformanceSummary.PipelineDurations p : s.pipelines().stream().limit(MAX_ROWS).toList()) {
            if (single) {
                summary = p.runs() + (p.runs() == 1 ? " run" : " runs") + " in this window: typically " + duration(p.median())
                        + ", p95 " + duration(p.p95()) + ", the slowest " + duration(p.slowest()) + ".";
                continue;
            }
            table.addObject().put("pipeline", p.pipeline()).put("runs", String.valueOf(p.runs()))
                    .put("typical", duration(p.median())).put("p95", duration(p.p95()) + " / " + duration(p.slowest()))
                    .put("trend", trendCell(p.verdict()));
        }
        d.put("summary", summary);
        d.put("empty", s.pipelines().isEmpty());
        int more = s.pipelines().size() - Math.min(MAX_ROWS, s.pipelines().size());
        d.put("moreText", single || more <= 0 ? "" : "…and " + more + " faster pipelines.");
        ArrayNode grew = d.putArray("grew");
        for (PerformanceSummary.ActivityGrowth g : s.grew()) {
            grew.addObject().put("line", "⏫ " + g.activity() + ": median " + duration(g.before()) + " → "
                    + duration(g.now()) + " (+" + duration(g.growth()) + ")");
        }
        TuningText.put(d, s.tuning());
        ArrayNode outliers = d.putArray("outliers");
        for (PerformanceSummary.Outlier o : s.outliers()) {
            outliers.addObject().put("line", "🐌 " + o.pipeline() + " run " + o.runId() + ": " + duration(o.duration())
                    + String.format(Locale.ENGLISH, ", %.1fx its usual ", o.ratio()) + duration(o.usual()));
        }
        return d;
    }

    private static String percent(double r) {
        return String.format(Locale.ENGLISH, "%.1f %%", r * 100);
    }

    private static String signedPoints(double delta) {
        return String.format(Locale.ENGLISH, "%+.1f points", delta * 100);
    }

    /** Minutes to a tenth (for charts). */
    private static void minutes(ObjectNode o, String field, Duration d) {
        rounded(o, field, d.toSeconds() / 60.0, 10);
    }

    /** An amount to the cent (for charts). */
    private static ObjectNode cents(ObjectNode o, String field, double amount) {
        return rounded(o, field, amount, 100);
    }

    /**
     * {@code value} rounded to 1/{@code per}; a whole number as an integer, as JSON engines write it (the card engines'
     * output must compare equal: 40, not 40.0).
     */
    private static ObjectNode rounded(ObjectNode o, String field, double value, int per) {
        long n = Math.round(value * per);
        return n % per == 0 && Math.abs(n / per) < Integer.MAX_VALUE ? o.put(field, (int) (n / per)) : o.put(field, (double) n / per);
    }

    ObjectNode costData(CostSummary s, View v) {
        ObjectNode d = json.createObjectNode();
        // The headline is the model tool's statement too; a partial figure says so in it ("1,700 of 2,015 runs so far").
        d.put("title", "💰 " + s.headline());
        d.put("subtitle", (s.factories().isEmpty() ? "" : s.factories() + " · ")
                + String.format(Locale.ENGLISH, "%,d", s.total().activityRuns())
                + (s.total().activityRuns() == 1 ? " activity run" : " activity runs") + freshness(s.freshness(), v));
        d.put("coverageNote", s.coverageNote());
        d.put("comparison", s.comparison());
        ArrayNode meters = d.putArray("meters");
        s.total().byMeter().forEach((k, line) -> cents(meters.addObject().put("meter", k)
                .put("color", SERIES_COLORS.get((meters.size() - 1) % SERIES_COLORS.size())), "amount", line.amount())
                .put("line", k + ": "
                + String.format(Locale.ENGLISH, line.unit().equals("activity runs") ? "%,.0f %s" : "%,.2f %s",
                line.quantity(), line.unit()) + " = " + CostSummary.usd(line.amount())));
        boolean runs = s.rowsAreRuns();
        d.put("rowsTitle", runs ? "Most expensive runs" : "Most expensive pipelines");
        d.put("nameHeader", runs ? "Run" : "Pipeline");
        d.put("runsHeader", runs ? "Started (" + zoneName(v) + ")" : "Runs");
        DateTimeFormatter started = DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ENGLISH).withZone(v.zone());
        // Runs with a link to ADF Studio (their id shortened), the rest as text: a template cannot drop a property.
        ArrayNode rows = d.putArray("rows");
        ArrayNode runRows = d.putArray("runRows");
        for (CostSummary.Row r : s.rows()) {
            String link = r.run() == null ? "" : costRunLink(r.run());
            ObjectNode row = (link.isEmpty() ? rows : runRows).addObject();
            if (r.run() != null) {
                String id = r.run().runId();
                row.put("name", (link.isEmpty() ? id : shortId(id))
                        + (r.run().status() == RunStatus.SUCCEEDED ? "" : " · " + r.run().status().wireName()));
                row.put("runs", r.run().runStart() == null ? "" : started.format(r.run().runStart()));
                if (!link.isEmpty()) {
                    row.put("link", link);
                }
            } else {
                row.put("name", r.pipeline());
                row.put("runs", r.counted() < r.runs() ? String.format(Locale.ENGLISH, "%,d of %,d", r.counted(), r.runs())
                        : String.format(Locale.ENGLISH, "%,d", r.runs()));
            }
            row.put("amount", CostSummary.usd(r.amount()));
        }
        d.put("note", "Estimates in USD at " + s.ratesSource() + " from each activity run's billing reference "
                + "(orchestration per 1,000 activity runs, data movement per DIU-hour, pipeline and external activity "
                + "hours, data flow vCore-hours). Your prices vary by region and agreement; set ADFOPS_COST_RATES to "
                + "a file of your rates. Azure Cost Management has the invoiced amounts.");
        return d;
    }

    /** The run in ADF Studio's monitor, or "" for an id that is not a run id (it is never made a link). */
    private static String costRunLink(PipelineRun run) {
        return run.runId() == null || run.runId().isBlank() ? "" : run.factory().studioRunUrl(run.runId());
    }

    ObjectNode whatChangedData(Reply.WhatChanged w, View v) {
        ObjectNode d = json.createObjectNode();
        PipelineRun f = w.failed();
        d.put("title", "🔍 What changed in " + f.pipelineName());
        d.put("runId", f.runId());
        d.put("factory", f.factory().factoryName());
        if (w.lastSuccess() == null) {
            d.put("subtitle", "Run " + shortId(f.runId()) + " (" + f.status().wireName() + ", " + time(f.sortTime(), v) + ")");
            d.put("emptyText", "There is no successful run of this pipeline in ADF's 45 days of history to compare with.");
            d.putArray("changes");
            d.put("footer", "");
            return d;
        }
        PipelineRun ok = w.lastSuccess();
        d.put("subtitle", "Run " + shortId(f.runId()) + " (" + f.status().wireName() + ", " + time(f.sortTime(), v) + ") against the "
                + "last success, run " + shortId(ok.runId()) + " (" + timeAgo(ok.sortTime(), v) + ")");
        ArrayNode rows = d.putArray("changes");
        String before = ok.duration().map(CardText::duration).orElse("—");
        String after = f.duration().map(CardText::duration).orElse("—");
        rows.addObject().put("what", "Duration").put("before", before).put("after", after);
        for (RunComparison.Change c : w.changes().stream().limit(MAX_ROWS).toList()) {
            rows.addObject().put("what", c.what()).put("before", c.before()).put("after", c.after());
        }
        d.put("emptyText", w.changes().isEmpty() ? "Parameters, trigger, integration runtimes and activity inputs are the "
                + "same as in the last success: the cause is likely outside the pipeline (the source data, a credential, "
                + "the target service)." : "");
        int more = w.changes().size() - Math.min(MAX_ROWS, w.changes().size());
        d.put("footer", (more > 0 ? "…and " + more + " more differences. " : "")
                + "Values that look like secrets are masked. Inputs are compared per activity of this run (not inside "
                + "Execute Pipeline children).");
        return d;
    }
}
