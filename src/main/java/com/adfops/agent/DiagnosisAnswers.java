package com.adfops.agent;

import static com.adfops.agent.AnswerKit.bold;
import static com.adfops.agent.AnswerKit.examples;
import static com.adfops.agent.AnswerKit.safe;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import com.adfops.answers.ActionKind;
import com.adfops.diagnosis.Diagnoser;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.diagnosis.FailureHistory;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.diagnosis.Resolution;
import com.adfops.diagnosis.SinceLastSuccess;
import com.adfops.runs.AdfTools;
import com.adfops.runs.NameMatcher;
import com.adfops.runs.PipelineStatus;
import com.adfops.runs.RunSummaries;
import com.adfops.runs.TimeWindow;
import com.adfops.state.ConversationContext.RunRef;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Why it failed: a run, a pipeline's latest failure (in a window), the run in focus, the one before, how to fix it,
 * what changed since it last worked, and the follow-ups a diagnosis card offers.
 */
final class DiagnosisAnswers {

    /** How a diagnosis is shown: plain, with the failed activities open, or with resolution steps. */
    enum Shape {
        PLAIN, ACTIVITIES, TROUBLESHOOT
    }

    private final AdfTools tools;
    private final GuidanceFinder guidance;
    private final AnswerKit kit;
    private final StatusAnswers status;
    private final ImpactAnswers impact;

    DiagnosisAnswers(AdfTools tools, GuidanceFinder guidance, AnswerKit kit, StatusAnswers status, ImpactAnswers impact) {
        this.tools = tools;
        this.guidance = guidance;
        this.kit = kit;
        this.status = status;
        this.impact = impact;
    }

    Reply diagnosisCard(Diagnosis d) {
        return diagnosis(d, Shape.PLAIN);
    }

    /** A diagnosis card is the same for the same run as last updated, and the same shape, within a second. */
    private record CardOf(String factory, String runId, java.time.Instant lastUpdated, Shape shape) {
    }

    /** Diagnosis cards worked out this second (many people asking why the same run failed at once). */
    private final SecondMemo<CardOf, Reply> cards = SecondMemo.answers(256);

    /** The diagnosis card with guidance for its root cause, shaped for the question, its history and impact. */
    private Reply diagnosis(Diagnosis d, Shape shape) {
        PipelineRun run = d.run();
        return cards.get(new CardOf(run.factory().factoryName(), run.runId(), run.lastUpdated(), shape), tools.now(),
                tools.memoryVersion(),
                () -> workedOut(d, shape));
    }

    private Reply workedOut(Diagnosis d, Shape shape) {
        Reply.DiagnosisCard card = switch (shape) {
            case PLAIN -> new Reply.DiagnosisCard(d, guidance.forDiagnosis(d));
            case ACTIVITIES -> new Reply.DiagnosisCard(d, guidance.forDiagnosis(d), true, List.of());
            case TROUBLESHOOT -> new Reply.DiagnosisCard(d, guidance.forDiagnosis(d), true, Resolution.steps(d));
        };
        return card.withHistory(FailureHistory.of(tools, d)).withImpact(impact.of(d));
    }

    AgentReply diagnoseRun(Conversation.Session s, String runId, String factory) {
        return diagnoseRun(s, runId, factory, Shape.PLAIN);
    }

    private AgentReply diagnoseRun(Conversation.Session s, String runId, String factory, Shape shape) {
        Optional<AdfTools.Located> located = tools.findRun(runId, factory);
        if (located.isEmpty()) {
            return AgentReply.of(new Reply.Suggestions("Run not found", "I can't find run " + safe(runId)
                    + " in the configured factories. It may be older than 45 days (ADF's retention) or belong to "
                    + "another factory.", examples()));
        }
        PipelineRun run = located.get().run();
        s.focus(run, 0);
        if (run.status() != RunStatus.FAILED) {
            PipelineStatus st = RunSummaries.status(run.pipelineName(), tools.pipelineRuns(new AdfTools.RunsRequest(
                    run.factory().factoryName(), run.pipelineName(), Set.of(), kit.defaultWindow())));
            return AgentReply.of(new Reply.Text("Run " + run.runId() + " of " + bold(run.pipelineName())
                    + " did not fail: it " + com.adfops.answers.StatusWords.predicate(run.status()) + "."), new Reply.Status(st));
        }
        return AgentReply.of(diagnosis(new Diagnoser(tools).diagnose(run), shape));
    }

    /** The run in focus, or (with a window: "why did it fail yesterday?") its pipeline's failure in that window. */
    AgentReply diagnoseFocus(Conversation.Session s, Shape shape, TimeWindow window) {
        RunRef focus = s.focusOrOnlyListed();
        if (focus != null && window != null) {
            return diagnosePipeline(s, focus.pipeline(), focus.factory(), shape, window);
        }
        if (focus != null) {
            return diagnoseRun(s, focus.runId(), focus.factory(), shape);
        }
        if (s.expired) {
            return kit.expired();
        }
        if (s.ctx.getLastListed().size() > 1) {
            List<String> qs = s.ctx.getLastListed().stream().limit(5).map(r -> "Why did " + r.pipeline() + " fail?").toList();
            return AgentReply.of(new Reply.Suggestions("Which one?",
                    "Several pipelines are failing; which one do you mean?", qs));
        }
        return AgentReply.of(new Reply.Suggestions("Which pipeline?",
                "I'm not sure which run you mean. Name the pipeline (e.g. why did my_pipeline fail?) or start with:",
                examples()));
    }

    /** "why did X fail?", "which activities failed?": the pipeline named, or the run in focus. */
    AgentReply diagnose(Conversation.Session s, String pipeline, String factory, Shape shape, TimeWindow window) {
        return pipeline == null ? diagnoseFocus(s, shape, window) : diagnosePipeline(s, pipeline, factory, shape, window);
    }

    AgentReply troubleshoot(Conversation.Session s, Intent.Troubleshoot t) {
        if (t.pipeline() == null) {
            return diagnoseFocus(s, Shape.TROUBLESHOOT, t.window());
        }
        NameMatcher.Match m = NameMatcher.match(t.pipeline(), tools.allPipelineNames());
        if (m.ambiguous()) {
            return kit.unknownPipeline(t.pipeline(), m.closest(), "How do I fix %s?");
        }
        if (m.name().isEmpty()) {
            // Not a pipeline: a topic ("how do I fix a permissions problem?"), answered from the docs.
            return AgentReply.of(new Reply.DocsAnswer(t.question(), guidance.forQuestion(t.question())));
        }
        return diagnosePipeline(s, m.name().get(), t.factory(), Shape.TROUBLESHOOT, t.window());
    }

    /** A pipeline's latest failure, or with a {@code window} its latest failure in that window. */
    private AgentReply diagnosePipeline(Conversation.Session s, String words, String factory, Shape shape,
                                        TimeWindow window) {
        NameMatcher.Match m = NameMatcher.match(words, tools.allPipelineNames());
        if (m.name().isEmpty()) {
            return kit.unknownPipeline(words, m.closest(), "Why did %s fail" + Windows.phrase(window) + "?");
        }
        String pipeline = m.name().get();
        if (window != null) {
            return diagnoseIn(s, pipeline, factory, shape, window);
        }
        // The last week first (the run index answers it from memory), then ADF's whole retention.
        List<PipelineRun> failures = latestFailure(pipeline, factory, kit.defaultWindow());
        if (failures.isEmpty()) {
            failures = failuresOf(pipeline, factory, TimeWindow.retention(tools.now()));
        }
        if (failures.isEmpty()) {
            PipelineStatus st = RunSummaries.status(pipeline, tools.pipelineRuns(
                    new AdfTools.RunsRequest(factory, pipeline, Set.of(), kit.defaultWindow())));
            return AgentReply.of(new Reply.Text(bold(pipeline) + " has no failed runs in the last 45 days "
                    + "(ADF keeps run history for 45 days)."), new Reply.Status(st));
        }
        PipelineRun run = failures.get(0);
        s.focus(run, 0);
        return AgentReply.of(diagnosis(new Diagnoser(tools).diagnose(run), shape));
    }

    /** The latest failure of {@code pipeline} in {@code window}, or that it did not fail then (and its status then). */
    private AgentReply diagnoseIn(Conversation.Session s, String pipeline, String factory, Shape shape, TimeWindow window) {
        List<PipelineRun> failures = failuresOf(pipeline, factory, window);
        if (failures.isEmpty()) {
            PipelineStatus st = RunSummaries.status(pipeline, tools.pipelineRuns(
                    new AdfTools.RunsRequest(factory, pipeline, Set.of(), window)));
            return AgentReply.of(new Reply.Text(bold(pipeline) + (st.latest() == null ? " did not run" : " did not fail")
                    + Windows.phrase(window) + "."), new Reply.Status(st));
        }
        PipelineRun run = failures.get(0);
        s.focus(run, 0);
        return AgentReply.of(diagnosis(new Diagnoser(tools).diagnose(run), shape));
    }

    private List<PipelineRun> failuresOf(String pipeline, String factory, TimeWindow window) {
        return failuresOf(pipeline, factory, window, RunQuery.DEFAULT_MAX_RUNS);
    }

    /**
     * The latest failure of {@code pipeline} in the part of {@code window} the memory holds (of each factory), newest
     * first; empty when none (then the caller looks further back, as before).
     */
    private List<PipelineRun> latestFailure(String pipeline, String factory, TimeWindow window) {
        return failuresOf(pipeline, factory, tools.heldPart(factory, window), 1);
    }

    /** {@code pipeline}'s failures in {@code window}, newest first, at most {@code max} per factory. */
    private List<PipelineRun> failuresOf(String pipeline, String factory, TimeWindow window, int max) {
        AdfTools.RunsResult r = tools.pipelineRuns(new AdfTools.RunsRequest(factory, pipeline, Set.of(RunStatus.FAILED),
                window), max);
        return r.runs().stream().filter(x -> x.pipelineName().equalsIgnoreCase(pipeline)).toList();
    }

    /** "and the one before?": the failure before the one in focus, in the last week, then in ADF's retention. */
    AgentReply previous(Conversation.Session s) {
        RunRef focus = s.focusOrOnlyListed();
        if (focus == null) {
            return s.expired ? kit.expired() : AgentReply.of(new Reply.Suggestions("Which pipeline?",
                    "I don't know which pipeline you mean yet. Ask about one first:", examples()));
        }
        List<PipelineRun> failures = failuresOf(focus.pipeline(), focus.factory(), kit.defaultWindow());
        int idx = indexOf(failures, focus.runId());
        int next = idx >= 0 ? idx + 1 : s.ctx.getFocusIndex() + 1;
        if (next >= failures.size()) {
            // Walking back past the last week: ADF's whole retention.
            failures = failuresOf(focus.pipeline(), focus.factory(), TimeWindow.retention(tools.now()));
            idx = indexOf(failures, focus.runId());
            next = idx >= 0 ? idx + 1 : s.ctx.getFocusIndex() + 1;
        }
        if (next >= failures.size()) {
            return AgentReply.of(new Reply.Text("There is no earlier failure of " + bold(focus.pipeline())
                    + " in the last 45 days (ADF keeps run history for 45 days)."));
        }
        PipelineRun run = failures.get(next);
        s.focus(run, next);
        return AgentReply.of(diagnosis(new Diagnoser(tools).diagnose(run), Shape.PLAIN));
    }

    private static int indexOf(List<PipelineRun> runs, String runId) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).runId().equals(runId)) {
                return i;
            }
        }
        return -1;
    }

    /** The follow-up questions of a diagnosis card's button, about its run (which comes into focus). */
    AgentReply followUp(Conversation.Session s, String runId, String factory) {
        RunRef focus = s.ctx.getFocus();
        if (runId != null) {
            Optional<AdfTools.Located> run = tools.findRun(runId, factory);
            if (run.isEmpty()) {
                return kit.stale("I can't find run " + safe(runId) + " any more (ADF keeps runs for 45 days).");
            }
            PipelineRun r = run.get().run();
            focus = new RunRef(r.factory().factoryName(), r.pipelineName(), r.runId());
            if (s.ctx.getFocus() == null || !runId.equals(s.ctx.getFocus().runId())) {
                s.ctx.setFocus(focus);
                s.ctx.setFocusIndex(0);
            }
        }
        if (focus == null) {
            return s.expired ? kit.expired() : AgentReply.of(new Reply.Suggestions("What next?",
                    "What would you like to look at?", List.of("What pipelines are failing?", "What failed today?", "Help")));
        }
        String p = focus.pipeline();
        return AgentReply.of(new Reply.Suggestions("Follow up on " + p,
                "We're looking at run " + focus.runId() + " of " + p + ". What would you like to look at next?",
                List.of("And the one before?", "Status of " + p, "What else is failing?")));
    }

    /** What changed between the pipeline's last success and a failed run (parameters, trigger, runtime, inputs). */
    AgentReply whatChanged(Conversation.Session s, String runId, String factory) {
        Optional<SinceLastSuccess.Comparison> c = SinceLastSuccess.of(tools, runId, factory);
        if (c.isEmpty()) {
            return kit.stale("I can't find run " + safe(runId) + " any more (ADF keeps runs for 45 days).");
        }
        PipelineRun failed = c.get().failed();
        s.ctx.setFocus(new RunRef(failed.factory().factoryName(), failed.pipelineName(), failed.runId()));
        return AgentReply.of(new Reply.WhatChanged(failed, c.get().lastSuccess(), c.get().changes()));
    }

    /** "what changed since X last worked?": the latest failure of X (or the run in focus) against its last success. */
    AgentReply whatChangedOf(Conversation.Session s, Intent.WhatChanged w) {
        if (w.pipeline() == null) {
            RunRef focus = s.focusOrOnlyListed();
            if (focus == null) {
                return s.expired ? kit.expired() : AgentReply.of(new Reply.Suggestions("Which pipeline?",
                        "Tell me which pipeline, e.g. what changed in my_pipeline?", examples()));
            }
            return whatChanged(s, focus.runId(), focus.factory());
        }
        NameMatcher.Match m = NameMatcher.match(w.pipeline(), tools.allPipelineNames());
        if (m.name().isEmpty()) {
            return kit.unknownPipeline(w.pipeline(), m.closest(), "What changed in %s?");
        }
        List<PipelineRun> failures = w.window() != null ? failuresOf(m.name().get(), w.factory(), w.window())
                : latestFailure(m.name().get(), w.factory(), kit.defaultWindow());
        if (failures.isEmpty() && w.window() == null) {
            failures = failuresOf(m.name().get(), w.factory(), TimeWindow.retention(tools.now()));
        }
        if (failures.isEmpty()) {
            return AgentReply.of(new Reply.Text(bold(m.name().get()) + (w.window() != null
                    ? " did not fail" + Windows.phrase(w.window()) : " has not failed in the last 45 days")
                    + ", so there is no failure to compare with its last success."));
        }
        return whatChanged(s, failures.get(0).runId(), failures.get(0).factory().factoryName());
    }

    /**
     * "rerun X", "cancel X": the card whose button proposes it. Typed words never act; the button opens a confirmation
     * that says exactly what will run.
     */
    AgentReply requestAction(Conversation.Session s, Intent.RequestAction a) {
        if (a.kind() == ActionKind.CANCEL) {
            AgentReply st = status.status(s, a.pipeline(), a.factory(), null);
            boolean running = st.parts().stream().anyMatch(p -> p instanceof Reply.Status x
                    && x.status().latest() != null && (x.status().latest().status() == RunStatus.IN_PROGRESS
                    || x.status().latest().status() == RunStatus.QUEUED));
            if (!running) {
                return st.parts().stream().anyMatch(Reply.Status.class::isInstance)
                        ? AnswerKit.prepend("Nothing to cancel: the latest run is not in progress.", st) : st;
            }
            return AnswerKit.prepend("To cancel the run in progress, use *Cancel run* on the card below; I'll show what "
                    + "will stop and ask you to confirm.", st);
        }
        AgentReply diagnosis = diagnose(s, a.pipeline(), a.factory(), Shape.PLAIN, null);
        if (diagnosis.parts().stream().noneMatch(Reply.DiagnosisCard.class::isInstance)) {
            return diagnosis;
        }
        return AnswerKit.prepend(a.kind() == ActionKind.RERUN_FROM_FAILURE
                ? "To rerun from the failed activity, use *Rerun from failed activity* on the card below; I'll show "
                        + "exactly what will run and ask you to confirm."
                : "To rerun, use *Rerun pipeline* (or *Rerun from failed activity*) on the card below; I'll show "
                        + "exactly what will run and ask you to confirm.", diagnosis);
    }
}
