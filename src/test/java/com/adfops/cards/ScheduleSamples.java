package com.adfops.cards;

import com.adfops.NightFactory;
import com.adfops.adf.RunStatus;
import com.adfops.agent.Reply;
import com.adfops.answers.AlertView;
import com.adfops.runs.AdfTools;
import com.adfops.schedule.Schedules;
import com.adfops.schedule.SlaRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** The schedule cards' samples, over {@link NightFactory}'s night (checked at 05:30 UTC). */
final class ScheduleSamples {

    private ScheduleSamples() {
    }

    /** The schedule alerts' cards: missed (a stopped trigger, a failed trigger run), at risk, late, recovered. */
    static void alerts(Map<String, Reply> m) {
        Instant expected = Instant.parse("2026-03-10T02:00:00Z");
        m.put("alert-missed", alert("a-missed", AlertView.Kind.MISSED, AlertView.State.OPEN, "Export_Ledger", "",
                new AlertView.Schedule("Ledger_0300", expected, "Europe/Berlin", "TRIGGER_STOPPED", "Stopped", null,
                        null, null, null), null));
        m.put("alert-missed-trigger-run", alert("a-missed-2", AlertView.Kind.MISSED, AlertView.State.OPEN,
                "Refresh_Dims", "", new AlertView.Schedule("Dims_0400", Instant.parse("2026-03-10T04:00:00Z"), "UTC",
                        "TRIGGER_RUN_FAILED", NightFactory.TRIGGER_FAILURE, null, null, null, null), null));
        AlertView.Schedule cube = new AlertView.Schedule("Cube_0330", Instant.parse("2026-03-10T03:30:00Z"), "UTC",
                null, null, "07:00 Europe/Berlin", Instant.parse("2026-03-10T06:00:00Z"),
                Instant.parse("2026-03-10T06:10:00Z"), Instant.parse("2026-03-10T04:10:00Z"));
        m.put("alert-missed-recovered", alert("a-missed-2", AlertView.Kind.MISSED, AlertView.State.RECOVERED,
                "Refresh_Dims", "run-dims-late", new AlertView.Schedule("Dims_0400",
                        Instant.parse("2026-03-10T04:00:00Z"), "UTC", "TRIGGER_RUN_FAILED", "x", null, null, null, null),
                Instant.parse("2026-03-10T05:35:00Z")));
        m.put("alert-at-risk", alert("a-risk", AlertView.Kind.AT_RISK, AlertView.State.OPEN, "Build_Cube",
                "run-cube-0310", cube, null));
        m.put("alert-late", alert("a-late", AlertView.Kind.LATE, AlertView.State.OPEN, "Build_Cube", "run-cube-0310",
                cube, null));
        m.put("alert-at-risk-recovered", alert("a-risk", AlertView.Kind.AT_RISK, AlertView.State.RECOVERED,
                "Build_Cube", "run-cube-0310", cube, Instant.parse("2026-03-10T05:50:00Z")));
    }

    private static Reply alert(String id, AlertView.Kind kind, AlertView.State state, String pipeline, String runId,
                               AlertView.Schedule s, Instant recoveredAt) {
        return new Reply.Alert(new AlertView(id, kind, state, "df-night", pipeline, runId, s.expectedStart(),
                AlertView.Cause.NONE, List.of(), new AlertView.Response("", recoveredAt, null, recoveredAt == null ? "" : runId),
                "", null, s, null));
    }

    static Schedules schedules(NightFactory adf, Instant now) {
        AdfTools tools = new AdfTools(adf, Clock.fixed(now, ZoneOffset.UTC));
        tools.baselines().turnWait(Duration.ofSeconds(30));
        return new Schedules(tools, SlaRules.parse("Refresh_*=+30m"), Duration.ofMinutes(15));
    }

    static void add(Map<String, Reply> m) {
        NightFactory night = new NightFactory();
        Schedules s = schedules(night, NightFactory.NOW);
        m.put("schedule-night", new Reply.OnSchedule(List.of(s.check(night.factory, NightFactory.MIDNIGHT, null)),
                null));
        m.put("schedule-upcoming", new Reply.Upcoming(List.of(s.upcoming(night.factory, Duration.ofHours(24), null)),
                NightFactory.NOW, NightFactory.NOW.plus(Duration.ofHours(24)), null));
        // Later: the cube ended past its SLA, the ledger's trigger was started again and its run went.
        NightFactory later = new NightFactory();
        later.put(later.run("run-cube-0310", "Build_Cube", "Cube_0330", RunStatus.SUCCEEDED,
                Instant.parse("2026-03-10T04:10:00Z"), Instant.parse("2026-03-10T06:25:00Z")));
        m.put("schedule-late", new Reply.OnSchedule(List.of(schedules(later, Instant.parse("2026-03-10T07:00:00Z"))
                .check(later.factory, NightFactory.MIDNIGHT, "Build_*")), "Build_*"));
        NightFactory calm = new NightFactory();
        calm.defs = new com.adfops.adf.FactoryDefinitions(calm.factory, NightFactory.NOW, calm.defs.pipelines(),
                List.of(), List.of(), List.of(calm.defs.trigger("Nightly_0200").orElseThrow()), List.of());
        alerts(m);
        m.put("schedule-all-on-time", new Reply.OnSchedule(List.of(schedules(calm, NightFactory.NOW)
                .check(calm.factory, NightFactory.MIDNIGHT, null)), null));
    }
}
