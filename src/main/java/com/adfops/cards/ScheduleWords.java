package com.adfops.cards;

import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryDefinitions.Trigger;
import java.time.Duration;
import com.adfops.schedule.RunCheck;
import com.adfops.schedule.RunCheck.Cause;
import com.adfops.schedule.SlaCheck;
import com.adfops.schedule.SlaRule;
import com.adfops.schedule.TimeZones;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The words of schedules and SLAs, shared by the schedule cards and the schedule alerts: an expected time in UTC and
 * in its trigger's zone, why a run did not start, where an SLA stands. Names and Data Factory's messages are put in
 * as they are (the cards show them as plain text runs).
 */
final class ScheduleWords {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_HM = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    private ScheduleWords() {
    }

    /** "02:00 UTC", on another day than {@code today} "Tue 02:00 UTC". */
    static String utc(Instant t, Instant today) {
        return at(t, ZoneOffset.UTC, today) + " UTC";
    }

    /** "02:00 UTC (03:00 Europe/Berlin)": UTC, and the trigger's zone when it is another. */
    static String expected(Instant t, String trigger, FactoryDefinitions defs, Instant today) {
        ZoneId zone = zoneOf(trigger, defs);
        String utc = utc(t, today);
        return zone == null || zone.normalized().equals(ZoneOffset.UTC) ? utc
                : utc + " (" + at(t, zone, today) + " " + zone.getId() + ")";
    }

    /** The zone of a schedule trigger's recurrence, or null (tumbling windows are UTC). */
    static ZoneId zoneOf(String trigger, FactoryDefinitions defs) {
        return defs == null ? null : defs.trigger(trigger).map(Trigger::recurrence)
                .map(r -> TimeZones.resolve(r.timeZone()).zone()).orElse(null);
    }

    private static String at(Instant t, ZoneId zone, Instant today) {
        boolean sameDay = today == null || t.atZone(zone).toLocalDate().equals(today.atZone(zone).toLocalDate());
        return (sameDay ? HM : DAY_HM).withZone(zone).format(t);
    }

    /** A span in whole minutes: "40 min", "2 h", "2 h 10 min", "under a minute". */
    static String span(Duration d) {
        long m = Math.round(d.getSeconds() / 60.0);
        if (m < 1) {
            return "under a minute";
        }
        return m < 60 ? m + " min" : m / 60 + " h" + (m % 60 == 0 ? "" : " " + m % 60 + " min");
    }

    /** Why an expected run did not start, in words: "trigger Nightly_0200 is Stopped". */
    static String cause(RunCheck c, FactoryDefinitions defs) {
        Cause cause = c.cause();
        String trigger = c.expected().trigger();
        if (cause == null) {
            return "no run started";
        }
        switch (cause.kind()) {
            case TRIGGER_STOPPED: {
                return defs == null ? "trigger " + trigger + " is not started" : defs.trigger(trigger)
                        .map(t -> "trigger " + t.name() + " is " + state(t.state()))
                        .orElse("trigger " + trigger + " no longer exists");
            }
            case TRIGGER_RUN_FAILED:
                return "trigger run failed: " + (cause.message() == null || cause.message().isBlank()
                        ? "ADF recorded no message" : cause.message());
            case WAITING_ON_DEPENDENCY: {
                RunCheck.DependencyWindow d = cause.dependency();
                return "waiting on tumbling window " + d.trigger() + " " + utc(d.start(), null) + " – "
                        + utc(d.end(), null) + " (" + d.state().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
            }
            case WAITING_ON_CONCURRENCY:
                return "queued behind concurrency: trigger " + trigger + " already runs its most windows at once";
            case QUEUED:
                return "queued behind concurrency: its run is queued and has not started";
            default:
                return "no run started";
        }
    }

    private static String state(FactoryDefinitions.TriggerState s) {
        String n = s.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    /** The SLA as written: "06:00 Europe/Berlin", "+2 h". */
    static String rule(SlaRule r) {
        return r.within() != null ? "+" + span(r.within())
                : r.time().format(HM) + " " + (r.zone().normalized().equals(ZoneOffset.UTC) ? "UTC" : r.zone().getId());
    }

    /** A time in the SLA's zone (UTC for a relative SLA): "06:40". */
    static String inSlaZone(Instant t, SlaRule r, Instant today) {
        ZoneId z = r.zone() == null ? ZoneOffset.UTC : r.zone();
        return at(t, z, today) + (z.normalized().equals(ZoneOffset.UTC) ? " UTC" : " " + z.getId());
    }

    /**
     * Where an SLA stands, in words: "will miss its 06:00 Europe/Berlin SLA at its current pace: expected end 06:40
     * Europe/Berlin", "missed its 06:00 Europe/Berlin SLA by 25 min", "met its 06:00 Europe/Berlin SLA".
     */
    static String sla(SlaCheck s, boolean started, Instant today) {
        String sla = "its " + rule(s.rule()) + " SLA";
        switch (s.verdict()) {
            case AT_RISK:
                return "will miss " + sla + " at its current pace" + (started ? "" : " (not started yet)")
                        + (s.expectedEnd() == null ? "" : ": expected end " + inSlaZone(s.expectedEnd(), s.rule(), today));
            case LATE:
                return s.expectedEnd() != null
                        ? "finished " + span(s.late()) + " after " + sla
                        : "missed " + sla + " by " + span(s.late()) + " (not finished)";
            case FAILED:
                return "failed before " + sla + ": only a rerun can still meet it";
            case MET:
                return "met " + sla;
            default:
                return "on track for " + sla + (s.expectedEnd() == null ? ""
                        : ": expected end " + inSlaZone(s.expectedEnd(), s.rule(), today));
        }
    }
}
