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
 * The words {@link IntentParser} reads: command words and forms as patterns (what "failing", "why", "watch", "export",
 * "how much", a yes/no question look like), filler, factories named in passing. Data, not logic: the rules that use
 * them are {@link IntentParser#RULES}.
 */
final class IntentWords {

    private IntentWords() {
    }

    static final Pattern RUN_ID = Pattern.compile(
            "\\b([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\b");
    static final Pattern CLEAR = Pattern.compile(
            "^(?:please\\s+)?(?:clear|reset|forget|wipe)(?:\\s+(?:the|my|our|this))?(?:\\s+(?:chat\\s+)?(?:history|context|conversation|memory))?$"
                    + "|^start over$|^new conversation$|^forget (?:it|everything|all that)$");
    static final Pattern HELP = Pattern.compile(
            "^(?:help|\\?|hi|hello|hey|hiya|yo|commands|usage|menu|start|get started|what can you do|what do you do|"
                    + "how does this work|what can i ask|what can i ask you|who are you|help me|hi there|hello there|"
                    + "good morning|good afternoon|good evening|what are you|options|what do you know)$");
    static final Pattern PREVIOUS = Pattern.compile(
            "\\b(?:one before|the one before|before that|previous (?:one|failure|run)|earlier (?:one|failure|run)|"
                    + "the failure before|prior (?:one|failure|run)|one earlier|go back one|older one)\\b");
    static final Pattern STATUS = Pattern.compile(
            "\\b(?:status|how is|how's|hows|health|healthy|is .+ (?:ok|okay|running|green|working)|last runs?|latest runs?|"
                    + "recent runs|history of|runs of|show)\\b");
    static final Pattern WHY = Pattern.compile(
            "\\b(?:why|diagnos\\w*|root cause|what went wrong|what happened|explain|investigate|details? (?:of|for|on)|"
                    + "reason)\\b");
    static final Pattern FAILING = Pattern.compile(
            "\\b(?:fail\\w*|broken|broke|errors?|erroring|errored|red|problems?|issues?|incidents?|down|unhealthy|what'?s wrong)\\b");
    static final Pattern LIST = Pattern.compile("\\b(?:what|which|any|list|show|are there|anything|everything|all)\\b");
    static final Pattern LIST_OBJECT = Pattern.compile(
            "\\b(?:pipelines?|runs?|fail\\w*|broken|broke|errors?|erroring|errored|problems?|issues?|wrong|red|down|unhealthy)\\b");
    static final Pattern ACTIVITIES = Pattern.compile("\\bactivit(?:y|ies)\\b");
    static final Pattern TROUBLESHOOT = Pattern.compile(
            "\\b(?:troubleshoot\\w*|fix|fixing|debug|resolve|solve|repair|remediate|remedy|mitigate)\\b");
    static final Pattern HOW_TO = Pattern.compile(
            "^(?:how (?:do|can|should|would) (?:i|we|you)\\b|how to\\b|how does\\b|what (?:does|do) (?:the )?(?:error|code)\\b"
                    + "|what(?: is|'s) (?:the )?(?:error|code) |what (?:does|do) .* mean|explain (?:the )?(?:error|code)|meaning of"
                    + "|docs? (?:for|on|about)|documentation|where (?:can|do) i find|is there a way to)");
    static final Pattern TROUBLESHOOT_START = Pattern.compile(
            "^(?:help me |please )?(?:troubleshoot|fix|debug|resolve|solve)\\b");
    /** An error code rather than a pipeline, in "how do I fix ...": 2108, DF-Executor-..., UserErrorSourceBlobNotExists. */
    static final Pattern ERROR_CODE = Pattern.compile(
            "^(?:(?:error|code) )*(?:\\d{4}|df-[a-z]+-[a-z]+|[a-z]*(?:error|exception|notfound|notexists?|failedto)[a-z]*)(?: (?:error|code))*$");
    static final Pattern ACCESS = Pattern.compile(
            "^(?:are you|r u|is the bot) (?:connected|online|up|working|alive)\\b|\\bcheck (?:your |the |my )?(?:access|connection|connectivity|permissions?)\\b"
                    + "|\\bcan you (?:read|see|access|reach) (?:the |my |our |any )?(?:factor\\w*|data factor\\w*|adf)\\b"
                    + "|^(?:which|what) (?:data )?factor(?:y|ies) (?:can you|do you) (?:read|see|access|know)"
                    + "|\\b(?:connection|access) (?:status|check|test)\\b|^test (?:the |your )?connection|^ping$");
    static final Pattern WATCHING = Pattern.compile(
            "\\bwhat (?:am i|are we|is (?:this|the) (?:chat|channel|thread)) (?:watching|subscribed to)\\b"
                    + "|^(?:show |list )?(?:me )?(?:my |our |the )?(?:subscriptions|watches|watch ?list|watched pipelines)$");
    static final Pattern UNWATCH_CMD = Pattern.compile("(?i)^(?:please )?(?:unwatch|stop watching|unsubscribe(?: from)?"
            + "|stop (?:alerting|notifying) (?:me|us)(?: about| for| on)?)(?:\\s+(.*))?$");
    static final Pattern WATCH_CMD = Pattern.compile("(?i)^(?:please |can you |could you )?(?:watch|subscribe(?: me| us)?(?: to)?"
            + "|monitor|keep an eye on)\\s+(.+)$");
    static final Pattern ALERT_ME = Pattern.compile("(?i)^(?:please )?(?:alert|notify|ping|tell) (?:me|us)"
            + "(?: here)?(?: when| if| whenever)?\\s+(.+?)(?:\\s+(?:fails|failed|breaks|has failed|goes red|is failing))?$"
            + "|^(?:please )?let (?:me|us) know (?:when|if|whenever)\\s+(.+?)\\s+(?:fails|breaks|has failed)$");
    static final Pattern WATCH_FACTORY = Pattern.compile("(?i)\\s+(?:in|on|of) (?:the )?(?:data )?factory\\s+(\\S+)$"
            + "|\\s+(?:in|on) (\\S+) factory$");
    static final Pattern WATCH = Pattern.compile(
            "^(?:please )?(?:watch|unwatch|stop watching|subscribe|unsubscribe|mute|unmute|snooze)\\b|\\balert (?:me|us|this)\\b"
                    + "|\\bnotify (?:me|us)\\b|\\bwhat am i watching\\b|\\bsubscriptions?\\b|\\bping (?:me|us) when\\b"
                    + "|\\blet (?:me|us) know when\\b");
    static final Pattern ACTION = Pattern.compile(
            "^(?:please |can you |could you )?(?:rerun|re-run|retry|restart|cancel|abort|kill|trigger|stop the|stop run)\\b"
                    + "|^(?:please )?(?:run|start) (?!over\\b)\\S+.*\\b(?:now|again)\\b");
    static final Pattern CANCEL_WORDS = Pattern.compile("^(?:please |can you |could you )?(?:cancel|abort|kill|stop)\\b");
    static final Pattern FROM_FAILURE = Pattern.compile(
            "\\bfrom (?:the )?(?:point of )?(?:fail\\w*|error|where it (?:failed|stopped|broke))\\b|\\bfailed activit");
    static final Pattern ACTION_WORDS = Pattern.compile("(?<=\\s)(?:please|can|could|you|rerun|re-run|retry|"
            + "restart|cancel|abort|kill|trigger|stop|start|again|now|from|point|where|it|stopped|broke|activity|"
            + "activities|in progress|running|that is|that's)(?=\\s)");
    static final Pattern AUDIT = Pattern.compile(
            "^(?:show (?:me )?)?(?:the )?audit(?: log| trail)?\\b(?! report)|\\bwhat (?:was|has been|have we|did we|"
                    + "did anyone|did people|got) (?:done|do|fixed)\\b|\\bwho (?:reran|re-ran|cancell?ed|resolved|restarted)\\b"
                    + "|\\bresolution notes?\\b|\\bwhat actions\\b");
    static final Pattern AUDIT_WORDS = Pattern.compile("(?<=\\s)(?:audit|log|trail|who|reran|re-ran|cancell?ed|"
            + "resolved|restarted|resolution|notes?|done|do|did|we|anyone|people|actions?|taken|got|fixed|been|has|have)(?=\\s)");
    static final Pattern WHAT_CHANGED = Pattern.compile(
            "\\bwhat(?:'s| has| have)? (?:changed|is different|was different)\\b|\\bwhat(?:'s| is) different\\b");
    static final Pattern WHAT_CHANGED_WORDS = Pattern.compile("(?<=\\s)(?:what|what's|has|have|changed|is|was|"
            + "different|since|it|last|worked|work|working|succeeded|success|successful|in|for|of|the|run|between|and|"
            + "failure|failed|fail|then|now|before)(?=\\s)");
    static final Pattern EXPORT = Pattern.compile(
            "^(?:please |can you |could you |i need (?:an? )?|give me (?:an? )?)?(?:export|download)\\b"
                    + "|\\b(?:csv|excel|spreadsheet|compliance|auditors?|audit report)\\b");
    static final Pattern EXPORT_WORDS = Pattern.compile("(?<=\\s)(?:export|exports|exporting|csv|excel|"
            + "spreadsheet|compliance|auditors?|audit|report|to|as|a|an|the|all|runs?|pipelines?|for|of|give|me|us|"
            + "download|file|please|can|you|show|what|i|need|history|failed|succeeded)(?=\\s)");
    static final Pattern COST = Pattern.compile(
            "\\b(?:cost|costs|costing|costly|spend|spent|spending|expensive|cheapest|price|priced|bill|billed)\\b");
    static final Pattern COST_WORDS = Pattern.compile("(?<=\\s)(?:what|what's|did|does|do|has|have|how|much|"
            + "cost|costs|costing|costly|spend|spent|spending|expensive|cheapest|price|priced|bill|billed|most|least|the|"
            + "our|my|are|is|was|were|we|on|pipelines?|runs?|(?<=(?:cost|costs|costing|spend|spent|spending|bill|billed) )us|in|"
            + "top|\\d+)(?=\\s)");
    static final Pattern ANALYTICS = Pattern.compile(
            "\\b(?:trends?|trending|slow|slowest|slower|fastest|longest|shortest|durations?|how long|took longer|"
                    + "taking longer|average|avg|median|p9\\d|percentiles?|costs?|costing|spend|spent|spending|bill|billing|"
                    + "price|pricing|expensive|cheapest|compare|comparison|compared|versus|vs|anomal\\w*|spikes?|charts?|"
                    + "graphs?|plot|export (?:to|as|the|all|runs|history|a|an)|compliance|audit report|csv|excel|sla|slas|"
                    + "success rate|failure rate|"
                    + "fail(?:ure)? most|most often|most failures|failed most|flaky|flakiest|top \\d+|what changed|"
                    + "statistics|stats|metrics)\\b");
    static final Pattern TRENDS = Pattern.compile(
            "\\b(?:trends?|trending|how (?:did|have) (?:the |our |my |all )?(?:pipelines?|we|things|factor\\w*) (?:do|done|been doing)"
                    + "|how (?:did|has|have) [\\w .*'-]{1,80}? (?:do|done|been doing)\\b"
                    + "|how (?:are|were) (?:the |our )?pipelines (?:doing|going)|success rate|failure rate|"
                    + "health (?:over time|this week|last week|trend)|weekly (?:report|summary)|week in review|"
                    + "fail(?:ure)?s? most|most often|most failures|failed most|flaky|flakiest)\\b");
    /** A chart or numbers without a duration word: the trend card (it has the chart). */
    static final Pattern TRENDS_CHART = Pattern.compile("\\b(?:charts?|graphs?|plot|statistics|stats|metrics)\\b");
    static final Pattern TRENDS_WORDS = Pattern.compile(
            "(?<=\\s)(?:show(?: me)?|give me|trends?|trending|for|of|how|did|have|has|the|our|my|all|pipelines?|we|things|"
                    + "factor\\w*|do|done|been|doing|are|were|going|success|failure|rate|health|over|time|"
                    + "weekly (?:report|summary)|report|summary|week in review|what|is|in|which|fails?|failures?|failed|"
                    + "most|often|flaky|flakiest|charts?|graphs?|plot|statistics|stats|metrics|a|of|me|draw|make)(?=\\s)");
    static final Pattern PERFORMANCE = Pattern.compile(
            "\\b(?:slowest|slow|slower|longest|how long|durations?|took longer|taking longer|takes longer|anomal\\w*|"
                    + "outliers?|"
                    + "run(?:ning)? longer|run ?times?|median|average|avg|p50|p9\\d|percentiles?)\\b");
    static final Pattern PERFORMANCE_WORDS = Pattern.compile(
            "(?<=\\s)(?:show(?: me)?|give me|which|what|are|is|was|were|the|getting|get|got|becoming|slowest|slow|slower|"
                    + "longest|how|long|does|do|did|durations?|took|taking|take|takes|longer|than|usual|run(?:ning)?|"
                    + "run ?times?|median|average|avg|p50|p9\\d|percentiles?|pipelines?|of|for|in|my|our|all|ones?|any|"
                    + "anomal\\w*|outliers?|there|runs?|spot|find|see|charts?|graphs?|plot|a|me)(?=\\s)");
    static final Pattern FACTORY_BEFORE = Pattern.compile(
            "\\b(?:in|on|from|of|for) (?:the )?(?:data factory|factory|adf|df) ['\"]?([a-z0-9][a-z0-9-]{1,62})['\"]?");
    static final Pattern FACTORY_AFTER = Pattern.compile(
            "\\b(?:in|on|from|of|for) (?:the )?['\"]?([a-z0-9][a-z0-9-]{1,62})['\"]? (?:data factory|factory)\\b");
    static final Pattern QUOTED = Pattern.compile("[\"'`‘’“”]([^\"'`‘’“”]{2,120})[\"'`‘’“”]");
    static final Set<String> PRONOUNS = Set.of("it", "that", "this", "them", "those", "one", "that one",
            "this one", "they", "he", "she", "the run", "run", "");
    static final String[] FILLER = {"why", "did", "does", "do", "has", "have", "had", "is", "was", "were",
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
    static final Pattern FILLER_WORDS = Pattern.compile("(?<=\\s)(?:" + String.join("|",
            java.util.Arrays.stream(FILLER).map(Pattern::quote).toList()) + ")(?=\\s)");

    /** Where a name found in the words stands in the text the rules read (it is filler to every rule). */
    static final String NAME = "\u00a7";

    /**
     * Yes/no questions about one pipeline: the form (on the question without its window, factory and trailing
     * "again"/"now") and what it asks. Group 1 is the subject.
     */
    record YesNoForm(Pattern form, Intent.Question question) {
    }

    static YesNoForm ask(String regex, Intent.Question q) {
        return new YesNoForm(Pattern.compile(regex), q);
    }

    static final String BE = "(?:is|are|isn't|aren't|is not|are not)";
    static final List<YesNoForm> YES_NO = List.of(
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
    static final List<YesNoForm> YES_NO_AFTER_IF = List.of(
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
    static final Pattern ASK_IF = Pattern.compile("^(?:(?:can|could) you |please )*(?:tell me|check|let me know|"
            + "do you know|see|find out|i wonder|i'm wondering|wondering)(?: if| whether) ");
    static final Pattern ASK_AFTER = Pattern.compile("(?:\\s+(?:again|now|right now|currently|at the moment|"
            + "already|please|at all|or not|anymore|any more))+$");
    /** Subjects that make a yes/no question a list ("is anything failing?", "are all pipelines ok?"). */
    static final Pattern LIST_SUBJECT = Pattern.compile("^(?:there |the |all |any |our |my )*(?:anything|something|"
            + "everything|things|any ?(?:one|pipelines?|runs?)|all(?: (?:the )?(?:pipelines?|runs?))?|pipelines|runs|"
            + "(?:the |all |our )?(?:pipelines|runs|factor(?:y|ies))|we|us)$");
    /** "is everything on schedule?", "did anything miss its schedule?", "any late runs?", "SLA status". */
    static final Pattern ON_SCHEDULE = Pattern.compile("\\b(?:on schedule|on time|behind schedule|off schedule|"
            + "miss(?:ed|ing)? (?:its |their |the |a |any )?(?:schedule|scheduled run|run|runs|window|slot|sla)|"
            + "missed (?:runs?|schedules?)|late (?:runs?|starts?)|(?:runs?|started|starting) late|running late|slas?)\\b");
    /** The words of an on-schedule question, removed to find its pipeline. */
    static final Pattern ON_SCHEDULE_WORDS = Pattern.compile("(?<=\\s)(?:on|schedule|scheduled|time|behind|off|miss|"
            + "missed|missing|its|their|run|runs|window|slot|sla|slas|late|starts?|started|starting|running|status|"
            + "everything|anything|we|us|our|my|meet|meeting|meets|did|is|are|any|what|the|a|all|today|tonight|so|far|"
            + "verdict|report)(?=\\s)");
    /** "what runs tonight?", "what's scheduled next?", "what runs in the next 6 hours?". */
    static final Pattern UPCOMING = Pattern.compile("\\b(?:tonight|overnight|scheduled (?:next|for|to run|later)|"
            + "(?:runs?|scheduled|coming|starts?|due) next|next scheduled|coming up|upcoming|will run|"
            + "(?:runs?|scheduled|due|starts?) (?:in|over|within|during) the next)\\b");
    /** "in the next 6 hours", "next 90 minutes", "next 2h". */
    static final Pattern AHEAD = Pattern.compile("\\bnext (\\d{1,3}) ?(hours?|hrs?|h|minutes?|mins?|m)\\b");
    /** The words of an upcoming-runs question, removed to find its pipeline. */
    static final Pattern UPCOMING_WORDS = Pattern.compile("(?<=\\s)(?:tonight|overnight|scheduled|next|for|to|"
            + "run|runs|later|coming|up|upcoming|will|starts?|due|in|over|within|during|the|what|what's|whats|is|are|"
            + "when|does|do|\\d{1,3}|hours?|hrs?|h|minutes?|mins?|m|today|going)(?=\\s)");
    /** "the sales pipelines": several pipelines, named by words they share. */
    static final Pattern GROUP = Pattern.compile("\\b(?:pipelines|jobs|flows|loads|ones)\\b");
    /** "how are the sales pipelines doing?": a group's health. */
    static final Pattern GROUP_HEALTH = Pattern.compile("^how (?:are|were|have|did) (.+?) (?:pipelines|jobs|flows) "
            + "(?:doing|going|been doing|done|do|look|looking)$");
    /** Command nouns that name a group when "pipelines" follows ("the billing pipelines", "the cost jobs"). */
    static final Pattern GROUP_NOUN = Pattern.compile("\\b(?:cost|costs|billing|bill|trend|trends|export|exports|"
            + "audit|status|history|price|pricing|spend|metrics|stats|statistics|compliance|sla|report|reporting|charts?)"
            + " (?=(?:pipelines|jobs|flows|loads)\\b)");
    static final Pattern REPORT_WORDS = Pattern.compile("\\b(?:export|csv|report)\\b");
    /** A factory named without the word "factory": "in df-prod" (only a configured factory's name counts). */
    static final Pattern FACTORY_BARE = Pattern.compile("\\b(?:in|on|from|of|for|at) (?:the )?['\"]?([a-z0-9][a-z0-9-]{1,62})['\"]?(?=\\s|$)");

    /**
     * What depends on a pipeline; group 1 is its name: "what depends on X", "what does X break", "what is downstream
     * of X", "impact of X", "what breaks if X fails", "dependants of X".
     */
    static final List<Pattern> DEPENDANTS = List.of(
            Pattern.compile("^(?:what|who|which pipelines?|anything) (?:else )?(?:depends?|relies|rely|waits?) on (.+)$"),
            Pattern.compile("^what (?:does|would|will|could|might) (.+?) break(?: (?:if|when) it fails)?$"),
            Pattern.compile("^what (?:breaks|would break|will break|fails) (?:if|when) (.+?) (?:fails?|breaks?|is down)$"),
            Pattern.compile("^(?:what(?:'s| is| are| else is)?|which pipelines? (?:are|is)|show(?: me)?(?: what is)?) "
                    + "(?:downstream|affected) (?:of|from|by) (.+)$"),
            Pattern.compile("^(?:show (?:me )?)?(?:the )?(?:downstream |blast )?(?:impact|radius|dependants|dependents"
                    + "|downstream dependencies|downstream) (?:of|from|for) (.+)$"));
    /** A question about the self-hosted integration runtimes (read without identifiers: "ir_load" is a name). */
    static final Pattern RUNTIME = Pattern.compile("\\b(?:self[- ]?hosted(?: integration)?(?: runtimes?| irs?)?"
            + "|integration runtimes?|shirs?|irs?|ir nodes?)\\b");
    /** The words of a runtime question that are not the runtime's name. */
    static final Pattern RUNTIME_WORDS = Pattern.compile("(?<=\\s)(?:self[- ]?hosted|integration|runtimes?|shirs?|irs?"
            + "|nodes?|ok|okay|fine|healthy|health|status|state|up|online|offline|alive|working|running|good|green"
            + "|are|is|the|our|my|all|how|how's|hows|what|what's|whats|of|check|show|me|any|doing|today|now)(?=\\s)");
}
