package com.adfops.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeWindowParserTest {

    // A Thursday.
    static final Instant NOW = Instant.parse("2026-11-26T15:30:00Z");
    static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void defaultsToTheLast24Hours() {
        TimeWindow w = TimeWindowParser.parse("what pipelines are failing?", NOW, UTC);
        assertThat(w.from()).isEqualTo(NOW.minus(Duration.ofHours(24)));
        assertThat(w.to()).isEqualTo(NOW);
        assertThat(w.label()).isEqualTo("the last 24 hours");
    }

    @ParameterizedTest
    @CsvSource({
        "what failed in the last 3 hours, PT3H",
        "failures over the past 2 days, P2D",
        "what failed in the last hour, PT1H",
        "last 90 minutes, PT90M",
        "what is failing past week, P7D",
        "failures in the last 2 weeks, P14D",
        "failed last 12h, PT12H",
        "failed in the last twenty-four hours, PT24H",
    })
    void lastN(String text, Duration expected) {
        TimeWindow w = TimeWindowParser.parse(text, NOW, UTC);
        assertThat(Duration.between(w.from(), w.to())).isEqualTo(expected);
        assertThat(w.to()).isEqualTo(NOW);
    }

    @Test
    void todayStartsAtMidnightInTheUsersZone() {
        assertThat(TimeWindowParser.parse("what failed today", NOW, UTC).from())
                .isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
        ZoneId seattle = ZoneId.of("America/Los_Angeles");
        assertThat(TimeWindowParser.parse("what failed today", NOW, seattle).from())
                .isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
    }

    @Test
    void yesterdayIsTheWholePreviousDay() {
        TimeWindow w = TimeWindowParser.parse("what failed yesterday?", NOW, UTC);
        assertThat(w.from()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(w.to()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
    }

    @Test
    void sinceMondayAndThisWeek() {
        assertThat(TimeWindowParser.parse("what failed since Monday", NOW, UTC).from())
                .isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(TimeWindowParser.parse("failures this week", NOW, UTC).from())
                .isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(TimeWindowParser.parse("since thursday", NOW, UTC).from())
                .isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(TimeWindowParser.parse("since fri", NOW, UTC).from())
                .isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
    }

    @Test
    void windowsBeyondAdfRetentionAreCapped() {
        TimeWindow w = TimeWindowParser.parse("failures in the last 400 days", NOW, UTC);
        assertThat(Duration.between(w.from(), w.to())).isEqualTo(Duration.ofDays(45));
        assertThat(w.label()).contains("45 days");
    }

    @Test
    void monthsAndALongerHistoryWhereTheLogsAreKept() {
        assertThat(Duration.between(TimeWindowParser.parse("export runs for last month", NOW, UTC).from(), NOW))
                .isEqualTo(Duration.ofDays(30));
        assertThat(TimeWindowParser.parse("export runs for last month", NOW, UTC).label()).isEqualTo("the last month");
        // Past ADF's 45 days only where an archive keeps more.
        assertThat(Duration.between(TimeWindowParser.parse("trends for the last 3 months", NOW, UTC).from(), NOW))
                .isEqualTo(Duration.ofDays(45));
        TimeWindow quarter = TimeWindowParser.find("trends for the last 3 months", NOW, UTC, Duration.ofDays(90)).orElseThrow();
        assertThat(Duration.between(quarter.from(), quarter.to())).isEqualTo(Duration.ofDays(90));
        assertThat(quarter.label()).isEqualTo("the last 3 months");
        TimeWindow year = TimeWindowParser.find("failures in the last 400 days", NOW, UTC, Duration.ofDays(90)).orElseThrow();
        assertThat(Duration.between(year.from(), year.to())).isEqualTo(Duration.ofDays(90));
        assertThat(year.label()).contains("90 days").doesNotContain("45");
        // Minutes stay minutes.
        assertThat(Duration.between(TimeWindowParser.parse("last 30 min", NOW, UTC).from(), NOW)).isEqualTo(Duration.ofMinutes(30));
        assertThat(Duration.between(TimeWindowParser.parse("last 2 mo", NOW, UTC).from(), NOW)).isEqualTo(Duration.ofDays(45));
    }

    /** Now is Thursday Nov 26, 15:30 UTC: each row is a phrase, the window's start and end, and its label. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "why did x fail on Monday | 2026-11-23T00:00:00Z | 2026-11-24T00:00:00Z | Monday, Nov 23",
        "x's errors on monday | 2026-11-23T00:00:00Z | 2026-11-24T00:00:00Z | Monday, Nov 23",
        "what failed tuesday | 2026-11-24T00:00:00Z | 2026-11-25T00:00:00Z | Tuesday, Nov 24",
        "what failed last Thursday | 2026-11-19T00:00:00Z | 2026-11-20T00:00:00Z | Thursday, Nov 19",
        "what failed on Thursday | 2026-11-26T00:00:00Z | 2026-11-26T15:30:00Z | today",
        "what failed on wed | 2026-11-25T00:00:00Z | 2026-11-26T00:00:00Z | yesterday",
        "failures last friday | 2026-11-20T00:00:00Z | 2026-11-21T00:00:00Z | Friday, Nov 20",
        "what failed the day before yesterday | 2026-11-24T00:00:00Z | 2026-11-25T00:00:00Z | Tuesday, Nov 24",
        "what failed 3 days ago | 2026-11-23T00:00:00Z | 2026-11-24T00:00:00Z | Monday, Nov 23",
        "what failed two days ago | 2026-11-24T00:00:00Z | 2026-11-25T00:00:00Z | Tuesday, Nov 24",
        "what failed overnight | 2026-11-25T18:00:00Z | 2026-11-26T08:00:00Z | overnight",
        "anything break last night? | 2026-11-25T18:00:00Z | 2026-11-26T08:00:00Z | overnight",
        "why did it fail on 2026-11-24 | 2026-11-24T00:00:00Z | 2026-11-25T00:00:00Z | Tuesday, Nov 24",
        "why did it fail on Nov 24 | 2026-11-24T00:00:00Z | 2026-11-25T00:00:00Z | Tuesday, Nov 24",
        "errors on the 24th of november | 2026-11-24T00:00:00Z | 2026-11-25T00:00:00Z | Tuesday, Nov 24",
        "errors on dec 3 | 2025-12-03T00:00:00Z | 2025-12-04T00:00:00Z | Wednesday, Dec 3",
        "costs this month | 2026-11-01T00:00:00Z | 2026-11-26T15:30:00Z | this month",
        "the failure from yesterday | 2026-11-25T00:00:00Z | 2026-11-26T00:00:00Z | yesterday",
        "what failed earlier today | 2026-11-26T00:00:00Z | 2026-11-26T15:30:00Z | today",
    })
    void daysDatesAndTheNight(String text, String from, String to, String label) {
        TimeWindow w = TimeWindowParser.find(text, NOW, UTC).orElseThrow();
        assertThat(w.from()).isEqualTo(Instant.parse(from.trim()));
        assertThat(w.to()).isEqualTo(Instant.parse(to.trim()));
        assertThat(w.label()).isEqualTo(label.trim());
    }

    @Test
    void aDayIsTheUsersDay() {
        // 09:00 in Auckland on Friday Nov 27 (UTC+13): "yesterday" and "on Thursday" are Thursday there.
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        Instant now = Instant.parse("2026-11-26T20:00:00Z");
        TimeWindow thursday = TimeWindowParser.find("why did x fail on thursday", now, auckland).orElseThrow();
        assertThat(thursday.from()).isEqualTo(Instant.parse("2026-11-25T11:00:00Z"));
        assertThat(thursday.to()).isEqualTo(Instant.parse("2026-11-26T11:00:00Z"));
        assertThat(thursday.label()).isEqualTo("yesterday");
    }

    @Test
    void windowWordsAreStrippedAndNamesAreNot() {
        assertThat(TimeWindowParser.strip("why did x fail on monday")).isEqualTo("why did x fail");
        assertThat(TimeWindowParser.strip("pl_x's errors in the last 3 days")).isEqualTo("pl_x's errors");
        assertThat(TimeWindowParser.strip("what failed overnight since yesterday")).isEqualTo("what failed");
        // Names with day words are names.
        assertThat(TimeWindowParser.strip("status of monday_load")).isEqualTo("status of monday_load");
        assertThat(TimeWindowParser.strip("status of sales-today")).isEqualTo("status of sales-today");
        assertThat(TimeWindowParser.find("status of monday_load", NOW, UTC)).isEmpty();
        assertThat(TimeWindowParser.find("why did load.yesterday fail", NOW, UTC)).isEmpty();
    }

    @Test
    void noWindowWordsMeansNone() {
        assertThat(TimeWindowParser.find("why did pl_sales_2024 fail", NOW, UTC)).isEmpty();
    }
}
