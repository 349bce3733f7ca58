package com.adfops.agent;

import static com.adfops.agent.AnswerKit.str;

import com.adfops.adf.FactoryRef;
import com.adfops.adf.RunStatus;
import com.adfops.analytics.Analytics;
import com.adfops.analytics.CostSummary;
import com.adfops.analytics.PerformanceSummary;
import com.adfops.analytics.TrendSummary;
import com.adfops.answers.ExportLinks;
import com.adfops.runs.AdfTools;
import com.adfops.runs.ErrorText;
import com.adfops.runs.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How pipelines did, how long they take, what they cost (from {@link Analytics}, as on every face), the compliance
 * export, and how heavy such a question is to answer.
 */
final class AnalyticsAnswers {

    /** Cost questions reading at most this many runs' billing themselves are answered in the conversation's turn. */
    static final int LIGHT_COST_RUNS = 8;
    /** How far past the memory a window may start and still be read from memory (its edge is read once). */
    private static final Duration PAST_MEMORY = Duration.ofDays(1);
    /** What memory holds without the run index. */
    private static final Duration MEMORY = Duration.ofDays(7);
    private static final List<String> NARROWER = List.of("What pipelines failed today?", "Trends for the last 7 days");

    private final AdfTools tools;
    private final Analytics analytics;
    private final ExportLinks exports;
    private final AnswerKit kit;

    AnalyticsAnswers(AdfTools tools, Analytics analytics, ExportLinks exports, AnswerKit kit) {
        this.tools = tools;
        this.analytics = analytics;
        this.exports = exports;
        this.kit = kit;
    }

    /**
     * Heavy: cost questions reading the billing of more than {@link #LIGHT_COST_RUNS} runs themselves, and questions
     * whose window reaches more than a day past what the bot's memory holds (each such question reads Data Factory,
     * page by page).
     */
    Agent.Effort effort(Intent intent) {
        if (intent instanceof Intent.Cost c) {
            return costEffort(c);
        }
        TimeWindow window = intent instanceof Intent.Export e ? analytics.window(e.window())
                : intent instanceof Intent.Trends t ? t.window()
                : intent instanceof Intent.Performance p ? p.window()
                : intent instanceof Intent.Status st ? st.window()
                : intent instanceof Intent.FailingList f ? f.window() : null;
        return window != null && reachesPastMemory(window)
                ? Agent.Effort.heavy("reading the runs of " + window.label(), NARROWER) : Agent.Effort.LIGHT;
    }

    private Agent.Effort costEffort(Intent.Cost c) {
        TimeWindow window = analytics.window(c.window());
        List<String> narrower = List.of("What did we spend yesterday?", "Most expensive pipelines today");
        if (reachesPastMemory(window)) {
            return Agent.Effort.heavy("reading the runs of " + window.label() + " and their cost", narrower);
        }
        AdfTools.RunsResult r = CostSummary.runs(tools, c.factory(), c.pipelines(), window);
        // Runs already summarized cost nothing to count; the answer reads the others only when they are few.
        int reads = r.unknownPipeline() ? 0 : CostSummary.readsFor(tools, r);
        return reads <= LIGHT_COST_RUNS ? Agent.Effort.LIGHT
                : Agent.Effort.heavy("reading the cost of " + reads + " runs of " + window.label(), narrower);
    }

    /** Whether a window starts more than {@link #PAST_MEMORY} before what memory holds (7 days without the index). */
    private boolean reachesPastMemory(TimeWindow window) {
        for (FactoryRef f : tools.factories()) {
            Instant held = tools.heldSince(f);
            Instant memory = held != null ? held : tools.now().minus(MEMORY);
            if (window.from().isBefore(memory.minus(PAST_MEMORY))) {
                return true;
            }
        }
        return false;
    }

    /** How pipelines did: the window (default the last 7 days) against the period before it. */
    AgentReply trends(Intent.Trends tr, Turn turn) {
        Analytics.Answer<TrendSummary> a = analytics.trends(tr.factory(), tr.pipelines(), tr.window(), turn.zone());
        if (a instanceof Analytics.Answer.UnknownPipeline<TrendSummary> u) {
            return kit.unknownPipeline(tr.pipelines(), u.closest(), "Trends for %s");
        }
        return AgentReply.of(new Reply.Trends(((Analytics.Answer.Found<TrendSummary>) a).summary()));
    }

    /** How long pipelines take: the window (default the last 7 days) against the period before it. */
    AgentReply performance(Intent.Performance perf, Turn turn) {
        Analytics.Answer<PerformanceSummary> a = analytics.durations(perf.factory(), perf.pipelines(), perf.window(),
                turn.zone());
        if (a instanceof Analytics.Answer.UnknownPipeline<PerformanceSummary> u) {
            return kit.unknownPipeline(perf.pipelines(), u.closest(), "How long does %s take?");
        }
        return AgentReply.of(new Reply.Performance(((Analytics.Answer.Found<PerformanceSummary>) a).summary()));
    }

    /**
     * What pipelines cost: every finished run of the window (default the last 7 days), each priced from its billing
     * summary ({@link Analytics#cost}, as the model's {@code adf_cost}).
     */
    AgentReply cost(Intent.Cost c) {
        CostSummary.Answer a = analytics.cost(c.factory(), c.pipelines(), c.window());
        if (a instanceof CostSummary.Answer.UnknownPipeline u) {
            return kit.unknownPipeline(c.pipelines(), u.closest(), "What did %s cost this week?");
        }
        return AgentReply.of(new Reply.Cost(((CostSummary.Answer.Priced) a).summary()));
    }

    /** A compliance export: the window's totals (default the last 7 days) and a signed, short-lived CSV link. */
    AgentReply export(Intent.Export e, Turn turn) {
        return export(e.factory(), e.pipelines(), analytics.window(e.window()), turn, null);
    }

    /**
     * The export of a window; {@code sharedBy} non-null builds the copy for the report channel (no link: a link is
     * asked for by whoever wants one, with *Get a download link*).
     */
    private AgentReply export(String factory, String pipelines, TimeWindow window, Turn turn, String sharedBy) {
        AdfTools.RunsResult r = tools.pipelineRuns(new AdfTools.RunsRequest(factory, pipelines, Set.of(), window));
        if (r.unknownPipeline()) {
            return kit.unknownPipeline(pipelines, r.closest(), "Export runs of %s for last week");
        }
        int ok = (int) r.runs().stream().filter(x -> x.status() == RunStatus.SUCCEEDED).count();
        int bad = (int) r.runs().stream().filter(x -> x.status() == RunStatus.FAILED).count();
        String selected = pipelines == null ? null : (r.pipelines().size() == 1 ? r.pipelines().get(0) : pipelines);
        String link = sharedBy != null ? ""
                : exports.link(factory, selected, window.from(), window.to(), turn.tenantId()).orElse("");
        return AgentReply.of(new Reply.Export(Analytics.scope(pipelines, r), window, r.runs().size(), ok, bad, link,
                exports.minutes(), factory, selected, exports.shareable() && sharedBy == null, sharedBy));
    }

    /** The export a *Share to channel* or *Get a download link* button names. */
    AgentReply exportOf(Turn turn, boolean share) {
        Instant from = instant(turn.action().get("from"));
        Instant to = instant(turn.action().get("to"));
        if (from == null || to == null || !from.isBefore(to)) {
            return kit.stale("That button did not say which runs to export.");
        }
        // The button's data comes back from the client: keep it within what questions may reach, and short.
        Instant earliest = tools.now().minus(tools.history());
        if (from.isBefore(earliest)) {
            from = earliest;
        }
        if (!from.isBefore(to)) {
            return kit.stale("That button's window is older than the run history kept.");
        }
        String label = ErrorText.truncate(Optional.ofNullable(str(turn.action().get("label"))).orElse("the chosen window"), 60);
        return export(str(turn.action().get("factory")), str(turn.action().get("pipeline")), new TimeWindow(from, to, label),
                turn, share ? Optional.ofNullable(turn.userName()).filter(n -> !n.isBlank()).orElse("someone") : null);
    }

    private static Instant instant(Object o) {
        if (!(o instanceof String s)) {
            return null;
        }
        try {
            return Instant.parse(s.trim());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
