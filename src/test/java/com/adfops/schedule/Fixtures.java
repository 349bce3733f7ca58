package com.adfops.schedule;

import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryDefinitions.Frequency;
import com.adfops.adf.FactoryDefinitions.Pipeline;
import com.adfops.adf.FactoryDefinitions.Recurrence;
import com.adfops.adf.FactoryDefinitions.Trigger;
import com.adfops.adf.FactoryDefinitions.TriggerKind;
import com.adfops.adf.FactoryDefinitions.TriggerState;
import com.adfops.adf.FactoryDefinitions.TumblingWindow;
import com.adfops.adf.FactoryDefinitions.WindowDependency;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Definitions and runs for the schedule tests, written out (no generated names or times). */
final class Fixtures {

    static final FactoryRef F = new FactoryRef("sub", "rg", "df-sched");

    private Fixtures() {
    }

    static Instant t(String instant) {
        return Instant.parse(instant);
    }

    static Trigger daily(String name, TriggerState state, String startLocal, String zone, String... pipelines) {
        return new Trigger(name, TriggerKind.SCHEDULE, state, List.of(pipelines),
                new Recurrence(Frequency.DAY, 1, LocalDateTime.parse(startLocal), null, zone, null), null);
    }

    static Trigger hourlyWindows(String name, String start, Duration delay, int maxConcurrency,
                                 List<WindowDependency> dependsOn, String... pipelines) {
        return new Trigger(name, TriggerKind.TUMBLING_WINDOW, TriggerState.STARTED, List.of(pipelines), null,
                new TumblingWindow(Frequency.HOUR, 1, t(start), null, delay, maxConcurrency, dependsOn));
    }

    static Pipeline pipeline(String name, String... annotations) {
        return new Pipeline(name, List.of(), List.of(annotations), null, 0);
    }

    static FactoryDefinitions defs(List<Trigger> triggers, Pipeline... pipelines) {
        return new FactoryDefinitions(F, t("2026-06-01T00:00:00Z"), List.of(pipelines), List.of(), List.of(), triggers,
                List.of());
    }

    /** A run; {@code end} null while it runs; {@code start} null while queued. */
    static PipelineRun run(String id, String pipeline, RunStatus status, String start, String end, String byType,
                           String byName) {
        Instant s = start == null ? null : t(start);
        Instant e = end == null ? null : t(end);
        Instant updated = e != null ? e : s;
        return new PipelineRun(F, id, pipeline, status, "", s, e, updated, null, Map.of(), byType, byName, null, null,
                null);
    }

    static PipelineRun scheduled(String id, String pipeline, String trigger, RunStatus status, String start, String end) {
        return run(id, pipeline, status, start, end, "ScheduleTrigger", trigger);
    }

    static PipelineRun windowRun(String id, String pipeline, String trigger, RunStatus status, String start,
                                 String end) {
        return run(id, pipeline, status, start, end, "TumblingWindowTrigger", trigger);
    }

    static PipelineRun manual(String id, String pipeline, RunStatus status, String start, String end) {
        return run(id, pipeline, status, start, end, "Manual", "Manual");
    }

    static PipelineRun queued(String id, String pipeline, String trigger, String updated) {
        return new PipelineRun(F, id, pipeline, RunStatus.QUEUED, "", null, null, t(updated), null, Map.of(),
                "ScheduleTrigger", trigger, null, null, null);
    }
}
