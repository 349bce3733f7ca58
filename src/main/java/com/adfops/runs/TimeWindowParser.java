package com.adfops.runs;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a time window from a question: "today", "yesterday", "last N hours/days/minutes/weeks", "past day",
 * "since Monday", "this week", "last week", "on Monday", "last Tuesday", "3 days ago", "overnight", "on Nov 24",
 * "2026-11-24". Day boundaries are in the user's time zone. ADF keeps run data for 45 days, so windows are capped
 * there.
 *
 * <p>The phrases are a table ({@link #RULES}), tried in order; the first whose pattern occurs in the text names the
 * window. The same table says which words of a question are window words ({@link #strip}), so the parser never
 * takes "on Monday" for part of a pipeline's name.
 */
public final class TimeWindowParser {

    public static final Duration DEFAULT = Duration.ofHours(24);
    public static final Duration RETENTION = Duration.ofDays(45);

    private static final String DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
    private static final String SHORT_DAYS = DAYS + "|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun";
    private static final String MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    /** A word boundary that does not cut a pipeline name ("monday_load", "sales-today" are names, not windows). */
    private static final String B = "(?<![\\w.\\-])";
    private static final String E = "(?![\\w\\-]|\\.\\w)";

    /** Where the text is read: now, the user's zone, how far back windows may reach. */
    private record Ctx(Instant now, ZoneId zone, Duration limit) {
        ZonedDateTime local() {
            return now.atZone(zone);
        }

        ZonedDateTime today() {
            return local().truncatedTo(ChronoUnit.DAYS);
        }
    }

    /** One phrase: its pattern and the window a match names. */
    private record Rule(Pattern pattern, WindowOf window) {
    }

    @FunctionalInterface
    private interface WindowOf {
        TimeWindow of(Matcher m, Ctx c);
    }

    private static Rule rule(String regex, WindowOf w) {
        return new Rule(Pattern.compile(regex), w);
    }

    /** The phrases, most specific first. */
    private static final List<Rule> RULES = List.of(
            rule(B + "(?:in the |over the |during the |for the )?(?:last|past|previous)\\s+(\\d{1,4}|an?|one|two|three|four"
                    + "|five|six|seven|eight|nine|ten|twelve|twenty[- ]four)\\s*(months?|mos?|m|mins?|minutes?|h|hrs?|hours?|d"
                    + "|days?|w|wks?|weeks?)\\b",
                    (m, c) -> last(c.now(), number(m.group(1)), m.group(2), c.limit())),
            rule(B + "(?:in the |over the |during the |for the )?(?:last|past)\\s+(hour|day|week|month)\\b",
                    (m, c) -> last(c.now(), 1, m.group(1), c.limit())),
            rule(B + "(?:since|from) (?:last )?(" + SHORT_DAYS + ")" + E, (m, c) -> {
                DayOfWeek dow = day(m.group(1));
                ZonedDateTime start = c.today().with(TemporalAdjusters.previousOrSame(dow));
                return window(start.toInstant(), c.now(), "since " + dayName(dow));
            }),
            rule(B + "since yesterday" + E,
                    (m, c) -> window(c.today().minusDays(1).toInstant(), c.now(), "since yesterday")),
            rule(B + "(?:for |in |during )?this week" + E, (m, c) -> window(
                    c.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant(), c.now(), "this week")),
            rule(B + "(?:for |in |during )?this month" + E, (m, c) -> window(
                    c.today().withDayOfMonth(1).toInstant(), c.now(), "this month")),
            rule(B + "(?:during |in |over )?(?:the )?(?:last|past) week" + E, (m, c) -> last(c.now(), 7, "days", c.limit())),
            rule(B + "(?:on )?(?:the )?day before yesterday" + E, (m, c) -> day(c, c.today().minusDays(2), null)),
            rule(B + "(?:on )?(\\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten) days? ago" + E,
                    (m, c) -> day(c, c.today().minusDays(number(m.group(1))), null)),
            rule(B + "(?:last night|overnight|over ?night|during the night)" + E, (m, c) -> overnight(c)),
            rule(B + "(?:on |last |this |past )?(" + DAYS + ")" + E + "|" + B + "(?:on|last|this) (" + SHORT_DAYS + ")" + E,
                    TimeWindowParser::weekday),
            rule(B + "(?:on )?(\\d{4})-(\\d{2})-(\\d{2})" + E, (m, c) -> date(c, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))),
            rule(B + "(?:on )?(?:the )?(\\d{1,2})(?:st|nd|rd|th)?(?: of)? (" + MONTHS + ")" + E, (m, c) -> date(c, 0,
                    month(m.group(2)), Integer.parseInt(m.group(1)))),
            rule(B + "(?:on )?(" + MONTHS + ") (\\d{1,2})(?:st|nd|rd|th)?" + E, (m, c) -> date(c, 0, month(m.group(1)),
                    Integer.parseInt(m.group(2)))),
            rule(B + "yesterday" + E, (m, c) -> new TimeWindow(c.today().minusDays(1).toInstant(), c.today().toInstant(),
                    "yesterday")),
            rule(B + "(?:(?:for |since |from )?today|(?:earlier )?this (?:morning|afternoon|evening)|tonight|earlier today)" + E,
                    (m, c) -> window(c.today().toInstant(), c.now(), "today")),
            rule("(?:(?:last|past|in)\\s+)(\\d{1,4})\\s*(h|d|m|w)\\b",
                    (m, c) -> last(c.now(), Integer.parseInt(m.group(1)), m.group(2), c.limit())));

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
        Ctx c = new Ctx(now, zone, limit);
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(t);
            if (m.find()) {
                return Optional.of(r.window().of(m, c));
            }
        }
        return Optional.empty();
    }

    /** The text without its window phrases ("why did x fail on monday" -> "why did x fail"), lower case. */
    public static String strip(String text) {
        String t = " " + text.toLowerCase(Locale.ROOT) + " ";
        for (Rule r : RULES) {
            t = r.pattern().matcher(t).replaceAll(" ");
        }
        return t.replaceAll("\\s+", " ").trim();
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

    /** A whole day in the user's zone (until now, for today), labelled "Monday, Nov 23" unless a label is given. */
    private static TimeWindow day(Ctx c, ZonedDateTime start, String label) {
        ZonedDateTime end = start.plusDays(1);
        Instant to = end.toInstant().isAfter(c.now()) ? c.now() : end.toInstant();
        String l = label != null ? label : start.toLocalDate().equals(c.today().toLocalDate()) ? "today"
                : start.toLocalDate().equals(c.today().toLocalDate().minusDays(1)) ? "yesterday"
                : dayName(start.getDayOfWeek()) + ", " + start.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                        + " " + start.getDayOfMonth();
        return window(start.toInstant(), to, l);
    }

    /**
     * "on Monday" / "Monday": the latest Monday, today included; "last Monday": the latest before today; "this Monday":
     * this week's.
     */
    private static TimeWindow weekday(Matcher m, Ctx c) {
        String word = m.group(1) != null ? m.group(1) : m.group(2);
        DayOfWeek dow = day(word);
        String phrase = m.group().trim();
        ZonedDateTime start;
        if (phrase.startsWith("last ") || phrase.startsWith("past ")) {
            start = c.today().with(TemporalAdjusters.previous(dow));
        } else if (phrase.startsWith("this ")) {
            start = c.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).with(TemporalAdjusters.nextOrSame(dow));
            if (start.isAfter(c.today())) {
                start = c.today().with(TemporalAdjusters.previousOrSame(dow));
            }
        } else {
            start = c.today().with(TemporalAdjusters.previousOrSame(dow));
        }
        return day(c, start, null);
    }

    /** A calendar date; without a year, the latest such date not after today. */
    private static TimeWindow date(Ctx c, int year, int month, int dayOfMonth) {
        LocalDate today = c.today().toLocalDate();
        LocalDate d;
        try {
            d = LocalDate.of(year == 0 ? today.getYear() : year, month, dayOfMonth);
            if (year == 0 && d.isAfter(today)) {
                d = d.minusYears(1);
            }
        } catch (java.time.DateTimeException e) {
            // "Feb 31": the nearest real day of that month.
            LocalDate first = LocalDate.of(year == 0 ? today.getYear() : year, month, 1);
            d = first.with(TemporalAdjusters.lastDayOfMonth());
        }
        if (d.isAfter(today)) {
            d = today;
        }
        return day(c, d.atStartOfDay(c.zone()), null);
    }

    /** From 18:00 yesterday to 08:00 today in the user's zone (or until now). */
    private static TimeWindow overnight(Ctx c) {
        ZonedDateTime from = c.today().minusDays(1).withHour(18);
        ZonedDateTime to = c.today().withHour(8);
        return window(from.toInstant(), to.toInstant().isAfter(c.now()) ? c.now() : to.toInstant(), "overnight");
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

    private static String dayName(DayOfWeek d) {
        return d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
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

    private static int month(String s) {
        return switch (s.substring(0, 3)) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }
}
