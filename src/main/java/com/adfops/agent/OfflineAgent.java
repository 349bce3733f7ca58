package com.adfops.agent;

import com.adfops.adf.DataFactoryException;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.docs.DocsService;
import com.adfops.docs.Guidance;
import com.adfops.state.ConversationContext;
import com.adfops.state.ConversationContext.RunRef;
import com.adfops.state.ConversationStore;
import com.adfops.state.Escalations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent without a language model: deterministic understanding of the questions on-call engineers ask most,
 * answered with the same tool functions ({@link AdfTools}) the Foundry agent uses. Card actions (drill-down,
 * follow up, escalate, clear history) are handled here too.
 */
public final class OfflineAgent implements Agent {

    private static final Logger log = LoggerFactory.getLogger(OfflineAgent.class);

    static final Pattern RUN_ID = Pattern.compile(
            "\\b([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\b");
    private static final Pattern CLEAR = Pattern.compile(
            "^(?:please\\s+)?(?:clear|reset|forget|wipe)(?:\\s+(?:the|my|our|this))?(?:\\s+(?:chat\\s+)?(?:history|context|conversation|memory))?$"
                    + "|^start over$|^new conversation$");
    private static final Pattern HELP = Pattern.compile(
            "^(?:help|\\?|hi|hello|hey|hiya|yo|commands|usage|menu|start|get started|what can you do|what do you do|"
                    + "how does this work|what can i ask|who are you|help me|hi there|hello there|good morning)$");
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
            "\\b(?:fail\\w*|broken|broke|errors?|erroring|red|problems?|issues?|incidents?|down|unhealthy|what'?s wrong)\\b");
    private static final Set<String> PRONOUNS = Set.of("it", "that", "this", "them", "those", "one", "that one",
            "this one", "they", "he", "she", "the run", "run", "");

    private static final Pattern HOW_TO = Pattern.compile(
            "^(?:how (?:do|can|should|would) (?:i|we|you)\\b|how to\\b|how does\\b|what (?:does|do) (?:the )?(?:error|code)\\b"
                    + "|what(?: is|'s) (?:the )?(?:error|code) |what (?:does|do) .* mean|explain (?:the )?(?:error|code)|meaning of"
                    + "|docs? (?:for|on|about)|documentation|where (?:can|do) i find|is there a way to)");

    private final AdfTools tools;
    private final ConversationStore store;
    private final DocsService docs;
    private final Escalations escalations;

    public OfflineAgent(AdfTools tools, ConversationStore store, DocsService docs, Escalations escalations) {
        this.tools = tools;
        this.store = store;
        this.docs = docs;
        this.escalations = escalations;
    }

    @Override
    public AgentReply handle(Turn turn) {
        ConversationContext ctx = store.load(turn.conversationId());
        try {
            AgentReply reply = turn.isCardAction() ? action(turn, ctx) : ask(turn, ctx);
            ctx.setUpdated(tools.now());
            if (!reply.parts().isEmpty() && !(reply.parts().get(0) instanceof Reply.Text t && t.text().startsWith(CLEARED))) {
                store.save(turn.conversationId(), ctx);
            }
            return reply;
        } catch (DataFactoryException e) {
            log.warn("Data Factory problem ({}) in conversation {}", e.kind(), turn.conversationId(), e);
            return AgentReply.of(new Reply.Problem(e.kind(), e.getMessage(), e.factory()));
        }
    }

    static final String CLEARED = "History cleared.";

    // ---- card actions ---------------------------------------------------------------------------------

    private AgentReply action(Turn turn, ConversationContext ctx) {
        Object a = turn.action().get("action");
        String action = a instanceof String s ? s.trim().toLowerCase(Locale.ROOT) : "";
        String runId = str(turn.action().get("runId"));
        String factory = str(turn.action().get("factory"));
        switch (action) {
            case "diagnose", "why" -> {
                if (runId == null) {
                    return stale("That button did not say which run to look at.");
                }
                return diagnoseRun(ctx, runId, factory);
            }
            case "followup", "follow_up", "follow-up" -> {
                return followUp(ctx, runId, factory);
            }
            case "escalate" -> {
                return escalate(turn, ctx, runId, factory);
            }
            case "clear", "clear_history", "clearhistory" -> {
                return clear(turn);
            }
            case "ask" -> {
                String text = str(turn.action().get("text"));
                if (text == null) {
                    return stale("That button did not carry a question.");
                }
                return ask(new Turn(turn.conversationId(), turn.userName(), text, Map.of(), turn.zone()), ctx);
            }
            case "status" -> {
                String pipeline = str(turn.action().get("pipeline"));
                return pipeline == null ? stale("That button did not name a pipeline.") : status(ctx, pipeline, turn);
            }
            case "help" -> {
                return AgentReply.of(new Reply.Help(false, ""));
            }
            default -> {
                // Some clients send the typed text with the card data; answer that rather than fail.
                if (!turn.text().isEmpty()) {
                    return ask(new Turn(turn.conversationId(), turn.userName(), turn.text(), Map.of(), turn.zone()), ctx);
                }
                return stale("I don't know that button" + (action.isEmpty() ? "" : " (\"" + safe(action) + "\")")
                        + ". It may come from an older version of this bot.");
            }
        }
    }

    private AgentReply stale(String why) {
        return AgentReply.of(new Reply.Suggestions("That card is out of date", why
                + " Ask me again and I'll build a fresh card.", List.of("What pipelines are failing?", "Help")));
    }

    private AgentReply clear(Turn turn) {
        store.clear(turn.conversationId());
        return AgentReply.of(new Reply.Text(CLEARED + " I've forgotten what we discussed in this conversation; "
                + "other chats and channels are not affected."));
    }

    private AgentReply followUp(ConversationContext ctx, String runId, String factory) {
        RunRef focus = ctx.getFocus();
        if (runId != null) {
            Optional<AdfTools.Located> run = tools.findRun(runId, factory);
            if (run.isEmpty()) {
                return stale("I can't find run " + safe(runId) + " any more (ADF keeps runs for 45 days).");
            }
            PipelineRun r = run.get().run();
            focus = new RunRef(r.factory().factoryName(), r.pipelineName(), r.runId());
            if (ctx.getFocus() == null || !runId.equals(ctx.getFocus().runId())) {
                ctx.setFocus(focus);
                ctx.setFocusIndex(0);
            }
        }
        if (focus == null) {
            return AgentReply.of(new Reply.Suggestions("What next?", "What would you like to look at?",
                    List.of("What pipelines are failing?", "What failed today?", "Help")));
        }
        String p = focus.pipeline();
        return AgentReply.of(new Reply.Suggestions("Follow up on " + p,
                "We're looking at run " + focus.runId() + " of **" + p + "**. What would you like to look at next?",
                List.of("And the one before?", "Status of " + p, "What else is failing?")));
    }

    private AgentReply escalate(Turn turn, ConversationContext ctx, String runId, String factory) {
        if (runId == null) {
            return stale("That button did not say which run to escalate.");
        }
        Optional<AdfTools.Located> located = tools.findRun(runId, factory);
        if (located.isEmpty()) {
            return stale("I can't find run " + safe(runId) + ", so I did not escalate it.");
        }
        PipelineRun run = located.get().run();
        Escalations.Result result = escalations.escalate(new Escalations.Escalation(run.factory().factoryName(),
                run.runId(), run.pipelineName(), turn.userName(), tools.now(), null));
        Escalations.Escalation e = result.escalation();
        Diagnosis d = tools.diagnose(run);
        String root = d.hasRootCause()
                ? d.rootCause().path() + ": " + ErrorText.summary(d.rootCause().activity().error().message(), 300)
                : ErrorText.summary(run.message(), 300);
        ctx.setFocus(new RunRef(run.factory().factoryName(), run.pipelineName(), run.runId()));
        Reply.Escalation card = new Reply.Escalation(run, root, d.errorClass().label(), d.errorClass().nextStep(),
                e.escalatedBy(), e.at(), guidance(d));
        if (!result.created()) {
            // Someone was first (maybe on another instance): say so, and show their escalation.
            return AgentReply.of(new Reply.Text("Run " + run.runId() + " of **" + run.pipelineName()
                    + "** is already escalated: by " + e.escalatedBy() + " at "
                    + java.time.format.DateTimeFormatter.ofPattern("MMM d, HH:mm 'UTC'", java.util.Locale.ENGLISH)
                            .withZone(java.time.ZoneOffset.UTC).format(e.at()) + "."), card);
        }
        return AgentReply.of(card);
    }

    // ---- typed questions -------------------------------------------------------------------------------

    private AgentReply ask(Turn turn, ConversationContext ctx) {
        String raw = turn.text();
        String t = raw.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[?!.]+$", "").trim();
        if (t.isEmpty() || HELP.matcher(t).matches()) {
            return AgentReply.of(new Reply.Help(false, ""));
        }
        if (CLEAR.matcher(t).matches() || t.equals("clear history")) {
            return clear(turn);
        }
        if (HOW_TO.matcher(t).find()) {
            return AgentReply.of(new Reply.DocsAnswer(raw.replaceAll("\\s+", " ").trim(), docs.answer(t)));
        }
        Matcher id = RUN_ID.matcher(raw);
        if (id.find()) {
            return diagnoseRun(ctx, id.group(1), null);
        }
        if (PREVIOUS.matcher(t).find()) {
            return previous(ctx);
        }
        boolean why = WHY.matcher(t).find();
        boolean status = STATUS.matcher(t).find();
        boolean failing = FAILING.matcher(t).find();
        String target = target(t);
        boolean pronoun = PRONOUNS.contains(target);
        if (why || (failing && !pronoun && !listQuestion(t))) {
            if (pronoun) {
                return diagnoseFromContext(ctx, t);
            }
            Optional<AgentReply> named = diagnosePipeline(ctx, target, turn, why || !listQuestion(t));
            if (named.isPresent()) {
                return named.get();
            }
        }
        if (failing || listQuestion(t)) {
            return listFailing(ctx, turn, t);
        }
        if (status) {
            if (pronoun) {
                RunRef f = ctx.getFocus();
                if (f == null) {
                    return AgentReply.of(new Reply.Suggestions("Which pipeline?",
                            "Tell me which pipeline, e.g. *status of my_pipeline*.", examples()));
                }
                return status(ctx, f.pipeline(), turn);
            }
            return status(ctx, target, turn);
        }
        // A bare pipeline name is a status question.
        if (!target.isEmpty()) {
            List<String> names = tools.allPipelineNames();
            NameMatcher.Match m = NameMatcher.match(target, names);
            if (m.name().isPresent()) {
                return status(ctx, m.name().get(), turn);
            }
        }
        return AgentReply.of(new Reply.Suggestions("I didn't catch that",
                "I can list failing pipelines, explain why a pipeline or run failed, and show a pipeline's status. "
                        + "Try one of these:", examples()));
    }

    private static boolean listQuestion(String t) {
        return t.matches(".*\\b(?:what|which|any|list|show|are there|anything|everything|all)\\b.*")
                && t.matches(".*\\b(?:pipelines?|runs?|fail\\w*|broken|errors?|problems?|issues?|wrong)\\b.*")
                && !t.matches(".*\\bwhy\\b.*");
    }

    private List<String> examples() {
        return List.of("What pipelines are failing?", "What failed today?", "Help");
    }

    /** The words that name the pipeline (or run) a question is about, or "" / a pronoun. */
    static String target(String t) {
        String s = " " + t.replaceAll("[?!.,:;\"`]", " ") + " ";
        // Drop window phrases first so "last 3 days" is not read as a name.
        s = s.replaceAll("\\b(?:in the |over the |during the )?(?:last|past|previous) \\d*\\s*(?:m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)\\b", " ");
        s = s.replaceAll("\\b(?:since|from) (?:last )?\\w+day\\b|\\bthis (?:week|morning)\\b|\\b(?:today|yesterday|tonight|last week|now|currently|recently|again)\\b", " ");
        String[] filler = {"why", "did", "does", "do", "has", "have", "had", "is", "was", "were", "are", "the", "a", "an",
            "fail", "failed", "fails", "failing", "failure", "failures", "break", "broke", "broken", "error", "errors",
            "erroring", "diagnose", "diagnosis", "root", "cause", "of", "for", "on", "what", "went", "wrong", "with",
            "happened", "happen", "to", "explain", "investigate", "status", "how", "how's", "hows", "health", "healthy",
            "pipeline", "pipelines", "run", "runs", "latest", "last", "recent", "show", "me", "please", "pls", "can",
            "you", "tell", "about", "details", "detail", "reason", "its", "it's", "doing", "ok", "okay", "running",
            "green", "working", "history", "in", "at", "there", "any", "which", "just", "again", "one", "and", "so",
            "hey", "bot", "adf", "data", "factory", "check", "look", "into", "up", "give", "get", "i", "want", "know",
            "whats", "what's", "my", "our", "your", "be", "been"};
        for (String w : filler) {
            s = s.replaceAll("(?<=\\s)" + Pattern.quote(w) + "(?=\\s)", " ");
        }
        return s.trim().replaceAll("\\s+", " ");
    }

    private AgentReply listFailing(ConversationContext ctx, Turn turn, String t) {
        TimeWindow window = TimeWindowParser.parse(t, tools.now(), turn.zone());
        AdfTools.RunsResult result = tools.pipelineRuns(new AdfTools.RunsRequest(null, null, Set.of(), window));
        FailingSummary summary = summarize(result);
        List<RunRef> listed = new ArrayList<>();
        for (FailingSummary.Row r : summary.failing()) {
            listed.add(new RunRef(r.factory(), r.pipeline(), r.lastFailure().runId()));
        }
        ctx.setLastListed(listed);
        if (listed.size() == 1) {
            ctx.setFocus(listed.get(0));
            ctx.setFocusIndex(0);
        }
        return AgentReply.of(new Reply.Failing(summary));
    }

    /** Groups runs by pipeline: failing when the latest finished run failed, recovered when it succeeded since. */
    static FailingSummary summarize(AdfTools.RunsResult result) {
        Map<String, List<PipelineRun>> byPipeline = new LinkedHashMap<>();
        int failedRuns = 0;
        int active = 0;
        for (PipelineRun r : result.runs()) {
            byPipeline.computeIfAbsent(r.factory().factoryName() + "/" + r.pipelineName(), k -> new ArrayList<>()).add(r);
            if (r.status() == RunStatus.FAILED) {
                failedRuns++;
            }
            if (r.status().isActive()) {
                active++;
            }
        }
        List<FailingSummary.Row> failing = new ArrayList<>();
        List<FailingSummary.Recovered> recovered = new ArrayList<>();
        for (List<PipelineRun> runs : byPipeline.values()) {
            runs.sort(Comparator.comparing(PipelineRun::sortTime).reversed());
            PipelineRun lastFailure = runs.stream().filter(r -> r.status() == RunStatus.FAILED).findFirst().orElse(null);
            if (lastFailure == null) {
                continue;
            }
            PipelineRun lastSuccess = runs.stream().filter(r -> r.status() == RunStatus.SUCCEEDED).findFirst().orElse(null);
            int failures = (int) runs.stream().filter(r -> r.status() == RunStatus.FAILED).count();
            if (lastSuccess != null && lastSuccess.sortTime().isAfter(lastFailure.sortTime())) {
                recovered.add(new FailingSummary.Recovered(lastFailure.pipelineName(),
                        lastFailure.factory().factoryName(), lastFailure, lastSuccess));
            } else {
                failing.add(new FailingSummary.Row(lastFailure.pipelineName(), lastFailure.factory().factoryName(),
                        lastFailure, failures, ErrorText.summary(lastFailure.message(), 160),
                        lastFailure.parentPipeline()));
            }
        }
        failing.sort(Comparator.comparing((FailingSummary.Row r) -> failedAt(r.lastFailure())).reversed());
        recovered.sort(Comparator.comparing((FailingSummary.Recovered r) -> r.lastSuccess().sortTime()).reversed());
        return new FailingSummary(result.window(), result.factories().stream().map(f -> f.factoryName()).toList(),
                result.runs().size(), failedRuns, failing, recovered, active);
    }

    /** When a run failed: its end, else its start. */
    static Instant failedAt(PipelineRun r) {
        return r.runEnd() != null ? r.runEnd() : r.sortTime();
    }

    private AgentReply diagnoseFromContext(ConversationContext ctx, String t) {
        RunRef focus = ctx.getFocus();
        if (focus == null && ctx.getLastListed().size() == 1) {
            focus = ctx.getLastListed().get(0);
        }
        if (focus != null) {
            return diagnoseRun(ctx, focus.runId(), focus.factory());
        }
        if (ctx.getLastListed().size() > 1) {
            List<String> qs = ctx.getLastListed().stream().limit(5).map(r -> "Why did " + r.pipeline() + " fail?").toList();
            return AgentReply.of(new Reply.Suggestions("Which one?",
                    "Several pipelines are failing; which one do you mean?", qs));
        }
        return AgentReply.of(new Reply.Suggestions("Which pipeline?",
                "I'm not sure which run you mean. Name the pipeline (e.g. *why did my_pipeline fail?*) or start with:",
                examples()));
    }

    private Optional<AgentReply> diagnosePipeline(ConversationContext ctx, String target, Turn turn, boolean mustAnswer) {
        List<String> names = tools.allPipelineNames();
        NameMatcher.Match m = NameMatcher.match(target, names);
        if (m.name().isEmpty()) {
            if (!mustAnswer) {
                return Optional.empty();
            }
            return Optional.of(unknownPipeline(target, m.closest(), "Why did %s fail?"));
        }
        String pipeline = m.name().get();
        List<PipelineRun> failures = failuresOf(pipeline);
        if (failures.isEmpty()) {
            PipelineStatus st = pipelineStatus(pipeline, retentionWindow());
            return Optional.of(AgentReply.of(new Reply.Text("**" + pipeline + "** has no failed runs in the last 45 days "
                    + "(ADF keeps run history for 45 days)."), new Reply.Status(st)));
        }
        PipelineRun run = failures.get(0);
        ctx.setFocus(new RunRef(run.factory().factoryName(), run.pipelineName(), run.runId()));
        ctx.setFocusIndex(0);
        return Optional.of(AgentReply.of(diagnosisReply(tools.diagnose(run))));
    }

    private AgentReply unknownPipeline(String target, List<String> closest, String questionFormat) {
        List<String> qs = closest.stream().map(questionFormat::formatted).toList();
        String shown = ErrorText.truncate(safe(target), 80);
        String msg = closest.isEmpty()
                ? "I can't find a pipeline called **" + shown + "** in the configured factories."
                : "I can't find a pipeline called **" + shown + "**. Did you mean one of these?";
        return AgentReply.of(new Reply.Suggestions("Unknown pipeline", msg, qs.isEmpty() ? examples() : qs));
    }

    private List<PipelineRun> failuresOf(String pipeline) {
        AdfTools.RunsResult r = tools.pipelineRuns(new AdfTools.RunsRequest(null, pipeline, Set.of(RunStatus.FAILED),
                retentionWindow()));
        return r.runs().stream().filter(x -> x.pipelineName().equalsIgnoreCase(pipeline)).toList();
    }

    private TimeWindow retentionWindow() {
        Instant now = tools.now();
        return new TimeWindow(now.minus(TimeWindowParser.RETENTION), now.plus(Duration.ofMinutes(1)), "the last 45 days");
    }

    private AgentReply previous(ConversationContext ctx) {
        RunRef focus = ctx.getFocus();
        if (focus == null && ctx.getLastListed().size() == 1) {
            focus = ctx.getLastListed().get(0);
        }
        if (focus == null) {
            return AgentReply.of(new Reply.Suggestions("Which pipeline?",
                    "I don't know which pipeline you mean yet. Ask about one first:", examples()));
        }
        List<PipelineRun> failures = failuresOf(focus.pipeline());
        int idx = -1;
        for (int i = 0; i < failures.size(); i++) {
            if (failures.get(i).runId().equals(focus.runId())) {
                idx = i;
            }
        }
        int next = idx >= 0 ? idx + 1 : ctx.getFocusIndex() + 1;
        if (next >= failures.size()) {
            return AgentReply.of(new Reply.Text("There is no earlier failure of **" + focus.pipeline()
                    + "** in the last 45 days (ADF keeps run history for 45 days)."));
        }
        PipelineRun run = failures.get(next);
        ctx.setFocus(new RunRef(run.factory().factoryName(), run.pipelineName(), run.runId()));
        ctx.setFocusIndex(next);
        return AgentReply.of(diagnosisReply(tools.diagnose(run)));
    }

    private AgentReply diagnoseRun(ConversationContext ctx, String runId, String factory) {
        Optional<AdfTools.Located> located = tools.findRun(runId, factory);
        if (located.isEmpty()) {
            return AgentReply.of(new Reply.Suggestions("Run not found", "I can't find run **" + safe(runId)
                    + "** in the configured factories. It may be older than 45 days (ADF's retention) or belong to "
                    + "another factory.", examples()));
        }
        PipelineRun run = located.get().run();
        ctx.setFocus(new RunRef(run.factory().factoryName(), run.pipelineName(), run.runId()));
        ctx.setFocusIndex(0);
        if (run.status() != RunStatus.FAILED) {
            PipelineStatus st = pipelineStatus(run.pipelineName(), new TimeWindow(
                    tools.now().minus(Duration.ofDays(7)), tools.now().plusSeconds(60), "the last 7 days"));
            return AgentReply.of(new Reply.Text("Run " + run.runId() + " of **" + run.pipelineName() + "** did not fail: it is "
                    + describe(run.status()) + "."), new Reply.Status(st));
        }
        return AgentReply.of(diagnosisReply(tools.diagnose(run)));
    }

    private AgentReply status(ConversationContext ctx, String target, Turn turn) {
        List<String> names = tools.allPipelineNames();
        NameMatcher.Match m = NameMatcher.match(target, names);
        if (m.name().isEmpty()) {
            return unknownPipeline(target, m.closest(), "Status of %s");
        }
        String pipeline = m.name().get();
        TimeWindow window = TimeWindowParser.find(turn.text(), tools.now(), turn.zone())
                .orElse(new TimeWindow(tools.now().minus(Duration.ofDays(7)), tools.now().plusSeconds(60), "the last 7 days"));
        PipelineStatus st = pipelineStatus(pipeline, window);
        if (st.latest() != null) {
            ctx.setFocus(new RunRef(st.factory(), pipeline,
                    st.lastFailure() != null ? st.lastFailure().runId() : st.latest().runId()));
            ctx.setFocusIndex(0);
        }
        return AgentReply.of(new Reply.Status(st));
    }

    private PipelineStatus pipelineStatus(String pipeline, TimeWindow window) {
        AdfTools.RunsResult r = tools.pipelineRuns(new AdfTools.RunsRequest(null, pipeline, Set.of(), window));
        List<PipelineRun> runs = r.runs().stream().filter(x -> x.pipelineName().equalsIgnoreCase(pipeline)).toList();
        PipelineRun latest = runs.isEmpty() ? null : runs.get(0);
        PipelineRun lastSuccess = runs.stream().filter(x -> x.status() == RunStatus.SUCCEEDED).findFirst().orElse(null);
        PipelineRun lastFailure = runs.stream().filter(x -> x.status() == RunStatus.FAILED).findFirst().orElse(null);
        int ok = (int) runs.stream().filter(x -> x.status() == RunStatus.SUCCEEDED).count();
        int bad = (int) runs.stream().filter(x -> x.status() == RunStatus.FAILED).count();
        String factory = latest != null ? latest.factory().factoryName()
                : r.factories().isEmpty() ? "" : r.factories().get(0).factoryName();
        return new PipelineStatus(pipeline, factory, window, latest, lastSuccess, lastFailure, ok, bad,
                runs.size() - ok - bad, runs.stream().limit(5).toList());
    }

    /**
     * Answers what needs no language model (help, clear history), or null. The Foundry agent uses it so these stay
     * instant and deterministic.
     */
    public AgentReply handleLocally(Turn turn) {
        String t = turn.text().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[?!.]+$", "").trim();
        if (t.isEmpty() || HELP.matcher(t).matches() || CLEAR.matcher(t).matches() || t.equals("clear history")) {
            return handle(turn);
        }
        return null;
    }

    /** The diagnosis card (with guidance) for a diagnosis found by a tool call. */
    public Reply diagnosisCard(Diagnosis d) {
        return diagnosisReply(d);
    }

    /** The diagnosis card with documentation guidance for its root cause. */
    private Reply diagnosisReply(Diagnosis d) {
        return new Reply.DiagnosisCard(d, guidance(d));
    }

    Guidance guidance(Diagnosis d) {
        com.adfops.adf.ActivityError e = d.hasRootCause() ? d.rootCause().activity().error()
                : new com.adfops.adf.ActivityError("", d.run().message(), "", "");
        String type = d.hasRootCause() ? d.rootCause().activity().activityType() : "";
        Matcher inner = INNER_CODE.matcher(e.message());
        String innerCode = inner.find() ? inner.group(1) : "";
        return docs.guidanceFor(e.errorCode(), innerCode, type, ErrorText.summary(e.message(), 300));
    }

    private static final Pattern INNER_CODE = Pattern.compile("ErrorCode=([A-Za-z][A-Za-z0-9_]*)");

    static String describe(RunStatus s) {
        return switch (s) {
            case QUEUED -> "queued";
            case IN_PROGRESS -> "still running";
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case CANCELING -> "being cancelled";
            case CANCELLED -> "cancelled";
            case UNKNOWN -> "in an unknown state";
        };
    }

    private static String str(Object o) {
        if (o == null) {
            return null;
        }
        String s = String.valueOf(o).trim();
        return s.isEmpty() ? null : s;
    }

    /** User-provided text echoed back: no markup that could break a card or impersonate. */
    static String safe(String s) {
        return s == null ? "" : s.replaceAll("[<>*`\\[\\]\\\\{}$]", "").trim();
    }
}
