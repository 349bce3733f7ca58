package com.adfops.tools;

import static com.adfops.tools.ToolArgs.text;

import com.adfops.adf.FactoryRef;
import com.adfops.runs.AdfTools;
import com.adfops.runs.ErrorText;
import com.adfops.runs.TimeWindow;
import com.adfops.schedule.ExpectedRuns;
import com.adfops.schedule.RunCheck;
import com.adfops.schedule.ScheduleReport;
import com.adfops.schedule.Schedules;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * {@code adf_schedule_status}: each expected run of a window (default since midnight UTC) against its schedule and SLA
 * ({@link Schedules#check}, as the on-schedule card): counts, the missed runs with why, the late starts, the SLAs late,
 * failed or at risk.
 */
record ScheduleStatusTool(AdfTools tools, Schedules schedules, ObjectMapper json) implements Tool {

    /** The most rows of each list. */
    static final int MAX_ROWS = 15;

    @Override
    public Result run(ObjectNode a, ZoneId zone) {
        String w = text(a, "window");
        Instant now = tools.now();
        TimeWindow window = w == null ? null : ToolArgs.window(w, tools, now, zone, "'today', 'last 24 hours'");
        Instant from = window == null ? now.truncatedTo(ChronoUnit.DAYS) : window.from();
        ObjectNode out = json.createObjectNode();
        out.put("from", from.toString()).put("now", now.toString());
        ArrayNode factories = out.putArray("factories");
        for (FactoryRef f : schedules.factories(text(a, "factory"))) {
            Schedules.Checked c = schedules.check(f, from, schedules.pipeline(f, text(a, "pipeline")));
            put(factories.addObject().put("factory", f.factoryName()), c.report());
        }
        return Result.of(out);
    }

    private static void put(ObjectNode o, ScheduleReport r) {
        o.put("expected_runs", r.checks().size());
        ObjectNode counts = o.putObject("start");
        for (RunCheck.StartVerdict v : RunCheck.StartVerdict.values()) {
            counts.put(v.name().toLowerCase(Locale.ROOT), r.withStart(v).size());
        }
        ArrayNode missed = o.putArray("missed");
        ArrayNode late = o.putArray("late_starts");
        ArrayNode sla = o.putArray("sla_problems");
        for (RunCheck c : r.checks()) {
            if (c.start() == RunCheck.StartVerdict.MISSED && missed.size() < MAX_ROWS) {
                ObjectNode m = row(missed.addObject(), c);
                m.put("cause", c.cause().kind().name().toLowerCase(Locale.ROOT));
                if (c.cause().message() != null) {
                    m.put("message", ErrorText.truncate(c.cause().message(), 300));
                }
                if (c.cause().dependency() != null) {
                    RunCheck.DependencyWindow d = c.cause().dependency();
                    m.putObject("dependency").put("trigger", d.trigger()).put("window_start", d.start().toString())
                            .put("window_end", d.end().toString()).put("state", d.state().name().toLowerCase(Locale.ROOT));
                }
            } else if (c.start() == RunCheck.StartVerdict.LATE_START && late.size() < MAX_ROWS) {
                row(late.addObject(), c).put("delay_minutes", c.startDelay().toMinutes());
            }
            if (c.sla() != null && c.sla().verdict() != com.adfops.schedule.SlaCheck.SlaVerdict.MET
                    && c.sla().verdict() != com.adfops.schedule.SlaCheck.SlaVerdict.ON_TRACK && sla.size() < MAX_ROWS) {
                ObjectNode s = row(sla.addObject(), c).put("verdict", c.sla().verdict().name().toLowerCase(Locale.ROOT))
                        .put("sla", c.sla().rule().written()).put("deadline", c.sla().deadline().toString());
                if (c.sla().expectedEnd() != null) {
                    s.put("expected_end", c.sla().expectedEnd().toString());
                }
                s.put("late_minutes", c.sla().late().toMinutes());
            }
        }
        if (!r.assumedUtc().isEmpty()) {
            ArrayNode utc = o.putArray("time_zone_read_as_utc");
            for (ExpectedRuns.AssumedUtc u : r.assumedUtc()) {
                utc.addObject().put("trigger", u.trigger()).put("time_zone", u.timeZone());
            }
        }
    }

    private static ObjectNode row(ObjectNode o, RunCheck c) {
        o.put("pipeline", c.expected().pipeline()).put("trigger", c.expected().trigger())
                .put("expected_start", c.expected().expectedStart().toString());
        if (c.run() != null) {
            o.put("run_id", c.run().runId()).put("status", c.run().status().name());
        }
        return o;
    }
}
