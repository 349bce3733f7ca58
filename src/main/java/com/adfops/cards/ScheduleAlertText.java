package com.adfops.cards;

import com.adfops.answers.AlertView;
import com.adfops.schedule.RunCheck.CauseKind;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The words of a schedule alert's card (a missed expected run, an SLA late or at risk), from its facts: the title,
 * the line under it, what the data shows and what to do next. Names and Data Factory's messages are put in as they
 * are (the card shows them as plain text runs).
 */
final class ScheduleAlertText {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private ScheduleAlertText() {
    }

    /** Overwrites the alert card's words for a schedule alert. */
    static void put(ObjectNode d, AlertView a, boolean recovered) {
        AlertView.Schedule s = a.schedule();
        String sla = s.sla() == null ? "its SLA" : "its " + s.sla() + " SLA";
        if (!recovered) {
            d.put("title", switch (a.kind()) {
                case MISSED -> "⏰ " + a.pipeline() + " did not start on schedule";
                case LATE -> "🚨 " + a.pipeline() + " missed " + sla;
                default -> "⏱️ " + a.pipeline() + " will miss " + sla + " at its current pace";
            });
            d.put("style", a.kind() == AlertView.Kind.AT_RISK ? "warning" : "attention");
        }
        boolean linked = !a.runUrl().isEmpty();
        d.put("byline", "In " + a.factory() + " · expected " + expected(s) + " · trigger " + s.trigger()
                + (linked ? " · " : ""));
        d.put("rootTitle", a.kind() == AlertView.Kind.MISSED ? "Why" : "Where it stands");
        d.put("rootCause", a.kind() == AlertView.Kind.MISSED ? cause(s) : sla(a.kind(), s, sla));
        d.put("nextStep", recovered ? "" : next(a.kind(), s));
        if (recovered) {
            // A missed run recovers when it starts; an SLA's when it finishes in time (at risk) or at all (late).
            d.put("rootCause", a.kind() == AlertView.Kind.MISSED ? "Its run started after all."
                    : a.kind() == AlertView.Kind.AT_RISK ? "It finished in time." : "It finished, after " + sla + ".");
            if (a.kind() == AlertView.Kind.MISSED && !a.response().recoveredRun().isEmpty()) {
                d.put("stateLine", "Recovered" + (a.response().at() == null ? "" : " at " + utc(a.response().at()))
                        + ": run " + a.response().recoveredRun() + " started");
            }
        }
    }

    /** "02:00 UTC (03:00 Europe/Berlin)". */
    static String expected(AlertView.Schedule s) {
        ZoneId zone = s.triggerZone() == null ? null : ZoneId.of(s.triggerZone());
        String utc = HM.withZone(ZoneOffset.UTC).format(s.expectedStart()) + " UTC";
        return zone == null || zone.normalized().equals(ZoneOffset.UTC) ? utc
                : utc + " (" + HM.withZone(zone).format(s.expectedStart()) + " " + zone.getId() + ")";
    }

    private static String utc(Instant t) {
        return HM.withZone(ZoneOffset.UTC).format(t) + " UTC";
    }

    private static CauseKind kind(AlertView.Schedule s) {
        return s.cause() == null ? CauseKind.UNKNOWN : CauseKind.valueOf(s.cause());
    }

    static String cause(AlertView.Schedule s) {
        switch (kind(s)) {
            case TRIGGER_STOPPED:
                return "Trigger " + s.trigger() + " is " + (s.message() == null ? "not started" : s.message()) + ".";
            case TRIGGER_RUN_FAILED:
                return "The trigger run failed: " + (s.message() == null || s.message().isBlank()
                        ? "ADF recorded no message." : s.message());
            case WAITING_ON_DEPENDENCY:
                return "It is waiting on a tumbling window it depends on" + (s.message() == null ? "."
                        : ": " + s.message() + ".");
            case WAITING_ON_CONCURRENCY:
            case QUEUED:
                return "It is queued behind concurrency: the runs ahead of it hold every slot.";
            default:
                return "No run started, and nothing in Data Factory's data says why.";
        }
    }

    private static String sla(AlertView.Kind kind, AlertView.Schedule s, String sla) {
        String started = s.started() == null ? "It has not started." : "It started at " + utc(s.started()) + ".";
        if (kind == AlertView.Kind.LATE) {
            return (s.deadline() == null ? "The deadline of " + sla + " passed"
                    : "The deadline of " + sla + " passed at " + utc(s.deadline())) + " before it finished. " + started;
        }
        return "At its usual pace it ends at " + (s.expectedEnd() == null ? "an unknown time" : utc(s.expectedEnd()))
                + (s.deadline() == null ? "" : ", after its deadline at " + utc(s.deadline())) + ". " + started;
    }

    private static String next(AlertView.Kind kind, AlertView.Schedule s) {
        if (kind != AlertView.Kind.MISSED) {
            return kind == AlertView.Kind.AT_RISK
                    ? "Look at what holds the run back (a slow source, a queue on the integration runtime); tell the "
                    + "data's users early if it will be late."
                    : "Tell the data's users it is late; follow the run to its end.";
        }
        switch (kind(s)) {
            case TRIGGER_STOPPED:
                return "Start the trigger in ADF Studio (Manage › Triggers), then run the pipeline by hand if this run "
                        + "is still needed.";
            case TRIGGER_RUN_FAILED:
                return "Fix the trigger's parameters or the pipeline's expressions, then run the pipeline by hand.";
            case WAITING_ON_DEPENDENCY:
                return "Rerun the failed window it depends on; this window starts once that one succeeds.";
            case WAITING_ON_CONCURRENCY:
            case QUEUED:
                return "Look at the runs ahead of it: cancel one that is stuck to free its slot.";
            default:
                return "Look at the trigger in ADF Studio (its trigger runs and schedule) and run the pipeline by hand "
                        + "if this run is needed.";
        }
    }
}
