package com.adfops.agent;

import static com.adfops.agent.IntentWords.*;

import com.adfops.answers.ActionKind;
import com.adfops.runs.KnownNames;
import com.adfops.runs.TimeWindow;
import com.adfops.runs.TimeWindowParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text in, {@link Intent} out: the one place that reads what people type. It knows words, and (when the router gives
 * them) the factories' names: pipeline names come out as the user's words, and the router matches them against the
 * real names.
 *
 * <p>Reading a question has three steps, each data-driven:
 * <ol>
 *   <li>its words: Teams mentions and politeness removed, misspelt command words corrected ({@link CommandWords}:
 *       "whats failng", "diagnoze", "stauts"), words that name a pipeline kept together as that name even when they
 *       include a command word ("is the trend loader ok?", "how's the cost sync doing?");</li>
 *   <li>its factory, its window ({@link TimeWindowParser}: "yesterday", "on Monday", "last 3 days") and its target
 *       (what is left once the table of filler words is removed);</li>
 *   <li>the first row of {@link #RULES} whose condition holds: rows run from the most specific (help, clear, run
 *       ids, how-to) to the most general (a bare name).</li>
 * </ol>
 */
public final class IntentParser {

    /** One rule: when it applies and what it makes of the question. */
    private record Rule(String name, Predicate<ReadQuestion> when, Function<ReadQuestion, Intent> intent) {
    }

    private static Rule rule(String name, Predicate<ReadQuestion> when, Function<ReadQuestion, Intent> intent) {
        return new Rule(name, when, intent);
    }

    /** The rules, most specific first; the first that applies decides. */
    static final List<Rule> RULES = List.of(
            rule("help", q -> q.t.isEmpty() || HELP.matcher(q.t).matches(), q -> new Intent.Help()),
            rule("clear", q -> CLEAR.matcher(q.t).matches() || q.t.equals("clear history"), q -> new Intent.ClearHistory()),
            rule("access", q -> ACCESS.matcher(q.t).find(), q -> new Intent.CheckAccess()),
            rule("run id", q -> RUN_ID.matcher(q.raw).find() && !HOW_TO.matcher(q.t).find(), q -> {
                Matcher id = RUN_ID.matcher(q.raw);
                id.find();
                return new Intent.DiagnoseRun(id.group(1));
            }),
            rule("troubleshoot", q -> TROUBLESHOOT.matcher(q.t).find()
                    && (q.t.startsWith("how") || TROUBLESHOOT_START.matcher(q.t).find()), IntentParser::troubleshoot),
            rule("how-to", q -> HOW_TO.matcher(q.t).find(), q -> new Intent.HowTo(q.raw)),
            rule("dependants", q -> dependants(q) != null, q -> {
                String named = q.quoted != null ? q.quoted : target(dependants(q).group(1));
                return new Intent.Dependants(PRONOUNS.contains(named) ? null : named, q.factory);
            }),
            rule("runtime health", q -> RUNTIME.matcher(q.keywords()).find() && !WHY.matcher(q.t).find(),
                    q -> new Intent.RuntimeHealth(q.named(target(RUNTIME_WORDS.matcher(" " + q.withoutFactory + " ")
                            .replaceAll(" ").replaceAll("\\s+", " "))))),
            rule("what changed", q -> WHAT_CHANGED.matcher(q.withoutFactory).find(), q -> new Intent.WhatChanged(
                    q.named(target(WHAT_CHANGED_WORDS.matcher(" " + windowless(q.withoutFactory) + " ").replaceAll(" "))),
                    q.factory, q.window)),
            rule("audit", q -> AUDIT.matcher(q.t).find() && !REPORT_WORDS.matcher(q.keywords()).find(), q -> new Intent.Audit(
                    q.named(target(AUDIT_WORDS.matcher(" " + windowless(q.withoutFactory) + " ").replaceAll(" "))),
                    q.factory, q.window)),
            rule("watching", q -> WATCHING.matcher(q.t).find(), q -> new Intent.Watching()),
            rule("unwatch", q -> UNWATCH_CMD.matcher(q.plain).matches(), q -> {
                Matcher w = UNWATCH_CMD.matcher(q.plain);
                w.matches();
                return new Intent.Unwatch(watchTarget(w.group(1) == null ? "" : w.group(1)).pattern());
            }),
            rule("watch", q -> WATCH_CMD.matcher(q.plain).matches() || ALERT_ME.matcher(q.plain).matches(), q -> {
                Matcher w = WATCH_CMD.matcher(q.plain);
                if (!w.matches()) {
                    w = ALERT_ME.matcher(q.plain);
                    w.matches();
                }
                String what = w.group(1) != null ? w.group(1) : w.groupCount() >= 2 && w.group(2) != null ? w.group(2) : "";
                Intent.Watch target = watchTarget(what);
                return target.pattern().isEmpty() ? new Intent.Watching() : target;
            }),
            rule("watch, not yet", q -> WATCH.matcher(q.t).find(), q -> new Intent.NotYet(Intent.Capability.WATCH, q.raw)),
            rule("action", q -> ACTION.matcher(q.t).find(), q -> {
                ActionKind kind = CANCEL_WORDS.matcher(q.t).find() ? ActionKind.CANCEL
                        : FROM_FAILURE.matcher(q.t).find() ? ActionKind.RERUN_FROM_FAILURE : ActionKind.RERUN;
                String named = q.quoted != null ? q.quoted
                        : target(ACTION_WORDS.matcher(" " + q.withoutFactory + " ").replaceAll(" ").replaceAll("\\s+", " "));
                return new Intent.RequestAction(kind, PRONOUNS.contains(named) ? null : named, q.factory);
            }),
            rule("upcoming runs", q -> UPCOMING.matcher(q.t).find() && !q.failing(), IntentParser::upcoming),
            rule("on schedule", q -> ON_SCHEDULE.matcher(q.t).find() && !WHY.matcher(q.t).find(), q -> new Intent.OnSchedule(
                    q.scope(target(ON_SCHEDULE_WORDS.matcher(" " + windowless(q.withoutFactory) + " ").replaceAll(" "))),
                    q.factory, q.window)),
            rule("yes or no", q -> q.yesNo() != null, IntentParser::yesNo),
            rule("a group's health", q -> GROUP_HEALTH.matcher(q.bare()).matches()
                    && !target(GROUP_HEALTH.matcher(q.bare()).replaceAll("$1")).isEmpty(),
                    q -> new Intent.Trends(groupPattern(target(GROUP_HEALTH.matcher(q.bare()).replaceAll("$1"))), q.factory, q.window)),
            rule("export", q -> EXPORT.matcher(q.keywords()).find(), q -> new Intent.Export(
                    q.scope(target(EXPORT_WORDS.matcher(" " + windowless(q.withoutFactory) + " ").replaceAll(" "))),
                    q.factory, q.window)),
            rule("cost", q -> COST.matcher(q.keywords()).find() && !REPORT_WORDS.matcher(q.keywords()).find(),
                    q -> new Intent.Cost(q.scope(target(COST_WORDS.matcher(" " + windowless(q.withoutFactory) + " ")
                            .replaceAll(" "))), q.factory, q.window)),
            rule("trends", q -> TRENDS.matcher(q.keywords()).find(), q -> new Intent.Trends(
                    q.scope(target(TRENDS_WORDS.matcher(" " + windowless(q.withoutFactory) + " ").replaceAll(" "))), q.factory,
                    q.window)),
            rule("performance", q -> !q.whyFailed() && PERFORMANCE.matcher(q.keywords()).find(),
                    q -> new Intent.Performance(q.scope(target(PERFORMANCE_WORDS.matcher(" " + windowless(q.withoutFactory)
                            + " ").replaceAll(" "))), q.factory, q.window)),
            rule("chart", q -> !q.whyFailed() && TRENDS_CHART.matcher(q.keywords()).find()
                    && !q.t.matches(".*\\b(?:compare|comparison|compared|versus|vs|sla|slas)\\b.*"),
                    q -> new Intent.Trends(q.scope(target(TRENDS_WORDS.matcher(" " + windowless(q.withoutFactory) + " ")
                            .replaceAll(" "))), q.factory, q.window)),
            rule("analytics, not yet", q -> !q.whyFailed() && ANALYTICS.matcher(q.keywords()).find(),
                    q -> new Intent.NotYet(Intent.Capability.ANALYTICS, q.raw)),
            rule("previous", q -> PREVIOUS.matcher(q.t).find(), q -> new Intent.PreviousFailure()),
            rule("failed activities", q -> ACTIVITIES.matcher(q.t).find() && q.failing(),
                    q -> new Intent.FailedActivities(q.pronoun() ? null : q.target(), q.factory, q.window)),
            rule("diagnosis", q -> WHY.matcher(q.t).find() || (q.failing() && !q.pronoun() && !q.list() && !q.group()),
                    q -> new Intent.DiagnosePipeline(q.pronoun() ? null : q.target(), q.factory, q.window)),
            rule("one pipeline's runs", q -> q.list() && !q.failing() && !q.pronoun() && !q.group(),
                    q -> new Intent.Status(q.target(), q.factory, q.window)),
            rule("failing list", q -> q.failing() || q.list(),
                    q -> new Intent.FailingList(q.window, q.factory, q.pronoun() ? null : q.listScope())),
            rule("status", q -> STATUS.matcher(q.t).find(),
                    q -> new Intent.Status(q.pronoun() ? null : q.target(), q.factory, q.window)),
            rule("a name", q -> !q.pronoun(), q -> new Intent.NameOnly(q.target())),
            rule("nothing", q -> true, q -> new Intent.Unknown()));

    /** Rules whose answer does not depend on a name found in the words (a name is then read as words). */
    private static final Set<Class<? extends Intent>> NAMELESS = Set.of(Intent.NameOnly.class, Intent.Unknown.class);


    private IntentParser() {
    }

    /** What {@code text} asks for; {@code now} and {@code zone} place windows such as "today" and "since Monday". */
    public static Intent parse(String text, Instant now, ZoneId zone) {
        return parse(text, now, zone, TimeWindowParser.RETENTION);
    }

    /** As {@link #parse(String, Instant, ZoneId)}, with windows reaching at most {@code history} back. */
    public static Intent parse(String text, Instant now, ZoneId zone, Duration history) {
        return parse(text, now, zone, history, KnownNames.NONE);
    }

    /**
     * As {@link #parse(String, Instant, ZoneId, Duration)}, knowing the factories' names: a word of a name is never
     * taken for a misspelt command, and words that name a pipeline are its name even when one of them is a command
     * word ("how's the cost sync doing?" asks for the status of {@code cost_sync}).
     */
    public static Intent parse(String text, Instant now, ZoneId zone, Duration history, KnownNames known) {
        String raw = text == null ? "" : text.replaceAll("<at>[^<]*</at>", " ").replaceAll("\\s+", " ").trim();
        String t = normalize(raw);
        String quoted = quoted(raw);
        if (!t.isEmpty() && !HELP.matcher(t).matches()) {
            t = CommandWords.correct(t, VOCABULARY, known);
        }
        if (quoted != null) {
            // A quoted name is a name: its words are nobody's command ("status of 'Monthly Trend Extract'").
            t = t.replaceFirst("[\"'`‘’“”]" + Pattern.quote(quoted.toLowerCase(Locale.ROOT).replace('’', '\''))
                    + "[\"'`‘’“”]", " " + NAME + " ").replaceAll("\\s+", " ").trim();
        }
        Intent read = decide(new ReadQuestion(raw, t, quoted, known, now, zone, history));
        if (quoted != null || NAME_FREE.contains(read.getClass())) {
            return read;
        }
        NameSpan span = NameSpan.find(t, known, VOCABULARY);
        if (span != null) {
            Intent named = decide(new ReadQuestion(raw, span.replaced(), span.name(), known, now, zone, history));
            // A name alone ("Monthly Trend Extract", "the cost sync pipeline") asks for its status; other words that
            // make no question once the name is taken out were not a name.
            if (!NAMELESS.contains(named.getClass())
                    || (named instanceof Intent.NameOnly && target(span.replaced()).isEmpty())) {
                return named;
            }
        }
        return read;
    }

    /** Intents no name can change (the names are not read for them). */
    private static final Set<Class<? extends Intent>> NAME_FREE = Set.of(Intent.Help.class, Intent.ClearHistory.class,
            Intent.CheckAccess.class, Intent.DiagnoseRun.class, Intent.HowTo.class, Intent.Watching.class,
            Intent.Unwatch.class, Intent.Watch.class, Intent.PreviousFailure.class);

    private static Intent decide(ReadQuestion q) {
        for (Rule r : RULES) {
            if (r.when().test(q)) {
                return r.intent().apply(q);
            }
        }
        return new Intent.Unknown();
    }

    private static Intent troubleshoot(ReadQuestion q) {
        String target = q.quoted != null ? q.quoted : target(q.withoutFactory);
        // Whether other words name a pipeline is the router's call (it knows the names); an error code is not one.
        if (q.quoted == null && ERROR_CODE.matcher(target).matches()) {
            return new Intent.HowTo(q.raw);
        }
        return new Intent.Troubleshoot(PRONOUNS.contains(target) && q.quoted == null ? null : target, q.factory, q.raw,
                q.window);
    }

    /** The dependants form the question has (group 1: the pipeline's words), or null. */
    private static Matcher dependants(ReadQuestion q) {
        String s = TimeWindowParser.strip(q.withoutFactory).replaceAll("[?!.,]+$", "").trim();
        for (Pattern p : DEPENDANTS) {
            Matcher m = p.matcher(s);
            if (m.matches()) {
                return m;
            }
        }
        return null;
    }

    /** "what runs tonight?" (until the morning: {@code ahead} null), "what runs in the next 6 hours?". */
    private static Intent upcoming(ReadQuestion q) {
        Matcher m = AHEAD.matcher(q.withoutFactory);
        Duration ahead = null;
        if (m.find()) {
            long n = Long.parseLong(m.group(1));
            ahead = m.group(2).startsWith("h") ? Duration.ofHours(n) : Duration.ofMinutes(n);
        } else if (!q.t.matches(".*\\b(?:tonight|overnight)\\b.*")) {
            ahead = Duration.ofHours(24);
        }
        String rest = target(UPCOMING_WORDS.matcher(" " + q.withoutFactory + " ").replaceAll(" "));
        return new Intent.Upcoming(q.named(rest), q.factory, ahead);
    }

    /** "is X failing?", "is X still running?", "did X run yesterday?"; about a group or everything, the failing list. */
    private static Intent yesNo(ReadQuestion q) {
        Matcher m = q.yesNo();
        Intent.Question question = q.yesNoQuestion();
        String subject = m.group(1).trim();
        String words = q.quoted != null ? q.quoted : target(subject);
        if (q.quoted == null) {
            if (LIST_SUBJECT.matcher(subject.replace("?", "").trim()).matches()) {
                return new Intent.FailingList(q.window, q.factory);
            }
            String factory = q.known.factory(words);
            if (factory != null) {
                return new Intent.FailingList(q.window, factory);
            }
            if (!words.isEmpty() && !PRONOUNS.contains(words) && GROUP.matcher(subject).find()) {
                return new Intent.FailingList(q.window, q.factory, words);
            }
        }
        boolean pronoun = words.isEmpty() || PRONOUNS.contains(words);
        return new Intent.Status(pronoun ? null : words, q.factory, q.window, question);
    }

    /** A group's words as the pattern every answer understands: "sales" -> {@code *sales*}. */
    static String groupPattern(String words) {
        if (words.contains("*")) {
            return words;
        }
        return "*" + String.join("*", words.trim().split("\\s+")) + "*";
    }

    /** Every word the rules read as they are (never corrected as a typo). */
    static final Set<String> VOCABULARY = CommandWords.wordsOf(List.of(String.join(" ", FILLER), HELP.pattern(),
            CLEAR.pattern(), PREVIOUS.pattern(), STATUS.pattern(), WHY.pattern(), FAILING.pattern(), LIST.pattern(),
            LIST_OBJECT.pattern(), ACTIVITIES.pattern(), TROUBLESHOOT.pattern(), HOW_TO.pattern(), ACCESS.pattern(),
            WATCHING.pattern(), UNWATCH_CMD.pattern(), WATCH_CMD.pattern(), ALERT_ME.pattern(), WATCH.pattern(),
            ACTION.pattern(), ACTION_WORDS.pattern(), AUDIT.pattern(), AUDIT_WORDS.pattern(), WHAT_CHANGED.pattern(),
            WHAT_CHANGED_WORDS.pattern(), EXPORT.pattern(), EXPORT_WORDS.pattern(), COST.pattern(), COST_WORDS.pattern(),
            ANALYTICS.pattern(), TRENDS.pattern(), TRENDS_CHART.pattern(), TRENDS_WORDS.pattern(), PERFORMANCE.pattern(),
            PERFORMANCE_WORDS.pattern(), RUNTIME.pattern(), RUNTIME_WORDS.pattern(), ON_SCHEDULE.pattern(),
            ON_SCHEDULE_WORDS.pattern(), UPCOMING.pattern(), UPCOMING_WORDS.pattern(), AHEAD.pattern(),
            DEPENDANTS.stream().map(Pattern::pattern).reduce("", String::concat), ASK_IF.pattern(), ASK_AFTER.pattern(), LIST_SUBJECT.pattern(),
            YES_NO.stream().map(f -> f.form().pattern()).reduce("", String::concat),
            YES_NO_AFTER_IF.stream().map(f -> f.form().pattern()).reduce("", String::concat)));

    /** What a watch or unwatch names: a pipeline or pattern in the user's case ("*" for everything), and a factory. */
    static Intent.Watch watchTarget(String words) {
        String s = words.trim();
        String factory = null;
        Matcher f = WATCH_FACTORY.matcher(s);
        if (f.find()) {
            factory = f.group(1) != null ? f.group(1) : f.group(2);
            s = s.substring(0, f.start()).trim();
        }
        Matcher q = QUOTED.matcher(s);
        if (q.find()) {
            return new Intent.Watch(q.group(1).trim(), factory);
        }
        s = s.replaceAll("(?i)^(?:the |my |our |this )", "").replaceAll("(?i)\\s+(?:here|in this (?:chat|channel|thread))$", "")
                .replaceAll("(?i)(?:^|\\s+)(?:pipelines?|runs?)$", "").trim();
        if (s.matches("(?i)(?:all|every|everything|any)(?: (?:of )?(?:them|pipelines?|the pipelines))?|\\*|") && !words.isBlank()) {
            return new Intent.Watch("*", factory);
        }
        return new Intent.Watch(s, factory);
    }

    /** Lower case, one space, no trailing punctuation, no leading politeness. */
    static String normalize(String raw) {
        String t = raw.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("\\s+", " ").trim();
        t = t.replaceAll("[?!.]+$", "").trim();
        t = t.replaceAll("^(?:@\\S+\\s+)", "");
        t = t.replaceAll("^(?:hey|hi|hello|ok|okay|so|um|yo)(?: bot| adf ops| there)?[,:]?\\s+(?=\\S)", "");
        return t.trim();
    }

    /**
     * A factory named in the text ("in factory df-prod", "on the df-prod factory", or "in df-prod" when df-prod is a
     * configured factory), or null.
     */
    static String factory(String t, KnownNames known) {
        Matcher m = FACTORY_BEFORE.matcher(t);
        if (m.find()) {
            return m.group(1);
        }
        m = FACTORY_AFTER.matcher(t);
        if (m.find() && !m.group(1).equals("data")) {
            return m.group(1);
        }
        if (!known.factories().isEmpty()) {
            m = FACTORY_BARE.matcher(t);
            while (m.find()) {
                String f = known.factory(m.group(1));
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    static String removeFactory(String t, String factory) {
        String s = FACTORY_AFTER.matcher(FACTORY_BEFORE.matcher(t).replaceAll(" ")).replaceAll(" ");
        s = s.replaceAll("\\b(?:in|on|from|of|for|at) (?:the )?['\"]?" + Pattern.quote(factory.toLowerCase(Locale.ROOT))
                + "['\"]?(?=\\s|$)", " ");
        return s.replaceAll("\\s+", " ").trim();
    }

    private static String quoted(String raw) {
        Matcher m = QUOTED.matcher(raw);
        while (m.find()) {
            String s = m.group(1).trim();
            // "what's" and "it's" are not quotes: a quoted name has no spaces at its edges and is not a contraction.
            if (!s.isEmpty() && !s.matches("(?i)s\\b.*|t\\b.*|re\\b.*|ll\\b.*|ve\\b.*|d\\b.*")) {
                return s;
            }
        }
        return null;
    }

    /** Tokens that look like identifiers (pipeline names: underscores, dashes, dots) are not keywords. */
    static String withoutIdentifiers(String t) {
        return (" " + t + " ").replaceAll("(?<=\\s)\\S*[_.\\-]\\S*(?=\\s)", " ");
    }

    /** The text without window phrases ("last 3 days", "since yesterday", "this week", "on Monday"). */
    private static String windowless(String t) {
        return TimeWindowParser.strip(t);
    }

    /** The words that name the pipeline (or run) a question is about, or "" / a pronoun. */
    static String target(String t) {
        // Nor are dates and times the window parser does not read ("31/02", "14:00").
        t = t.replaceAll("(?<![\\w/:.-])\\d{1,4}[/:]\\d{1,2}(?:[/:]\\d{1,4})?(?![\\w/:-])", " ");
        String s = " " + t.replaceAll("[?!,:;\"`()]", " ").replaceAll("\\.(?=\\s|$)", " ")
                .replaceAll("(?<=\\w)'s(?=\\s|$)", " ")
                .replaceAll("'(?=\\s|$)|(?<=\\s)'", " ") + " ";
        // Window phrases are not names: "last 3 days", "since yesterday", "on Monday".
        s = " " + TimeWindowParser.strip(s) + " ";
        String before;
        do {
            before = s;
            s = FILLER_WORDS.matcher(s).replaceAll(" ");
        } while (!s.equals(before));
        return s.trim().replaceAll("\\s+", " ");
    }
}
