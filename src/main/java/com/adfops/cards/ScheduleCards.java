package com.adfops.cards;

import static com.adfops.cards.CardText.MAX_ROWS;
import static com.adfops.cards.CardText.shortId;

import com.adfops.agent.Reply;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.cards.CardFactory.View;
import com.adfops.schedule.ExpectedRuns;
import com.adfops.schedule.RunCheck;
import com.adfops.schedule.RunCheck.StartVerdict;
import com.adfops.schedule.Schedules;
import com.adfops.schedule.SlaCheck.SlaVerdict;
import com.adfops.schedule.UpcomingRun;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The schedule cards: "is everything on schedule?" (a headline counting every expected run once, then the missed runs
 * with why, the SLAs late or at risk, the late starts) and "what runs tonight?" (the runs expected ahead with their
 * usual duration and SLA). Templates in {@code cards/schedule/}.
 */
final class ScheduleCards {

    /** Where one expected run is counted, and listed: each in exactly one, so the headline agrees with the lists. */
    enum Bucket {
        MISSED("missed", "missed", "attention"),
        SLA_LATE("late against its SLA", "late against their SLAs", "attention"),
        SLA_FAILED("failed before its SLA", "failed before their SLAs", "attention"),
        AT_RISK("at risk of missing its SLA", "at risk of missing their SLAs", "warning"),
        LATE_START("started late", "started late", "warning"),
        PENDING("due within the grace period", "due within the grace period", "default"),
        ON_TIME("on time", "on time", "good");

        final String one;
        final String many;
        final String color;

        Bucket(String one, String many, String color) {
            this.one = one;
            this.many = many;
            this.color = color;
        }

        String words(int n) {
            return n + " " + (n == 1 ? one : many);
        }

        static Bucket of(RunCheck c) {
            if (c.start() == StartVerdict.MISSED) {
                return MISSED;
            }
            SlaVerdict sla = c.sla() == null ? null : c.sla().verdict();
            if (sla == SlaVerdict.LATE) {
                return SLA_LATE;
            } else if (sla == SlaVerdict.FAILED) {
                return SLA_FAILED;
            } else if (sla == SlaVerdict.AT_RISK) {
                return AT_RISK;
            }
            return c.start() == StartVerdict.LATE_START ? LATE_START : c.start() == StartVerdict.PENDING ? PENDING : ON_TIME;
        }
    }

    private final ObjectMapper json;

    ScheduleCards(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode onScheduleData(Reply.OnSchedule r, View v) {
        ObjectNode d = json.createObjectNode();
        Map<Bucket, Integer> counts = new EnumMap<>(Bucket.class);
        ArrayNode missed = json.createArrayNode();
        ArrayNode sla = json.createArrayNode();
        ArrayNode late = json.createArrayNode();
        Instant from = null;
        Instant now = v.now();
        List<String> notes = new ArrayList<>();
        for (Schedules.Checked f : r.factories()) {
            from = from == null || f.report().from().isBefore(from) ? f.report().from() : from;
            now = f.report().now();
            for (RunCheck c : f.report().checks()) {
                Bucket b = Bucket.of(c);
                counts.merge(b, 1, Integer::sum);
                if (b == Bucket.MISSED) {
                    row(missed, c, f, ScheduleWords.cause(c, f.defs()), b, r.factories().size() > 1);
                } else if (b == Bucket.SLA_LATE || b == Bucket.SLA_FAILED || b == Bucket.AT_RISK) {
                    row(sla, c, f, ScheduleWords.sla(c.sla(), c.run() != null && c.run().runStart() != null, now), b,
                            r.factories().size() > 1);
                } else if (b == Bucket.LATE_START) {
                    row(late, c, f, "started " + ScheduleWords.span(c.startDelay()) + " after its expected start"
                            + (c.sla() == null ? "" : "; " + ScheduleWords.sla(c.sla(), true, now)), b,
                            r.factories().size() > 1);
                }
            }
            for (ExpectedRuns.AssumedUtc a : f.report().assumedUtc()) {
                notes.add("Trigger " + a.trigger() + "'s time zone \"" + a.timeZone()
                        + "\" is not one I know: its times were read as UTC.");
            }
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        String since = from == null ? "" : " since " + ScheduleWords.utc(from, now);
        d.put("title", headline(counts, total) + since);
        d.put("style", counts.containsKey(Bucket.MISSED) || counts.containsKey(Bucket.SLA_LATE)
                || counts.containsKey(Bucket.SLA_FAILED) ? "attention"
                : counts.containsKey(Bucket.AT_RISK) || counts.containsKey(Bucket.LATE_START) ? "warning" : "good");
        d.put("subtitle", (r.scope() == null ? "" : r.scope() + " · ") + "In " + factories(r.factories())
                + " · checked at " + ScheduleWords.utc(now, now));
        d.put("emptyText", total == 0 ? "No schedule or tumbling window trigger was expected to start a run"
                + (r.scope() == null ? "" : " of " + r.scope()) + since + "." : "");
        put(d, "missed", "Missed", missed);
        put(d, "sla", "SLAs late or at risk", sla);
        put(d, "late", "Started late", late);
        d.put("notes", String.join(" ", notes));
        return d;
    }

    ObjectNode upcomingData(Reply.Upcoming r, View v) {
        ObjectNode d = json.createObjectNode();
        List<ObjectNode> rows = new ArrayList<>();
        int total = 0;
        for (Schedules.Ahead f : r.factories()) {
            total += f.runs().size();
            for (UpcomingRun u : f.runs()) {
                if (rows.size() < MAX_ROWS) {
                    rows.add(upcomingRow(u, f, r.from(), r.factories().size() > 1));
                }
            }
        }
        rows.sort((a, b) -> a.path("at").asText().compareTo(b.path("at").asText()));
        String until = "the next " + ScheduleWords.span(Duration.between(r.from(), r.to())) + " (until "
                + ScheduleWords.utc(r.to(), r.from()) + ")";
        d.put("title", total == 0 ? "Nothing is scheduled to start in " + until
                : total + (total == 1 ? " run" : " runs") + " expected in " + until);
        d.put("subtitle", (r.scope() == null ? "" : r.scope() + " · ") + "In " + r.factories().stream()
                .map(f -> f.factory().factoryName()).reduce((a, b) -> a + ", " + b).orElse("no factory")
                + " · started schedule and tumbling window triggers");
        ArrayNode list = d.putArray("runs");
        rows.forEach(row -> list.add(row.without("at")));
        d.put("moreText", total > rows.size() ? "…and " + (total - rows.size()) + " more." : "");
        return d;
    }

    private ObjectNode upcomingRow(UpcomingRun u, Schedules.Ahead f, Instant today, boolean many) {
        ObjectNode row = json.createObjectNode();
        row.put("at", u.expected().expectedStart().toString());
        row.put("pipeline", u.expected().pipeline() + (many ? " (" + f.factory().factoryName() + ")" : ""));
        row.put("when", ScheduleWords.expected(u.expected().expectedStart(), u.expected().trigger(), f.defs(), today)
                + " · trigger " + u.expected().trigger());
        String usual = u.usual() == null ? "usual duration not known yet"
                : "usually " + ScheduleWords.span(u.usual().median());
        String sla = u.sla() == null ? "no SLA" : "SLA " + ScheduleWords.rule(u.sla());
        row.put("meta", usual + " · " + sla + (u.expectedEnd() == null ? ""
                : " · expected end " + ScheduleWords.utc(u.expectedEnd(), today)));
        row.put("warning", u.endsAfterDeadline() ? "⚠ At its usual pace it ends after its SLA." : "");
        return row;
    }

    private void row(ArrayNode rows, RunCheck c, Schedules.Checked f, String reason, Bucket b, boolean many) {
        if (rows.size() >= MAX_ROWS) {
            return;
        }
        Instant now = f.report().now();
        PipelineRun run = c.run();
        ObjectNode row = rows.addObject();
        row.put("pipeline", c.expected().pipeline() + (many ? " (" + f.factory().factoryName() + ")" : ""));
        row.put("color", b.color);
        row.put("when", "Expected " + ScheduleWords.expected(c.expected().expectedStart(), c.expected().trigger(),
                f.defs(), now) + " · trigger " + c.expected().trigger()
                + (run == null ? "" : " · run " + shortId(run.runId()))
                + (run == null || run.runStart() == null || c.startDelay() == null ? ""
                : " · started " + ScheduleWords.utc(run.runStart(), now) + (c.start() == StartVerdict.LATE_START
                        ? " (" + ScheduleWords.span(c.startDelay()) + " late)" : "")));
        row.put("reason", reason);
        row.put("runId", run == null ? "" : run.runId());
        row.put("factory", f.factory().factoryName());
        row.put("failed", run != null && (run.status() == RunStatus.FAILED || run.status() == RunStatus.CANCELLED));
        row.put("statusText", "status of \"" + c.expected().pipeline() + "\" in factory " + f.factory().factoryName());
    }

    private static void put(ObjectNode d, String key, String title, ArrayNode rows) {
        d.put(key + "Title", rows.isEmpty() ? "" : title);
        d.set(key, rows);
    }

    /** "2 of 41 expected runs missed, 1 late against its SLA, 38 on time": every bucket, the worst first. */
    static String headline(Map<Bucket, Integer> counts, int total) {
        if (total == 0) {
            return "No runs expected";
        }
        if (counts.getOrDefault(Bucket.ON_TIME, 0) == total) {
            return total == 1 ? "✅ 1 expected run, on time" : "✅ All " + total + " expected runs on time";
        }
        StringBuilder s = new StringBuilder();
        for (Map.Entry<Bucket, Integer> e : counts.entrySet()) {
            if (s.length() == 0) {
                s.append(e.getKey() == Bucket.ON_TIME ? "" : e.getKey().color.equals("attention") ? "❌ " : "⚠️ ")
                        .append(e.getValue()).append(" of ").append(total).append(total == 1 ? " expected run " : " expected runs ")
                        .append(e.getValue() == 1 ? e.getKey().one : e.getKey().many);
            } else {
                s.append(", ").append(e.getKey().words(e.getValue()));
            }
        }
        return s.toString();
    }

    private static String factories(List<Schedules.Checked> all) {
        return all.isEmpty() ? "no factory" : all.stream().map(f -> f.factory().factoryName())
                .reduce((a, b) -> a + ", " + b).orElse("");
    }
}
