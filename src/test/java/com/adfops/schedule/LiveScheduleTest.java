package com.adfops.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.MutableClock;
import com.adfops.TestSim;
import com.adfops.runs.AdfTools;
import com.adfops.schedule.RunCheck.CauseKind;
import com.adfops.schedule.RunCheck.StartVerdict;
import com.adfops.sim.BuiltInDataset;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The built-in factory keeps running after the bot starts, as Data Factory does: a day later every started trigger
 * started its runs on time (through the real SDK path against the simulator, its clock moved by hand); a trigger
 * stopped starts nothing more, and "is everything on schedule?" says its runs were missed because it is stopped.
 */
class LiveScheduleTest {

    /** A Wednesday in November: no weekend firing of the stopped weekly trigger, no daylight saving change. */
    static final Instant START = Instant.parse("2026-11-25T06:00:00Z");

    private static Map<String, Long> verdicts(ScheduleReport r) {
        return r.checks().stream().collect(Collectors.groupingBy(c -> c.expected().trigger() + " " + c.start()
                + (c.cause() == null ? "" : " " + c.cause().kind()), TreeMap::new, Collectors.counting()));
    }

    @Test
    void aDayAfterStartEveryStartedTriggerRanOnTimeAndAStoppedOneIsReportedMissed() {
        MutableClock clock = new MutableClock(START);
        try (TestSim sim = TestSim.of(BuiltInDataset.generate(TestSim.JSON, START, 42), 500, clock)) {
            AdfTools tools = new AdfTools(sim.adf, clock);
            Schedules schedules = new Schedules(tools, SlaRules.none(), Duration.ofMinutes(15));
            clock.advance(Duration.ofHours(24));

            ScheduleReport day = schedules.check(sim.factory, START, null).report();

            // Hand-counted from the definitions over [06:00, 06:00 the next day): every 2 h at :05 -> 12, hourly at :10
            // (two pipelines) -> 48, every 15 min -> 96, every 4 h at :40 -> 6, every 12 h at :50 -> 2, daily archive and
            // nightly at 02:00 UTC -> 1 each, 3-hour windows due at :15 -> 8. The 6-hour windows wait on their own
            // failed window (a self-dependency): ADF starts none, and the check says why.
            assertThat(verdicts(day)).containsExactly(
                    Map.entry("tr_daily_archive ON_TIME", 1L), Map.entry("tr_every_12h ON_TIME", 2L),
                    Map.entry("tr_every_15min ON_TIME", 96L), Map.entry("tr_every_2h ON_TIME", 12L),
                    Map.entry("tr_every_3h ON_TIME", 8L), Map.entry("tr_every_4h ON_TIME", 6L),
                    Map.entry("tr_every_6h MISSED WAITING_ON_DEPENDENCY", 4L), Map.entry("tr_hourly ON_TIME", 48L),
                    Map.entry("tr_nightly ON_TIME", 1L));

            // Someone stops the hourly trigger: its next runs do not start, and are missed because it is stopped.
            Instant stopped = clock.instant();
            assertThat(sim.server.stopTrigger("tr_hourly")).isTrue();
            clock.advance(Duration.ofHours(2));
            List<RunCheck> hourly = schedules.check(sim.factory, stopped, null).report().checks().stream()
                    .filter(c -> c.expected().trigger().equals("tr_hourly")).toList();
            assertThat(hourly).hasSize(4).allSatisfy(c -> {
                assertThat(c.start()).isEqualTo(StartVerdict.MISSED);
                assertThat(c.cause().kind()).isEqualTo(CauseKind.TRIGGER_STOPPED);
            });
            assertThat(hourly).extracting(c -> c.expected().pipeline()).containsOnly("pl_copy_web_events",
                    "pl_refresh_reporting");
        }
    }
}
