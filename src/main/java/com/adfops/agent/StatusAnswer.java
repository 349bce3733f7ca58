package com.adfops.agent;

import com.adfops.runs.PipelineStatus;
import com.adfops.runs.RunningLong;
import com.adfops.runs.TimeWindow;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * The answer to a yes/no question about one pipeline ("is X failing?", "is X still running?", "did X fail
 * yesterday?"): the verdict and the fact it rests on, from the same {@link PipelineStatus} the status card shows. Each
 * face words it (the status card's headline: "No: the latest run succeeded at 14:02 UTC; it failed at 07:10 UTC
 * before").
 *
 * @param question    what was asked
 * @param verdict     yes, no, or cannot tell
 * @param fact        what the verdict rests on
 * @param run         the run the fact is about (the latest finished run, the failure in the window, the run in
 *                    progress), or null
 * @param other       the run that qualifies it: the failure before a success, the success after a failure; or null
 * @param window      the window looked at
 * @param windowAsked true when the question named the window ("yesterday"), false for the status's default
 * @param elapsed     how long the run in progress has run, or null
 * @param runningLong the run in progress, when it runs longer than its pipeline usually takes; or null
 * @param runs        run groups in the window (a run and its reruns count once)
 */
public record StatusAnswer(Intent.Question question, Verdict verdict, Fact fact, PipelineRun run, PipelineRun other,
                           TimeWindow window, boolean windowAsked, Duration elapsed, RunningLong runningLong, int runs) {

    public enum Verdict {
        YES, NO, CANNOT_TELL
    }

    /** What a verdict rests on. */
    public enum Fact {
        /** No run in the window. */
        NO_RUNS,
        /** The only run in the window is still in progress: nothing finished to judge. */
        ONLY_A_RUN_IN_PROGRESS,
        /** The latest finished run failed ({@code other}: the last success before it, or null). */
        LATEST_FAILED,
        /** The latest finished run succeeded ({@code other}: a failure before it in the window, or null). */
        LATEST_SUCCEEDED,
        /** The latest finished run was cancelled ({@code other}: a failure before it, or null). */
        LATEST_CANCELLED,
        /** A run failed in the asked window ({@code run}: the latest such; {@code other}: a success after it, or null). */
        FAILED_IN_WINDOW,
        /** No run failed in the asked window. */
        NO_FAILURE_IN_WINDOW,
        /** Runs in the asked window ({@code run}: the latest). */
        RAN,
        /** A run is in progress ({@code run}, {@code elapsed}, and {@code runningLong} when it runs long). */
        IN_PROGRESS,
        /** No run is in progress ({@code run}: the latest finished one). */
        NOT_IN_PROGRESS
    }

    /** The answer to {@code question} from a pipeline's status; {@code windowAsked} when the question named the window. */
    public static StatusAnswer of(Intent.Question question, PipelineStatus st, boolean windowAsked, Instant now) {
        PipelineRun latest = st.latest();
        PipelineRun finished = latestFinished(st);
        int runs = st.succeeded() + st.failed() + st.other();
        boolean active = latest != null && latest.status().isActive();
        Duration elapsed = active && latest.runStart() != null ? Duration.between(latest.runStart(), now) : null;
        Builder b = new Builder(question, st.window(), windowAsked, runs);
        if (latest == null) {
            return b.answer(question == Intent.Question.FINISHED ? Verdict.CANNOT_TELL
                    : windowAsked || question == Intent.Question.RUNNING || question == Intent.Question.RAN ? Verdict.NO
                    : Verdict.CANNOT_TELL, Fact.NO_RUNS, null, null);
        }
        switch (question) {
            case RUNNING, FINISHED -> {
                boolean yes = active == (question == Intent.Question.RUNNING);
                return active ? b.inProgress(yes ? Verdict.YES : Verdict.NO, latest, elapsed, st.runningLong())
                        : b.answer(yes ? Verdict.YES : Verdict.NO, Fact.NOT_IN_PROGRESS, finished, null);
            }
            case RAN -> {
                return b.answer(Verdict.YES, Fact.RAN, latest, null);
            }
            case FAILING -> {
                if (windowAsked) {
                    PipelineRun failure = st.lastFailure();
                    if (failure == null) {
                        return b.answer(Verdict.NO, Fact.NO_FAILURE_IN_WINDOW, finished, null);
                    }
                    PipelineRun after = st.lastSuccess() != null && st.lastSuccess().sortTime().isAfter(failure.sortTime())
                            ? st.lastSuccess() : null;
                    return b.answer(Verdict.YES, Fact.FAILED_IN_WINDOW, failure, after);
                }
                return latestFinished(b, finished, st, Verdict.YES, Verdict.NO);
            }
            default -> {
                return latestFinished(b, finished, st, Verdict.NO, Verdict.YES);
            }
        }
    }

    /** A verdict on the latest finished run: {@code ifFailed} when it failed, {@code ifSucceeded} when it succeeded. */
    private static StatusAnswer latestFinished(Builder b, PipelineRun finished, PipelineStatus st, Verdict ifFailed,
                                               Verdict ifSucceeded) {
        if (finished == null) {
            return b.answer(Verdict.CANNOT_TELL, Fact.ONLY_A_RUN_IN_PROGRESS, st.latest(), null);
        }
        PipelineRun failureBefore = st.lastFailure() != null && st.lastFailure().sortTime().isBefore(finished.sortTime())
                ? st.lastFailure() : null;
        if (finished.status() == RunStatus.FAILED) {
            PipelineRun successBefore = st.lastSuccess() != null && st.lastSuccess().sortTime().isBefore(finished.sortTime())
                    ? st.lastSuccess() : null;
            return b.answer(ifFailed, Fact.LATEST_FAILED, finished, successBefore);
        }
        if (finished.status() == RunStatus.SUCCEEDED) {
            return b.answer(ifSucceeded, Fact.LATEST_SUCCEEDED, finished, failureBefore);
        }
        // Cancelled: neither failing nor healthy.
        return b.answer(Verdict.NO, Fact.LATEST_CANCELLED, finished, failureBefore);
    }

    /** The newest run that has ended (the status keeps the latest five, and the last success and failure). */
    static PipelineRun latestFinished(PipelineStatus st) {
        for (PipelineRun r : st.recent()) {
            if (r.status().isTerminal()) {
                return r;
            }
        }
        PipelineRun s = st.lastSuccess();
        PipelineRun f = st.lastFailure();
        return s == null ? f : f == null ? s : s.sortTime().isAfter(f.sortTime()) ? s : f;
    }

    private record Builder(Intent.Question question, TimeWindow window, boolean windowAsked, int runs) {

        StatusAnswer answer(Verdict v, Fact f, PipelineRun run, PipelineRun other) {
            return new StatusAnswer(question, v, f, run, other, window, windowAsked, null, null, runs);
        }

        StatusAnswer inProgress(Verdict v, PipelineRun run, Duration elapsed, RunningLong runningLong) {
            return new StatusAnswer(question, v, Fact.IN_PROGRESS, run, null, window, windowAsked, elapsed, runningLong, runs);
        }
    }
}
