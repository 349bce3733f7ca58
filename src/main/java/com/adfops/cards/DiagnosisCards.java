package com.adfops.cards;

import com.adfops.answers.StatusWords;

import static com.adfops.cards.CardText.MAX_CAUSE;
import static com.adfops.cards.CardText.MAX_MESSAGE;
import static com.adfops.cards.CardText.clockTime;
import static com.adfops.cards.CardText.duration;
import static com.adfops.cards.CardText.fact;
import static com.adfops.cards.CardText.putGuidance;
import static com.adfops.cards.CardText.shortId;
import static com.adfops.cards.CardText.time;
import static com.adfops.cards.CardText.zoneName;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.adf.SecretRedactor;
import com.adfops.agent.Reply;
import com.adfops.cards.CardFactory.View;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.diagnosis.RunHistory;
import com.adfops.runs.ErrorText;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The diagnosis cards: why a run failed (the root cause through Execute Pipeline and ForEach, the failed activities,
 * new or recurring, guidance, the rerun buttons, settled once a rerun ended) and the guidance answer to "how do I
 * fix ...". Templates in {@code cards/diagnosis/}.
 */
final class DiagnosisCards {

    private final ObjectMapper json;

    DiagnosisCards(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode diagnosisData(Reply.DiagnosisCard card, View v) {
        ObjectNode d = diagnosisData(card.diagnosis(), v);
        RunHistory h = card.history();
        d.put("history", h == null ? "" : historyLine(h, card.diagnosis().run().sortTime(), v));
        d.put("historyColor", h != null && h.isNew() ? "Default" : "Attention");
        ImpactCards.putLines(d, card.impact(), v);
        putGuidance(d, card.guidance());
        d.put("activitiesOpen", card.activitiesOpen() && !card.diagnosis().failed().isEmpty());
        ArrayNode steps = d.putArray("steps");
        card.resolutionSteps().forEach(x -> steps.addObject().put("text", ErrorText.truncate(x, 600)));
        Reply.Settled st = card.settled();
        d.put("settled", st == null ? "" : (st.succeeded() ? "✅ " : "❌ ")
                + (st.what().equals("rerunfromfailure") ? "Rerun from the failed activity " : "Rerun ") + st.status()
                + " at " + time(st.at(), v) + (st.by() == null || st.by().isBlank() ? "" : " (started by " + st.by() + ")"));
        d.put("settledStyle", st != null && st.succeeded() ? "good" : "attention");
        d.put("settledRunLabel", st == null ? "" : "run " + shortId(st.newRun().runId()));
        d.put("settledRunUrl", st == null ? "" : st.newRun().factory().studioRunUrl(st.newRun().runId()));
        // A settled card is a record: its buttons are gone.
        d.put("showActions", st == null);
        return d;
    }

    ObjectNode docsAnswerData(Reply.DocsAnswer a) {
        ObjectNode d = json.createObjectNode();
        d.put("question", ErrorText.truncate(a.question(), 200));
        putGuidance(d, a.guidance());
        return d;
    }

    ObjectNode diagnosisData(Diagnosis dg, View v) {
        PipelineRun run = dg.run();
        ObjectNode d = json.createObjectNode();
        d.put("title", (run.status() == RunStatus.FAILED ? "❌ " : "ℹ️ ") + run.pipelineName() + " "
                + StatusWords.predicate(run.status()));
        d.put("titleColor", run.status() == RunStatus.FAILED ? "Attention" : "Default");
        d.put("runId", run.runId());
        d.put("factory", run.factory().factoryName());
        d.put("pipeline", run.pipelineName());
        d.put("settled", "");
        d.put("showActions", true);
        boolean running = run.status() == RunStatus.IN_PROGRESS || run.status() == RunStatus.QUEUED
                || run.status() == RunStatus.CANCELING;
        d.put("canRerun", !running);
        d.put("canRerunFromFailure", run.status() == RunStatus.FAILED || run.status() == RunStatus.CANCELLED);
        // One line under the title: when, how long, what started it, where; the run as a link to ADF Studio.
        StringBuilder when = new StringBuilder();
        when.append(run.runStart() == null ? "not started" : time(run.runStart(), v));
        if (run.runEnd() != null) {
            when.append(" – ").append(clockTime(run.runEnd(), v));
        }
        run.duration().ifPresent(du -> when.append(" (").append(duration(du)).append(")"));
        when.append(" · ").append(trigger(run)).append(" · ").append(run.factory().factoryName()).append(" · ");
        d.put("whenLine", when.toString());
        d.put("runLabel", "run " + shortId(run.runId()));
        d.put("runUrl", run.factory().studioRunUrl(run.runId()));
        ArrayNode facts = d.putArray("facts");
        fact(facts, "Run ID", run.runId());
        fact(facts, "Started", run.runStart() == null ? "not started" : time(run.runStart(), v));
        fact(facts, "Ended", run.runEnd() == null ? "—" : time(run.runEnd(), v));
        fact(facts, "Duration", run.duration().map(CardText::duration).orElse("—"));
        fact(facts, "Triggered by", trigger(run));
        fact(facts, "Factory", run.factory().factoryName());
        ArrayNode params = d.putArray("parameters");
        run.parameters().entrySet().stream().limit(20).forEach(e ->
                params.addObject().put("name", ErrorText.truncate(e.getKey(), 60))
                        .put("value", ErrorText.truncate(SecretRedactor.redactParameter(e.getKey(), e.getValue()), 200)));
        d.put("hasRootCause", dg.hasRootCause());
        ObjectNode root = d.putObject("root");
        // The full messages share one budget with the short cause shown first, so the card stays below Teams' limit.
        int budget = 6000;
        if (dg.hasRootCause()) {
            Diagnosis.FailedActivity rc = dg.rootCause();
            com.adfops.adf.ActivityRun act = rc.activity();
            String inChild = rc.depth() > 0 && !rc.pipelineName().equalsIgnoreCase(run.pipelineName())
                    ? " in " + rc.pipelineName() : "";
            String code = act.error().errorCode();
            // The answer first: which activity broke (and in which child pipeline), its type and code.
            root.put("headline", "✖ " + act.activityName() + inChild
                    + (act.activityType().isBlank() ? "" : " (" + act.activityType() + ")")
                    + (code.isBlank() ? "" : " · error " + code));
            String cause = ErrorText.cause(act.error().message(), MAX_CAUSE);
            root.put("cause", cause.isBlank() ? "ADF recorded no message for this activity." : cause);
            budget -= cause.length();
            // What to look at: the linked service and the integration runtime ADF says the activity used.
            List<String> check = new java.util.ArrayList<>();
            if (act.linkedService() != null && !act.linkedService().isBlank()) {
                check.add("linked service " + act.linkedService());
            }
            if (act.integrationRuntime() != null && !act.integrationRuntime().isBlank()) {
                check.add("integration runtime " + act.integrationRuntime());
            }
            root.put("check", String.join(" on ", check));
            boolean named = rc.depth() == 0 || rc.path().contains(rc.pipelineName());
            root.put("path", rc.depth() == 0 ? "" : rc.path() + (named ? "" : " (in " + rc.pipelineName() + ")"));
            List<String> cls = new java.util.ArrayList<>();
            cls.add(dg.errorClass().label());
            if (!act.error().failureType().isBlank()) {
                cls.add(act.error().failureType());
            }
            if (!act.error().target().isBlank() && !act.error().target().equals(act.activityName())) {
                cls.add("target " + act.error().target());
            }
            root.put("classLine", "Error class: " + String.join(" · ", cls));
            root.put("type", orDash(act.activityType()));
            root.put("code", orDash(code));
            root.put("errorClass", dg.errorClass().label());
            root.put("message", ErrorText.full(act.error().message(), MAX_MESSAGE));
        } else {
            for (String k : List.of("headline", "cause", "check", "path", "classLine", "type", "code", "errorClass",
                    "message")) {
                root.put(k, "");
            }
        }
        d.put("noRootCauseText", run.status() == RunStatus.FAILED
                ? "ADF recorded no failed activity for this run. Its message: "
                        + (run.message().isBlank() ? "(none)" : ErrorText.full(run.message(), MAX_MESSAGE))
                : "This run has not failed: it " + StatusWords.predicate(run.status()) + ".");
        d.put("nextStep", dg.errorClass().nextStep());
        int n = dg.failed().size();
        d.put("failedHeader", "Failed activities (" + n + (dg.truncated() ? "+" : "") + "), in execution order");
        ArrayNode failed = d.putArray("failed");
        for (Diagnosis.FailedActivity f : dg.failed()) {
            ObjectNode a = failed.addObject();
            String indent = "  ".repeat(Math.min(f.depth(), 5));
            String code = f.activity().error().errorCode();
            a.put("line", indent + (f.depth() > 0 ? "↳ " : "• ") + f.path() + " (" + orDash(f.activity().activityType())
                    + ")" + (code.isBlank() ? "" : " — " + code)
                    + (f.occurrences() > 1 ? " × " + f.occurrences() + " iterations" : "")
                    + (f == dg.rootCause() ? " ← root cause" : ""));
            a.put("path", f.path());
            int max = Math.max(200, Math.min(MAX_MESSAGE, budget / Math.max(1, n)));
            String msg = f.activity().error().message();
            a.put("fullMessage", msg.isBlank() ? "(no message)" : ErrorText.full(msg, max));
        }
        return d;
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static String trigger(PipelineRun run) {
        if (run.parentPipeline() != null) {
            return "Execute Pipeline in " + run.parentPipeline() + " (run " + run.parentRunId() + ")";
        }
        String type = run.invokedByType() == null ? "" : run.invokedByType();
        String name = run.invokedByName() == null ? "" : run.invokedByName();
        if (type.isBlank()) {
            return name.isBlank() ? "—" : name;
        }
        return name.isBlank() || name.equalsIgnoreCase(type) ? type : name + " (" + type + ")";
    }

    /**
     * New or recurring, by error signature: "🔁 Recurring: the same error 26 h and 50 h ago (3 times in 2 days); last
     * success 2 h ago." or "🆕 New: first time this error in the last 7 days (after 4 successes); last success 26 h
     * ago."; times are relative to the failure ({@code failedAt}: "before this run" when it is over an hour old), the
     * three latest named. Without the errors compared: "🆕 First failure after
     * 37 successes; ..." or "🔁 Failed 6 of the last 10 runs since Mon 09:00 (3 in a row); ...".
     */
    static String historyLine(RunHistory h, Instant failedAt, View v) {
        String last = h.lastSuccess() == null ? "no success in the week before" : "last success " + ago(h.lastSuccess(), v);
        if (h.lastRuns() <= 1) {
            return "No earlier runs of this pipeline in the week before.";
        }
        RunHistory.SameError same = h.sameError();
        if (same != null) {
            String context = (h.failuresInARow() > 1 ? h.failuresInARow() + " runs in a row; " : "") + last + ".";
            if (h.isRecurring()) {
                List<Instant> earlier = same.earlier();
                List<String> shown = earlier.stream().limit(3).map(t -> span(Duration.between(t, failedAt), 72)).toList();
                String when = String.join(", ", shown.subList(0, shown.size() - 1))
                        + (shown.size() > 1 ? " and " : "") + shown.get(shown.size() - 1)
                        + (Duration.between(failedAt, v.now()).toMinutes() < 60 ? " ago" : " before this run")
                        + (earlier.size() > 3 ? ", and " + (earlier.size() - 3) + " earlier" : "");
                return "🔁 Recurring: the same error " + when + " (" + same.times() + " times in "
                        + span(Duration.between(earlier.get(earlier.size() - 1), failedAt), 48)
                        + (same.notCompared() > 0 ? "; " + same.notCompared() + " older failures not compared" : "")
                        + "); " + context;
            }
            Duration back = same.lookBack().toDays() >= 2 ? Duration.ofDays(same.lookBack().toDays()) : same.lookBack();
            return "🆕 New: " + (same.notCompared() == 0 ? "first time this error in the last " + span(back, 48)
                    : "not the error of the " + same.compared() + " failures before")
                    + (h.failuresInARow() == 1 && h.successesBefore() > 0 ? " (after " + h.successesBefore()
                    + (h.successesBefore() == 1 ? " success)" : " successes)") : "") + "; " + context;
        }
        if (h.isNew()) {
            return "🆕 First failure after " + h.successesBefore() + (h.successesBefore() == 1 ? " success" : " successes")
                    + "; " + last + ".";
        }
        String since = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH).withZone(v.zone()).format(h.since())
                + " " + zoneName(v);
        return "🔁 Failed " + h.failedOfLast() + " of the last " + h.lastRuns() + " runs since " + since
                + (h.failuresInARow() > 1 ? " (" + h.failuresInARow() + " in a row)" : "") + "; " + last + ".";
    }

    /** "40 min", "26 h" (under {@code hoursBelow} hours) or "2 days", to the nearest unit. */
    private static String span(Duration d, int hoursBelow) {
        long minutes = Math.max(1, Math.round(d.toSeconds() / 60.0));
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = Math.round(minutes / 60.0);
        return hours < hoursBelow ? hours + " h" : Math.round(hours / 24.0) + " days";
    }

    private static String ago(Instant t, View v) {
        Duration d = Duration.between(t, v.now());
        if (d.isNegative() || d.toMinutes() < 1) {
            return "just now";
        }
        return d.toHours() < 1 ? d.toMinutes() + " min ago" : d.toDays() < 2 ? d.toHours() + " h ago" : d.toDays() + " days ago";
    }
}
