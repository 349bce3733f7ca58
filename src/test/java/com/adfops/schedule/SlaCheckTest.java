package com.adfops.schedule;

import static com.adfops.schedule.Fixtures.daily;
import static com.adfops.schedule.Fixtures.defs;
import static com.adfops.schedule.Fixtures.pipeline;
import static com.adfops.schedule.Fixtures.scheduled;
import static com.adfops.schedule.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryDefinitions.TriggerState;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.schedule.SlaCheck.SlaVerdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A nightly pipeline at 02:00 Berlin (00:00Z in June) with the SLA "06:00 Europe/Berlin" (04:00Z), usually taking 3 h
 * (its 8 successful runs of June 1-8): met, late, at risk at its current pace, on track; and what runs tonight.
 */
class SlaCheckTest {

    static final String PIPELINE = "Nightly Sales Load";
    static final ScheduleCheck CHECK = new ScheduleCheck(
            SlaRules.parse("Nightly*=06:00 Europe/Berlin; Copy GL to Lake=07:30"), Duration.ofMinutes(10));
    static final FactoryDefinitions DEFS = defs(List.of(
                    daily("tr_nightly", TriggerState.STARTED, "2026-06-01T02:00", "W. Europe Standard Time", PIPELINE),
                    daily("tr_gl", TriggerState.STARTED, "2026-06-01T01:00", "UTC", "Copy GL to Lake"),
                    daily("tr_off", TriggerState.STOPPED, "2026-06-01T03:00", "UTC", "pl_retired")),
            pipeline(PIPELINE), pipeline("Copy GL to Lake", "sla:+2h"), pipeline("pl_retired"));

    /** Jun 1-8: started 00:00Z, 3 h each. */
    static List<PipelineRun> history() {
        List<PipelineRun> out = new ArrayList<>();
        for (int day = 1; day <= 8; day++) {
            String d = "2026-06-0" + day;
            out.add(scheduled("h" + day, PIPELINE, "tr_nightly", RunStatus.SUCCEEDED, d + "T00:00:00Z", d + "T03:00:00Z"));
        }
        return out;
    }

    /** Tonight's run, started at {@code start} and running. */
    static PipelineRun running(String start) {
        return scheduled("n", PIPELINE, "tr_nightly", RunStatus.IN_PROGRESS, start, null);
    }

    static SlaCheck sla(PipelineRun tonight, String now) {
        List<PipelineRun> runs = new ArrayList<>(history());
        runs.add(tonight);
        ScheduleReport report = CHECK.check(DEFS, runs, List.of(), t("2026-06-09T23:30:00Z"), t(now));
        RunCheck c = report.checks().stream().filter(x -> x.expected().pipeline().equals(PIPELINE)).findFirst()
                .orElseThrow();
        assertThat(c.expected().expectedStart()).isEqualTo(t("2026-06-10T00:00:00Z"));
        assertThat(c.sla().deadline()).isEqualTo(t("2026-06-10T04:00:00Z"));
        return c.sla();
    }

    /** Asserts the verdict, the expected end (null: none) and how late. */
    static void expect(SlaCheck s, SlaVerdict verdict, String expectedEnd, Duration late) {
        assertThat(s).extracting(SlaCheck::verdict, SlaCheck::expectedEnd, SlaCheck::late)
                .containsExactly(verdict, expectedEnd == null ? null : t(expectedEnd), late);
    }

    @Test
    void finishedBeforeTheDeadlineIsMet() {
        expect(sla(scheduled("n", PIPELINE, "tr_nightly", RunStatus.SUCCEEDED, "2026-06-10T00:00:05Z",
                "2026-06-10T03:00:05Z"), "2026-06-10T06:00:00Z"), SlaVerdict.MET, "2026-06-10T03:00:05Z", Duration.ZERO);
    }

    @Test
    void finishedAfterTheDeadlineIsLateByTheDifference() {
        expect(sla(scheduled("n", PIPELINE, "tr_nightly", RunStatus.SUCCEEDED, "2026-06-10T00:00:05Z",
                        "2026-06-10T04:30:00Z"), "2026-06-10T06:00:00Z"),
                SlaVerdict.LATE, "2026-06-10T04:30:00Z", Duration.ofMinutes(30));
    }

    @Test
    void stillRunningAfterTheDeadlineIsLate() {
        expect(sla(running("2026-06-10T00:00:05Z"), "2026-06-10T04:20:00Z"), SlaVerdict.LATE, null,
                Duration.ofMinutes(20));
    }

    @Test
    void runningAndAtItsUsualPaceEndingAfterTheDeadlineIsAtRisk() {
        // Started 90 minutes late: 01:30Z + 3 h = 04:30Z, 30 minutes past 04:00Z.
        expect(sla(running("2026-06-10T01:30:00Z"), "2026-06-10T02:00:00Z"), SlaVerdict.AT_RISK,
                "2026-06-10T04:30:00Z", Duration.ofMinutes(30));
    }

    @Test
    void runningAndEndingInTimeAtItsUsualPaceIsOnTrack() {
        expect(sla(running("2026-06-10T00:00:05Z"), "2026-06-10T01:00:00Z"), SlaVerdict.ON_TRACK,
                "2026-06-10T03:00:05Z", Duration.ZERO);
    }

    @Test
    void runningPastItsMedianIsExpectedToEndAtItsP95() {
        // Usual: the 8 runs of 3 h and 2 of 5 h (median 3 h, p95 5 h). Started 00:00:05, at 03:30 the median is past:
        // expected at 05:00:05Z, 1 h 0 m 5 s past 04:00Z.
        List<PipelineRun> runs = new ArrayList<>(history());
        runs.add(scheduled("h9", PIPELINE, "tr_nightly", RunStatus.SUCCEEDED, "2026-06-09T00:00:00Z",
                "2026-06-09T05:00:00Z"));
        runs.add(scheduled("h0", PIPELINE, "tr_nightly", RunStatus.SUCCEEDED, "2026-05-31T00:00:00Z",
                "2026-05-31T05:00:00Z"));
        runs.add(running("2026-06-10T00:00:05Z"));
        RunCheck c = CHECK.check(DEFS, runs, List.of(), t("2026-06-09T23:30:00Z"), t("2026-06-10T03:30:00Z"))
                .withSla(SlaVerdict.AT_RISK).get(0);
        expect(c.sla(), SlaVerdict.AT_RISK, "2026-06-10T05:00:05Z", Duration.ofSeconds(3605));
    }

    @Test
    void failedBeforeTheDeadlineIsFailedAndAfterItLate() {
        PipelineRun failed = scheduled("n", PIPELINE, "tr_nightly", RunStatus.FAILED, "2026-06-10T00:00:05Z",
                "2026-06-10T00:40:00Z");
        expect(sla(failed, "2026-06-10T01:00:00Z"), SlaVerdict.FAILED, null, Duration.ZERO);
        expect(sla(failed, "2026-06-10T05:00:00Z"), SlaVerdict.LATE, null, Duration.ofHours(1));
    }

    @Test
    void notStartedAndTooLateToFinishAtItsUsualPaceIsAtRisk() {
        // Missed its 00:00Z start; at 01:30Z a run starting now ends at 04:30Z.
        List<PipelineRun> runs = history();
        ScheduleReport report = CHECK.check(DEFS, runs, List.of(), t("2026-06-09T23:30:00Z"), t("2026-06-10T01:30:00Z"));
        RunCheck c = report.checks().stream().filter(x -> x.expected().pipeline().equals(PIPELINE)).findFirst()
                .orElseThrow();
        assertThat(c.start()).isEqualTo(RunCheck.StartVerdict.MISSED);
        assertThat(c.sla().verdict()).isEqualTo(SlaVerdict.AT_RISK);
        assertThat(c.sla().expectedEnd()).isEqualTo(t("2026-06-10T04:30:00Z"));
    }

    @Test
    void whatRunsTonightIsSortedWithUsualDurationsAndSlasAndLeavesStoppedTriggersOut() {
        List<UpcomingRun> tonight = CHECK.upcoming(DEFS, history(), t("2026-06-10T18:00:00Z"),
                t("2026-06-11T06:00:00Z"));
        assertThat(tonight).extracting(u -> u.expected().pipeline()).containsExactly(PIPELINE, "Copy GL to Lake");
        UpcomingRun nightly = tonight.get(0);
        assertThat(nightly.expected().expectedStart()).isEqualTo(t("2026-06-11T00:00:00Z"));
        assertThat(nightly.expected().trigger()).isEqualTo("tr_nightly");
        assertThat(nightly.usual().median()).isEqualTo(Duration.ofHours(3));
        assertThat(nightly.expectedEnd()).isEqualTo(t("2026-06-11T03:00:00Z"));
        assertThat(nightly.deadline()).isEqualTo(t("2026-06-11T04:00:00Z"));
        assertThat(nightly.endsAfterDeadline()).isFalse();
        UpcomingRun gl = tonight.get(1);
        assertThat(gl.expected().expectedStart()).isEqualTo(t("2026-06-11T01:00:00Z"));
        assertThat(gl.usual()).isNull();
        assertThat(gl.sla().source()).isEqualTo(SlaRule.Source.ANNOTATION);
        assertThat(gl.deadline()).isEqualTo(t("2026-06-11T03:00:00Z"));
    }
}
