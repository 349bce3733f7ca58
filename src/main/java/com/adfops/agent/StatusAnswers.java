package com.adfops.agent;

import static com.adfops.agent.AnswerKit.examples;

import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.FactoryStatus;
import com.adfops.adf.PipelineRun;
import com.adfops.diagnosis.Diagnoser;
import com.adfops.diagnosis.FailureCauses;
import com.adfops.runs.AdfTools;
import com.adfops.runs.FailingSummary;
import com.adfops.runs.NameMatcher;
import com.adfops.runs.PipelineStatus;
import com.adfops.runs.RunBaselines;
import com.adfops.runs.RunSummaries;
import com.adfops.runs.RunningLong;
import com.adfops.runs.RunningLongRuns;
import com.adfops.runs.TimeWindow;
import com.adfops.runs.TimeWindowParser;
import com.adfops.state.ConversationContext.RunRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where things stand: a pipeline's status (or a yes or no about it), what is failing, whether factories can be read. */
final class StatusAnswers {

    private static final Logger log = LoggerFactory.getLogger(StatusAnswers.class);

    private final AdfTools tools;
    private final AnswerKit kit;

    StatusAnswers(AdfTools tools, AnswerKit kit) {
        this.tools = tools;
        this.kit = kit;
    }

    AgentReply status(Conversation.Session s, String words, String factory, TimeWindow window) {
        return status(s, words, factory, window, null);
    }

    /** A pipeline's status is the same for the same window within a second. */
    private record StatusOf(String pipeline, String factory, TimeWindow window, boolean defaultWindow) {

        /** The same question a moment later: its window relative to now. */
        Object question(java.time.Instant now) {
            return java.util.Arrays.asList(pipeline, factory, window.relativeTo(now), defaultWindow);
        }
    }

    /** Statuses worked out this second. */
    private final SecondMemo<StatusOf, PipelineStatus> statuses = SecondMemo.answers(256);

    /** A pipeline's status; with a {@code question} ("is X failing?"), its yes or no said first. */
    AgentReply status(Conversation.Session s, String words, String factory, TimeWindow window, Intent.Question question) {
        String target = words;
        if (target == null) {
            RunRef f = s.ctx.getFocus();
            if (f == null) {
                return s.expired ? kit.expired() : AgentReply.of(new Reply.Suggestions("Which pipeline?",
                        "Tell me which pipeline, e.g. status of my_pipeline.", examples()));
            }
            target = f.pipeline();
            factory = factory == null ? f.factory() : factory;
        }
        NameMatcher.Match m = NameMatcher.match(target, tools.allPipelineNames());
        if (m.name().isEmpty()) {
            return kit.unknownPipeline(target, m.closest(), Windows.question(question, window));
        }
        String pipeline = m.name().get();
        String inFactory = factory;
        TimeWindow asked = window != null ? window : kit.defaultWindow();
        StatusOf key = new StatusOf(pipeline, inFactory, asked, window == null);
        java.time.Instant now = tools.now();
        PipelineStatus st = statuses.get(key, key.question(now), now, tools.memoryVersion(), () -> {
            AdfTools.RunsResult runs = tools.pipelineRuns(new AdfTools.RunsRequest(inFactory, pipeline, Set.of(), asked));
            return RunSummaries.status(pipeline, runs).withRunningLong(runningLong(inFactory, pipeline, runs,
                    window == null).stream().filter(r -> r.run().pipelineName().equalsIgnoreCase(pipeline))
                    .findFirst().orElse(null));
        });
        if (st.latest() != null) {
            s.ctx.setFocus(new RunRef(st.factory(), pipeline,
                    st.lastFailure() != null ? st.lastFailure().runId() : st.latest().runId()));
            s.ctx.setFocusIndex(0);
        }
        return AgentReply.of(new Reply.Status(st, question == null ? null
                : StatusAnswer.of(question, st, window != null, tools.now())));
    }

    /** A pipeline's name alone: its status, or which one when the words fit several. */
    AgentReply nameOnly(Conversation.Session s, String words) {
        NameMatcher.Match m = NameMatcher.match(words, tools.allPipelineNames());
        if (m.ambiguous()) {
            return kit.unknownPipeline(words, m.closest(), "Status of %s");
        }
        return m.name().isPresent() ? status(s, m.name().get(), null, null) : kit.didNotCatch();
    }

    /** A failing list is the same for the same window and scope within a second. */
    private record FailingOf(TimeWindow window, String scope, String factory) {

        /** The same question a moment later: its window relative to now. */
        Object question(java.time.Instant now) {
            return java.util.Arrays.asList(window.relativeTo(now), scope, factory);
        }
    }

    /** Failing lists worked out this second (everybody in an incident channel asking what is failing at once). */
    private final SecondMemo<FailingOf, FailingSummary> failing = SecondMemo.answers(256);

    /** What is failing in the window (default the last 24 hours), with its causes and the runs going long. */
    AgentReply listFailing(Conversation.Session s, Intent.FailingList f, Turn turn) {
        TimeWindow window = f.window() != null ? f.window() : TimeWindowParser.parse("", tools.now(), turn.zone());
        PipelineScope scope = scope(f);
        FailingOf key = new FailingOf(window, f.scope(), f.factory());
        java.time.Instant now = tools.now();
        FailingSummary summary = failing.get(key, key.question(now), now, tools.memoryVersion(), () -> {
            AdfTools.RunsResult result = scope.filter(tools.pipelineRuns(new AdfTools.RunsRequest(
                    scope.factory(f.factory()), null, Set.of(), window)));
            return FailureCauses.of(RunSummaries.failing(result), new Diagnoser(tools)::diagnose, FailureCauses.ROWS)
                    .withRunningLong(runningLong(scope.factory(f.factory()), null, result, false).stream()
                            .filter(r -> scope.includes().test(r.run())).toList());
        });
        List<RunRef> listed = new ArrayList<>();
        for (FailingSummary.Row r : summary.failing()) {
            listed.add(new RunRef(r.factory(), r.pipeline(), r.lastFailure().runId()));
        }
        s.ctx.setLastListed(listed);
        if (listed.size() == 1) {
            s.ctx.setFocus(listed.get(0));
            s.ctx.setFocusIndex(0);
        }
        AgentReply reply = AgentReply.of(new Reply.Failing(summary));
        return scope.note() == null ? reply : AnswerKit.prepend(scope.note(), reply);
    }

    /** What a failing list is narrowed to: a group, a pattern, a pipeline or a factory the question named. */
    private PipelineScope scope(Intent.FailingList f) {
        if (f.scope() == null) {
            return new PipelineScope.All();
        }
        List<FactoryRef> factories = tools.factories().stream()
                .filter(x -> f.factory() == null || x.factoryName().equalsIgnoreCase(f.factory())).toList();
        List<String> names = new ArrayList<>();
        for (FactoryRef x : factories.isEmpty() ? tools.factories() : factories) {
            names.addAll(tools.pipelineNames(x));
        }
        return PipelineScope.of(f.scope(), names.stream().distinct().toList(),
                tools.factories().stream().map(FactoryRef::factoryName).toList());
    }

    /**
     * Runs in progress among {@code seen} that run long against their pipeline's last successful runs ({@link
     * RunBaselines}: the week in memory, read back further for a daily or weekly pipeline). Nothing is read when
     * {@code seen} holds no run in progress, and {@code seen} itself is the memory when it already covers the week;
     * else only the week's runs in progress and their pipelines' latest successes are read ({@link
     * RunningLongRuns}).
     */
    private List<RunningLong> runningLong(String factory, String pipeline, AdfTools.RunsResult seen, boolean coversWeek) {
        if (RunningLong.inProgress(seen.runs()).isEmpty()) {
            return List.of();
        }
        try {
            List<PipelineRun> known = coversWeek ? seen.runs() : RunningLongRuns.of(tools, new AdfTools.RunsRequest(factory,
                    pipeline, Set.of(), kit.defaultWindow()));
            return tools.baselines().runningLong(known, tools.now());
        } catch (DataFactoryException e) {
            log.debug("No running-long check", e);
            return List.of();
        }
    }

    /**
     * Whether each factory can be read: what the run index knows, or (without it) a cheap probe of each factory that
     * turns its error into the same words.
     */
    List<FactoryStatus> access() {
        List<FactoryStatus> known = tools.factoryStatus();
        if (!known.isEmpty()) {
            return known;
        }
        List<FactoryStatus> probed = new ArrayList<>();
        for (FactoryRef f : tools.factories()) {
            try {
                tools.probe(f);
                probed.add(new FactoryStatus(f.factoryName(), FactoryStatus.State.LIVE, "", "", tools.now(), 0, 0, 0, 0));
            } catch (DataFactoryException e) {
                probed.add(new FactoryStatus(f.factoryName(), FactoryStatus.State.FAILING, e.getMessage(),
                        com.adfops.adf.AccessAdvice.fix(e), null, 0, 0, 0, 0));
            }
        }
        return probed;
    }
}
