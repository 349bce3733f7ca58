package com.adfops.runs;

import java.time.Duration;
import java.time.Instant;

/** A time window with the words a user would use for it ("the last 24 hours", "today"). */
public record TimeWindow(Instant from, Instant to, String label) {

    public TimeWindow {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /** The questions' default window, in days: "the last 7 days" (trends, durations, cost, status, export, audit). */
    public static final int DEFAULT_DAYS = 7;
    /**
     * How far past now a default window reaches: a run that starts as the question is asked (its start a few seconds
     * ahead of the bot's clock) still counts. Every face's default windows end there.
     */
    public static final Duration PAST_NOW = Duration.ofMinutes(1);

    /** The last {@code days} days up to now (and {@link #PAST_NOW}): "the last 7 days". */
    public static TimeWindow lastDays(int days, Instant now) {
        return new TimeWindow(now.minus(Duration.ofDays(days)), now.plus(PAST_NOW), "the last " + days + " days");
    }

    /** The default window of a question that names none: {@link #DEFAULT_DAYS} days up to now. */
    public static TimeWindow byDefault(Instant now) {
        return lastDays(DEFAULT_DAYS, now);
    }

    /** ADF's whole retention (45 days) up to now: where a pipeline's failures are looked for past the last week. */
    public static TimeWindow retention(Instant now) {
        return new TimeWindow(now.minus(TimeWindowParser.RETENTION), now.plus(PAST_NOW), "the last 45 days");
    }

    /**
     * A window as asked, relative to when: its words, its length and how long before (negative: after) that moment it
     * ends. "The last 24 hours" asked a second apart is the same question.
     */
    public record Relative(String label, Duration length, Duration endsBefore) {
    }

    /** This window relative to {@code now}. */
    public Relative relativeTo(Instant now) {
        return new Relative(label, Duration.between(from, to), Duration.between(to, now));
    }

    /** The period of the same length just before this one ("the period before"), for comparisons. */
    public TimeWindow previous() {
        return new TimeWindow(from.minus(java.time.Duration.between(from, to)), from, "the period before");
    }
}
