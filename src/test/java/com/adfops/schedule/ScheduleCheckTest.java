package com.adfops.schedule;

import static com.adfops.schedule.Fixtures.daily;
import static com.adfops.schedule.Fixtures.defs;
import static com.adfops.schedule.Fixtures.hourlyWindows;
import static com.adfops.schedule.Fixtures.manual;
import static com.adfops.schedule.Fixtures.pipeline;
import static com.adfops.schedule.Fixtures.queued;
import static com.adfops.schedule.Fixtures.scheduled;
import static com.adfops.schedule.Fixtures.t;
import static com.adfops.schedule.Fixtures.windowRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryDefinitions.TriggerRun;
import com.adfops.adf.FactoryDefinitions.TriggerRunStatus;
import com.adfops.adf.FactoryDefinitions.TriggerState;
import com.adfops.adf.FactoryDefinitions.WindowDependency;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.schedule.RunCheck.CauseKind;
import com.adfops.schedule.RunCheck.DependencyWindow;
import com.adfops.schedule.RunCheck.StartVerdict;
import com.adfops.schedule.RunCheck.WindowState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected runs matched to their runs and judged: on time, late, missed and why. */
class ScheduleCheckTest {

    static final ScheduleCheck CHECK = new ScheduleCheck(SlaRules.none(), Duration.ofMinutes(10));

    @Test
    void aPipelineWithTwoTriggersHasEachRunMatchedToItsOwnTriggerAndAHandStartedRunToNone() {
        FactoryDefinitions d = defs(List.of(
                daily("tr_morning", TriggerState.STARTED, "2026-06-01T01:00", "UTC", "pl_a"),
                daily("tr_afternoon", TriggerState.STARTED, "2026-06-01T13:00", "UTC", "pl_a")), pipeline("pl_a"));
        PipelineRun byHand = manual("r-hand", "pl_a", RunStatus.SUCCEEDED, "2026-06-10T01:00:02Z", "2026-06-10T01:30:00Z");
        PipelineRun morning = scheduled("r-morning", "pl_a", "tr_morning", RunStatus.SUCCEEDED, "2026-06-10T01:00:04Z",
                "2026-06-10T01:40:00Z");
        PipelineRun afternoon = scheduled("r-afternoon", "pl_a", "tr_afternoon", RunStatus.SUCCEEDED,
                "2026-06-10T13:20:00Z", "2026-06-10T14:00:00Z");
        TriggerRun fired = new TriggerRun("tr-1", "tr_morning", t("2026-06-10T01:00:00Z"), TriggerRunStatus.SUCCEEDED,
                null, Map.of("pl_a", "r-morning"));

        ScheduleReport report = CHECK.check(d, List.of(byHand, morning, afternoon), List.of(fired),
                t("2026-06-10T00:00:00Z"), t("2026-06-10T18:00:00Z"));

        assertThat(report.checks()).hasSize(2);
        RunCheck first = report.checks().get(0);
        assertThat(first.expected().trigger()).isEqualTo("tr_morning");
        assertThat(first.expected().expectedStart()).isEqualTo(t("2026-06-10T01:00:00Z"));
        assertThat(first.start()).isEqualTo(StartVerdict.ON_TIME);
        assertThat(first.run().runId()).isEqualTo("r-morning");
        assertThat(first.startDelay()).isEqualTo(Duration.ofSeconds(4));
        RunCheck second = report.checks().get(1);
        assertThat(second.expected().trigger()).isEqualTo("tr_afternoon");
        assertThat(second.start()).isEqualTo(StartVerdict.LATE_START);
        assertThat(second.run().runId()).isEqualTo("r-afternoon");
        assertThat(second.startDelay()).isEqualTo(Duration.ofMinutes(20));
        assertThat(report.unscheduled()).extracting(PipelineRun::runId).containsExactly("r-hand");
    }

    @Test
    void aRunOfUnknownOriginCountsButAChildRunOrARerunDoesNot() {
        FactoryDefinitions d = defs(List.of(daily("tr_o", TriggerState.STARTED, "2026-06-01T02:00", "UTC", "pl_o")),
                pipeline("pl_o"));
        PipelineRun child = new PipelineRun(Fixtures.F, "r-child", "pl_o", RunStatus.SUCCEEDED, "",
                t("2026-06-10T02:00:01Z"), t("2026-06-10T02:10:00Z"), t("2026-06-10T02:10:00Z"), null, Map.of(),
                "PipelineActivity", "Run child", "r-parent", "pl_parent", null);
        PipelineRun rerun = new PipelineRun(Fixtures.F, "r-rerun", "pl_o", RunStatus.SUCCEEDED, "",
                t("2026-06-10T02:00:02Z"), t("2026-06-10T02:10:00Z"), t("2026-06-10T02:10:00Z"), null, Map.of(),
                "ScheduleTrigger", "tr_o", null, null, "r-old");
        PipelineRun unknown = Fixtures.run("r-unknown", "pl_o", RunStatus.SUCCEEDED, "2026-06-10T02:00:03Z",
                "2026-06-10T02:10:00Z", null, null);
        RunCheck c = only(CHECK.check(d, List.of(child, rerun, unknown), List.of(), t("2026-06-10T00:00:00Z"),
                t("2026-06-10T03:00:00Z")));
        assertThat(c.start()).isEqualTo(StartVerdict.ON_TIME);
        assertThat(c.run().runId()).isEqualTo("r-unknown");
    }

    @Test
    void oneRunIsTheRunOfOneFiringOnly() {
        FactoryDefinitions d = defs(List.of(
                new FactoryDefinitions.Trigger("tr_hourly", FactoryDefinitions.TriggerKind.SCHEDULE,
                        TriggerState.STARTED, List.of("pl_h"), RecurrencesTest.rec(FactoryDefinitions.Frequency.HOUR, 1,
                        "2026-06-10T00:00", null, "UTC", null), null)), pipeline("pl_h"));
        // The 01:00 firing's run started at 01:03; nothing for 02:00 (the 01:03 run cannot be its run too).
        PipelineRun r = scheduled("r-1", "pl_h", "tr_hourly", RunStatus.SUCCEEDED, "2026-06-10T01:03:00Z",
                "2026-06-10T01:30:00Z");
        ScheduleReport report = CHECK.check(d, List.of(r), List.of(), t("2026-06-10T01:00:00Z"),
                t("2026-06-10T02:30:00Z"));
        assertThat(report.checks()).extracting(RunCheck::start)
                .containsExactly(StartVerdict.ON_TIME, StartVerdict.MISSED);
        assertThat(report.checks().get(1).cause().kind()).isEqualTo(CauseKind.UNKNOWN);
    }

    @Test
    void missedBecauseTheTriggerIsStopped() {
        FactoryDefinitions d = defs(List.of(daily("tr_s", TriggerState.STOPPED, "2026-06-01T02:00", "UTC", "pl_s")),
                pipeline("pl_s"));
        RunCheck c = only(CHECK.check(d, List.of(), List.of(), t("2026-06-10T00:00:00Z"), t("2026-06-10T03:00:00Z")));
        assertThat(c.expected().expectedStart()).isEqualTo(t("2026-06-10T02:00:00Z"));
        assertThat(c.start()).isEqualTo(StartVerdict.MISSED);
        assertThat(c.cause().kind()).isEqualTo(CauseKind.TRIGGER_STOPPED);
    }

    @Test
    void missedBecauseTheTriggerRunFailedWithItsMessage() {
        FactoryDefinitions d = defs(List.of(daily("tr_f", TriggerState.STARTED, "2026-06-01T02:00", "UTC", "pl_f")),
                pipeline("pl_f"));
        TriggerRun failed = new TriggerRun("trr-9", "tr_f", t("2026-06-10T02:00:01Z"), TriggerRunStatus.FAILED,
                "The parameter 'day' is not defined", Map.of());
        RunCheck c = only(CHECK.check(d, List.of(), List.of(failed), t("2026-06-10T00:00:00Z"),
                t("2026-06-10T03:00:00Z")));
        assertThat(c.start()).isEqualTo(StartVerdict.MISSED);
        assertThat(c.cause().kind()).isEqualTo(CauseKind.TRIGGER_RUN_FAILED);
        assertThat(c.cause().message()).isEqualTo("The parameter 'day' is not defined");
        assertThat(c.cause().triggerRunId()).isEqualTo("trr-9");
    }

    @Test
    void aQueuedRunIsPendingWithinTheGraceAndThenMissedAsQueued() {
        FactoryDefinitions d = defs(List.of(daily("tr_q", TriggerState.STARTED, "2026-06-01T02:00", "UTC", "pl_q")),
                pipeline("pl_q"));
        PipelineRun waiting = queued("r-q", "pl_q", "tr_q", "2026-06-10T02:00:05Z");
        RunCheck early = only(CHECK.check(d, List.of(waiting), List.of(), t("2026-06-10T00:00:00Z"),
                t("2026-06-10T02:05:00Z")));
        assertThat(early.start()).isEqualTo(StartVerdict.PENDING);
        RunCheck late = only(CHECK.check(d, List.of(waiting), List.of(), t("2026-06-10T00:00:00Z"),
                t("2026-06-10T02:30:00Z")));
        assertThat(late.start()).isEqualTo(StartVerdict.MISSED);
        assertThat(late.cause().kind()).isEqualTo(CauseKind.QUEUED);
        assertThat(late.run().runId()).isEqualTo("r-q");
    }

    @Test
    void nothingInTheDataIsUnknownAndBeforeTheGraceEndsItIsPending() {
        FactoryDefinitions d = defs(List.of(daily("tr_u", TriggerState.STARTED, "2026-06-01T02:00", "UTC", "pl_u")),
                pipeline("pl_u"));
        assertThat(only(CHECK.check(d, List.of(), List.of(), t("2026-06-10T00:00:00Z"), t("2026-06-10T02:10:00Z")))
                .start()).isEqualTo(StartVerdict.PENDING);
        RunCheck c = only(CHECK.check(d, List.of(), List.of(), t("2026-06-10T00:00:00Z"), t("2026-06-10T02:11:00Z")));
        assertThat(c.start()).isEqualTo(StartVerdict.MISSED);
        assertThat(c.cause().kind()).isEqualTo(CauseKind.UNKNOWN);
    }

    @Test
    void aWindowWhoseDependencysWindowFailedIsWaitingOnIt() {
        FactoryDefinitions d = defs(List.of(
                hourlyWindows("tw_ingest", "2026-06-10T00:00:00Z", Duration.ZERO, 1, List.of(), "pl_ingest"),
                hourlyWindows("tw_transform", "2026-06-10T00:00:00Z", Duration.ofMinutes(15), 1,
                        List.of(new WindowDependency("tw_ingest", null, null)), "pl_transform")),
                pipeline("pl_ingest"), pipeline("pl_transform"));
        List<PipelineRun> runs = List.of(
                windowRun("a1", "pl_ingest", "tw_ingest", RunStatus.SUCCEEDED, "2026-06-10T02:00:05Z", "2026-06-10T02:10:00Z"),
                windowRun("a2", "pl_ingest", "tw_ingest", RunStatus.FAILED, "2026-06-10T03:00:05Z", "2026-06-10T03:05:00Z"),
                windowRun("b1", "pl_transform", "tw_transform", RunStatus.SUCCEEDED, "2026-06-10T02:15:03Z",
                        "2026-06-10T02:40:00Z"));

        ScheduleReport report = CHECK.check(d, runs, List.of(), t("2026-06-10T02:00:00Z"), t("2026-06-10T04:00:00Z"));

        // Due: ingest 02:00 (a1), 03:00 (a2), 04:00 (now: pending); transform 02:15 (b1), 03:15 (none).
        assertThat(report.checks()).extracting(c -> c.expected().pipeline() + "@" + c.expected().expectedStart() + "="
                + c.start()).containsExactly(
                "pl_ingest@2026-06-10T02:00:00Z=ON_TIME",
                "pl_transform@2026-06-10T02:15:00Z=ON_TIME",
                "pl_ingest@2026-06-10T03:00:00Z=ON_TIME",
                "pl_transform@2026-06-10T03:15:00Z=MISSED",
                "pl_ingest@2026-06-10T04:00:00Z=PENDING");
        RunCheck waiting = report.checks().get(3);
        assertThat(waiting.expected().windowStart()).isEqualTo(t("2026-06-10T02:00:00Z"));
        assertThat(waiting.expected().windowEnd()).isEqualTo(t("2026-06-10T03:00:00Z"));
        assertThat(waiting.cause().kind()).isEqualTo(CauseKind.WAITING_ON_DEPENDENCY);
        assertThat(waiting.cause().dependency()).isEqualTo(new DependencyWindow("tw_ingest", t("2026-06-10T02:00:00Z"),
                t("2026-06-10T03:00:00Z"), WindowState.FAILED, "a2"));
    }

    @Test
    void aSelfDependentWindowWaitsOnItsFailedPreviousWindow() {
        FactoryDefinitions d = defs(List.of(hourlyWindows("tw_self", "2026-06-10T00:00:00Z", Duration.ZERO, 2,
                List.of(new WindowDependency(null, null, null)), "pl_self")), pipeline("pl_self"));
        List<PipelineRun> runs = List.of(windowRun("s1", "pl_self", "tw_self", RunStatus.FAILED, "2026-06-10T02:00:02Z",
                "2026-06-10T02:20:00Z"));
        ScheduleReport report = CHECK.check(d, runs, List.of(), t("2026-06-10T02:00:00Z"), t("2026-06-10T03:30:00Z"));
        RunCheck second = report.checks().get(1);
        assertThat(second.expected().expectedStart()).isEqualTo(t("2026-06-10T03:00:00Z"));
        assertThat(second.start()).isEqualTo(StartVerdict.MISSED);
        assertThat(second.cause().dependency()).isEqualTo(new DependencyWindow("tw_self", t("2026-06-10T01:00:00Z"),
                t("2026-06-10T02:00:00Z"), WindowState.FAILED, "s1"));
    }

    @Test
    void aWindowBehindRunsAtMaxConcurrencyWaitsOnConcurrency() {
        FactoryDefinitions d = defs(List.of(hourlyWindows("tw_c", "2026-06-10T00:00:00Z", Duration.ZERO, 1, List.of(),
                "pl_c")), pipeline("pl_c"));
        List<PipelineRun> runs = List.of(windowRun("c1", "pl_c", "tw_c", RunStatus.IN_PROGRESS, "2026-06-10T02:00:02Z",
                null));
        ScheduleReport report = CHECK.check(d, runs, List.of(), t("2026-06-10T02:00:00Z"), t("2026-06-10T03:30:00Z"));
        assertThat(report.checks().get(1).cause().kind()).isEqualTo(CauseKind.WAITING_ON_CONCURRENCY);
    }

    @Test
    void aTriggerWithAnUnknownZoneIsCheckedInUtcAndReported() {
        FactoryDefinitions d = defs(List.of(daily("tr_x", TriggerState.STARTED, "2026-06-01T02:00",
                "Atlantis Standard Time", "pl_x")), pipeline("pl_x"));
        ScheduleReport report = CHECK.check(d, List.of(), List.of(), t("2026-06-10T00:00:00Z"),
                t("2026-06-10T03:00:00Z"));
        assertThat(only(report).expected().expectedStart()).isEqualTo(t("2026-06-10T02:00:00Z"));
        assertThat(report.assumedUtc()).containsExactly(new ExpectedRuns.AssumedUtc("tr_x", "Atlantis Standard Time"));
    }

    static RunCheck only(ScheduleReport report) {
        assertThat(report.checks()).hasSize(1);
        return report.checks().get(0);
    }
}
