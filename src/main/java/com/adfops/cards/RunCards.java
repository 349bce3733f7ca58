package com.adfops.cards;

import com.adfops.answers.StatusWords;

import static com.adfops.cards.CardText.MAX_ROWS;
import static com.adfops.cards.CardText.duration;
import static com.adfops.cards.CardText.fact;
import static com.adfops.cards.CardText.freshness;
import static com.adfops.cards.CardText.shortId;
import static com.adfops.cards.CardText.time;
import static com.adfops.cards.CardText.timeAgo;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.cards.CardFactory.View;
import com.adfops.runs.ErrorText;
import com.adfops.runs.FailingSummary;
import com.adfops.runs.PipelineStatus;
import com.adfops.runs.RunningLong;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The run cards: the failing list (one row per incident, what broke in each, the runs running long and the ones that
 * recovered) and a pipeline's status (its latest runs, its last failure and rerun). Templates in {@code cards/runs/}.
 */
final class RunCards {

    private final ObjectMapper json;

    RunCards(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode failingData(FailingSummary s, View v) {
        ObjectNode d = json.createObjectNode();
        int n = s.failing().size();
        d.put("title", n == 0 ? "✅ No failing pipelines" : "❌ " + n + (n == 1 ? " failing pipeline" : " failing pipelines"));
        d.put("subtitle", "In " + s.window().label() + (s.recovered().isEmpty() ? ""
                : ", " + s.recovered().size() + " recovered") + freshness(s.freshness(), v));
        d.put("windowText", time(s.window().from(), v) + " – " + time(s.window().to(), v));
        d.put("factoriesLabel", s.factories().size() == 1 ? "Factory: " : "Factories: ");
        d.put("factoriesText", String.join(", ", s.factories()));
        d.put("countsText", s.totalRuns() + " runs, " + s.failedRuns() + " failed"
                + (s.active() > 0 ? ", " + s.active() + " queued or running" : ""));
        d.put("allClearText", s.totalRuns() == 0
                ? "No pipeline ran in " + s.window().label() + "."
                : "Every pipeline's latest run in " + s.window().label() + " succeeded or is still running.");
        ArrayNode rows = d.putArray("failing");
        for (FailingSummary.Row r : s.failing().stream().limit(MAX_ROWS).toList()) {
            ObjectNode row = rows.addObject();
            PipelineRun run = r.lastFailure();
            row.put("pipeline", r.pipeline());
            FailingSummary.Cause c = r.cause();
            // What broke first: the failing activity (in its child pipeline), its code, then the human sentence.
            row.put("activityLine", c == null || c.activity().isBlank() ? "" : "✖ " + c.activity()
                    + (c.inPipeline().isEmpty() ? "" : " in " + c.inPipeline())
                    + (c.type().isEmpty() ? "" : " (" + c.type() + ")")
                    + (c.errorCode().isEmpty() ? "" : " · error " + c.errorCode()));
            String text = c != null && !c.text().isBlank() ? c.text() : r.shortError();
            row.put("shortError", text.isBlank() ? "ADF recorded no error message." : text);
            StringBuilder meta = new StringBuilder();
            meta.append("failed ").append(timeAgo(run.runEnd() != null ? run.runEnd() : run.sortTime(), v));
            run.duration().ifPresent(du -> meta.append(" · ran ").append(duration(du)));
            meta.append(" · ").append(r.failures()).append(r.failures() == 1 ? " failure" : " failures");
            if (s.factories().size() > 1) {
                meta.append(" · ").append(r.factory());
            }
            if (r.calledBy() != null) {
                meta.append(" · called by ").append(r.calledBy());
            }
            if (!r.folded().isEmpty()) {
                meta.append(" · child ").append(r.folded().size() == 1 ? "pipeline " : "pipelines ").append(r.folded().stream()
                        .map(PipelineRun::pipelineName).distinct().collect(java.util.stream.Collectors.joining(", ")))
                        .append(" failed with it");
            }
            if (r.rerun() != null) {
                meta.append(" · ").append(rerunNote(r.rerun(), v));
            }
            row.put("meta", meta.toString());
            row.put("runLabel", "run " + shortId(run.runId()));
            row.put("runUrl", run.factory().studioRunUrl(run.runId()));
            row.put("runId", run.runId());
            row.put("factory", r.factory());
        }
        int more = s.failing().size() - Math.min(MAX_ROWS, s.failing().size());
        d.put("moreText", more > 0 ? "…and " + more + " more failing pipelines. Ask about a narrower window to see them." : "");
        ArrayNode longRuns = d.putArray("runningLong");
        s.runningLong().stream().limit(MAX_ROWS).forEach(r -> longRuns.addObject().put("line", r.run().pipelineName()
                + " · " + runningLongLine(r, v)));
        ArrayNode rec = d.putArray("recovered");
        for (FailingSummary.Recovered r : s.recovered().stream().limit(MAX_ROWS).toList()) {
            rec.addObject().put("line", "✅ " + r.pipeline() + " failed " + timeAgo(r.lastFailure().sortTime(), v)
                    + (r.lastSuccess().rerunOf() != null ? ", a rerun succeeded (" : ", succeeded since (")
                    + timeAgo(r.lastSuccess().sortTime(), v) + ")");
        }
        return d;
    }

    ObjectNode statusData(PipelineStatus s, View v) {
        ObjectNode d = json.createObjectNode();
        String state;
        String color;
        PipelineRun latest = s.latest();
        if (latest == null) {
            state = "no runs";
            color = "Default";
        } else if (latest.status().isActive()) {
            state = s.lastFailure() != null && !s.recovered() ? "running (last finished run failed)" : "running";
            color = "Accent";
        } else if (latest.status() == RunStatus.FAILED) {
            state = "failing";
            color = "Attention";
        } else if (s.recovered()) {
            state = "recovered";
            color = "Good";
        } else if (latest.status() == RunStatus.SUCCEEDED) {
            state = "healthy";
            color = "Good";
        } else {
            state = StatusWords.predicate(latest.status());
            color = "Warning";
        }
        d.put("title", s.pipeline() + ": " + state);
        d.put("titleColor", color);
        d.put("summary", (latest == null
                ? "No runs in " + s.window().label() + "."
                : s.succeeded() + " succeeded, " + s.failed() + " failed" + (s.other() > 0 ? ", " + s.other() + " other" : "")
                        + " in " + s.window().label() + ".") + freshness(s.freshness(), v));
        d.put("factory", s.factory());
        d.put("pipeline", s.pipeline());
        ArrayNode facts = d.putArray("facts");
        fact(facts, "Factory", s.factory());
        if (latest != null) {
            fact(facts, "Latest run", latest.status().wireName() + ", " + timeAgo(latest.sortTime(), v));
        }
        fact(facts, "Last success", s.lastSuccess() == null ? "none in window" : timeAgo(s.lastSuccess().sortTime(), v));
        fact(facts, "Last failure", s.lastFailure() == null ? "none in window" : timeAgo(s.lastFailure().sortTime(), v));
        if (s.lastFailure() != null) {
            String activity = ErrorText.failedActivity(s.lastFailure().message());
            String error = ErrorText.summary(s.lastFailure().message(), 200);
            fact(facts, "What failed", (activity.isEmpty() ? "" : activity + ": ") + (error.isEmpty() ? "no message" : error));
            if (s.lastFailureRerun() != null) {
                fact(facts, "Rerun", rerunNote(s.lastFailureRerun(), v));
            }
        }
        d.put("lastFailureRunId", s.lastFailure() == null ? "" : s.lastFailure().runId());
        d.put("runningLong", s.runningLong() == null ? "" : runningLongLine(s.runningLong(), v));
        d.put("activeRunId", latest != null && (latest.status() == RunStatus.IN_PROGRESS
                || latest.status() == RunStatus.QUEUED) ? latest.runId() : "");
        ArrayNode recent = d.putArray("recent");
        for (PipelineRun r : s.recent()) {
            recent.addObject().put("line", icon(r.status()) + " " + r.status().wireName() + (r.rerunOf() != null ? " (rerun)" : "")
                    + " · " + timeAgo(r.sortTime(), v) + r.duration().map(du -> " · " + duration(du)).orElse("") + " · ")
                    .put("runLabel", "run " + shortId(r.runId())).put("runUrl", r.factory().studioRunUrl(r.runId()));
        }
        return d;
    }

    /** What happened to a rerun of a failed run that did not succeed. */
    static String rerunNote(PipelineRun rerun, View v) {
        String at = "a rerun at " + time(rerun.sortTime(), v);
        return switch (rerun.status()) {
            case IN_PROGRESS -> at + " is still running";
            case FAILED -> at + " failed too";
            default -> at + " " + StatusWords.predicate(rerun.status());
        };
    }

    private static String icon(RunStatus s) {
        return switch (s) {
            case FAILED -> "❌";
            case SUCCEEDED -> "✅";
            case IN_PROGRESS, QUEUED -> "⏳";
            default -> "⏹️";
        };
    }

    /**
     * "⏱️ Running long: usually 18m 0s–22m 0s, p95 22m 0s (its last 12 successful runs, over 12 days); running 1h 15m,
     * 3.4x the p95; run ... started Nov 26, 01:00 UTC".
     */
    static String runningLongLine(RunningLong r, View v) {
        return "⏱️ Running long: " + r.comparison() + "; run " + shortId(r.run().runId()) + " started " + time(r.run().runStart(), v);
    }
}
