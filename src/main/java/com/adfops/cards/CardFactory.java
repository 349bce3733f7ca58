package com.adfops.cards;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryStatus;
import com.adfops.adf.Freshness;
import com.adfops.adf.SecretRedactor;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.docs.DocResult;
import com.adfops.docs.Guidance;
import com.adfops.runs.ErrorText;
import com.adfops.runs.FailingSummary;
import com.adfops.runs.PipelineStatus;
import com.adfops.analytics.PerformanceSummary;
import com.adfops.analytics.DurationVerdict;
import com.adfops.answers.ActionKind;
import com.adfops.answers.ActionView;
import com.adfops.answers.AlertView;
import com.adfops.analytics.CostSummary;
import com.adfops.diagnosis.RunComparison;
import com.adfops.diagnosis.RunHistory;
import com.adfops.runs.RunningLong;
import com.adfops.answers.Watchlist;
import com.adfops.answers.AuditRecord;
import com.adfops.agent.Reply;
import com.adfops.analytics.TrendSummary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds Adaptive Cards (version 1.5) from the agent's replies: each card's data is computed here and expanded
 * into its template from {@code resources/cards/}. Every text is bounded so a card stays well under Teams'
 * 28 KB limit.
 */
public final class CardFactory {

    /** Teams rejects activities over about 28 KB; keep cards well below. */
    public static final int MAX_CARD_BYTES = 24_000;
    static final int MAX_ROWS = 15;
    static final int MAX_MESSAGE = 1200;
    /** The most characters of an error's short human cause, shown first in a diagnosis. */
    static final int MAX_CAUSE = 300;

    private final ObjectMapper json;
    private final CardTemplateEngine engine = new CardTemplateEngine();
    private final Map<String, JsonNode> templates = new ConcurrentHashMap<>();

    public CardFactory(ObjectMapper json) {
        this.json = json;
    }

    /** Where and when the card is shown: "now" for relative times, the user's zone for clock times. */
    public record View(Instant now, ZoneId zone) {
    }

    /** A reply part's card template and the data it is expanded with. */
    public record CardData(String template, ObjectNode data) {
    }

    /**
     * The card for a reply part, or null for parts that are plain text. Every card the bot sends is made here, so
     * this is where outside text leaves the bot in a card: each string of the expanded card has its secrets masked
     * ({@link ErrorText#redactStrings}), wherever a template put it (text, facts, button data), except the bot's own
     * links ({@link #isOwnLink}).
     */
    public JsonNode card(Reply part, View view) {
        CardData c = cardData(part, view);
        if (c == null) {
            return null;
        }
        JsonNode card = expand(c.template(), c.data());
        ErrorText.redactStrings(card, CardFactory::isOwnLink);
        return card;
    }

    /**
     * The URL of an {@code Action.OpenUrl}: only the bot builds them (the signed {@code /api/export} link, whose
     * {@code token} parameter is a signature the user must get whole, and the link to the original conversation).
     */
    static boolean isOwnLink(JsonNode holder, String field) {
        return field.equals("url") && holder.path("type").asText().equals("Action.OpenUrl");
    }

    /** Which template a reply part uses and its data (the one place that maps parts to cards); null for text. */
    public CardData cardData(Reply part, View view) {
        if (part instanceof Reply.Failing f) {
            return new CardData("failing-pipelines", failingData(f.summary(), view));
        } else if (part instanceof Reply.DiagnosisCard d) {
            return new CardData("diagnosis", diagnosisData(d, view));
        } else if (part instanceof Reply.DocsAnswer a) {
            return new CardData("docs-answer", docsAnswerData(a));
        } else if (part instanceof Reply.Status s) {
            return new CardData("status", StatusHeadline.withAnswer(statusData(s.status(), view), s.answer(), view));
        } else if (part instanceof Reply.Help h) {
            return new CardData("welcome", welcomeData(h.welcome(), h.scope(), h.factories(), view));
        } else if (part instanceof Reply.Problem p) {
            return new CardData("error", problemData(p));
        } else if (part instanceof Reply.Suggestions s) {
            return new CardData("suggestions", suggestionsData(s));
        } else if (part instanceof Reply.Escalation e) {
            return new CardData("escalation", escalationData(e, view));
        } else if (part instanceof Reply.ExpertDetails x) {
            return new CardData("expert-details", expertData(x));
        } else if (part instanceof Reply.Performance p) {
            return new CardData("performance", performanceData(p.summary(), view));
        } else if (part instanceof Reply.Trends t) {
            return new CardData("trends", trendsData(t.summary(), view));
        } else if (part instanceof Reply.Access a) {
            return new CardData("access", accessData(a.factories(), a.history(), view));
        } else if (part instanceof Reply.TurnFailure f) {
            return new CardData("error", failureData(f.kind()));
        } else if (part instanceof Reply.Action a) {
            return new CardData("action", actionData(a.view(), view));
        } else if (part instanceof Reply.Audit a) {
            return new CardData("audit", auditData(a, view));
        } else if (part instanceof Reply.Alert a) {
            return new CardData("alert", alertData(a.view(), view));
        } else if (part instanceof Reply.AlertDigest a) {
            return new CardData("alert-digest", digestData(a, view));
        } else if (part instanceof Reply.Watching w) {
            return new CardData("watching", watchingData(w, view));
        } else if (part instanceof Reply.Export e) {
            return new CardData("export", exportData(e, view));
        } else if (part instanceof Reply.Cost c) {
            return new CardData("cost", costData(c.summary(), view));
        } else if (part instanceof Reply.WhatChanged w) {
            return new CardData("what-changed", whatChangedData(w, view));
        }
        return null;
    }

    /** Expands a named template with data. */
    public JsonNode expand(String template, JsonNode data) {
        JsonNode tpl = templates.computeIfAbsent(template, this::load);
        return engine.expand(tpl, data);
    }

    private JsonNode load(String name) {
        try (InputStream in = CardFactory.class.getResourceAsStream("/cards/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("card template missing: " + name);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- data builders (package-private for golden tests) -----------------------------------------------

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

    ObjectNode diagnosisData(Reply.DiagnosisCard card, View v) {
        ObjectNode d = diagnosisData(card.diagnosis(), v);
        RunHistory h = card.history();
        d.put("history", h == null ? "" : historyLine(h, card.diagnosis().run().sortTime(), v));
        d.put("historyColor", h != null && h.isNew() ? "Default" : "Attention");
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

    /** The Guidance section's data: title naming the source, up to three links with excerpts, or why there are none. */
    private static void putGuidance(ObjectNode d, Guidance g) {
        ArrayNode items = d.putArray("guidance");
        if (g != null) {
            for (DocResult r : g.results().stream().limit(3).toList()) {
                // The one markdown field from outside: the title is escaped and the URL (https, *.microsoft.com only,
                // see docs) cannot close the link.
                items.addObject().put("link", "[" + ErrorText.escapeMarkdown(r.title()) + "]("
                                + r.url().replace(" ", "%20").replace("(", "%28").replace(")", "%29") + ")")
                        .put("excerpt", ErrorText.truncate(r.excerpt(), 280));
            }
        }
        boolean available = g != null && g.available();
        d.put("guidanceTitle", !available ? "Guidance"
                : g.source().equals("Microsoft Learn") ? "📘 Guidance from Microsoft Learn"
                : "📘 Guidance from the " + g.source() + " (offline copy of Microsoft Learn links)");
        d.put("guidanceNote", g == null ? "Guidance is unavailable right now."
                : !available ? "Guidance is unavailable right now. " + g.note()
                : g.note());
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
                + statusWord(run.status()));
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
        fact(facts, "Duration", run.duration().map(CardFactory::duration).orElse("—"));
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
                : "This run has not failed: it is " + statusWord(run.status()) + ".");
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
            state = statusWord(latest.status());
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
        ArrayNode outliers = d.putArray("outliers");
        for (PerformanceSummary.Outlier o : s.outliers()) {
            outliers.addObject().put("line", "🐌 " + o.pipeline() + " run " + o.runId() + ": " + duration(o.duration())
                    + String.format(Locale.ENGLISH, ", %.1fx its usual ", o.ratio()) + duration(o.usual()));
        }
        return d;
    }

    /**
     * The headline of one pipeline's durations, from its verdict: "🐢 Getting slower: the last 8 runs (since ...) took
     * a median of 31m 0s, 3.1x the usual 10m 0s (the 48 runs before: 9m 0s–11m 0s for the middle half). 8 slow runs,
     * up to 3.9x." Every figure is one the chart (its usual line) or the list of slow runs shows too.
     */
    static String verdictLine(DurationVerdict x, View v) {
        if (x.kind() == DurationVerdict.Kind.TOO_LITTLE_HISTORY) {
            return "Too little history to judge: " + x.finished() + (x.finished() == 1 ? " finished run" : " finished runs")
                    + " (" + DurationVerdict.needed() + " needed: the " + DurationVerdict.RECENT_RUNS + " latest and "
                    + DurationVerdict.MIN_BASELINE + " before them).";
        }
        DurationVerdict.Sample r = x.recent();
        DurationVerdict.Sample b = x.baseline();
        String recent = "the last " + r.runs() + " runs (since " + time(r.from(), v) + ") took a median of "
                + duration(r.median());
        String before = "(the " + b.runs() + " runs before: " + duration(b.low()) + "–" + duration(b.high())
                + " for the middle half)";
        String times = String.format(Locale.ENGLISH, "%.1fx", x.ratio());
        int n = x.slowRuns().size();
        String slow = n == 0 ? "" : String.format(Locale.ENGLISH, " %d slow %s, up to %.1fx.", n, n == 1 ? "run" : "runs",
                x.slowestRatio());
        return switch (x.kind()) {
            case SLOWER -> "🐢 Getting slower: " + recent + ", " + times + " the usual " + duration(b.median()) + " "
                    + before + "." + slow;
            case FASTER -> "⚡ Getting faster: " + recent + ", " + times + " the usual " + duration(b.median()) + " "
                    + before + "." + slow;
            case SLOWER_WITHIN_SPREAD -> "Slower than usual, but within its usual spread: " + recent + ", " + times
                    + " the usual " + duration(b.median()) + " " + before + "; " + notSignificant(x) + "." + slow;
            case FASTER_WITHIN_SPREAD -> "Faster than usual, but within its usual spread: " + recent + ", " + times
                    + " the usual " + duration(b.median()) + " " + before + "; " + notSignificant(x) + "." + slow;
            case SLOW_RUNS -> String.format(Locale.ENGLISH, "⚠️ %d slow %s, not a trend: ", n, n == 1 ? "run" : "runs")
                    + recent + " against the usual " + duration(b.median()) + " " + before
                    + String.format(Locale.ENGLISH, "; the slowest took %.1fx.", x.slowestRatio());
            case STEADY -> "About as fast as usual: " + recent + " against the usual " + duration(b.median()) + " "
                    + before + "; none was slow.";
            case TOO_LITTLE_HISTORY -> throw new IllegalStateException();
        };
    }

    /** "not significant (p = 0.14)": why a change of the median is not called a trend. */
    private static String notSignificant(DurationVerdict x) {
        return String.format(Locale.ENGLISH, "not significant (p = %.2g)", x.test().pValue());
    }

    /**
     * A pipeline's trend in the table of the slowest: "🐢 3.1x slower", "slower, 1.5x (not significant)", "⚠️ 2 slow
     * runs", "steady".
     */
    static String trendCell(DurationVerdict x) {
        int n = x.slowRuns().size();
        return switch (x.kind()) {
            case SLOWER -> String.format(Locale.ENGLISH, "🐢 %.1fx slower", x.ratio());
            case FASTER -> String.format(Locale.ENGLISH, "⚡ faster (%.1fx)", x.ratio()) + (n == 0 ? ""
                    : ", " + n + (n == 1 ? " slow run" : " slow runs"));
            case SLOWER_WITHIN_SPREAD, FASTER_WITHIN_SPREAD -> String.format(Locale.ENGLISH, "%s, %.1fx (not significant)",
                    x.kind() == DurationVerdict.Kind.SLOWER_WITHIN_SPREAD ? "slower" : "faster", x.ratio())
                    + (n == 0 ? "" : ", " + n + (n == 1 ? " slow run" : " slow runs"));
            case SLOW_RUNS -> "⚠️ " + n + (n == 1 ? " slow run" : " slow runs");
            case STEADY -> "steady";
            case TOO_LITTLE_HISTORY -> "— (few runs)";
        };
    }

    /**
     * The headline of the slowest pipelines: the ones getting slower against their usual, or how many runs were slow,
     * or (only without either) that none is.
     */
    static String slowestHeadline(PerformanceSummary s) {
        List<PerformanceSummary.PipelineDurations> slower = s.pipelines().stream()
                .filter(p -> p.verdict().kind() == DurationVerdict.Kind.SLOWER)
                .sorted(java.util.Comparator.comparingDouble((PerformanceSummary.PipelineDurations p) -> p.verdict().ratio())
                        .reversed()).toList();
        if (!slower.isEmpty()) {
            String names = String.join(", ", slower.stream().limit(3).map(p -> p.pipeline() + String.format(Locale.ENGLISH,
                    " (%.1fx its usual %s)", p.verdict().ratio(), duration(p.verdict().usual()))).toList());
            return "🐢 Getting slower: " + names + (slower.size() > 3 ? " and " + (slower.size() - 3) + " more" : "") + ".";
        }
        int slow = s.pipelines().stream().mapToInt(p -> p.verdict().slowRuns().size()).sum();
        if (slow > 0) {
            double worst = s.outliers().isEmpty() ? 0 : s.outliers().get(0).ratio();
            return String.format(Locale.ENGLISH, "⚠️ No pipeline is getting slower, but %d %s slow (up to %.1fx the usual).",
                    slow, slow == 1 ? "run was" : "runs were", worst);
        }
        boolean judged = s.pipelines().stream().anyMatch(p -> p.verdict().kind() != DurationVerdict.Kind.TOO_LITTLE_HISTORY);
        long unclear = s.pipelines().stream().filter(p -> p.verdict().kind() == DurationVerdict.Kind.SLOWER_WITHIN_SPREAD)
                .count();
        return !judged ? "" : unclear == 0 ? "No pipeline is getting slower, and no run was slow."
                : "No pipeline is clearly getting slower (" + unclear + " slower than usual but within "
                + (unclear == 1 ? "its" : "their") + " usual spread), and no run was slow.";
    }

    private static String percent(double r) {
        return String.format(Locale.ENGLISH, "%.1f %%", r * 100);
    }

    private static String signedPoints(double delta) {
        return String.format(Locale.ENGLISH, "%+.1f points", delta * 100);
    }

    ObjectNode accessData(List<FactoryStatus> factories, View v) {
        return accessData(factories, null, v);
    }

    ObjectNode accessData(List<FactoryStatus> factories, FactoryStatus history, View v) {
        ObjectNode d = json.createObjectNode();
        long readable = factories.stream().filter(FactoryStatus::readable).count();
        d.put("title", factories.isEmpty() ? "🔌 Data Factory access"
                : readable == factories.size() ? "✅ I can read " + (readable == 1 ? "the factory" : "all " + readable + " factories")
                : "🔌 I can read " + readable + " of " + factories.size() + (factories.size() == 1 ? " factory" : " factories"));
        ArrayNode list = d.putArray("factories");
        for (FactoryStatus f : factories) {
            list.addObject().put("line", accessLine(f, v)).put("fix", f.fix());
        }
        if (history != null) {
            // Not a factory: its own line, without the runs-in-memory wording.
            String line = history.readable() ? "✅ " + history.factory() + ": readable (windows past 45 days, runs ADF no "
                    + "longer keeps)" : history.state() == FactoryStatus.State.LOADING ? "⏳ " + history.factory()
                    + ": checking it now" : "🚫 " + history.factory() + ": I can't read it. " + history.reason();
            list.addObject().put("line", line).put("fix", history.fix());
        }
        return d;
    }

    /** One factory's access in words: "✅ df-x: live, 1,204 runs in memory, as of 10:42:05 UTC". */
    static String accessLine(FactoryStatus f, View v) {
        String at = f.asOf() == null ? "" : clockTime(f.asOf(), v);
        return switch (f.state()) {
            case LIVE -> "✅ " + f.factory() + ": readable" + (f.runs() > 0 ? ", " + f.runs() + " runs in memory" : "")
                    + (at.isEmpty() ? "" : ", as of " + at);
            case STALE -> "⚠️ " + f.factory() + ": readable, but not refreshed since " + at + ": " + f.reason();
            case LOADING -> "⏳ " + f.factory() + ": reading its run history now";
            case FAILING -> "🚫 " + f.factory() + ": I can't read it. " + f.reason();
        };
    }

    /** The welcome and help card's questions that can be asked as they are, one click each. */
    static final List<String> WELCOME_ASKS = List.of("What pipelines are failing?", "What failed in the last 3 days?",
            "How did pipelines do this week?", "Which pipelines are slowest this week?", "What did we spend this week?",
            "Export runs for last week", "What am I watching?", "What was done today?", "Are you connected?");

    /** The welcome and help card's questions about one pipeline, and the follow-ups. */
    static final List<String> WELCOME_EXAMPLES = List.of("Why did ‹pipeline› fail? · then: why did it fail? / and the one before?",
            "What changed since ‹pipeline› last worked?", "Status of ‹pipeline› · Is ‹pipeline› getting slower?",
            "Rerun ‹pipeline› from the failed activity (you confirm on a card)", "What did ‹pipeline› cost this week?",
            "Watch ‹pipeline› (or watch all pipelines): an alert here when it fails", "How do I fix ‹pipeline›?");

    ObjectNode welcomeData(boolean welcome, String scope, List<FactoryStatus> factories, View v) {
        ObjectNode d = json.createObjectNode();
        d.put("title", welcome ? "👋 Hi, I'm ADF Ops" : "What I can do");
        d.put("intro", "I help you run Azure Data Factory from Teams: which pipelines are failing, why a run failed "
                + "(following Execute Pipeline and ForEach into the activity that broke), and how a pipeline is doing; "
                + "rerun or cancel from the card, with a confirmation, and record how an incident was resolved.");
        // Every capability once: the questions that need no name can be clicked; the others show their shape.
        ArrayNode asks = d.putArray("asks");
        for (String q : WELCOME_ASKS) {
            asks.addObject().put("text", q);
        }
        ArrayNode ex = d.putArray("examples");
        for (String q : WELCOME_EXAMPLES) {
            ex.addObject().put("text", q);
        }
        d.put("factoriesText", factories.isEmpty() || v == null ? "" : "Factories: " + String.join(" · ",
                factories.stream().map(f -> accessLine(f, v)).toList()));
        d.put("tip", switch (scope == null ? "" : scope) {
            case "channel" -> "In this channel, @mention me in a post or a reply: I answer in the same thread, and each "
                    + "thread keeps its own context, so parallel incidents never mix. Escalate posts to the incident channel.";
            case "groupChat" -> "In this group chat, @mention me; everyone here shares the conversation's context.";
            case "personal" -> "Just type here; I remember what we talked about until you clear history.";
            default -> "Tip: in a channel or group chat, @mention me. Each chat and channel thread keeps its own context.";
        });
        return d;
    }

    /** The error card's title and recovery steps for each kind of Data Factory problem. */
    private record Recovery(String title, List<String> steps) {
    }

    private static final Map<DataFactoryException.Kind, Recovery> RECOVERY = Map.of(
            DataFactoryException.Kind.AUTHENTICATION, new Recovery("🔑 I couldn't sign in to Azure", List.of(
                    "1. Check the bot's identity: the managed identity in Azure, or `az login` when running locally.",
                    "2. Make sure the tenant and subscription settings match the factory.",
                    "3. If a client secret is used, check it has not expired.")),
            DataFactoryException.Kind.PERMISSION, new Recovery("🚫 I'm not allowed to read this factory", List.of(
                    "1. Give the bot's identity a role on the factory that can query runs (Data Factory Contributor, or a custom role with the queryPipelineRuns and queryActivityruns actions).",
                    "2. Role assignments can take a few minutes to apply; try again afterwards.")),
            DataFactoryException.Kind.NOT_FOUND, new Recovery("🔍 I couldn't find that in Data Factory", List.of(
                    "1. Check the configured subscription, resource group and factory name.",
                    "2. Runs older than 45 days are deleted by ADF.")),
            DataFactoryException.Kind.THROTTLED, new Recovery("⏳ Azure is throttling requests", List.of(
                    "1. Wait a minute and try again.",
                    "2. Ask about a narrower time window or a single pipeline.")),
            DataFactoryException.Kind.NETWORK, new Recovery("🌐 I couldn't reach Data Factory", List.of(
                    "1. Check the bot's network path to management.azure.com (proxy, firewall, private endpoints).",
                    "2. Try again in a minute; the outage may be transient.")),
            DataFactoryException.Kind.SERVICE, new Recovery("⚠️ Data Factory returned an error", List.of(
                    "1. Try again in a minute.", "2. Check Azure status for Data Factory in your region.")));

    ObjectNode problemData(Reply.Problem p) {
        Recovery r = RECOVERY.getOrDefault(p.kind(), RECOVERY.get(DataFactoryException.Kind.SERVICE));
        ObjectNode d = json.createObjectNode();
        d.put("title", r.title());
        d.put("message", p.message());
        ArrayNode s = d.putArray("steps");
        r.steps().forEach(x -> s.addObject().put("text", x));
        d.put("footer", p.factory() == null ? "Nothing was changed." : "Factory: " + p.factory() + ". Nothing was changed.");
        d.put("retryText", "What pipelines are failing?");
        return d;
    }

    /** The card of a turn that failed: what happened and what to do, never the cause's text. */
    ObjectNode failureData(Reply.FailureKind kind) {
        ObjectNode d = json.createObjectNode();
        ArrayNode steps;
        if (kind == Reply.FailureKind.STORAGE) {
            d.put("title", "🗄️ I couldn't reach my storage");
            d.put("message", "I keep each conversation's context in my state store, and it did not answer just now. "
                    + "Nothing was changed in Data Factory.");
            steps = d.putArray("steps");
            steps.addObject().put("text", "1. Try again in a minute.");
            steps.addObject().put("text", "2. Bot owners: check the state store (ADFOPS_STATE_STORE): the data directory's disk, "
                    + "or the storage account, its network rules and the identity's Storage Blob Data Contributor role.");
            d.put("footer", "Your question was not lost: ask it again.");
        } else {
            d.put("title", "⚠️ Something went wrong on my side");
            d.put("message", "I couldn't finish that request. The details are in my log; nothing was changed.");
            steps = d.putArray("steps");
            steps.addObject().put("text", "1. Try again; this conversation still works.");
            steps.addObject().put("text", "2. If it keeps happening, tell the bot's owners the time of the failure.");
            d.put("footer", "Your question was not lost: ask it again or start from the help card.");
        }
        d.put("retryText", "What pipelines are failing?");
        return d;
    }

    ObjectNode suggestionsData(Reply.Suggestions s) {
        ObjectNode d = json.createObjectNode();
        d.put("title", s.title());
        d.put("message", s.message());
        ArrayNode q = d.putArray("questions");
        s.questions().stream().limit(5).forEach(x -> q.addObject().put("text", ErrorText.truncate(x, 80)));
        return d;
    }

    ObjectNode escalationData(Reply.Escalation e, View v) {
        ObjectNode d = json.createObjectNode();
        PipelineRun run = e.run();
        d.put("title", "🚨 Escalated: " + run.pipelineName());
        d.put("byline", "Escalated by " + e.escalatedBy() + " at " + time(e.at(), v));
        d.put("runId", run.runId());
        d.put("factory", run.factory().factoryName());
        d.put("pipeline", run.pipelineName());
        boolean running = run.status() == RunStatus.IN_PROGRESS || run.status() == RunStatus.QUEUED
                || run.status() == RunStatus.CANCELING;
        d.put("canRerun", !running);
        d.put("canRerunFromFailure", run.status() == RunStatus.FAILED || run.status() == RunStatus.CANCELLED);
        ArrayNode facts = d.putArray("facts");
        fact(facts, "Pipeline", run.pipelineName());
        fact(facts, "Factory", run.factory().factoryName());
        fact(facts, "Run ID", run.runId());
        fact(facts, "Status", run.status().wireName());
        fact(facts, "Failed at", run.runEnd() == null ? "—" : time(run.runEnd(), v));
        fact(facts, "Error class", e.errorClass());
        d.put("rootCause", ErrorText.truncate(e.rootCause(), MAX_MESSAGE));
        d.put("originLink", e.originLink());
        d.put("nextStep", e.nextStep());
        putGuidance(d, e.guidance());
        return d;
    }

    ObjectNode expertData(Reply.ExpertDetails x) {
        ObjectNode d = json.createObjectNode();
        d.put("summary", x.calls().size() + (x.calls().size() == 1 ? " tool call" : " tool calls") + ", " + x.rounds()
                + (x.rounds() == 1 ? " model round" : " model rounds") + ", " + x.totalMs() + " ms");
        ArrayNode calls = d.putArray("calls");
        for (Reply.ToolCallInfo c : x.calls().stream().limit(20).toList()) {
            calls.addObject().put("line", (c.ok() ? "✔ " : "✖ ") + c.name() + " " + ErrorText.truncate(c.arguments(), 200)
                    + " · " + c.durationMs() + " ms");
        }
        ArrayNode facts = d.putArray("facts");
        fact(facts, "Model", x.model());
        fact(facts, "Tokens", x.inputTokens() + " in, " + x.outputTokens() + " out");
        return d;
    }

    // ---- formatting ---------------------------------------------------------------------------------------

    /** A run as a fact: shortened and linked to ADF Studio when its factory is known, else the whole id. */
    private static void runFact(ArrayNode facts, String title, String runId, com.adfops.adf.FactoryRef factory) {
        if (factory == null || runId == null || runId.isBlank()) {
            fact(facts, title, runId);
            return;
        }
        facts.addObject().put("title", title).put("value", "").put("link", "run " + shortId(runId))
                .put("url", factory.studioRunUrl(runId));
    }

    private static void fact(ArrayNode facts, String title, String value) {
        // "url" and "link" always present: a template's ${url != ''} must not meet an undefined value (the official
        // templating engine keeps the element then).
        facts.addObject().put("title", title).put("value", value == null || value.isBlank() ? "—" : value)
                .put("link", "").put("url", "");
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    static String statusWord(RunStatus s) {
        return switch (s) {
            case FAILED -> "failed";
            case SUCCEEDED -> "succeeded";
            case IN_PROGRESS -> "is running";
            case QUEUED -> "is queued";
            case CANCELING -> "is being cancelled";
            case CANCELLED -> "was cancelled";
            case UNKNOWN -> "is in an unknown state";
        };
    }

    /**
     * How current the answer is: " · as of 10:42:05 UTC", with the reason when the bot's memory could not refresh, or a
     * note that the window reached beyond it and Data Factory was read directly, and which part came from Data
     * Factory's logs in Log Analytics.
     */
    static String freshness(Freshness f, View v) {
        if (f == null || f.asOf() == null) {
            return "";
        }
        String at = clockTime(f.asOf(), v);
        if (f.allArchived()) {
            return " · from Data Factory's logs in Log Analytics, read at " + at;
        }
        String archived = f.archivedBefore() == null ? "" : "; before "
                + time(f.archivedBefore(), v)
                + " from its logs in Log Analytics";
        if (!f.fromMemory()) {
            return " · read from Data Factory at " + at + archived;
        }
        return " · as of " + at + (f.stale() ? " (not refreshed since: " + ErrorText.truncate(f.staleReason(), 160) + ")" : "")
                + archived;
    }

    /** What happened to a rerun of a failed run that did not succeed. */
    static String rerunNote(PipelineRun rerun, View v) {
        String at = "a rerun at " + time(rerun.sortTime(), v);
        return switch (rerun.status()) {
            case CANCELLED, CANCELING -> at + " was cancelled";
            case IN_PROGRESS -> at + " is still running";
            case QUEUED -> at + " is queued";
            case FAILED -> at + " failed too";
            default -> at + " " + statusWord(rerun.status());
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

    /** Most audit entries on one card. */
    static final int MAX_AUDIT = 25;

    ObjectNode actionData(ActionView a, View v) {
        ObjectNode d = json.createObjectNode();
        boolean cancel = a.kind() == ActionKind.CANCEL;
        String what = switch (a.kind()) {
            case RERUN_FROM_FAILURE -> "rerun " + a.pipeline() + " from the failed activity";
            case RERUN -> "rerun " + a.pipeline();
            case CANCEL -> "cancel the run of " + a.pipeline();
            default -> a.pipeline();
        };
        String by = a.actedBy().isEmpty() ? "" : a.actedBy() + (a.actedAt() == null ? "" : " at " + time(a.actedAt(), v));
        String title;
        String byline;
        String style;
        switch (a.state()) {
            case PENDING -> {
                title = (cancel ? "⏹️ " : "🔁 ") + "Confirm: " + what + "?";
                byline = "Asked by " + a.requestedBy() + ". Confirm by " + time(a.expiresAt(), v) + "; after that, ask again.";
                style = "warning";
            }
            case CLAIMED -> {
                title = "⏳ Starting: " + what;
                byline = "Confirmed by " + by + ".";
                style = "emphasis";
            }
            case STARTED -> {
                title = cancel ? "⏹️ Cancel requested: " + a.pipeline() : "▶️ Rerun started: " + a.pipeline();
                byline = (cancel ? "Cancelled by " : "Rerun started by ") + by
                        + (a.newRunId().isEmpty() ? "." : ": run " + shortId(a.newRunId()) + ".") + " I'll post the outcome here.";
                style = "good";
            }
            case FINISHED -> {
                title = "🏁 Done: " + what;
                byline = (cancel ? "Cancel" : "Rerun") + " confirmed by " + by + (a.newRunId().isEmpty() ? "."
                        : ": run " + shortId(a.newRunId()) + ".");
                style = "emphasis";
            }
            case FAILED -> {
                title = "🚫 Could not " + what;
                byline = "Confirmed by " + by + "; Data Factory refused it. Nothing was started.";
                style = "attention";
            }
            case DISMISSED -> {
                title = "✖️ Not done: " + what;
                byline = "Cancelled by " + by + ". Nothing was run.";
                style = "default";
            }
            case EXPIRED -> {
                title = "⌛ This confirmation expired";
                byline = "Nobody confirmed by " + time(a.expiresAt(), v) + ", so nothing was run. Click the button on the "
                        + "diagnosis card again to get a fresh confirmation.";
                style = "default";
            }
            case REFUSED -> {
                title = "🚫 You can't " + what + " from here";
                byline = "Asked by " + a.requestedBy() + ".";
                style = "attention";
            }
            case RESOLVED -> {
                title = "✅ Resolved: " + a.pipeline();
                byline = "Resolved by " + by + ".";
                style = "good";
            }
            default -> {
                title = what;
                byline = "";
                style = "default";
            }
        }
        d.put("title", title);
        d.put("byline", byline);
        d.put("style", style);
        d.put("actionId", a.id());
        d.put("factory", a.factory());
        d.put("pending", a.state() == ActionView.State.PENDING);
        d.put("newRunId", a.newRunId());
        d.put("confirmTitle", cancel ? "Confirm: cancel the run" : "Confirm: start the rerun");
        d.put("dismissTitle", cancel ? "Keep it running" : "Cancel");
        ArrayNode facts = d.putArray("facts");
        fact(facts, "Factory", a.factory());
        fact(facts, "Pipeline", a.pipeline());
        runFact(facts, cancel ? "Run to cancel" : a.kind() == ActionKind.RESOLVE ? "Run" : "Reference run", a.runId(),
                a.factoryRef());
        if (!a.clickedRunId().isEmpty()) {
            fact(facts, "Failure in", a.clickedPipeline() + " (child run " + a.clickedRunId() + ")");
        }
        if (a.kind() == ActionKind.RERUN_FROM_FAILURE) {
            fact(facts, "Starts at", a.startsAt().isEmpty() ? "the failed activities" : a.startsAt());
        } else if (a.kind() == ActionKind.RERUN) {
            fact(facts, "Starts at", "the start (every activity runs again)");
        }
        if (!cancel && a.kind() != ActionKind.RESOLVE) {
            fact(facts, "Parameters", a.parameters().isEmpty() ? "none" : ErrorText.truncate(a.parameters().entrySet()
                    .stream().map(e -> e.getKey() + " = " + SecretRedactor.redactParameter(e.getKey(), e.getValue()))
                    .collect(java.util.stream.Collectors.joining("; ")), 400) + " (reused)");
        }
        if (!a.newRunId().isEmpty()) {
            runFact(facts, "New run", a.newRunId(), a.factoryRef());
        }
        String explain = "";
        if (a.state() == ActionView.State.PENDING) {
            explain = switch (a.kind()) {
                case RERUN_FROM_FAILURE -> "Data Factory starts a recovery run in the same run group"
                        + (a.clickedRunId().isEmpty() ? "" : " of the top-level run (a child pipeline's failure reruns its parent)")
                        + ": the activities that succeeded are skipped, the failed ones and everything after them run again. "
                        + "It reuses the reference run's parameters; new parameters cannot be given to a recovery run.";
                case RERUN -> "Data Factory starts a new run in the same run group"
                        + (a.clickedRunId().isEmpty() ? "" : " of the top-level run")
                        + " that runs every activity again, with the reference run's parameters.";
                case CANCEL -> "Data Factory cancels the run and every child run it started (Execute Pipeline). "
                        + "Activities that are running stop; nothing after them runs.";
                default -> "";
            };
        }
        d.put("explain", explain);
        d.put("messageTitle", a.state() == ActionView.State.RESOLVED ? "How it was fixed: " : a.state() == ActionView.State.REFUSED ? ""
                : a.state() == ActionView.State.FAILED ? "Data Factory said: " : "");
        // A finished run's outcome is said once, in the message that notifies; its confirmation card only records it.
        d.put("message", a.state() == ActionView.State.FINISHED ? "" : a.message());
        String advice = "";
        if (!a.missingAction().isEmpty()) {
            advice = "The bot's identity lacks the Azure action " + ErrorText.escapeMarkdown(a.missingAction())
                    + " on factory " + ErrorText.escapeMarkdown(a.factory())
                    + ". Ask an owner of the factory to give it the custom role \"ADF run operator\" (created by the "
                    + "deployment template when enableRunOperatorRole is true), which allows only starting and "
                    + "cancelling runs. Role assignments can take a few minutes to apply.";
        }
        d.put("advice", advice);
        return d;
    }

    ObjectNode auditData(Reply.Audit a, View v) {
        ObjectNode d = json.createObjectNode();
        d.put("title", "🧾 What was done" + (a.pipeline().isEmpty() ? "" : " on " + a.pipeline()) + ", " + a.window());
        d.put("subtitle", a.entries().size() + (a.entries().size() == 1 ? " entry" : " entries")
                + " from cards (reruns, cancels, resolutions), newest first");
        d.put("emptyText", "Nothing was done from cards " + (a.pipeline().isEmpty() ? "" : "on " + a.pipeline() + " ")
                + "in " + a.window() + ".");
        ArrayNode rows = d.putArray("entries");
        for (AuditRecord e : a.entries().stream().limit(MAX_AUDIT).toList()) {
            String what = switch (e.what()) {
                case "rerunfromfailure" -> "rerun from the failed activity";
                case "rerun" -> "rerun";
                case "cancel" -> "cancel";
                case "resolve" -> "resolved";
                case "outcome" -> "outcome";
                default -> e.what();
            };
            ObjectNode row = rows.addObject();
            row.put("when", time(e.at(), v));
            row.put("line", e.who() + " · " + what + " · " + e.pipeline() + " (" + e.factory() + ") · run " + e.runId()
                    + (e.newRunId().isEmpty() ? "" : " → " + e.newRunId()) + " · " + e.result());
            row.put("note", e.note());
        }
        int more = a.entries().size() - Math.min(MAX_AUDIT, a.entries().size());
        d.put("moreText", more > 0 ? "…and " + more + " older entries. Ask about a shorter window or one pipeline." : "");
        return d;
    }

    /**
     * "⏱️ Running long: usually 18m 0s–22m 0s, p95 22m 0s (its last 12 successful runs, over 12 days); running 1h 15m,
     * 3.4x the p95; run ... started Nov 26, 01:00 UTC".
     */
    static String runningLongLine(RunningLong r, View v) {
        return "⏱️ Running long: " + r.comparison() + "; run " + shortId(r.run().runId()) + " started " + time(r.run().runStart(), v);
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

    ObjectNode exportData(Reply.Export e, View v) {
        ObjectNode d = json.createObjectNode();
        String when = e.window().label();
        d.put("title", "📄 Runs of " + e.scope() + " " + (when.startsWith("the ") ? "in " + when : when));
        d.put("subtitle", time(e.window().from(), v) + " – " + time(e.window().to(), v));
        ArrayNode facts = d.putArray("facts");
        fact(facts, "Runs", String.valueOf(e.runs()));
        fact(facts, "Succeeded", String.valueOf(e.succeeded()));
        fact(facts, "Failed", String.valueOf(e.failed()));
        fact(facts, "Other", String.valueOf(e.runs() - e.succeeded() - e.failed()));
        d.put("link", e.link());
        d.put("shareable", e.shareable());
        d.put("sharedBy", e.sharedBy());
        d.put("exportFactory", e.factory() == null ? "" : e.factory());
        d.put("exportPipelines", e.pipelines() == null ? "" : e.pipelines());
        d.put("exportFrom", e.window().from().toString());
        d.put("exportTo", e.window().to().toString());
        d.put("exportLabel", when);
        d.put("note", !e.sharedBy().isEmpty() ? "*Get a download link* gives whoever clicks it a link to the CSV (one row per run) that works for " + e.minutes() + " minutes."
                : e.link().isEmpty() ? "Downloads are not available in this installation."
                : "The CSV has one row per run: factory, pipeline, run id, trigger, start, end, duration, status, error "
                        + "code, message (secrets redacted), rerun of. The link works for " + e.minutes() + " minutes "
                        + "and only for this organization; ask again for a fresh one.");
        return d;
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
        String before = ok.duration().map(CardFactory::duration).orElse("—");
        String after = f.duration().map(CardFactory::duration).orElse("—");
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

    ObjectNode alertData(AlertView a, View v) {
        ObjectNode d = json.createObjectNode();
        boolean recovered = a.state() == AlertView.State.RECOVERED;
        boolean running = a.kind() == AlertView.Kind.RUNNING_LONG;
        d.put("title", recovered ? "✅ Recovered: " + a.pipeline() : running ? "⏱️ " + a.pipeline() + " is running long"
                : "🚨 " + a.pipeline() + " failed");
        boolean linked = !a.runUrl().isEmpty();
        String when = a.failedAt() == null ? "" : running ? " · started " + timeAgo(a.failedAt(), v)
                : " · failed " + timeAgo(a.failedAt(), v);
        // The run last, as a link to ADF Studio when its factory is configured.
        d.put("byline", linked ? "In " + a.factory() + when + " · " : "Run " + shortId(a.runId()) + " in " + a.factory() + when);
        d.put("runLabel", linked ? "run " + shortId(a.runId()) : "");
        d.put("runUrl", a.runUrl());
        d.put("style", recovered ? "good" : a.state() == AlertView.State.ACKNOWLEDGED ? "emphasis" : running ? "warning" : "attention");
        d.put("stateLine", switch (a.state()) {
            case ACKNOWLEDGED -> "Acknowledged by " + a.by() + (a.at() == null ? "" : " at " + time(a.at(), v));
            case SNOOZED -> "Snoozed by " + a.by() + " until " + time(a.until(), v)
                    + ": no alerts for this pipeline here until then";
            case RECOVERED -> "Recovered" + (a.at() == null ? "" : " at " + time(a.at(), v))
                    + (a.recoveredRun().isEmpty() ? "" : ": run " + a.recoveredRun() + " succeeded");
            default -> "";
        });
        d.put("rootTitle", running ? "What is happening" : "Likely root cause");
        d.put("alertId", a.alertId());
        d.put("runId", a.runId());
        d.put("factory", a.factory());
        d.put("active", !recovered);
        d.put("canAcknowledge", a.state() == AlertView.State.OPEN || a.state() == AlertView.State.SNOOZED);
        ArrayNode facts = d.putArray("facts");
        if (!a.errorCode().isEmpty()) {
            fact(facts, "Error code", a.errorCode());
        }
        if (!a.errorClass().isEmpty()) {
            fact(facts, "Error class", a.errorClass());
        }
        d.put("rootCause", ErrorText.truncate(a.rootCause().isEmpty() ? "ADF recorded no error message." : a.rootCause(),
                MAX_MESSAGE));
        d.put("nextStep", a.nextStep() == null ? "" : a.nextStep());
        d.put("othersTitle", "Same root cause, also failed:");
        ArrayNode others = d.putArray("others");
        a.others().stream().limit(MAX_ROWS).forEach(o -> others.addObject().put("line", o));
        if (a.guidance() != null) {
            putGuidance(d, a.guidance());
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

    ObjectNode watchingData(Reply.Watching w, View v) {
        ObjectNode d = json.createObjectNode();
        d.put("title", "👀 Watched here");
        d.put("message", w.message());
        d.put("emptyText", "Nothing is watched in this conversation. Say \"watch all pipelines\", \"watch Finance-*\" or "
                + "\"watch <pipeline>\" and I'll post an alert here when a run fails.");
        ArrayNode rows = d.putArray("watches");
        for (Watchlist.Watch x : w.watches()) {
            rows.addObject().put("pattern", x.pattern())
                    .put("meta", (x.pattern().equals("*") ? " (every pipeline)" : "")
                            + (x.factory() == null ? "" : " in " + x.factory()) + " · added by " + x.by()
                            + (x.at() == null ? "" : " " + timeAgo(x.at(), v)));
        }
        d.put("footer", "When a watched pipeline's run fails, I post an alert here with the diagnosis (a channel gets a new "
                + "post). Acknowledge, Snooze and Escalate are on the alert; when a later run succeeds, the alert says so.");
        return d;
    }

    /** Colours that tell a chart's series apart at a glance (Teams' categorical palette, most distinct first). */
    static final List<String> SERIES_COLORS = List.of("categoricalBlue", "categoricalMarigold", "categoricalTeal",
            "categoricalRed", "categoricalPurple", "categoricalLime", "categoricalLightBlue", "categoricalGreen");

    /** A run id as shown (the whole id is in the link and the buttons): its first 8 characters. */
    static String shortId(String runId) {
        return runId == null || runId.length() <= 12 ? String.valueOf(runId) : runId.substring(0, 8) + "…";
    }

    static String time(Instant t, View v) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ENGLISH).withZone(v.zone());
        return f.format(t) + " " + zoneName(v);
    }

    /** A time of day to the second with its zone ("10:42:05 UTC"): every time on a card says which zone it is in. */
    static String clockTime(Instant t, View v) {
        return DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH).withZone(v.zone()).format(t) + " " + zoneName(v);
    }

    static String zoneName(View v) {
        return v.zone().getId().equals("Z") ? "UTC" : v.zone().getId();
    }

    static String timeAgo(Instant t, View v) {
        Duration d = Duration.between(t, v.now());
        String ago;
        if (d.isNegative() || d.toMinutes() < 1) {
            ago = "just now";
        } else if (d.toHours() < 1) {
            ago = d.toMinutes() + " min ago";
        } else if (d.toDays() < 2) {
            ago = d.toHours() + " h ago";
        } else {
            ago = d.toDays() + " days ago";
        }
        return time(t, v) + " (" + ago + ")";
    }

    static String duration(Duration d) {
        return com.adfops.runs.DurationText.text(d);
    }
}
