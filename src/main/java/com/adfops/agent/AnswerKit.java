package com.adfops.agent;

import com.adfops.runs.AdfTools;
import com.adfops.runs.ErrorText;
import com.adfops.runs.NameMatcher;
import com.adfops.runs.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the answer families share: the replies for an unknown pipeline, a stale card, an expired context. */
final class AnswerKit {

    private final AdfTools tools;
    private final Duration contextTtl;

    AnswerKit(AdfTools tools, Duration contextTtl) {
        this.tools = tools;
        this.contextTtl = contextTtl;
    }

    /** The window of a question that names none: the last 7 days (as on every face). */
    TimeWindow defaultWindow() {
        return TimeWindow.byDefault(tools.now());
    }

    AgentReply stale(String why) {
        return AgentReply.of(Reply.Suggestions.staleCard(why));
    }

    AgentReply unknownPipeline(String target, List<String> closest, String questionFormat) {
        NameMatcher.Match words = target == null || target.contains("*") ? null
                : NameMatcher.match(target, tools.allPipelineNames());
        if (words != null && words.ambiguous()) {
            // The words fit several names equally: ask, with each one a click away.
            List<String> choices = words.closest();
            return AgentReply.of(new Reply.Suggestions("Which pipeline?", "Did you mean " + Windows.either(choices.stream()
                    .map(AnswerKit::bold).toList()) + "?", choices.stream().map(questionFormat::formatted).toList()));
        }
        List<String> qs = closest.stream().map(questionFormat::formatted).toList();
        String shown = ErrorText.truncate(safe(target), 80);
        String msg = closest.isEmpty()
                ? "I can't find a pipeline called " + shown + " in the configured factories."
                : "I can't find a pipeline called " + shown + ". Did you mean one of these?";
        return AgentReply.of(new Reply.Suggestions("Unknown pipeline", msg, qs.isEmpty() ? examples() : qs));
    }

    AgentReply didNotCatch() {
        return AgentReply.of(new Reply.Suggestions("I didn't catch that",
                "I can list failing pipelines, explain why a pipeline or run failed, and show a pipeline's status. "
                        + "Try one of these:", examples()));
    }

    AgentReply expired() {
        return AgentReply.of(new Reply.Suggestions("That conversation has expired",
                "What we looked at earlier in this conversation is more than " + hours(contextTtl)
                        + " old, so I won't guess which run you mean. Start again from the failing list:", examples()));
    }

    private static String hours(Duration d) {
        long h = d.toHours();
        return h >= 1 ? h + (h == 1 ? " hour" : " hours") : d.toMinutes() + " minutes";
    }

    static List<String> examples() {
        return List.of("What pipelines are failing?", "What failed today?", "Help");
    }

    static AgentReply prepend(String text, AgentReply reply) {
        List<Reply> parts = new ArrayList<>();
        parts.add(new Reply.Text(text));
        parts.addAll(reply.parts());
        return new AgentReply(parts);
    }

    static String str(Object o) {
        if (o == null) {
            return null;
        }
        String s = String.valueOf(o).trim();
        return s.isEmpty() ? null : s;
    }

    /** A name from Data Factory in bold, with any markdown in it shown literally. */
    static String bold(String name) {
        return "**" + ErrorText.escapeMarkdown(name) + "**";
    }

    /** User-provided text echoed back: no markup that could break a card or impersonate. */
    static String safe(String s) {
        return s == null ? "" : s.replaceAll("[<>*`\\[\\]\\\\{}$]", "").trim();
    }
}
