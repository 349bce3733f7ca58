package com.adfops.schedule;

import com.adfops.adf.FactoryDefinitions.Frequency;
import com.adfops.adf.FactoryDefinitions.Occurrence;
import com.adfops.adf.FactoryDefinitions.Recurrence;
import com.adfops.adf.FactoryDefinitions.Schedule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * When a schedule trigger fires, as Microsoft Learn documents it ("Create a trigger that runs a pipeline on a
 * schedule"): from its recurrence, every firing in {@code [from, to)}, as instants.
 * <ul>
 *   <li><b>No schedule:</b> {@code start + k * interval} units, never at or after {@code end}. Minute and hour
 *       recurrences count elapsed time (every hour is 60 minutes, across a clock change too); day, week and month
 *       recurrences count in wall-clock time in the zone, so a daily 02:30 stays at 02:30 local across DST (ADF
 *       adjusts for daylight saving "if the recurrence is set to Days or above"). A month counts from the start each
 *       time: a start on the 31st fires on the 30th in April (clamped), then the 31st in May.</li>
 *   <li><b>A schedule</b> expands each period ({@code interval} days, weeks or months from the start's) into its
 *       days and times, never sooner than the start: days are the period's day (day), its {@code weekDays} (week;
 *       else the start's day of week; a week runs Monday to Sunday), or its {@code monthDays} (-1 the last, -2 the one
 *       before, ...), {@code monthlyOccurrences} (the n-th, or -n-th from the end, week day; 0 every one) and
 *       {@code weekDays} (month; none of them: the start's day of the month, skipped in shorter months); times are
 *       {@code hours} x {@code minutes}, where missing minutes are the start's and missing hours are every hour when
 *       minutes are given, else the start's. An hour recurrence with a schedule fires at its {@code minutes} in each
 *       of its hours (restricted to {@code hours} and {@code weekDays} when given); a minute recurrence ignores it.</li>
 *   <li><b>Clock changes</b> (day and longer): a local time that does not exist (spring forward) is moved forward by
 *       the gap (02:30 on the day clocks go 02:00 -> 03:00 fires at 03:30); a local time that happens twice (fall
 *       back) fires once, at the earlier offset: {@link ZonedDateTime#ofLocal} with no preferred offset. Two times
 *       that land on the same instant fire once.</li>
 * </ul>
 */
public final class Recurrences {

    /** Periods walked at most for one call (about 11 years of days; a guard against a zero-width step). */
    private static final int MAX_PERIODS = 4096;
    /** Firings returned at most for one call. */
    public static final int MAX_FIRINGS = 10_000;

    private Recurrences() {
    }

    /** The firings of {@code r} in {@code [from, to)}, its zone resolved by {@link TimeZones}. */
    public static List<Instant> firings(Recurrence r, Instant from, Instant to) {
        return firings(r, TimeZones.resolve(r.timeZone()).zone(), from, to);
    }

    /** The firings of {@code r} in {@code [from, to)}, its wall-clock times read in {@code zone}, in order. */
    public static List<Instant> firings(Recurrence r, ZoneId zone, Instant from, Instant to) {
        if (r.start() == null || r.frequency() == null) {
            return List.of();
        }
        Instant start = local(r.start(), zone);
        Instant upper = r.end() == null ? to : min(to, local(r.end(), zone));
        if (!from.isBefore(upper)) {
            return List.of();
        }
        int interval = Math.max(1, r.interval());
        Schedule s = r.schedule();
        boolean plain = s == null || (s.minutes().isEmpty() && s.hours().isEmpty() && s.weekDays().isEmpty()
                && s.monthDays().isEmpty() && s.occurrences().isEmpty());
        TreeSet<Instant> out = new TreeSet<>();
        if (r.frequency() == Frequency.MINUTE || (r.frequency() == Frequency.HOUR && plain)) {
            Duration step = (r.frequency() == Frequency.MINUTE ? Duration.ofMinutes(1) : Duration.ofHours(1))
                    .multipliedBy(interval);
            long k = from.isAfter(start) ? Duration.between(start, from).toMillis() / step.toMillis() : 0;
            for (Instant t = start.plus(step.multipliedBy(k)); t.isBefore(upper) && out.size() < MAX_FIRINGS;
                 t = t.plus(step)) {
                add(out, t, start, from, upper);
            }
        } else if (r.frequency() == Frequency.HOUR) {
            hourly(r, s, zone, interval, start, from, upper, out);
        } else if (plain) {
            LocalDate fromDate = from.atZone(zone).toLocalDate();
            for (long k = Math.max(0, firstPeriod(r.frequency(), r.start().toLocalDate(), fromDate, interval)), n = 0;
                 n < MAX_PERIODS && out.size() < MAX_FIRINGS; k++, n++) {
                Instant t = local(plus(r.start(), r.frequency(), k * interval), zone);
                if (!t.isBefore(upper)) {
                    break;
                }
                add(out, t, start, from, upper);
            }
        } else {
            periodic(r, s, zone, interval, start, from, upper, out);
        }
        return List.copyOf(out);
    }

    private static void hourly(Recurrence r, Schedule s, ZoneId zone, int interval, Instant start, Instant from,
                               Instant upper, TreeSet<Instant> out) {
        Duration step = Duration.ofHours(interval);
        Instant firstHour = start.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
        long k = from.isAfter(firstHour) ? Math.max(0, Duration.between(firstHour, from).toHours() / interval - 1) : 0;
        for (Instant h = firstHour.plus(step.multipliedBy(k)); h.isBefore(upper) && out.size() < MAX_FIRINGS;
             h = h.plus(step)) {
            ZonedDateTime hour = h.atZone(zone);
            if ((!s.hours().isEmpty() && !s.hours().contains(hour.getHour()))
                    || (!s.weekDays().isEmpty() && !s.weekDays().contains(hour.getDayOfWeek()))) {
                continue;
            }
            List<Integer> minutes = s.minutes().isEmpty() ? List.of(r.start().getMinute()) : s.minutes();
            for (int m : minutes) {
                // withMinute keeps the hour's offset: in a repeated hour each pass fires at its own minutes.
                add(out, hour.withMinute(m).toInstant(), start, from, upper);
            }
        }
    }

    private static void periodic(Recurrence r, Schedule s, ZoneId zone, int interval, Instant start, Instant from,
                                 Instant upper, TreeSet<Instant> out) {
        LocalDate fromDate = from.atZone(zone).toLocalDate();
        List<LocalTime> times = times(r.start(), s);
        for (long k = Math.max(0, firstPeriod(r.frequency(), r.start().toLocalDate(), fromDate, interval)), n = 0;
             n < MAX_PERIODS && out.size() < MAX_FIRINGS; k++, n++) {
            List<LocalDate> days = days(r, s, k * interval);
            if (days.isEmpty()) {
                continue;
            }
            if (!local(days.get(0).atStartOfDay().minusDays(1), zone).isBefore(upper)) {
                break;
            }
            for (LocalDate d : days) {
                for (LocalTime t : times) {
                    add(out, local(d.atTime(t), zone), start, from, upper);
                }
            }
        }
    }

    /** The days of the period {@code offset} units after the start's, in order. */
    private static List<LocalDate> days(Recurrence r, Schedule s, long offset) {
        LocalDate startDate = r.start().toLocalDate();
        List<LocalDate> out = new ArrayList<>();
        switch (r.frequency()) {
            case DAY -> {
                LocalDate d = startDate.plusDays(offset);
                if (s.weekDays().isEmpty() || s.weekDays().contains(d.getDayOfWeek())) {
                    out.add(d);
                }
            }
            case WEEK -> {
                LocalDate monday = startDate.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(offset);
                List<DayOfWeek> wanted = s.weekDays().isEmpty() ? List.of(startDate.getDayOfWeek()) : s.weekDays();
                for (DayOfWeek w : DayOfWeek.values()) {
                    if (wanted.contains(w)) {
                        out.add(monday.with(TemporalAdjusters.nextOrSame(w)));
                    }
                }
            }
            default -> out.addAll(monthDays(YearMonth.from(startDate).plusMonths(offset), startDate.getDayOfMonth(), s));
        }
        return out;
    }

    /** The days of {@code month} a monthly schedule fires on, in order. */
    static List<LocalDate> monthDays(YearMonth month, int startDay, Schedule s) {
        TreeSet<LocalDate> out = new TreeSet<>();
        int length = month.lengthOfMonth();
        for (int d : s.monthDays()) {
            int day = d < 0 ? length + d + 1 : d;
            if (day >= 1 && day <= length) {
                out.add(month.atDay(day));
            }
        }
        for (Occurrence o : s.occurrences()) {
            List<LocalDate> all = new ArrayList<>();
            for (LocalDate d = month.atDay(1).with(TemporalAdjusters.nextOrSame(o.day())); !d.isAfter(month.atEndOfMonth());
                 d = d.plusWeeks(1)) {
                all.add(d);
            }
            int n = o.occurrence();
            if (n == 0) {
                out.addAll(all);
            } else if (Math.abs(n) <= all.size()) {
                out.add(all.get(n > 0 ? n - 1 : all.size() + n));
            }
        }
        if (s.monthDays().isEmpty() && s.occurrences().isEmpty()) {
            if (!s.weekDays().isEmpty()) {
                for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
                    if (s.weekDays().contains(d.getDayOfWeek())) {
                        out.add(d);
                    }
                }
            } else if (startDay <= length) {
                out.add(month.atDay(startDay));
            }
        }
        return List.copyOf(out);
    }

    /** A schedule's times of day: hours x minutes, defaults from the start as the class says. */
    private static List<LocalTime> times(LocalDateTime start, Schedule s) {
        List<Integer> minutes = s.minutes().isEmpty() ? List.of(start.getMinute()) : s.minutes();
        List<Integer> hours = !s.hours().isEmpty() ? s.hours()
                : !s.minutes().isEmpty() ? java.util.stream.IntStream.range(0, 24).boxed().toList()
                : List.of(start.getHour());
        int second = s.hours().isEmpty() && s.minutes().isEmpty() ? start.getSecond() : 0;
        TreeSet<LocalTime> out = new TreeSet<>();
        for (int h : hours) {
            for (int m : minutes) {
                if (h >= 0 && h < 24 && m >= 0 && m < 60) {
                    out.add(LocalTime.of(h, m, second));
                }
            }
        }
        return List.copyOf(out);
    }

    /** The first period (in units from the start's) that can hold a firing on or after {@code fromDate}. */
    private static long firstPeriod(Frequency f, LocalDate startDate, LocalDate fromDate, int interval) {
        long units = switch (f) {
            case WEEK -> ChronoUnit.WEEKS.between(startDate.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    fromDate);
            case MONTH -> ChronoUnit.MONTHS.between(YearMonth.from(startDate), YearMonth.from(fromDate));
            default -> ChronoUnit.DAYS.between(startDate, fromDate);
        };
        return units / interval - 1;
    }

    private static LocalDateTime plus(LocalDateTime start, Frequency f, long units) {
        return switch (f) {
            case WEEK -> start.plusWeeks(units);
            case MONTH -> start.plusMonths(units);
            default -> start.plusDays(units);
        };
    }

    private static void add(TreeSet<Instant> out, Instant t, Instant start, Instant from, Instant upper) {
        if (!t.isBefore(start) && !t.isBefore(from) && t.isBefore(upper)) {
            out.add(t);
        }
    }

    /** A wall-clock time in {@code zone}: a gap moves it forward, an overlap takes the earlier offset. */
    static Instant local(LocalDateTime t, ZoneId zone) {
        return ZonedDateTime.ofLocal(t, zone, null).toInstant();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
