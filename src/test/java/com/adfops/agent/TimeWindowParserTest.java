package com.adfops.agent;

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
    void noWindowWordsMeansNone() {
        assertThat(TimeWindowParser.find("why did pl_sales_2024 fail", NOW, UTC)).isEmpty();
    }
}
