package com.adfops.cards;

import static com.adfops.cards.CardText.MAX_MESSAGE;
import static com.adfops.cards.CardText.MAX_ROWS;
import static com.adfops.cards.CardText.fact;
import static com.adfops.cards.CardText.putGuidance;
import static com.adfops.cards.CardText.shortId;
import static com.adfops.cards.CardText.time;
import static com.adfops.cards.CardText.timeAgo;

import com.adfops.agent.Reply;
import com.adfops.answers.AlertView;
import com.adfops.cards.CardFactory.View;
import com.adfops.runs.ErrorText;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The alert cards: one alert (failed, running long, a missed run, an SLA late or at risk ({@link ScheduleAlertText}),
 * an unhealthy self-hosted integration runtime ({@link RuntimeAlertText});
 * acknowledged, snoozed, recovered) and the digest of several.
 * Templates in {@code cards/alerts/}.
 */
final class AlertCards {

    private final ObjectMapper json;

    AlertCards(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode alertData(AlertView a, View v) {
        ObjectNode d = json.createObjectNode();
        boolean recovered = a.state() == AlertView.State.RECOVERED;
        boolean running = a.kind() == AlertView.Kind.RUNNING_LONG && a.state() != AlertView.State.RECOVERED;
        d.put("title", recovered ? "✅ Recovered: " + a.pipeline() : running ? "⏱️ " + a.pipeline() + " is running long"
                : "🚨 " + a.pipeline() + " failed");
        boolean linked = !a.runUrl().isEmpty();
        String when = a.failedAt() == null ? "" : running ? " · started " + timeAgo(a.failedAt(), v)
                : " · failed " + timeAgo(a.failedAt(), v);
        // The run last, as a link to ADF Studio when its factory is configured.
        d.put("byline", linked ? "In " + a.factory() + when + " · " : "Run " + shortId(a.runId()) + " in " + a.factory() + when);
        d.put("runLabel", linked ? "run " + shortId(a.runId()) : "");
        d.put("runUrl", a.runUrl());
        AlertView.Response r = a.response();
        d.put("style", recovered ? "good" : a.state() == AlertView.State.ACKNOWLEDGED ? "emphasis" : running ? "warning" : "attention");
        d.put("stateLine", switch (a.state()) {
            case ACKNOWLEDGED -> "Acknowledged by " + r.by() + (r.at() == null ? "" : " at " + time(r.at(), v));
            case SNOOZED -> "Snoozed by " + r.by() + " until " + time(r.until(), v)
                    + ": no alerts for this pipeline here until then";
            case RECOVERED -> "Recovered" + (r.at() == null ? "" : " at " + time(r.at(), v))
                    + (r.recoveredRun().isEmpty() ? "" : ": run " + r.recoveredRun() + " succeeded");
            default -> "";
        });
        ImpactCards.putLines(d, a.impact(), v);
        d.put("rootTitle", running ? "What is happening" : "Likely root cause");
        d.put("alertId", a.alertId());
        d.put("runId", a.runId());
        d.put("factory", a.factory());
        d.put("active", !recovered);
        d.put("canSnooze", !recovered && a.kind() != AlertView.Kind.RUNTIME);
        d.put("runActions", !recovered && a.kind().aboutARun());
        d.put("runtimeHealth", false);
        d.put("atRiskTitle", "");
        d.putArray("atRisk");
        d.put("canAcknowledge", a.state() == AlertView.State.OPEN || a.state() == AlertView.State.SNOOZED);
        ArrayNode facts = d.putArray("facts");
        AlertView.Cause c = a.cause();
        boolean runningLong = c.source() == AlertView.Cause.Source.RUNNING_LONG;
        if (!c.errorCode().isEmpty()) {
            fact(facts, "Error code", c.errorCode());
        }
        String errorClass = runningLong ? "Running long" : c.errorClass();
        if (!errorClass.isEmpty()) {
            fact(facts, "Error class", errorClass);
        }
        String root = rootCause(c);
        d.put("rootCause", ErrorText.truncate(root.isEmpty() ? "ADF recorded no error message." : root, MAX_MESSAGE));
        d.put("nextStep", runningLong ? "Look at the activity in progress (a slow source, a queue on the integration runtime, a "
                + "lock); cancel and rerun if it is stuck." : c.nextStep());
        // Data Factory's error text is long: small. A schedule alert's why is one short sentence: read at a glance.
        d.put("rootSize", a.kind().scheduled() ? "Default" : "Small");
        if (a.kind().scheduled() && a.schedule() != null) {
            ScheduleAlertText.put(d, a, recovered);
        }
        if (a.kind() == AlertView.Kind.RUNTIME && a.runtime() != null) {
            RuntimeAlertText.put(d, a, recovered, v);
        }
        d.put("othersTitle", "Same root cause, also failed:");
        ArrayNode others = d.putArray("others");
        a.others().stream().limit(MAX_ROWS).forEach(o -> others.addObject().put("line", o));
        if (c.guidance() != null) {
            putGuidance(d, c.guidance());
            // One link is enough on an alert; the diagnosis has the rest.
            ArrayNode g = (ArrayNode) d.get("guidance");
            while (g.size() > 1) {
                g.remove(g.size() - 1);
            }
        } else {
            d.putArray("guidance");
            d.put("guidanceTitle", "");
        }
        return d;
    }

    /** The "likely root cause" line: ADF's words where there are some, ours where the bot knows why not. */
    private static String rootCause(AlertView.Cause c) {
        return switch (c.source()) {
            case RUN_GONE -> "Data Factory no longer has this run (it keeps runs for 45 days).";
            case UNAVAILABLE -> "The diagnosis is not available right now: " + c.text();
            case RUNNING_LONG -> c.text().isEmpty() ? "The run is still in progress past its pipeline's usual duration."
                    : "Running long: " + c.text() + ".";
            default -> c.text();
        };
    }

    ObjectNode digestData(Reply.AlertDigest a, View v) {
        ObjectNode d = json.createObjectNode();
        d.put("title", "🚨 " + a.alerts().size() + " watched pipeline runs failed");
        d.put("subtitle", "In " + a.factory() + ", since my last check. One card instead of " + a.alerts().size()
                + "; ask why each failed below.");
        ArrayNode rows = d.putArray("rows");
        for (AlertView x : a.alerts().stream().limit(MAX_ROWS).toList()) {
            rows.addObject().put("pipeline", x.pipeline()).put("runId", x.runId()).put("factory", x.factory())
                    .put("meta", "run " + shortId(x.runId()) + (x.failedAt() == null ? "" : " · failed " + timeAgo(x.failedAt(), v)));
        }
        int more = a.alerts().size() - Math.min(MAX_ROWS, a.alerts().size());
        d.put("moreText", more > 0 ? "…and " + more + " more. Ask what is failing for the full list." : "");
        return d;
    }
}
