package com.adfops.agent;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a time window from a question: "today", "yesterday", "last N hours/days/minutes/weeks", "past day",
 * "since Monday", "this week", "last week". Day boundaries are in the user's time zone. ADF keeps run data
 * for 45 days, so windows are capped there.
 */
public final class TimeWindowParser {

    public static final Duration DEFAULT = Duration.ofHours(24);
    public static final Duration RETENTION = Duration.ofDays(45);

    private static final Pattern LAST_N = Pattern.compile(
            "\\b(?:last|past|previous|in the last|over the last)\\s+(\\d{1,4}|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
                    + "twenty[- ]four)\\s*(months?|mos?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)\\b");
    private static final Pattern LAST_UNIT = Pattern.compile("\\b(?:last|past)\\s+(hour|day|week|month)\\b");
    private static final Pattern SHORT = Pattern.compile("\\b(\\d{1,4})\\s*(h|d|m|w)\\b");
    private static final Pattern SINCE_DAY = Pattern.compile(
            "\\bsince\\s+(?:last\\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\\b");

    private TimeWindowParser() {
    }

    /** The window the text names, or empty when it names none; at most ADF's 45 days. */
    public static Optional<TimeWindow> find(String text, Instant now, ZoneId zone) {
        return find(text, now, zone, RETENTION);
    }

    /**
     * The window the text names, or empty when it names none; at most {@code limit} back (ADF's 45 days, or longer
     * where Data Factory's logs are kept in Log Analytics).
     */
    public static Optional<TimeWindow> find(String text, Instant now, ZoneId zone, Duration limit) {
        String t = text.toLowerCase(Locale.ROOT);
        ZonedDateTime local = now.atZone(zone);
        Matcher m = LAST_N.matcher(t);
        if (m.find()) {
            int n = number(m.group(1));
            return Optional.of(last(now, n, m.group(2), limit));
        }
        m = LAST_UNIT.matcher(t);
        if (m.find()) {
            return Optional.of(last(now, 1, m.group(1), limit));
        }
        m = SINCE_DAY.matcher(t);
        if (m.find()) {
            DayOfWeek dow = day(m.group(1));
            ZonedDateTime start = local.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(dow));
            String name = dow.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
            return Optional.of(window(start.toInstant(), now, "since " + name));
        }
        if (t.matches(".*\\bsince yesterday\\b.*")) {
            ZonedDateTime start = local.truncatedTo(ChronoUnit.DAYS).minusDays(1);
            return Optional.of(window(start.toInstant(), now, "since yesterday"));
        }
        if (t.contains("this week")) {
            ZonedDateTime start = local.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return Optional.of(window(start.toInstant(), now, "this week"));
        }
        if (t.contains("last week") || t.contains("past week")) {
            return Optional.of(last(now, 7, "days", limit));
        }
        if (t.contains("yesterday")) {
            ZonedDateTime today = local.truncatedTo(ChronoUnit.DAYS);
            return Optional.of(new TimeWindow(today.minusDays(1).toInstant(), today.toInstant(), "yesterday"));
        }
        if (t.contains("today") || t.contains("this morning") || t.contains("tonight")) {
            ZonedDateTime start = local.truncatedTo(ChronoUnit.DAYS);
            return Optional.of(window(start.toInstant(), now, "today"));
        }
        m = SHORT.matcher(t);
        if (m.find() && (t.contains("last") || t.contains("past") || t.contains("in "))) {
            return Optional.of(last(now, Integer.parseInt(m.group(1)), m.group(2), limit));
        }
        return Optional.empty();
    }

    /** The window the text names, or the default: the last 24 hours. */
    public static TimeWindow parse(String text, Instant now, ZoneId zone) {
        return find(text, now, zone).orElseGet(() -> new TimeWindow(now.minus(DEFAULT), now, "the last 24 hours"));
    }

    private static TimeWindow window(Instant from, Instant to, String label) {
        if (!from.isBefore(to)) {
            from = to.minusSeconds(1);
        }
        return new TimeWindow(from, to, label);
    }

    private static TimeWindow last(Instant now, int n, String unit, Duration limit) {
        n = Math.max(1, n);
        Duration d;
        String word;
        char u = unit.startsWith("mo") ? 'M' : unit.charAt(0);
        switch (u) {
            case 'M' -> {
                d = Duration.ofDays(30L * n);
                word = "month";
            }
            case 'm' -> {
                d = Duration.ofMinutes(n);
                word = "minute";
            }
            case 'h' -> {
                d = Duration.ofHours(n);
                word = "hour";
            }
            case 'w' -> {
                d = Duration.ofDays(7L * n);
                word = "week";
            }
            default -> {
                d = Duration.ofDays(n);
                word = "day";
            }
        }
        String label = n == 1 ? "the last " + word : "the last " + n + " " + word + "s";
        if (d.compareTo(limit) > 0) {
            d = limit;
            label = limit.equals(RETENTION) ? "the last 45 days (ADF keeps run history for 45 days)"
                    : "the last " + limit.toDays() + " days (the run history kept)";
        }
        return new TimeWindow(now.minus(d), now, label);
    }

    private static int number(String s) {
        return switch (s) {
            case "a", "an", "one" -> 1;
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "seven" -> 7;
            case "eight" -> 8;
            case "nine" -> 9;
            case "ten" -> 10;
            case "twelve" -> 12;
            case "twenty-four", "twenty four" -> 24;
            default -> Integer.parseInt(s);
        };
    }

    private static DayOfWeek day(String s) {
        return switch (s.substring(0, 3)) {
            case "mon" -> DayOfWeek.MONDAY;
            case "tue" -> DayOfWeek.TUESDAY;
            case "wed" -> DayOfWeek.WEDNESDAY;
            case "thu" -> DayOfWeek.THURSDAY;
            case "fri" -> DayOfWeek.FRIDAY;
            case "sat" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }
}
