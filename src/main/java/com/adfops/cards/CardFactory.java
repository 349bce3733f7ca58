package com.adfops.cards;

import com.adfops.agent.Reply;
import com.adfops.runs.ErrorText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds Adaptive Cards (version 1.5) from the agent's replies: each reply part goes to its card family (one class
 * and one template folder under {@code resources/cards/} each: {@link RunCards}, {@link DiagnosisCards},
 * {@link AnalyticsCards}, {@link AlertCards}, {@link ActionCards}, {@link AdminCards}, {@link ImpactCards}), which
 * computes the card's data; here it is expanded into its template and redacted. Every text is bounded so a card stays
 * well under Teams' 28 KB limit.
 * {@link AnalyticsCards}, {@link ScheduleCards}, {@link AlertCards}, {@link ActionCards}, {@link AdminCards}), which computes the card's data;
 * here it is expanded into its template and redacted. Every text is bounded so a card stays well under Teams' 28 KB
 * limit.
 */
public final class CardFactory {

    /** Teams rejects activities over about 28 KB; keep cards well below. */
    public static final int MAX_CARD_BYTES = 24_000;

    private final ObjectMapper json;
    private final CardTemplateEngine engine = new CardTemplateEngine();
    private final Map<String, JsonNode> templates = new ConcurrentHashMap<>();
    private final RunCards runs;
    private final DiagnosisCards diagnosis;
    private final AnalyticsCards analytics;
    private final AlertCards alerts;
    private final ActionCards actions;
    private final AdminCards admin;
    private final ImpactCards impact;
    private final ScheduleCards schedule;

    public CardFactory(ObjectMapper json) {
        this.json = json;
        this.runs = new RunCards(json);
        this.diagnosis = new DiagnosisCards(json);
        this.analytics = new AnalyticsCards(json);
        this.alerts = new AlertCards(json);
        this.actions = new ActionCards(json);
        this.admin = new AdminCards(json);
        this.impact = new ImpactCards(json);
        this.schedule = new ScheduleCards(json);
    }

    /** Where and when the card is shown: "now" for relative times, the user's zone for clock times. */
    public record View(Instant now, ZoneId zone) {
    }

    /**
     * A reply part's card template ({@code family/name}: {@code resources/cards/family/name.json}) and the data it is
     * expanded with.
     */
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

    /**
     * Which template a reply part uses and its data (the one place that maps parts to cards, each to its family);
     * null for text.
     */
    public CardData cardData(Reply part, View view) {
        // Runs: the failing list and a pipeline's status.
        if (part instanceof Reply.Failing f) {
            return new CardData("runs/failing-pipelines", runs.failingData(f.summary(), view));
        } else if (part instanceof Reply.Status s) {
            return new CardData("runs/status", StatusHeadline.withAnswer(runs.statusData(s.status(), view), s.answer(), view));
        // Diagnosis: why a run failed, and guidance.
        } else if (part instanceof Reply.DiagnosisCard d) {
            return new CardData("diagnosis/diagnosis", diagnosis.diagnosisData(d, view));
        } else if (part instanceof Reply.DocsAnswer a) {
            return new CardData("diagnosis/docs-answer", diagnosis.docsAnswerData(a));
        // Analytics: trends, durations, cost, what changed.
        } else if (part instanceof Reply.Trends t) {
            return new CardData("analytics/trends", analytics.trendsData(t.summary(), view));
        } else if (part instanceof Reply.Performance p) {
            return new CardData("analytics/performance", analytics.performanceData(p.summary(), view));
        } else if (part instanceof Reply.Cost c) {
            return new CardData("analytics/cost", analytics.costData(c.summary(), view));
        } else if (part instanceof Reply.WhatChanged w) {
            return new CardData("analytics/what-changed", analytics.whatChangedData(w, view));
        // Impact: what depends on a pipeline, the self-hosted integration runtimes.
        } else if (part instanceof Reply.DependantsCard c) {
            return new CardData("impact/dependants", impact.dependantsData(c, view));
        } else if (part instanceof Reply.RuntimeHealth r) {
            return new CardData("impact/runtimes", impact.runtimesData(r, view));
        // Schedules: on schedule, and what runs next.
        } else if (part instanceof Reply.OnSchedule o) {
            return new CardData("schedule/on-schedule", schedule.onScheduleData(o, view));
        } else if (part instanceof Reply.Upcoming u) {
            return new CardData("schedule/upcoming", schedule.upcomingData(u, view));
        // Alerts.
        } else if (part instanceof Reply.Alert a) {
            return new CardData("alerts/alert", alerts.alertData(a.view(), view));
        } else if (part instanceof Reply.AlertDigest a) {
            return new CardData("alerts/alert-digest", alerts.digestData(a, view));
        // Actions: rerun, cancel, resolve, escalate.
        } else if (part instanceof Reply.Action a) {
            return new CardData("actions/action", actions.actionData(a.view(), view));
        } else if (part instanceof Reply.Escalation e) {
            return new CardData("actions/escalation", actions.escalationData(e, view));
        // Admin: help, access, problems, suggestions, expert details, audit, exports, watches.
        } else if (part instanceof Reply.Help h) {
            return new CardData("admin/welcome", admin.welcomeData(h.welcome(), h.scope(), h.factories(), view));
        } else if (part instanceof Reply.Access a) {
            return new CardData("admin/access", admin.accessData(a.factories(), a.history(), view));
        } else if (part instanceof Reply.Problem p) {
            return new CardData("admin/error", admin.problemData(p));
        } else if (part instanceof Reply.TurnFailure f) {
            return new CardData("admin/error", admin.failureData(f.kind()));
        } else if (part instanceof Reply.Suggestions s) {
            return new CardData("admin/suggestions", admin.suggestionsData(s));
        } else if (part instanceof Reply.ExpertDetails x) {
            return new CardData("admin/expert-details", admin.expertData(x));
        } else if (part instanceof Reply.Audit a) {
            return new CardData("admin/audit", admin.auditData(a, view));
        } else if (part instanceof Reply.Export e) {
            return new CardData("admin/export", admin.exportData(e, view));
        } else if (part instanceof Reply.Watching w) {
            return new CardData("admin/watching", admin.watchingData(w, view));
        }
        return null;
    }

    /** Expands a named template ({@code family/name}) with data. */
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
}
