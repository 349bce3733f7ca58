package com.adfops.agent;

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
            + "our|my|are|is|was|were|we|on|pipelines?|runs?|(?<=(?:cost|costs|costing|spend|spent|spending|bill|billed) )us|in|"
            + "top|\\d+)(?=\\s)");
    private static final Pattern ANALYTICS = Pattern.compile(
            "\\b(?:trends?|trending|slow|slowest|slower|fastest|longest|shortest|durations?|how long|took longer|"
                    + "taking longer|average|avg|median|p9\\d|percentiles?|costs?|costing|spend|spent|spending|bill|billing|"
                    + "price|pricing|expensive|cheapest|compare|comparison|compared|versus|vs|anomal\\w*|spikes?|charts?|"
                    + "graphs?|plot|export (?:to|as|the|all|runs|history|a|an)|compliance|audit report|csv|excel|sla|slas|"
                    + "success rate|failure rate|"
                    + "fail(?:ure)? most|most often|most failures|failed most|flaky|flakiest|top \\d+|what changed|"
                    + "statistics|stats|metrics)\\b");
    private static final Pattern TRENDS = Pattern.compile(
            "\\b(?:trends?|trending|how (?:did|have) (?:the |our |my |all )?(?:pipelines?|we|things|factor\\w*) (?:do|done|been doing)"
                    + "|how (?:did|has|have) [\\w .*'-]{1,80}? (?:do|done|been doing)\\b"
                    + "|how (?:are|were) (?:the |our )?pipelines (?:doing|going)|success rate|failure rate|"
                    + "health (?:over time|this week|last week|trend)|weekly (?:report|summary)|week in review|"
                    + "fail(?:ure)?s? most|most often|most failures|failed most|flaky|flakiest)\\b");
    /** A chart or numbers without a duration word: the trend card (it has the chart). */
    private static final Pattern TRENDS_CHART = Pattern.compile("\\b(?:charts?|graphs?|plot|statistics|stats|metrics)\\b");
    private static final Pattern TRENDS_WORDS = Pattern.compile(
            "(?<=\\s)(?:show(?: me)?|give me|trends?|trending|for|of|how|did|have|has|the|our|my|all|pipelines?|we|things|"
                    + "factor\\w*|do|done|been|doing|are|were|going|success|failure|rate|health|over|time|"
                    + "weekly (?:report|summary)|report|summary|week in review|what|is|in|which|fails?|failures?|failed|"
                    + "most|often|flaky|flakiest|charts?|graphs?|plot|statistics|stats|metrics|a|of|me|draw|make)(?=\\s)");
    private static final Pattern PERFORMANCE = Pattern.compile(
            "\\b(?:slowest|slow|slower|longest|how long|durations?|took longer|taking longer|takes longer|anomal\\w*|"
                    + "outliers?|"
                    + "run(?:ning)? longer|run ?times?|median|average|avg|p50|p9\\d|percentiles?)\\b");
    private static final Pattern PERFORMANCE_WORDS = Pattern.compile(
            "(?<=\\s)(?:show(?: me)?|give me|which|what|are|is|was|were|the|getting|get|got|becoming|slowest|slow|slower|"
                    + "longest|how|long|does|do|did|durations?|took|taking|take|takes|longer|than|usual|run(?:ning)?|"
                    + "run ?times?|median|average|avg|p50|p9\\d|percentiles?|pipelines?|of|for|in|my|our|all|ones?|any|"
                    + "anomal\\w*|outliers?|there|runs?|spot|find|see|charts?|graphs?|plot|a|me)(?=\\s)");
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
        "those", "them", "they", "some", "now", "currently", "recently", "lately", "so", "far", "again", "still", "yet",
        "right", "moment", "else", "anything", "everything", "something", "red", "down", "unhealthy", "incidents",
        "incident", "during", "over", "going", "happening", "ran", "since", "until", "'s", "§"};
    private static final Pattern FILLER_WORDS = Pattern.compile("(?<=\\s)(?:" + String.join("|",
            java.util.Arrays.stream(FILLER).map(Pattern::quote).toList()) + ")(?=\\s)");

    /** Where a name found in the words stands in the text the rules read (it is filler to every rule). */
    static final String NAME = "\u00a7";

    /**
     * Yes/no questions about one pipeline: the form (on the question without its window, factory and trailing
     * "again"/"now") and what it asks. Group 1 is the subject.
     */
    private record YesNoForm(Pattern form, Intent.Question question) {
    }

    private static YesNoForm ask(String regex, Intent.Question q) {
        return new YesNoForm(Pattern.compile(regex), q);
    }

    private static final String BE = "(?:is|are|isn't|aren't|is not|are not)";
    private static final List<YesNoForm> YES_NO = List.of(
            ask("^" + BE + " (.+?) (?:still )?(?:running|going|executing|processing|in progress|active|underway|going on)$",
                    Intent.Question.RUNNING),
            ask("^(.+?) still (?:running|going|in progress|executing)$", Intent.Question.RUNNING),
            ask("^()still (?:running|going|in progress)$", Intent.Question.RUNNING),
            ask("^" + BE + " (.+?) (?:done|finished|complete|completed|over|through)(?: yet)?$", Intent.Question.FINISHED),
            ask("^(?:has|have|did) (.+?) (?:finished|completed|ended|stopped|finish|complete|end|stop|been completed)(?: yet)?$",
                    Intent.Question.FINISHED),
            ask("^" + BE + " (.+?) (?:still )?(?:failing|broken|down|red|erroring|failed|in error|stuck|crashing|in trouble"
                    + "|having (?:problems|issues|trouble))$", Intent.Question.FAILING),
            ask("^(?:did|has|have|does) (.+?) (?:fail|failed|break|broke|broken|error|errored|go red|gone red|crash|crashed)$",
                    Intent.Question.FAILING),
            ask("^(?:has|have) (.+?) been (?:failing|failed|broken|erroring|down|red)$", Intent.Question.FAILING),
            ask("^" + BE + " (.+?) (?:ok|okay|fine|healthy|green|good|working|alright|all right|up|back up|back|back to normal"
                    + "|fixed|recovered|running fine|running ok|running okay|succeeding|passing|working again)$",
                    Intent.Question.HEALTHY),
            ask("^(?:did|has|have|does) (.+?) (?:succeed|succeeded|work|worked|pass|passed|recover|recovered|run ok|run fine"
                    + "|run okay|come back|completed successfully|complete successfully|run successfully)$",
                    Intent.Question.HEALTHY),
            ask("^(?:did|has|have|does) (.+?) (?:run|ran|been run|execute|executed|start|started|trigger|triggered)$",
                    Intent.Question.RAN));
    /** The same questions after "tell me if", "check whether": "X is still running", "X failed yesterday". */
    private static final List<YesNoForm> YES_NO_AFTER_IF = List.of(
            ask("^(.+?) (?:is|are) (?:still )?(?:running|going|executing|processing|in progress|active|underway)$",
                    Intent.Question.RUNNING),
            ask("^(.+?) (?:is|are) (?:done|finished|complete|completed|over|through)(?: yet)?$", Intent.Question.FINISHED),
            ask("^(.+?) (?:has|have) (?:finished|completed|ended|stopped)(?: yet)?$", Intent.Question.FINISHED),
            ask("^(.+?) (?:is|are) (?:still )?(?:failing|broken|down|red|erroring|failed|in error|stuck|crashing)$",
                    Intent.Question.FAILING),
            ask("^(.+?) (?:has |have )?(?:failed|broke|broken|errored|crashed|gone red)$", Intent.Question.FAILING),
            ask("^(.+?) (?:is|are) (?:ok|okay|fine|healthy|green|good|working|alright|all right|up|back|fixed|recovered)$",
                    Intent.Question.HEALTHY),
            ask("^(.+?) (?:has |have )?(?:succeeded|worked|passed|recovered|run ok|run fine|completed successfully)$",
                    Intent.Question.HEALTHY),
            ask("^(.+?) (?:ran|has run|have run|was run|ran at all|started|has started|was triggered)$", Intent.Question.RAN));
    /** Words around a yes/no question that do not change it. */
    private static final Pattern ASK_IF = Pattern.compile("^(?:(?:can|could) you |please )*(?:tell me|check|let me know|"
            + "do you know|see|find out|i wonder|i'm wondering|wondering)(?: if| whether) ");
    private static final Pattern ASK_AFTER = Pattern.compile("(?:\\s+(?:again|now|right now|currently|at the moment|"
            + "already|please|at all|or not|anymore|any more))+$");
    /** Subjects that make a yes/no question a list ("is anything failing?", "are all pipelines ok?"). */
    private static final Pattern LIST_SUBJECT = Pattern.compile("^(?:there |the |all |any |our |my )*(?:anything|something|"
            + "everything|things|any ?(?:one|pipelines?|runs?)|all(?: (?:the )?(?:pipelines?|runs?))?|pipelines|runs|"
            + "(?:the |all |our )?(?:pipelines|runs|factor(?:y|ies))|we|us)$");
    /** "the sales pipelines": several pipelines, named by words they share. */
    private static final Pattern GROUP = Pattern.compile("\\b(?:pipelines|jobs|flows|loads|ones)\\b");
    /** "how are the sales pipelines doing?": a group's health. */
    private static final Pattern GROUP_HEALTH = Pattern.compile("^how (?:are|were|have|did) (.+?) (?:pipelines|jobs|flows) "
            + "(?:doing|going|been doing|done|do|look|looking)$");
    /** Command nouns that name a group when "pipelines" follows ("the billing pipelines", "the cost jobs"). */
    private static final Pattern GROUP_NOUN = Pattern.compile("\\b(?:cost|costs|billing|bill|trend|trends|export|exports|"
            + "audit|status|history|price|pricing|spend|metrics|stats|statistics|compliance|sla|report|reporting|charts?)"
            + " (?=(?:pipelines|jobs|flows|loads)\\b)");
    private static final Pattern REPORT_WORDS = Pattern.compile("\\b(?:export|csv|report)\\b");
    /** A factory named without the word "factory": "in df-prod" (only a configured factory's name counts). */
    private static final Pattern FACTORY_BARE = Pattern.compile("\\b(?:in|on|from|of|for|at) (?:the )?['\"]?([a-z0-9][a-z0-9-]{1,62})['\"]?(?=\\s|$)");

    /** One rule: when it applies and what it makes of the question. */
    private record Rule(String name, Predicate<Question> when, Function<Question, Intent> intent) {
    }

    private static Rule rule(String name, Predicate<Question> when, Function<Question, Intent> intent) {
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

    /** A question as the rules read it: its text in several forms, its factory, window and name. */
    static final class Question {
        /** As typed, without Teams mentions and extra spaces. */
        final String raw;
        /** Lower case, politeness removed, command words' typos corrected, a found name replaced by {@link #NAME}. */
        final String t;
        /** As typed without trailing punctuation (watch commands keep the user's case). */
        final String plain;
        /** A name in quotes, or the pipeline a run of words names; null when neither. */
        final String quoted;
        final String factory;
        final String withoutFactory;
        final TimeWindow window;
        final KnownNames known;

        Question(String raw, String t, String quoted, KnownNames known, Instant now, ZoneId zone, Duration history) {
            this.raw = raw;
            this.t = t;
            this.plain = raw.trim().replaceAll("[?!.]+$", "").replaceAll("\\s+", " ").trim();
            this.quoted = quoted;
            this.known = known;
            this.factory = factory(t, known);
            this.withoutFactory = factory == null ? t : removeFactory(t, factory);
            this.window = TimeWindowParser.find(withoutFactory, now, zone, history).orElse(null);
        }

        /** The words naming what the question is about, or "" / a pronoun. */
        String target() {
            return quoted != null ? quoted : IntentParser.target(withoutFactory);
        }

        boolean pronoun() {
            return quoted == null && PRONOUNS.contains(target());
        }

        /** A name found or quoted, else the words left ({@code rest}), or null for none. */
        String named(String rest) {
            return quoted != null ? quoted : rest.isEmpty() || PRONOUNS.contains(rest) ? null : rest;
        }

        /** As {@link #named}, a group's words ("the sales pipelines") as a pattern: {@code *sales*}. */
        String scope(String rest) {
            String n = named(rest);
            return n != null && quoted == null && GROUP.matcher(withoutFactory).find() ? groupPattern(n) : n;
        }

        /** What a failing list is narrowed to: a name, a pattern, a group's or a factory's words; null for all. */
        String listScope() {
            String s = target();
            return s.isEmpty() || PRONOUNS.contains(s) ? null : s;
        }

        /** Several pipelines named by shared words: "the sales pipelines". */
        boolean group() {
            return quoted == null && GROUP.matcher(withoutFactory).find() && !pronoun();
        }

        /** The words keyword rules read: no identifiers ("cost_sync"), no group nouns ("the billing pipelines"). */
        String keywords() {
            return GROUP_NOUN.matcher(withoutIdentifiers(t)).replaceAll(" ").trim();
        }

        boolean failing() {
            return FAILING.matcher(t).find();
        }

        boolean list() {
            return LIST.matcher(t).find() && LIST_OBJECT.matcher(t).find() && !t.matches(".*\\bwhy\\b.*");
        }

        boolean whyFailed() {
            return WHY.matcher(t).find() && failing();
        }

        /** The question without its window, factory, politeness around a yes/no and trailing "again"/"now". */
        String bare() {
            String s = TimeWindowParser.strip(withoutFactory).replaceAll("[?!.,]+$", "").trim();
            s = ASK_IF.matcher(s).replaceFirst("");
            return ASK_AFTER.matcher(s).replaceFirst("").trim();
        }

        /** The yes/no form this question has (group 1 is its subject), or null. */
        Matcher yesNo() {
            YesNoForm f = yesNoForm();
            if (f == null) {
                return null;
            }
            Matcher m = f.form().matcher(bare());
            return m.matches() ? m : null;
        }

        Intent.Question yesNoQuestion() {
            YesNoForm f = yesNoForm();
            return f == null ? null : f.question();
        }

        private YesNoForm yesNoForm() {
            String s = bare();
            boolean askedIf = ASK_IF.matcher(TimeWindowParser.strip(withoutFactory)).find();
            for (YesNoForm f : askedIf ? YES_NO_AFTER_IF : YES_NO) {
                if (f.form().matcher(s).matches()) {
                    return f;
                }
            }
            return null;
        }
    }

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
        Intent read = decide(new Question(raw, t, quoted, known, now, zone, history));
        if (quoted != null || NAME_FREE.contains(read.getClass())) {
            return read;
        }
        NameSpan span = NameSpan.find(t, known, VOCABULARY);
        if (span != null) {
            Intent named = decide(new Question(raw, span.replaced(), span.name(), known, now, zone, history));
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

    private static Intent decide(Question q) {
        for (Rule r : RULES) {
            if (r.when().test(q)) {
                return r.intent().apply(q);
            }
        }
        return new Intent.Unknown();
    }

    private static Intent troubleshoot(Question q) {
        String target = q.quoted != null ? q.quoted : target(q.withoutFactory);
        // Whether other words name a pipeline is the router's call (it knows the names); an error code is not one.
        if (q.quoted == null && ERROR_CODE.matcher(target).matches()) {
            return new Intent.HowTo(q.raw);
        }
        return new Intent.Troubleshoot(PRONOUNS.contains(target) && q.quoted == null ? null : target, q.factory, q.raw,
                q.window);
    }

    /** "is X failing?", "is X still running?", "did X run yesterday?"; about a group or everything, the failing list. */
    private static Intent yesNo(Question q) {
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
            PERFORMANCE_WORDS.pattern(), ASK_IF.pattern(), ASK_AFTER.pattern(), LIST_SUBJECT.pattern(),
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

    private static String removeFactory(String t, String factory) {
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
    private static String withoutIdentifiers(String t) {
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
