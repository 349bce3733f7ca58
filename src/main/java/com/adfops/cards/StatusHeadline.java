package com.adfops.cards;

import com.adfops.answers.StatusWords;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.runs.ErrorText;
import com.adfops.agent.StatusAnswer;
import com.adfops.agent.Windows;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The status card's first line when the question wanted a yes or a no: "No: the latest run succeeded at 14:02 UTC;
 * it failed at 07:10 UTC before", "Yes: running for 42m 10s, since 13:20 UTC". Times are in the user's zone, with it;
 * a time on another day than today carries its date.
 */
final class StatusHeadline {

    private StatusHeadline() {
    }

    /** {@code data} with the answer's line and colour ("" when there is no answer: the line is left out). */
    static ObjectNode withAnswer(ObjectNode data, StatusAnswer a, CardFactory.View v) {
        data.put("answer", a == null ? "" : text(a, v));
        data.put("answerColor", a == null ? "Default" : color(a));
        return data;
    }

    /** The answer in words. */
    static String text(StatusAnswer a, CardFactory.View v) {
        String verdict = switch (a.verdict()) {
            case YES -> "Yes";
            case NO -> "No";
            case CANNOT_TELL -> "I can't tell";
        };
        return verdict + ": " + fact(a, v);
    }

    private static String fact(StatusAnswer a, CardFactory.View v) {
        PipelineRun run = a.run();
        PipelineRun other = a.other();
        return switch (a.fact()) {
            case NO_RUNS -> "no runs" + Windows.phrase(a.window());
            case ONLY_A_RUN_IN_PROGRESS -> "nothing has finished" + Windows.phrase(a.window()) + "; a run is in progress since "
                    + at(start(run), v);
            case LATEST_FAILED -> "the latest run failed at " + at(end(run), v) + cause(run);
            case LATEST_SUCCEEDED -> "the latest run succeeded at " + at(end(run), v)
                    + (other != null ? "; it failed at " + at(end(other), v) + " before"
                    : "; no failures" + Windows.phrase(a.window()));
            case LATEST_CANCELLED -> "the latest run was cancelled at " + at(end(run), v)
                    + (other != null ? "; it failed at " + at(end(other), v) + " before" : "");
            case FAILED_IN_WINDOW -> "it failed at " + at(end(run), v) + cause(run)
                    + (other != null ? "; it succeeded at " + at(end(other), v) + " after" : "");
            case NO_FAILURE_IN_WINDOW -> "no failures" + Windows.phrase(a.window()) + (run != null
                    ? "; the latest run " + StatusWords.predicate(run.status()) + " at " + at(end(run), v) : "");
            case RAN -> (a.runs() == 1 ? "it ran once" : "it ran " + a.runs() + " times") + Windows.phrase(a.window())
                    + "; the latest run " + (run.status().isActive() ? "started at " + at(start(run), v)
                    + " and is still in progress"
                    : StatusWords.predicate(run.status()) + " at " + at(end(run), v));
            case IN_PROGRESS -> (a.verdict() == StatusAnswer.Verdict.NO ? "still " : "")
                    + (run.status() == RunStatus.QUEUED ? "queued since " + at(start(run), v)
                    : "running for " + CardText.duration(a.elapsed()) + ", since " + at(start(run), v))
                    + (a.runningLong() != null ? "; longer than usual (usually up to "
                    + CardText.duration(a.runningLong().usual()) + ")" : "");
            case NOT_IN_PROGRESS -> run == null ? "no run is in progress"
                    : "the latest run " + StatusWords.predicate(run.status()) + " at " + at(end(run), v)
                    + run.duration().map(d -> " after " + CardText.duration(d)).orElse("");
        };
    }

    private static String color(StatusAnswer a) {
        return switch (a.fact()) {
            case LATEST_FAILED, FAILED_IN_WINDOW -> "Attention";
            case LATEST_SUCCEEDED, NO_FAILURE_IN_WINDOW -> "Good";
            case IN_PROGRESS -> a.runningLong() != null ? "Warning" : "Accent";
            default -> "Default";
        };
    }

    /** " (Copy GL: Login failed for user 'etl'.)" from a failed run's message, or "". */
    private static String cause(PipelineRun run) {
        String activity = ErrorText.failedActivity(run.message());
        String error = ErrorText.summary(run.message(), 120);
        if (error.isEmpty()) {
            return "";
        }
        return " (" + (activity.isEmpty() ? "" : activity + ": ") + error + ")";
    }

    private static Instant end(PipelineRun r) {
        return r.runEnd() != null ? r.runEnd() : r.sortTime();
    }

    private static Instant start(PipelineRun r) {
        return r.runStart() != null ? r.runStart() : r.sortTime();
    }

    /** "14:02 UTC" today, "Nov 25, 07:10 UTC" on another day, in the user's zone. */
    static String at(Instant t, CardFactory.View v) {
        LocalDate day = t.atZone(v.zone()).toLocalDate();
        if (day.equals(v.now().atZone(v.zone()).toLocalDate())) {
            return java.time.format.DateTimeFormatter.ofPattern("HH:mm", java.util.Locale.ENGLISH).withZone(v.zone())
                    .format(t) + " " + CardText.zoneName(v);
        }
        return CardText.time(t, v);
    }
}
