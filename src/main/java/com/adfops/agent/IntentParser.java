package com.adfops.agent;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text in, {@link Intent} out: the one place that reads what people type. It knows words, not the factory: pipeline
 * names come out as the user's words, and the router matches them against the real names. Rules run from the most
 * specific (help, clear, run ids, how-to) to the most general (a bare name).
 */
public final class IntentParser {

    static final Pattern RUN_ID = Pattern.compile(
            "\\b([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\b");
    private static final Pattern CLEAR = Pattern.compile(
            "^(?:please\\s+)?(?:clear|reset|forget|wipe)(?:\\s+(?:the|my|our|this))?(?:\\s+(?:chat\\s+)?(?:history|context|conversation|memory))?$"
                    + "|^start over$|^new conversation$|^forget (?:it|everything|all that)$");
    private static final Pattern HELP = Pattern.compile(
            "^(?:help|\\?|hi|hello|hey|hiya|yo|commands|usage|menu|start|get started|what can you do|what do you do|"
                    + "how does this work|what can i ask|what can i ask you|who are you|help me|hi there|hello there|"
                    + "good morning|good afternoon|good evening|what are you|options|what do you know)$");
    private static final Pattern PREVIOUS = Pattern.compile(
            "\\b(?:one before|the one before|before that|previous (?:one|failure|run)|earlier (?:one|failure|run)|"
                    + "the failure before|prior (?:one|failure|run)|one earlier|go back one|older one)\\b");
    private static final Pattern STATUS = Pattern.compile(
            "\\b(?:status|how is|how's|hows|health|healthy|is .+ (?:ok|okay|running|green|working)|last runs?|latest runs?|"
                    + "recent runs|history of|runs of|show)\\b");
    private static final Pattern WHY = Pattern.compile(
            "\\b(?:why|diagnos\\w*|root cause|what went wrong|what happened|explain|investigate|details? (?:of|for|on)|"
                    + "reason)\\b");
    private static final Pattern FAILING = Pattern.compile(
            "\\b(?:fail\\w*|broken|broke|errors?|erroring|errored|red|problems?|issues?|incidents?|down|unhealthy|what'?s wrong)\\b");
    private static final Pattern LIST = Pattern.compile("\\b(?:what|which|any|list|show|are there|anything|everything|all)\\b");
    private static final Pattern LIST_OBJECT = Pattern.compile(
            "\\b(?:pipelines?|runs?|fail\\w*|broken|broke|errors?|erroring|errored|problems?|issues?|wrong|red|down|unhealthy)\\b");
    private static final Pattern ACTIVITIES = Pattern.compile("\\bactivit(?:y|ies)\\b");
    private static final Pattern TROUBLESHOOT = Pattern.compile(
            "\\b(?:troubleshoot\\w*|fix|fixing|debug|resolve|solve|repair|remediate|remedy|mitigate)\\b");
    private static final Pattern HOW_TO = Pattern.compile(
            "^(?:how (?:do|can|should|would) (?:i|we|you)\\b|how to\\b|how does\\b|what (?:does|do) (?:the )?(?:error|code)\\b"
                    + "|what(?: is|'s) (?:the )?(?:error|code) |what (?:does|do) .* mean|explain (?:the )?(?:error|code)|meaning of"
                    + "|docs? (?:for|on|about)|documentation|where (?:can|do) i find|is there a way to)");
    private static final Pattern TROUBLESHOOT_START = Pattern.compile(
            "^(?:help me |please )?(?:troubleshoot|fix|debug|resolve|solve)\\b");
    /** An error code rather than a pipeline, in "how do I fix ...": 2108, DF-Executor-..., UserErrorSourceBlobNotExists. */
    private static final Pattern ERROR_CODE = Pattern.compile(
            "^(?:(?:error|code) )*(?:\\d{4}|df-[a-z]+-[a-z]+|[a-z]*(?:error|exception|notfound|notexists?|failedto)[a-z]*)(?: (?:error|code))*$");
    private static final Pattern ACCESS = Pattern.compile(
            "^(?:are you|r u|is the bot) (?:connected|online|up|working|alive)\\b|\\bcheck (?:your |the |my )?(?:access|connection|connectivity|permissions?)\\b"
                    + "|\\bcan you (?:read|see|access|reach) (?:the |my |our |any )?(?:factor\\w*|data factor\\w*|adf)\\b"
                    + "|^(?:which|what) (?:data )?factor(?:y|ies) (?:can you|do you) (?:read|see|access|know)"
                    + "|\\b(?:connection|access) (?:status|check|test)\\b|^test (?:the |your )?connection|^ping$");
    private static final Pattern WATCHING = Pattern.compile(
            "\\bwhat (?:am i|are we|is (?:this|the) (?:chat|channel|thread)) (?:watching|subscribed to)\\b"
                    + "|^(?:show |list )?(?:me )?(?:my |our |the )?(?:subscriptions|watches|watch ?list|watched pipelines)$");
    private static final Pattern UNWATCH_CMD = Pattern.compile("(?i)^(?:please )?(?:unwatch|stop watching|unsubscribe(?: from)?"
            + "|stop (?:alerting|notifying) (?:me|us)(?: about| for| on)?)(?:\\s+(.*))?$");
    private static final Pattern WATCH_CMD = Pattern.compile("(?i)^(?:please |can you |could you )?(?:watch|subscribe(?: me| us)?(?: to)?"
            + "|monitor|keep an eye on)\\s+(.+)$");
    private static final Pattern ALERT_ME = Pattern.compile("(?i)^(?:please )?(?:alert|notify|ping|tell) (?:me|us)"
            + "(?: here)?(?: when| if| whenever)?\\s+(.+?)(?:\\s+(?:fails|failed|breaks|has failed|goes red|is failing))?$"
            + "|^(?:please )?let (?:me|us) know (?:when|if|whenever)\\s+(.+?)\\s+(?:fails|breaks|has failed)$");
    private static final Pattern WATCH_FACTORY = Pattern.compile("(?i)\\s+(?:in|on|of) (?:the )?(?:data )?factory\\s+(\\S+)$"
            + "|\\s+(?:in|on) (\\S+) factory$");
    private static final Pattern WATCH = Pattern.compile(
            "^(?:please )?(?:watch|unwatch|stop watching|subscribe|unsubscribe|mute|unmute|snooze)\\b|\\balert (?:me|us|this)\\b"
                    + "|\\bnotify (?:me|us)\\b|\\bwhat am i watching\\b|\\bsubscriptions?\\b|\\bping (?:me|us) when\\b"
                    + "|\\blet (?:me|us) know when\\b");
    private static final Pattern ACTION = Pattern.compile(
            "^(?:please |can you |could you )?(?:rerun|re-run|retry|restart|cancel|abort|kill|trigger|stop the|stop run)\\b"
                    + "|^(?:please )?(?:run|start) (?!over\\b)\\S+.*\\b(?:now|again)\\b");
    private static final Pattern CANCEL_WORDS = Pattern.compile("^(?:please |can you |could you )?(?:cancel|abort|kill|stop)\\b");
    private static final Pattern FROM_FAILURE = Pattern.compile(
            "\\bfrom (?:the )?(?:point of )?(?:fail\\w*|error|where it (?:failed|stopped|broke))\\b|\\bfailed activit");
    private static final Pattern ACTION_WORDS = Pattern.compile("(?<=\\s)(?:please|can|could|you|rerun|re-run|retry|"
            + "restart|cancel|abort|kill|trigger|stop|start|again|now|from|point|where|it|stopped|broke|activity|"
            + "activities|in progress|running|that is|that's)(?=\\s)");
    private static final Pattern AUDIT = Pattern.compile(
            "^(?:show (?:me )?)?(?:the )?audit(?: log| trail)?\\b(?! report)|\\bwhat (?:was|has been|have we|did we|"
                    + "did anyone|did people|got) (?:done|do|fixed)\\b|\\bwho (?:reran|re-ran|cancell?ed|resolved|restarted)\\b"
                    + "|\\bresolution notes?\\b|\\bwhat actions\\b");
    private static final Pattern AUDIT_WORDS = Pattern.compile("(?<=\\s)(?:audit|log|trail|who|reran|re-ran|cancell?ed|"
            + "resolved|restarted|resolution|notes?|done|do|did|we|anyone|people|actions?|taken|got|fixed|been|has|have)(?=\\s)");
    private static final Pattern WHAT_CHANGED = Pattern.compile(
            "\\bwhat(?:'s| has| have)? (?:changed|is different|was different)\\b|\\bwhat(?:'s| is) different\\b");
    private static final Pattern WHAT_CHANGED_WORDS = Pattern.compile("(?<=\\s)(?:what|what's|has|have|changed|is|was|"
            + "different|since|it|last|worked|work|working|succeeded|success|successful|in|for|of|the|run|between|and|"
            + "failure|failed|fail|then|now|before)(?=\\s)");
    private static final Pattern EXPORT = Pattern.compile(
            "^(?:please |can you |could you |i need (?:an? )?|give me (?:an? )?)?(?:export|download)\\b"
                    + "|\\b(?:csv|excel|spreadsheet|compliance|auditors?|audit report)\\b");
    private static final Pattern EXPORT_WORDS = Pattern.compile("(?<=\\s)(?:export|exports|exporting|csv|excel|"
            + "spreadsheet|compliance|auditors?|audit|report|to|as|a|an|the|all|runs?|pipelines?|for|of|give|me|us|"
            + "download|file|please|can|you|show|what|i|need|history|failed|succeeded)(?=\\s)");
    private static final Pattern COST = Pattern.compile(
            "\\b(?:cost|costs|costing|costly|spend|spent|spending|expensive|cheapest|price|priced|bill|billed)\\b");
    private static final Pattern COST_WORDS = Pattern.compile("(?<=\\s)(?:what|what's|did|does|do|has|have|how|much|"
            + "cost|costs|costing|costly|spend|spent|spending|expensive|cheapest|price|priced|bill|billed|most|least|the|"
            + "our|my|are|is|was|were|we|on|pipelines?|runs?|us|in|top|\\d+)(?=\\s)");
    private static final Pattern ANALYTICS = Pattern.compile(
            "\\b(?:trends?|trending|slow|slowest|slower|fastest|longest|shortest|durations?|how long|took longer|"
                    + "taking longer|average|avg|median|p9\\d|percentiles?|costs?|costing|spend|spent|spending|bill|billing|"
                    + "price|pricing|expensive|cheapest|compare|comparison|compared|versus|vs|anomal\\w*|spikes?|charts?|"
                    + "graphs?|plot|export (?:to|as|the|all|runs|history|a|an)|compliance|audit report|csv|excel|sla|slas|"
                    + "success rate|failure rate|"
                    + "fail(?:ure)? most|most often|most failures|failed most|flaky|flakiest|top \\d+|what changed|"
                    + "statistics|stats|metrics)\\b");
    private static final Pattern WINDOW_WORDS = Pattern.compile(
            "\\b(?:in the |over the |during the |for the )?(?:last|past|previous) \\d*\\s*(?:months?|mos?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|hour|day|week)\\b"
                    + "|\\b(?:since|from) (?:last )?(?:\\w+day|mon|tue|wed|thu|fri|sat|sun|yesterday|today|this morning)\\b"
                    + "|\\b(?:for |in )?this (?:week|morning|afternoon|evening|month)\\b"
                    + "|\\b(?:today|yesterday|tonight|last week|now|currently|recently|again|so far)\\b");
    private static final Pattern TRENDS = Pattern.compile(
            "\\b(?:trends?|trending|how (?:did|have) (?:the |our |my |all )?(?:pipelines?|we|things|factor\\w*) (?:do|done|been doing)"
                    + "|how (?:did|has|have) [\\w .*'-]{1,80}? (?:do|done|been doing)\\b"
                    + "|how (?:are|were) (?:the |our )?pipelines (?:doing|going)|success rate|failure rate|"
                    + "health (?:over time|this week|last week|trend)|weekly (?:report|summary)|week in review|"
                    + "fail(?:ure)?s? most|most often|most failures|failed most|flaky|flakiest)\\b");
    /** A chart or numbers without a duration word: the trend card (it has the chart). */
    private static final Pattern TRENDS_CHART = Pattern.compile("\\b(?:charts?|graphs?|plot|statistics|stats|metrics)\\b");
    private static final Pattern TRENDS_WORDS = Pattern.compile(
            "\\b(?:show(?: me)?|give me|trends?|trending|for|of|how|did|have|has|the|our|my|all|pipelines?|we|things|"
                    + "factor\\w*|do|done|been|doing|are|were|going|success|failure|rate|health|over|time|weekly|report|"
                    + "summary|week in review|what|is|in|which|fails?|failures?|failed|most|often|flaky|flakiest|charts?|"
                    + "graphs?|plot|statistics|stats|metrics|a|of|me|draw|make)\\b");
    private static final Pattern PERFORMANCE = Pattern.compile(
            "\\b(?:slowest|slow|slower|longest|how long|durations?|took longer|taking longer|takes longer|anomal\\w*|"
                    + "outliers?|"
                    + "run(?:ning)? longer|run ?times?|median|average|avg|p50|p9\\d|percentiles?)\\b");
    private static final Pattern PERFORMANCE_WORDS = Pattern.compile(
            "\\b(?:show(?: me)?|give me|which|what|are|is|was|were|the|getting|get|got|becoming|slowest|slow|slower|longest|"
                    + "how|long|does|do|did|durations?|took|taking|take|takes|longer|than|usual|run(?:ning)?|run ?times?|median|"
                    + "average|avg|p50|p9\\d|percentiles?|pipelines?|of|for|in|my|our|all|ones?|any|anomal\\w*|outliers?|"
                    + "there|runs?|spot|find|see|charts?|graphs?|plot|a|me)\\b");
    private static final Pattern FACTORY_BEFORE = Pattern.compile(
            "\\b(?:in|on|from|of|for) (?:the )?(?:data factory|factory|adf|df) ['\"]?([a-z0-9][a-z0-9-]{1,62})['\"]?");
    private static final Pattern FACTORY_AFTER = Pattern.compile(
            "\\b(?:in|on|from|of|for) (?:the )?['\"]?([a-z0-9][a-z0-9-]{1,62})['\"]? (?:data factory|factory)\\b");
    private static final Pattern QUOTED = Pattern.compile("[\"'`‘’“”]([^\"'`‘’“”]{2,120})[\"'`‘’“”]");
    private static final Set<String> PRONOUNS = Set.of("it", "that", "this", "them", "those", "one", "that one",
            "this one", "they", "he", "she", "the run", "run", "");
    private static final String[] FILLER = {"why", "did", "does", "do", "has", "have", "had", "is", "was", "were",
        "are", "the", "a", "an", "fail", "failed", "fails", "failing", "failure", "failures", "break", "broke",
        "broken", "error", "errors", "erroring", "errored", "diagnose", "diagnosis", "root", "cause", "of", "for", "on",
        "what", "went", "wrong", "with", "happened", "happen", "to", "explain", "investigate", "status", "how", "how's",
        "hows", "health", "healthy", "pipeline", "pipelines", "run", "runs", "latest", "last", "recent", "show", "me",
        "please", "pls", "can", "could", "would", "should", "you", "tell", "about", "details", "detail", "reason", "its",
        "it's", "doing", "ok", "okay", "running", "green", "working", "history", "in", "at", "there", "any", "which",
        "just", "again", "and", "so", "hey", "bot", "adf", "data", "factory", "check", "look", "into", "up", "give",
        "get", "i", "we", "want", "know", "whats", "what's", "my", "our", "your", "be", "been", "activity",
        "activities", "that", "list", "troubleshoot", "troubleshooting", "fix", "fixing", "debug", "resolve", "solve",
        "repair", "remediate", "remedy", "mitigate", "issue", "issues", "problem", "problems", "steps", "step",
        "all", "see", "need", "help", "from", "inside", "within", "under", "where", "when", "who", "it", "this", "these",
        "those", "them", "they", "some", "now", "currently"};
    private static final Pattern FILLER_WORDS = Pattern.compile("(?<=\\s)(?:" + String.join("|",
            java.util.Arrays.stream(FILLER).map(Pattern::quote).toList()) + ")(?=\\s)");

    private IntentParser() {
    }

    /** What {@code text} asks for; {@code now} and {@code zone} place windows such as "today" and "since Monday". */
    public static Intent parse(String text, Instant now, ZoneId zone) {
        return parse(text, now, zone, TimeWindowParser.RETENTION);
    }

    /** As {@link #parse(String, Instant, ZoneId)}, with windows reaching at most {@code history} back. */
    public static Intent parse(String text, Instant now, ZoneId zone, java.time.Duration history) {
        String raw = text == null ? "" : text.replaceAll("<at>[^<]*</at>", " ").replaceAll("\\s+", " ").trim();
        String t = normalize(raw);
        if (t.isEmpty() || HELP.matcher(t).matches()) {
            return new Intent.Help();
        }
        if (CLEAR.matcher(t).matches() || t.equals("clear history")) {
            return new Intent.ClearHistory();
        }
        if (ACCESS.matcher(t).find()) {
            return new Intent.CheckAccess();
        }
        Matcher id = RUN_ID.matcher(raw);
        if (id.find() && !HOW_TO.matcher(t).find()) {
            return new Intent.DiagnoseRun(id.group(1));
        }
        String factory = factory(t);
        String withoutFactory = factory == null ? t : removeFactory(t);
        TimeWindow window = TimeWindowParser.find(withoutFactory, now, zone, history).orElse(null);
        String quoted = quoted(raw);
        if (TROUBLESHOOT.matcher(t).find() && (t.startsWith("how") || TROUBLESHOOT_START.matcher(t).find())) {
            String target = quoted != null ? quoted : target(withoutFactory);
            // Whether other words name a pipeline is the router's call (it knows the names); an error code is not one.
            if (quoted == null && ERROR_CODE.matcher(target).matches()) {
                return new Intent.HowTo(raw);
            }
            return new Intent.Troubleshoot(PRONOUNS.contains(target) ? null : target, factory, raw);
        }
        if (HOW_TO.matcher(t).find()) {
            return new Intent.HowTo(raw);
        }
        Matcher changed = WHAT_CHANGED.matcher(withoutFactory);
        if (changed.find()) {
            String rest = target(WHAT_CHANGED_WORDS.matcher(" " + windowless(withoutFactory) + " ").replaceAll(" "));
            return new Intent.WhatChanged(rest.isEmpty() || PRONOUNS.contains(rest) ? null : (quoted != null ? quoted : rest),
                    factory);
        }
        if (AUDIT.matcher(t).find() && !t.matches(".*\\b(?:export|csv|report)\\b.*")) {
            String rest = target(AUDIT_WORDS.matcher(" " + windowless(withoutFactory) + " ").replaceAll(" "));
            return new Intent.Audit(rest.isEmpty() || PRONOUNS.contains(rest) ? null : rest, factory, window);
        }
        if (WATCHING.matcher(t).find()) {
            return new Intent.Watching();
        }
        String plain = raw.trim().replaceAll("[?!.]+$", "").replaceAll("\\s+", " ").trim();
        Matcher w = UNWATCH_CMD.matcher(plain);
        if (w.matches()) {
            return new Intent.Unwatch(watchTarget(w.group(1) == null ? "" : w.group(1)).pattern());
        }
        w = WATCH_CMD.matcher(plain);
        if (!w.matches()) {
            w = ALERT_ME.matcher(plain);
        }
        if (w.matches()) {
            String what = w.group(1) != null ? w.group(1) : w.groupCount() >= 2 && w.group(2) != null ? w.group(2) : "";
            Intent.Watch target = watchTarget(what);
            return target.pattern().isEmpty() ? new Intent.Watching() : target;
        }
        if (WATCH.matcher(t).find()) {
            return new Intent.NotYet(Intent.Capability.WATCH, raw);
        }
        if (ACTION.matcher(t).find()) {
            Intent.ActionKind kind = CANCEL_WORDS.matcher(t).find() ? Intent.ActionKind.CANCEL
                    : FROM_FAILURE.matcher(t).find() ? Intent.ActionKind.RERUN_FROM_FAILURE : Intent.ActionKind.RERUN;
            String named = quoted != null ? quoted
                    : target(ACTION_WORDS.matcher(" " + withoutFactory + " ").replaceAll(" ").replaceAll("\\s+", " "));
            return new Intent.RequestAction(kind, PRONOUNS.contains(named) ? null : named, factory);
        }
        if (EXPORT.matcher(withoutIdentifiers(t).trim()).find()) {
            String rest = target(EXPORT_WORDS.matcher(" " + windowless(withoutFactory) + " ").replaceAll(" "));
            return new Intent.Export(rest.isEmpty() || PRONOUNS.contains(rest) ? null : (quoted != null ? quoted : rest),
                    factory, window);
        }
        if (COST.matcher(withoutIdentifiers(t)).find() && !t.matches(".*\\b(?:export|csv|report)\\b.*")) {
            String rest = target(COST_WORDS.matcher(" " + windowless(withoutFactory) + " ").replaceAll(" "));
            return new Intent.Cost(rest.isEmpty() || PRONOUNS.contains(rest) ? null : (quoted != null ? quoted : rest),
                    factory, window);
        }
        if (TRENDS.matcher(withoutIdentifiers(t)).find()) {
            String rest = target(TRENDS_WORDS.matcher(windowless(withoutFactory)).replaceAll(" "));
            return new Intent.Trends(rest.isEmpty() || PRONOUNS.contains(rest) ? null : rest, factory, window);
        }
        boolean whyFailed = WHY.matcher(t).find() && FAILING.matcher(t).find();
        if (!whyFailed && PERFORMANCE.matcher(withoutIdentifiers(t)).find()) {
            String rest = target(PERFORMANCE_WORDS.matcher(windowless(withoutFactory)).replaceAll(" "));
            return new Intent.Performance(rest.isEmpty() || PRONOUNS.contains(rest) ? null : rest, factory, window);
        }
        if (!whyFailed && TRENDS_CHART.matcher(withoutIdentifiers(t)).find()
                && !t.matches(".*\\b(?:compare|comparison|compared|versus|vs|sla|slas)\\b.*")) {
            String rest = target(TRENDS_WORDS.matcher(windowless(withoutFactory)).replaceAll(" "));
            return new Intent.Trends(rest.isEmpty() || PRONOUNS.contains(rest) ? null : rest, factory, window);
        }
        if (!whyFailed && ANALYTICS.matcher(withoutIdentifiers(t)).find()) {
            return new Intent.NotYet(Intent.Capability.ANALYTICS, raw);
        }
        if (PREVIOUS.matcher(t).find()) {
            return new Intent.PreviousFailure();
        }
        String target = quoted != null ? quoted : target(withoutFactory);
        boolean pronoun = PRONOUNS.contains(target);
        boolean failing = FAILING.matcher(t).find();
        if (ACTIVITIES.matcher(t).find() && failing) {
            return new Intent.FailedActivities(pronoun ? null : target, factory);
        }
        boolean why = WHY.matcher(t).find();
        boolean list = listQuestion(t);
        if (why || (failing && !pronoun && !list)) {
            return new Intent.DiagnosePipeline(pronoun ? null : target, factory);
        }
        if (failing || list) {
            return new Intent.FailingList(window, factory);
        }
        if (STATUS.matcher(t).find()) {
            return new Intent.Status(pronoun ? null : target, factory, window);
        }
        if (!pronoun) {
            return new Intent.NameOnly(target);
        }
        return new Intent.Unknown();
    }

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

    private static boolean listQuestion(String t) {
        return LIST.matcher(t).find() && LIST_OBJECT.matcher(t).find() && !t.matches(".*\\bwhy\\b.*");
    }

    /** A factory named in the text ("in factory df-prod", "on the df-prod factory"), or null. */
    static String factory(String t) {
        Matcher m = FACTORY_BEFORE.matcher(t);
        if (m.find()) {
            return m.group(1);
        }
        m = FACTORY_AFTER.matcher(t);
        if (m.find() && !m.group(1).equals("data")) {
            return m.group(1);
        }
        return null;
    }

    private static String removeFactory(String t) {
        return FACTORY_AFTER.matcher(FACTORY_BEFORE.matcher(t).replaceAll(" ")).replaceAll(" ").replaceAll("\\s+", " ").trim();
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
    private static String withoutIdentifiers(String t) {
        return (" " + t + " ").replaceAll("(?<=\\s)\\S*[_.\\-]\\S*(?=\\s)", " ");
    }

    /** The text without window phrases ("last 3 days", "since yesterday", "this week"). */
    private static String windowless(String t) {
        return WINDOW_WORDS.matcher(" " + t + " ").replaceAll(" ").trim();
    }

    /** The words that name the pipeline (or run) a question is about, or "" / a pronoun. */
    static String target(String t) {
        String s = " " + t.replaceAll("[?!,:;\"`()]", " ").replaceAll("\\.(?=\\s|$)", " ").replaceAll("'(?=\\s|$)|(?<=\\s)'", " ") + " ";
        // Window phrases are not names: "last 3 days", "since yesterday".
        s = WINDOW_WORDS.matcher(s).replaceAll(" ");
        String before;
        do {
            before = s;
            s = FILLER_WORDS.matcher(s).replaceAll(" ");
        } while (!s.equals(before));
        return s.trim().replaceAll("\\s+", " ");
    }
}
