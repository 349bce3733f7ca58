package com.adfops.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One SLA: the pipelines it covers and when their run must have finished, either by a time of day in a zone
 * ("06:00 Europe/Berlin": the first 06:00 there after the run's expected start) or within a time after the expected
 * start ("+2h"). A time of day that does not exist that day (spring forward) is moved forward by the gap.
 *
 * @param pattern the pipeline names it covers: a name, {@code *} for any characters; case-insensitive
 * @param time    the time of day of the deadline, or null for a relative SLA
 * @param zone    the zone of {@code time} (UTC by default), or null for a relative SLA
 * @param within  how long after the expected start the run must have finished, or null for a time of day
 * @param source  where it was written
 */
public record SlaRule(String pattern, LocalTime time, ZoneId zone, Duration within, Source source) {

    /** Where an SLA was written. */
    public enum Source {
        /** The ADFOPS_SLA setting. */
        SETTING,
        /** An annotation of the pipeline ({@code sla:06:00 Europe/Berlin}). */
        ANNOTATION
    }

    /** The deadline of a run expected to start at {@code expectedStart}. */
    public Instant deadline(Instant expectedStart) {
        if (within != null) {
            return expectedStart.plus(within);
        }
        ZonedDateTime local = expectedStart.atZone(zone);
        Instant sameDay = Recurrences.local(local.toLocalDate().atTime(time), zone);
        return sameDay.isAfter(expectedStart) ? sameDay
                : Recurrences.local(local.toLocalDate().plusDays(1).atTime(time), zone);
    }

    /** The deadline as the setting writes it: "06:00 Europe/Berlin", "+2h", "+45m". */
    public String written() {
        if (within != null) {
            long m = within.toMinutes();
            return "+" + (m % 60 == 0 ? m / 60 + "h" : m + "m");
        }
        return time + " " + zone.getId();
    }

    /** Whether the rule covers {@code pipeline}. */
    public boolean matches(String pipeline) {
        return pipeline != null && regex(pattern).matcher(pipeline.trim()).matches();
    }

    /** Whether the pattern names one pipeline (no wildcard). */
    public boolean exact() {
        return !pattern.contains("*");
    }

    /** A name or a pattern with {@code *} (any characters) as a case-insensitive regex. */
    static Pattern regex(String pattern) {
        StringBuilder re = new StringBuilder();
        for (String part : pattern.trim().split("\\*", -1)) {
            if (re.length() > 0 || pattern.trim().startsWith("*")) {
                re.append(".*");
            }
            re.append(Pattern.quote(part.toLowerCase(Locale.ROOT)));
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
