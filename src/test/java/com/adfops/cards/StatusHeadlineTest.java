package com.adfops.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.runs.AdfTools;
import com.adfops.agent.Intent.Question;
import com.adfops.runs.PipelineStatus;
import com.adfops.runs.RunSummaries;
import com.adfops.runs.RunningLong;
import com.adfops.agent.StatusAnswer;
import com.adfops.runs.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The yes or no said first on the status card, for each fact it can rest on; every expectation worked out by hand from
 * the runs given. Now is Thursday 2026-11-26 15:30 UTC.
 */
class StatusHeadlineTest {

    static final Instant NOW = Instant.parse("2026-11-26T15:30:00Z");
    static final FactoryRef F = new FactoryRef("s", "rg", "df-x");
    static final CardFactory.View UTC = new CardFactory.View(NOW, ZoneId.of("UTC"));
    static final TimeWindow WEEK = new TimeWindow(NOW.minus(Duration.ofDays(7)), NOW.plusSeconds(60), "the last 7 days");
    static final TimeWindow YESTERDAY = new TimeWindow(Instant.parse("2026-11-25T00:00:00Z"),
            Instant.parse("2026-11-26T00:00:00Z"), "yesterday");

    static PipelineRun run(String id, RunStatus status, String start, String end, String message) {
        Instant s = Instant.parse("2026-11-" + start + ":00Z");
        Instant e = end == null ? null : Instant.parse("2026-11-" + end + ":00Z");
        return new PipelineRun(F, id, "pl_x", status, message, s, e, e == null ? s : e,
                e == null ? null : Duration.between(s, e).toMillis(), Map.of(), "Manual", "Manual", null, null, null);
    }

    static final PipelineRun FAILED_0710 = run("f1", RunStatus.FAILED, "26T07:00", "26T07:10", "");
    static final PipelineRun OK_1402 = run("s1", RunStatus.SUCCEEDED, "26T13:52", "26T14:02", "");
    static final PipelineRun OK_YESTERDAY_2230 = run("s0", RunStatus.SUCCEEDED, "25T22:00", "25T22:30", "");
    static final PipelineRun RUNNING_1500 = run("r1", RunStatus.IN_PROGRESS, "26T15:00", null, "");
    static final PipelineRun CANCELLED_1402 = run("c1", RunStatus.CANCELLED, "26T13:52", "26T14:02", "");

    static PipelineStatus status(TimeWindow window, PipelineRun... runs) {
        return RunSummaries.status("pl_x", new AdfTools.RunsResult(window, List.of(F), List.of("pl_x"), List.of(runs),
                false, List.of()));
    }

    static String say(Question q, PipelineStatus st, boolean windowAsked, CardFactory.View view) {
        return StatusHeadline.text(StatusAnswer.of(q, st, windowAsked, NOW), view);
    }

    static String say(Question q, PipelineStatus st) {
        return say(q, st, false, UTC);
    }

    @Test
    void failingAfterARecoveryIsANoThatSaysWhenItFailed() {
        PipelineStatus recovered = status(WEEK, OK_1402, FAILED_0710);
        assertThat(say(Question.FAILING, recovered))
                .isEqualTo("No: the latest run succeeded at 14:02 UTC; it failed at 07:10 UTC before");
        assertThat(say(Question.HEALTHY, recovered))
                .isEqualTo("Yes: the latest run succeeded at 14:02 UTC; it failed at 07:10 UTC before");
        // In the user's zone, with its name (Oslo is UTC+1 in November).
        assertThat(say(Question.FAILING, recovered, false, new CardFactory.View(NOW, ZoneId.of("Europe/Oslo"))))
                .isEqualTo("No: the latest run succeeded at 15:02 Europe/Oslo; it failed at 08:10 Europe/Oslo before");
    }

    @Test
    void failingNowIsAYesWithTheCause() {
        assertThat(say(Question.FAILING, status(WEEK, FAILED_0710, OK_YESTERDAY_2230)))
                .isEqualTo("Yes: the latest run failed at 07:10 UTC");
        assertThat(say(Question.HEALTHY, status(WEEK, FAILED_0710))).isEqualTo("No: the latest run failed at 07:10 UTC");
        PipelineRun withCause = run("f2", RunStatus.FAILED, "26T07:00", "26T07:10",
                "Operation on target Copy GL failed: The source table is missing.");
        assertThat(say(Question.FAILING, status(WEEK, withCause)))
                .startsWith("Yes: the latest run failed at 07:10 UTC (Copy GL: ").endsWith(")");
    }

    @Test
    void aTimeOnAnotherDayCarriesItsDate() {
        assertThat(say(Question.HEALTHY, status(WEEK, OK_YESTERDAY_2230)))
                .isEqualTo("Yes: the latest run succeeded at Nov 25, 22:30 UTC; no failures in the last 7 days");
    }

    @Test
    void stillRunningSaysForHowLongAndWhetherThatIsLong() {
        PipelineStatus running = status(WEEK, RUNNING_1500, OK_1402);
        assertThat(say(Question.RUNNING, running)).isEqualTo("Yes: running for 30m 0s, since 15:00 UTC");
        assertThat(say(Question.FINISHED, running)).isEqualTo("No: still running for 30m 0s, since 15:00 UTC");
        PipelineStatus longRun = running.withRunningLong(new RunningLong(RUNNING_1500, Duration.ofMinutes(30),
                new com.adfops.runs.DurationBaseline(8, RUNNING_1500.runStart().minus(Duration.ofDays(7)),
                        Duration.ofMinutes(8), Duration.ofMinutes(9), Duration.ofMinutes(10), Duration.ofMinutes(10))));
        assertThat(say(Question.RUNNING, longRun))
                .isEqualTo("Yes: running for 30m 0s, since 15:00 UTC; longer than usual (usually up to 10m 0s)");
        PipelineStatus done = status(WEEK, OK_1402);
        assertThat(say(Question.RUNNING, done)).isEqualTo("No: the latest run succeeded at 14:02 UTC after 10m 0s");
        assertThat(say(Question.FINISHED, done)).isEqualTo("Yes: the latest run succeeded at 14:02 UTC after 10m 0s");
        assertThat(say(Question.HEALTHY, status(WEEK, RUNNING_1500)))
                .isEqualTo("I can't tell: nothing has finished in the last 7 days; a run is in progress since 15:00 UTC");
    }

    @Test
    void aWindowAskedIsAnsweredForThatWindow() {
        assertThat(say(Question.FAILING, status(YESTERDAY, OK_YESTERDAY_2230), true, UTC))
                .isEqualTo("No: no failures yesterday; the latest run succeeded at Nov 25, 22:30 UTC");
        PipelineRun failedYesterday = run("f0", RunStatus.FAILED, "25T07:00", "25T07:10", "");
        assertThat(say(Question.FAILING, status(YESTERDAY, OK_YESTERDAY_2230, failedYesterday), true, UTC))
                .isEqualTo("Yes: it failed at Nov 25, 07:10 UTC; it succeeded at Nov 25, 22:30 UTC after");
        assertThat(say(Question.RAN, status(YESTERDAY), true, UTC)).isEqualTo("No: no runs yesterday");
        assertThat(say(Question.RAN, status(YESTERDAY, OK_YESTERDAY_2230, failedYesterday), true, UTC))
                .isEqualTo("Yes: it ran 2 times yesterday; the latest run succeeded at Nov 25, 22:30 UTC");
    }

    @Test
    void nothingToJudgeIsSaid() {
        assertThat(say(Question.FAILING, status(WEEK))).isEqualTo("I can't tell: no runs in the last 7 days");
        assertThat(say(Question.RUNNING, status(WEEK))).isEqualTo("No: no runs in the last 7 days");
        assertThat(say(Question.FAILING, status(WEEK, CANCELLED_1402, FAILED_0710)))
                .isEqualTo("No: the latest run was cancelled at 14:02 UTC; it failed at 07:10 UTC before");
    }
}
