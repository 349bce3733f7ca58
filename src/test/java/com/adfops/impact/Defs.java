package com.adfops.impact;

import com.adfops.adf.ActivityRun;
import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryDefinitions.Activity;
import com.adfops.adf.FactoryDefinitions.Dataset;
import com.adfops.adf.FactoryDefinitions.Frequency;
import com.adfops.adf.FactoryDefinitions.IntegrationRuntime;
import com.adfops.adf.FactoryDefinitions.LinkedService;
import com.adfops.adf.FactoryDefinitions.Pipeline;
import com.adfops.adf.FactoryDefinitions.RuntimeNode;
import com.adfops.adf.FactoryDefinitions.RuntimeType;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Hand-built factory definitions and runs for the impact tests. */
final class Defs {

    static final FactoryRef FACTORY = new FactoryRef("sub-7", "rg-analytics", "df-northwind");
    static final Instant T = Instant.parse("2026-12-03T04:00:00Z");

    private Defs() {
    }

    static Pipeline pipeline(String name, Activity... activities) {
        return new Pipeline(name, Arrays.asList(activities), List.of(), null, 0);
    }

    static Activity copy(String name, List<String> inputs, List<String> outputs) {
        return new Activity(name, "Copy", inputs, outputs, null, null);
    }

    static Activity onService(String name, String type, String linkedService) {
        return new Activity(name, type, List.of(), List.of(), null, linkedService);
    }

    static Activity lookup(String name, String dataset) {
        return new Activity(name, "Lookup", List.of(dataset), List.of(), null, null);
    }

    static Activity execute(String name, String child) {
        return new Activity(name, "ExecutePipeline", List.of(), List.of(), child, null);
    }

    static Dataset dataset(String name, String linkedService) {
        return new Dataset(name, "AzureSqlTable", linkedService);
    }

    static LinkedService service(String name, String runtime) {
        return new LinkedService(name, "SqlServer", runtime);
    }

    static Trigger window(String name, String pipeline, String... dependsOn) {
        List<WindowDependency> deps = Arrays.stream(dependsOn)
                .map(d -> new WindowDependency(d, Duration.ZERO, null)).toList();
        return new Trigger(name, TriggerKind.TUMBLING_WINDOW, TriggerState.STARTED, List.of(pipeline), null,
                new TumblingWindow(Frequency.HOUR, 1, T.minus(Duration.ofDays(30)), null, Duration.ZERO, 1, deps));
    }

    static IntegrationRuntime selfHosted(String name, String versionStatus, RuntimeNode... nodes) {
        return new IntegrationRuntime(name, RuntimeType.SELF_HOSTED, "Online", versionStatus, Arrays.asList(nodes));
    }

    static RuntimeNode node(String name, String status, Instant lastConnect, Instant expiry) {
        return new RuntimeNode(name, status, "5.44.8984.1", "UpToDate", lastConnect, expiry);
    }

    static FactoryDefinitions definitions(List<Pipeline> pipelines, List<Dataset> datasets,
                                          List<LinkedService> services, List<Trigger> triggers,
                                          List<IntegrationRuntime> runtimes) {
        return new FactoryDefinitions(FACTORY, T, pipelines, datasets, services, triggers, runtimes);
    }

    /** A run of {@code pipeline} that started {@code minutes} after {@link #T} and ran ten minutes. */
    static PipelineRun run(String id, String pipeline, RunStatus status, int minutes) {
        Instant start = T.plus(Duration.ofMinutes(minutes));
        Instant end = status.isActive() ? null : start.plus(Duration.ofMinutes(10));
        return new PipelineRun(FACTORY, id, pipeline, status, "", start, end, end == null ? start : end, null,
                Map.of(), "ScheduleTrigger", "tr_daily", null, null, null);
    }

    static PipelineRun childRun(String id, String pipeline, String parent, int minutes) {
        Instant start = T.plus(Duration.ofMinutes(minutes));
        return new PipelineRun(FACTORY, id, pipeline, RunStatus.FAILED, "", start, start.plus(Duration.ofMinutes(10)),
                start.plus(Duration.ofMinutes(10)), null, Map.of(), "PipelineActivity", "Run child", "parent-" + id,
                parent, null);
    }

    static PipelineRun windowRun(String id, String pipeline, String trigger, int minutes) {
        Instant start = T.plus(Duration.ofMinutes(minutes));
        return new PipelineRun(FACTORY, id, pipeline, RunStatus.FAILED, "", start, start.plus(Duration.ofMinutes(10)),
                start.plus(Duration.ofMinutes(10)), null, Map.of(), "TumblingWindowTrigger", trigger, null, null,
                null);
    }

    static ActivityRun activity(String runId, String pipeline, String name, RunStatus status, String runtime) {
        return new ActivityRun(runId, pipeline, runId + "-" + name, name, "Copy", status, T, T.plusSeconds(60), 60_000L,
                null, null, null, null, null, runtime, null);
    }

    /** Next runs {@code pipeline -> minutes after T}, case-insensitive; others unknown. */
    static Function<String, Optional<Instant>> nextRuns(Map<String, Integer> minutes) {
        return p -> minutes.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(p)).findFirst()
                .map(e -> T.plus(Duration.ofMinutes(e.getValue())));
    }
}
