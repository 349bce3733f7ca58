package com.adfops.export;

import com.adfops.adf.PipelineRun;
import com.adfops.schedule.RunCheck;
import com.adfops.schedule.ScheduleReport;
import com.adfops.schedule.SlaCheck;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The compliance CSV's schedule columns, from the schedule check of the export's span: per run whether it started on
 * time ({@code on_time}, {@code late_start}, {@code unscheduled}: no trigger expected it; empty when not known) and its
 * SLA verdict; per pipeline its SLA summary ("07:00 Europe/Berlin: 6 met, 1 late"), on each of its rows.
 */
final class ScheduleColumns {

    /** No schedule known: the columns stay empty. */
    static final ScheduleColumns NONE = new ScheduleColumns(List.of());

    static final String HEADER = "on_time,sla,pipeline_sla";

    private final Map<String, RunCheck> byRun = new HashMap<>();
    private final Map<String, String> unscheduled = new HashMap<>();
    private final Map<String, String> summary = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    ScheduleColumns(List<ScheduleReport> reports) {
        Map<String, String> rules = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, Map<SlaCheck.SlaVerdict, Integer>> verdicts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (ScheduleReport r : reports) {
            for (RunCheck c : r.checks()) {
                if (c.run() != null) {
                    byRun.put(c.run().runId(), c);
                }
                if (c.sla() != null) {
                    rules.putIfAbsent(c.expected().pipeline(), c.sla().rule().written());
                    verdicts.computeIfAbsent(c.expected().pipeline(), k -> new EnumMap<>(SlaCheck.SlaVerdict.class))
                            .merge(c.sla().verdict(), 1, Integer::sum);
                }
            }
            r.unscheduled().forEach(u -> unscheduled.put(u.runId(), "unscheduled"));
        }
        verdicts.forEach((pipeline, counts) -> summary.put(pipeline, rules.get(pipeline) + ": " + counts.entrySet()
                .stream().map(e -> e.getValue() + " " + word(e.getKey())).collect(Collectors.joining(", "))));
    }

    /** The run's three cells, in {@link #HEADER}'s order. */
    List<String> cells(PipelineRun r) {
        RunCheck c = byRun.get(r.runId());
        String onTime = c == null ? unscheduled.getOrDefault(r.runId(), "") : word(c.start());
        String sla = c == null || c.sla() == null ? "" : word(c.sla().verdict());
        return List.of(onTime, sla, summary.getOrDefault(r.pipelineName(), ""));
    }

    private static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
