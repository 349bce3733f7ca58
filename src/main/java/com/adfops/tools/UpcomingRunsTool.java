package com.adfops.tools;

import static com.adfops.tools.ToolArgs.text;

import com.adfops.adf.FactoryRef;
import com.adfops.schedule.Schedules;
import com.adfops.schedule.UpcomingRun;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.ZoneId;

/**
 * {@code adf_upcoming_runs}: the runs started triggers are expected to start in the next hours ({@link
 * Schedules#upcoming}, as the "what runs tonight?" card), each with its usual duration and SLA.
 */
record UpcomingRunsTool(Schedules schedules, ObjectMapper json) implements Tool {

    /** The default span ahead, and the longest. */
    static final int DEFAULT_HOURS = 12;
    static final int MAX_HOURS = 168;
    /** The most runs listed. */
    static final int MAX_ROWS = 30;

    @Override
    public Result run(ObjectNode a, ZoneId zone) {
        int hours = a.path("hours").isMissingNode() || a.path("hours").isNull() ? DEFAULT_HOURS : a.path("hours").asInt(-1);
        if (hours < 1 || hours > MAX_HOURS) {
            throw new IllegalArgumentException("hours must be a whole number from 1 to " + MAX_HOURS + ", e.g. 12");
        }
        ObjectNode out = json.createObjectNode();
        out.put("from", schedules.now().toString()).put("hours", hours);
        ArrayNode runs = out.putArray("runs");
        int total = 0;
        for (FactoryRef f : schedules.factories(text(a, "factory"))) {
            Schedules.Ahead ahead = schedules.upcoming(f, Duration.ofHours(hours), schedules.pipeline(f, text(a, "pipeline")));
            total += ahead.runs().size();
            for (UpcomingRun u : ahead.runs()) {
                if (runs.size() >= MAX_ROWS) {
                    break;
                }
                ObjectNode o = runs.addObject().put("factory", f.factoryName()).put("pipeline", u.expected().pipeline())
                        .put("trigger", u.expected().trigger())
                        .put("expected_start", u.expected().expectedStart().toString());
                if (u.usual() != null) {
                    o.put("usual_minutes", u.usual().median().toMinutes()).put("expected_end", u.expectedEnd().toString());
                }
                if (u.sla() != null) {
                    o.put("sla", u.sla().written()).put("deadline", u.deadline().toString())
                            .put("ends_after_deadline", u.endsAfterDeadline());
                }
            }
        }
        out.put("total", total);
        return Result.of(out);
    }
}
