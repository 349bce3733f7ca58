package com.adfops.schedule;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.adf.FactoryDefinitions.Frequency;
import com.adfops.adf.FactoryDefinitions.Occurrence;
import com.adfops.adf.FactoryDefinitions.Recurrence;
import com.adfops.adf.FactoryDefinitions.Schedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Schedule trigger firings, every expected instant computed by hand. 2026 clock changes: New York Mar 8 (02:00 EST ->
 * 03:00 EDT) and Nov 1 (02:00 EDT -> 01:00 EST); Berlin Mar 29 (02:00 CET -> 03:00 CEST) and Oct 25 (03:00 CEST ->
 * 02:00 CET).
 */
class RecurrencesTest {

    static final String BERLIN = "W. Europe Standard Time";
    static final String NEW_YORK = "Eastern Standard Time";

    static Recurrence rec(Frequency f, int interval, String start, String end, String zone, Schedule s) {
        return new Recurrence(f, interval, LocalDateTime.parse(start), end == null ? null : LocalDateTime.parse(end),
                zone, s);
    }

    static Schedule schedule(List<Integer> minutes, List<Integer> hours, List<DayOfWeek> weekDays,
                             List<Integer> monthDays, List<Occurrence> occurrences) {
        return new Schedule(minutes, hours, weekDays, monthDays, occurrences);
    }

    static List<Instant> at(String... instants) {
        return Arrays.stream(instants).map(Instant::parse).toList();
    }

    /** Asserts the firings of {@code r} in {@code [from, to)} are exactly {@code instants}, in order. */
    static void expect(Recurrence r, String from, String to, String... instants) {
        assertThat(Recurrences.firings(r, Instant.parse(from), Instant.parse(to))).isEqualTo(at(instants));
    }

    @Test
    void aDaily0230StaysAt0230LocalAndOnTheSpringForwardDayMovesForwardByTheGap() {
        // Mar 27/28 CET (+1): 01:30Z. Mar 29: 02:30 does not exist -> 03:30 CEST (+2) = 01:30Z. Mar 30 CEST: 00:30Z.
        expect(rec(Frequency.DAY, 1, "2026-03-27T02:30", null, BERLIN, null),
                "2026-03-27T00:00:00Z", "2026-03-31T00:00:00Z",
                "2026-03-27T01:30:00Z", "2026-03-28T01:30:00Z", "2026-03-29T01:30:00Z", "2026-03-30T00:30:00Z");
    }

    @Test
    void aRepeatedLocalTimeFiresOnceAtTheEarlierOffset() {
        // Oct 24 CEST: 00:30Z. Oct 25: 02:30 happens twice, the first (CEST, +2) = 00:30Z. Oct 26 CET: 01:30Z.
        expect(rec(Frequency.DAY, 1, "2026-10-20T02:30", null, BERLIN, null),
                "2026-10-24T00:00:00Z", "2026-10-27T00:00:00Z",
                "2026-10-24T00:30:00Z", "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z");
    }

    @Test
    void hoursAndMinutesExpandEachDayAndAGapTimeLandingOnAnotherFiresOnce() {
        Recurrence r = rec(Frequency.DAY, 1, "2026-03-07T00:00", null, NEW_YORK,
                schedule(List.of(30), List.of(1, 2, 3), List.of(), List.of(), List.of()));
        // Mar 7 EST (-5): 01:30, 02:30, 03:30 = 06:30Z, 07:30Z, 08:30Z. Mar 8: 01:30 EST = 06:30Z; 02:30 does not
        // exist -> 03:30 EDT (-4) = 07:30Z, the same instant as 03:30 EDT: once.
        expect(r, "2026-03-07T05:00:00Z", "2026-03-09T05:00:00Z",
                "2026-03-07T06:30:00Z", "2026-03-07T07:30:00Z", "2026-03-07T08:30:00Z",
                "2026-03-08T06:30:00Z", "2026-03-08T07:30:00Z");
    }

    @Test
    void weekDaysWithHoursAndMinutesAcrossTheNewYorkSpringForward() {
        Recurrence r = rec(Frequency.WEEK, 1, "2026-03-02T00:00", null, NEW_YORK,
                schedule(List.of(15, 45), List.of(6), List.of(MONDAY, WEDNESDAY, FRIDAY), List.of(), List.of()));
        // Fri Mar 6 EST: 11:15Z, 11:45Z. Mon Mar 9 EDT: 10:15Z, 10:45Z.
        expect(r, "2026-03-06T00:00:00Z", "2026-03-10T00:00:00Z",
                "2026-03-06T11:15:00Z", "2026-03-06T11:45:00Z", "2026-03-09T10:15:00Z", "2026-03-09T10:45:00Z");
    }

    @Test
    void everyTwoWeeksCountsWeeksFromTheStartsWeekAndNeverFiresBeforeTheStart() {
        // Start Wed Mar 4; its week (Mon Mar 2) has Tue Mar 3, before the start: skipped. Then Tue Mar 17 (CET),
        // Mar 31 and Apr 14 (CEST), 22:00 local.
        Recurrence r = rec(Frequency.WEEK, 2, "2026-03-04T00:00", null, BERLIN,
                schedule(List.of(0), List.of(22), List.of(TUESDAY), List.of(), List.of()));
        expect(r, "2026-03-01T00:00:00Z", "2026-04-20T00:00:00Z",
                "2026-03-17T21:00:00Z", "2026-03-31T20:00:00Z", "2026-04-14T20:00:00Z");
    }

    @Test
    void monthDaysIncludingTheLastDay() {
        Recurrence r = rec(Frequency.MONTH, 1, "2026-01-15T00:00", null, BERLIN,
                schedule(List.of(0), List.of(6), List.of(), List.of(1, -1), List.of()));
        // Jan 1 is before the start. Jan 31, Feb 1, Feb 28, Mar 1 at 06:00 CET = 05:00Z; Mar 31, Apr 1 CEST = 04:00Z.
        expect(r, "2026-01-01T00:00:00Z", "2026-04-02T00:00:00Z",
                "2026-01-31T05:00:00Z", "2026-02-01T05:00:00Z", "2026-02-28T05:00:00Z", "2026-03-01T05:00:00Z",
                "2026-03-31T04:00:00Z", "2026-04-01T04:00:00Z");
    }

    @Test
    void monthlyOccurrencesFirstMondayAndLastFridayAcrossTheNewYorkFallBack() {
        Recurrence r = rec(Frequency.MONTH, 1, "2026-09-01T00:00", null, NEW_YORK,
                schedule(List.of(15), List.of(5), List.of(), List.of(),
                        List.of(new Occurrence(FRIDAY, -1), new Occurrence(MONDAY, 1))));
        // Oct: Mon Oct 5, Fri Oct 30, 05:15 EDT = 09:15Z. Nov: Mon Nov 2, Fri Nov 27, 05:15 EST = 10:15Z.
        expect(r, "2026-10-01T00:00:00Z", "2026-12-01T00:00:00Z",
                "2026-10-05T09:15:00Z", "2026-10-30T09:15:00Z", "2026-11-02T10:15:00Z", "2026-11-27T10:15:00Z");
    }

    @Test
    void aFifthOccurrenceFiresOnlyInMonthsThatHaveOne() {
        Recurrence r = rec(Frequency.MONTH, 1, "2026-01-01T07:00", null, "UTC",
                schedule(List.of(), List.of(), List.of(), List.of(), List.of(new Occurrence(FRIDAY, 5))));
        // Fridays of 2026: the fifth in January (30), May (29), July (31), October (30); none in Feb-Apr, Jun, Aug, Sep.
        expect(r, "2026-01-01T00:00:00Z", "2026-11-01T00:00:00Z",
                "2026-01-30T07:00:00Z", "2026-05-29T07:00:00Z", "2026-07-31T07:00:00Z", "2026-10-30T07:00:00Z");
    }

    @Test
    void hourlyCountsElapsedHoursThroughTheRepeatedHour() {
        // 00:00 CEST = Oct 24 22:00Z, then every 60 minutes: 01:00 CEST, 02:00 CEST, 02:00 CET, 03:00 CET.
        expect(rec(Frequency.HOUR, 1, "2026-10-25T00:00", null, BERLIN, null),
                "2026-10-24T00:00:00Z", "2026-10-25T03:00:00Z",
                "2026-10-24T22:00:00Z", "2026-10-24T23:00:00Z", "2026-10-25T00:00:00Z", "2026-10-25T01:00:00Z",
                "2026-10-25T02:00:00Z");
    }

    @Test
    void hourlyWithScheduleMinutesInAHalfHourZone() {
        Recurrence r = rec(Frequency.HOUR, 1, "2026-06-01T00:00", null, "India Standard Time",
                schedule(List.of(0, 30), List.of(), List.of(), List.of(), List.of()));
        // IST is +05:30: Jun 1 00:00, 00:30, 01:00 local = May 31 18:30Z, 19:00Z, 19:30Z (01:30 = 20:00Z is outside).
        expect(r, "2026-05-31T18:00:00Z", "2026-05-31T20:00:00Z",
                "2026-05-31T18:30:00Z", "2026-05-31T19:00:00Z", "2026-05-31T19:30:00Z");
    }

    @Test
    void minutesWithoutHoursFireEveryHourOfTheDay() {
        Recurrence r = rec(Frequency.DAY, 1, "2026-05-01T00:00", null, "UTC",
                schedule(List.of(15), List.of(), List.of(), List.of(), List.of()));
        expect(r, "2026-05-01T10:00:00Z", "2026-05-01T13:00:00Z",
                "2026-05-01T10:15:00Z", "2026-05-01T11:15:00Z", "2026-05-01T12:15:00Z");
    }

    @Test
    void theEndIsExcludedAndAStartInThePastCountsFromTheStart() {
        expect(rec(Frequency.MINUTE, 15, "2026-05-01T10:00", "2026-05-01T11:00", "UTC", null),
                "2026-05-01T00:00:00Z", "2026-05-02T00:00:00Z",
                "2026-05-01T10:00:00Z", "2026-05-01T10:15:00Z", "2026-05-01T10:30:00Z", "2026-05-01T10:45:00Z");
        // Apr 7, 9, 11, ...: from Apr 8 13:00 the next is Apr 9 14:00.
        expect(rec(Frequency.DAY, 2, "2026-04-07T14:00", null, "UTC", null),
                "2026-04-08T13:00:00Z", "2026-04-12T00:00:00Z",
                "2026-04-09T14:00:00Z", "2026-04-11T14:00:00Z");
    }

    @Test
    void aMonthlyStartOnThe31stIsClampedInShorterMonthsAndReturnsToThe31st() {
        expect(rec(Frequency.MONTH, 1, "2026-01-31T08:00", null, "UTC", null),
                "2026-01-01T00:00:00Z", "2026-05-01T00:00:00Z",
                "2026-01-31T08:00:00Z", "2026-02-28T08:00:00Z", "2026-03-31T08:00:00Z", "2026-04-30T08:00:00Z");
    }

    @Test
    void anUnknownZoneIsReadAsUtc() {
        expect(rec(Frequency.DAY, 1, "2026-05-01T06:00", null, "Atlantis Standard Time", null),
                "2026-05-01T00:00:00Z", "2026-05-02T00:00:00Z", "2026-05-01T06:00:00Z");
    }
}
