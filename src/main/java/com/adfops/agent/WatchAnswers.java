package com.adfops.agent;

import static com.adfops.agent.AnswerKit.safe;

import com.adfops.adf.FactoryRef;
import com.adfops.answers.AuditRecord;
import com.adfops.answers.AuditTrail;
import com.adfops.answers.Watchlist;
import com.adfops.runs.AdfTools;
import com.adfops.runs.ErrorText;
import com.adfops.runs.NameMatcher;
import com.adfops.runs.TimeWindow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** What this conversation watches (watch, unwatch, the list), what was done from cards, and what is not there yet. */
final class WatchAnswers {

    private final AdfTools tools;
    private final Watchlist watchlist;
    private final AuditTrail audit;
    private final AnswerKit kit;

    WatchAnswers(AdfTools tools, Watchlist watchlist, AuditTrail audit, AnswerKit kit) {
        this.tools = tools;
        this.watchlist = watchlist;
        this.audit = audit;
        this.kit = kit;
    }

    /**
     * Watches a pipeline (its name resolved against the factories, so a typo does not watch nothing) or a pattern
     * with {@code *} here.
     */
    AgentReply watch(Turn turn, String pattern, String factory) {
        String p = pattern.trim();
        if (factory != null && tools.factories().stream().noneMatch(f -> f.factoryName().equalsIgnoreCase(factory))) {
            return AgentReply.of(new Reply.Suggestions("Unknown factory", "I don't read a factory called "
                    + ErrorText.truncate(safe(factory), 80) + ". The factories I read: " + tools.factories().stream()
                    .map(FactoryRef::factoryName).collect(Collectors.joining(", ")) + ".",
                    List.of("Watch all pipelines", "Are you connected?")));
        }
        if (!p.contains("*")) {
            NameMatcher.Match m = NameMatcher.match(p, tools.allPipelineNames());
            if (m.name().isEmpty()) {
                return kit.unknownPipeline(p, m.closest(), "Watch %s");
            }
            p = m.name().get();
        } else if (p.length() > 200) {
            return AgentReply.of(new Reply.Text("That pattern is too long; use a shorter one with * (e.g. Finance-*)."));
        }
        try {
            List<Watchlist.Watch> all = watchlist.watch(turn.conversationId(),
                    new Watchlist.Watch(p, factory, turn.userName(), tools.now()));
            String what = p.equals("*") ? "every pipeline" : p.contains("*") ? "pipelines matching " + p : p;
            return AgentReply.of(new Reply.Watching("Watching " + what + (factory == null ? "" : " in " + factory)
                    + " here: when a run fails, runs long, misses its schedule or its SLA, or its self-hosted runtime goes "
                    + "down, I post an alert.", all));
        } catch (UnsupportedOperationException off) {
            return AgentReply.of(new Reply.Text("Alerts are not set up in this installation of the bot, so I can't watch "
                    + "pipelines here. Ask me when you want to know what is failing."));
        }
    }

    AgentReply unwatch(Turn turn, String pattern) {
        List<Watchlist.Watch> before = watchlist.watching(turn.conversationId());
        if (pattern.isBlank()) {
            return AgentReply.of(new Reply.Watching(before.isEmpty() ? "" : "Which one? Click Unwatch next to it.", before));
        }
        String p = pattern.trim();
        if (!p.equals("*")) {
            String typed = p;
            p = before.stream().map(Watchlist.Watch::pattern).filter(x -> x.equalsIgnoreCase(typed)).findFirst()
                    .or(() -> NameMatcher.match(typed, before.stream().map(Watchlist.Watch::pattern).toList()).name())
                    .orElse(typed);
        }
        List<Watchlist.Watch> after = watchlist.unwatch(turn.conversationId(), p);
        String msg = after.size() == before.size() ? "I wasn't watching " + (p.equals("*") ? "anything" : p) + " here."
                : p.equals("*") ? "Stopped watching everything here." : "Stopped watching " + p + " here.";
        return AgentReply.of(new Reply.Watching(msg, after));
    }

    AgentReply watching(Turn turn) {
        return AgentReply.of(new Reply.Watching("", watchlist.watching(turn.conversationId())));
    }

    /** What was done from cards: today by default for "what was done today?", else the last 7 days. */
    AgentReply audit(Intent.Audit a) {
        TimeWindow window = a.window() != null ? a.window() : kit.defaultWindow();
        String pipeline = null;
        if (a.pipeline() != null) {
            NameMatcher.Match m = NameMatcher.match(a.pipeline(), tools.allPipelineNames());
            if (m.name().isEmpty()) {
                return kit.unknownPipeline(a.pipeline(), m.closest(), "Audit for %s");
            }
            pipeline = m.name().get();
        }
        String p = pipeline;
        List<AuditRecord> entries = new ArrayList<>(audit.between(window.from(), window.to()).stream()
                .filter(e -> p == null || p.equalsIgnoreCase(e.pipeline()))
                .filter(e -> a.factory() == null || a.factory().equalsIgnoreCase(e.factory()))
                .toList());
        Collections.reverse(entries);
        return AgentReply.of(new Reply.Audit(pipeline, window.label(), entries));
    }

    static AgentReply notYet(Intent.Capability c) {
        return AgentReply.of(switch (c) {
            case ANALYTICS -> new Reply.Suggestions("Not yet: that comparison",
                    "I can't compare pipelines side by side or track SLAs yet. Here is what I can do now: how pipelines "
                            + "did over a period (with a chart), which are slowest (and where the time goes), what they "
                            + "cost, what is failing, and an export of the runs.",
                    List.of("How did pipelines do this week?", "Which pipelines are slowest?", "Most expensive pipelines",
                            "What pipelines are failing?"));
            case WATCH -> new Reply.Suggestions("Snooze and mute from the alert card",
                    "To silence a pipeline's alerts for a while, click Snooze on its alert card (1 hour, 4 hours or "
                            + "until tomorrow 08:00); to stop them, unwatch it.",
                    List.of("What am I watching?", "Watch all pipelines", "Help"));
        });
    }
}
