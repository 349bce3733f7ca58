package com.adfops.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.NightFactory;
import com.adfops.runs.AdfTools;
import com.adfops.schedule.RunCheck.CauseKind;
import com.adfops.schedule.RunCheck.StartVerdict;
import com.adfops.schedule.SlaCheck.SlaVerdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The service over a factory written out by hand (a nightly trigger in Berlin, a stopped one, a late start, an SLA at risk). */
class SchedulesTest {

    private final NightFactory adf = new NightFactory();
    private final Schedules schedules = schedules(adf);

    static Schedules schedules(NightFactory adf) {
        AdfTools tools = new AdfTools(adf, Clock.fixed(NightFactory.NOW, ZoneOffset.UTC));
        tools.baselines().turnWait(Duration.ofSeconds(30));
        return new Schedules(tools, SlaRules.none(), Duration.ofMinutes(15));
    }

    private record Row(String pipeline, Instant expected, StartVerdict start, CauseKind cause, SlaVerdict sla) {
    }

    private static Row row(RunCheck c) {
        return new Row(c.expected().pipeline(), c.expected().expectedStart(), c.start(),
                c.cause() == null ? null : c.cause().kind(), c.sla() == null ? null : c.sla().verdict());
    }

    @Test
    void eachExpectedRunOfTheNightIsJudgedWithItsCauseAndSla() {
        ScheduleReport r = schedules.check(adf.factory, NightFactory.MIDNIGHT, null).report();

        assertThat(r.checks()).map(SchedulesTest::row).containsExactly(
                new Row("Load_Sales", Instant.parse("2026-03-10T01:00:00Z"), StartVerdict.ON_TIME, null, SlaVerdict.MET),
                new Row("Export_Ledger", Instant.parse("2026-03-10T02:00:00Z"), StartVerdict.MISSED,
                        CauseKind.TRIGGER_STOPPED, null),
                new Row("Build_Cube", Instant.parse("2026-03-10T03:30:00Z"), StartVerdict.LATE_START, null,
                        SlaVerdict.AT_RISK),
                new Row("Refresh_Dims", Instant.parse("2026-03-10T04:00:00Z"), StartVerdict.MISSED,
                        CauseKind.TRIGGER_RUN_FAILED, null));
        RunCheck cube = r.checks().get(2);
        assertThat(cube.startDelay()).isEqualTo(Duration.ofMinutes(40));
        // Usually 2 h (its last eight successes, read back): started 04:10, ends about 06:10, past 07:00 in Berlin.
        assertThat(cube.sla().expectedEnd()).isEqualTo(Instant.parse("2026-03-10T06:10:00Z"));
        assertThat(cube.sla().deadline()).isEqualTo(Instant.parse("2026-03-10T06:00:00Z"));
        assertThat(r.checks().get(3).cause().message()).isEqualTo(NightFactory.TRIGGER_FAILURE);
    }

    @Test
    void aPipelineScopeKeepsItsExpectedRunsOnly() {
        ScheduleReport r = schedules.check(adf.factory, NightFactory.MIDNIGHT, "build_*").report();

        assertThat(r.checks()).map(c -> c.expected().pipeline()).containsExactly("Build_Cube");
    }

    @Test
    void upcomingRunsOfStartedTriggersWithTheirUsualDurationAndSla() {
        List<UpcomingRun> next = schedules.upcoming(adf.factory, Duration.ofHours(24), null).runs();

        assertThat(next).map(u -> u.expected().pipeline() + " " + u.expected().expectedStart() + " "
                + (u.usual() == null ? "-" : u.usual().median()) + " " + u.deadline()).containsExactly(
                "Load_Sales 2026-03-11T01:00:00Z PT40M 2026-03-11T02:00:00Z",
                "Build_Cube 2026-03-11T03:30:00Z PT2H 2026-03-11T06:00:00Z",
                "Refresh_Dims 2026-03-11T04:00:00Z PT10M null");
    }

    @Test
    void nextRunIsTheFirstExpectedStartAfterNowOfAStartedTrigger() {
        assertThat(schedules.nextRun(adf.factory, "load_sales", NightFactory.NOW))
                .contains(Instant.parse("2026-03-11T01:00:00Z"));
        assertThat(schedules.nextRun(adf.factory, "Export_Ledger", NightFactory.NOW)).isEqualTo(Optional.empty());
        assertThat(schedules.nextRun(adf.factory, "Nobody", NightFactory.NOW)).isEmpty();
        // The same, as impact's NextRuns over the factory's definitions.
        assertThat(schedules.of(adf.defs, NightFactory.NOW).apply("BUILD_CUBE"))
                .contains(Instant.parse("2026-03-11T03:30:00Z"));
    }
}
