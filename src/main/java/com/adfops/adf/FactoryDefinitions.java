package com.adfops.adf;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one factory is made of, read from its definitions (not its runs): pipelines and the datasets they read and
 * write, datasets and their linked services, linked services and the integration runtime each connects via,
 * triggers with their schedules and runtime state, and integration runtimes with their health. Mapped once from
 * ADF's REST shapes (api-version 2018-06-01) by the adapter; every list is sorted by name, every name is ADF's own.
 *
 * @param factory   the factory
 * @param readAt    when the definitions were read
 * @param pipelines the pipelines
 * @param datasets  the datasets
 * @param linkedServices the linked services
 * @param triggers  the triggers
 * @param runtimes  the integration runtimes, with their status as read at {@code readAt}
 */
public record FactoryDefinitions(
        FactoryRef factory,
        Instant readAt,
        List<Pipeline> pipelines,
        List<Dataset> datasets,
        List<LinkedService> linkedServices,
        List<Trigger> triggers,
        List<IntegrationRuntime> runtimes) {

    public FactoryDefinitions {
        pipelines = List.copyOf(pipelines);
        datasets = List.copyOf(datasets);
        linkedServices = List.copyOf(linkedServices);
        triggers = List.copyOf(triggers);
        runtimes = List.copyOf(runtimes);
    }

    /** A factory with nothing defined (or whose definitions could not be read yet). */
    public static FactoryDefinitions empty(FactoryRef factory, Instant readAt) {
        return new FactoryDefinitions(factory, readAt, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public Optional<Pipeline> pipeline(String name) {
        return pipelines.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    public Optional<Dataset> dataset(String name) {
        return datasets.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst();
    }

    public Optional<LinkedService> linkedService(String name) {
        return linkedServices.stream().filter(l -> l.name().equalsIgnoreCase(name)).findFirst();
    }

    public Optional<Trigger> trigger(String name) {
        return triggers.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    public Optional<IntegrationRuntime> runtime(String name) {
        return runtimes.stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * A pipeline's definition.
     *
     * @param name        the pipeline's name
     * @param activities  its activities, nested ones (inside ForEach, If, Until, Switch) flattened after their container
     * @param annotations its annotations, as written (e.g. {@code sla:06:00 Europe/Berlin})
     * @param folder      its folder, or null
     * @param concurrency its concurrency limit, or 0 when unlimited
     */
    public record Pipeline(String name, List<Activity> activities, List<String> annotations, String folder,
                           int concurrency) {
        public Pipeline {
            activities = List.copyOf(activities);
            annotations = List.copyOf(annotations);
        }
    }

    /**
     * One activity of a pipeline definition.
     *
     * @param name          the activity's name
     * @param type          ADF's type ("Copy", "ExecutePipeline", "ExecuteDataFlow", "Lookup", ...)
     * @param inputs        the datasets it reads (Copy and Lookup inputs, Data Flow sources, ...), by name
     * @param outputs       the datasets it writes (Copy outputs, Data Flow sinks, ...), by name
     * @param executes      for ExecutePipeline, the pipeline it starts; else null
     * @param linkedService the linked service it runs on (Databricks, Stored Procedure, ...), or null
     */
    public record Activity(String name, String type, List<String> inputs, List<String> outputs, String executes,
                           String linkedService) {
        public Activity {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }
    }

    /** A dataset and the linked service that holds it. */
    public record Dataset(String name, String type, String linkedService) {
    }

    /**
     * A linked service.
     *
     * @param runtime the integration runtime it connects via ({@code connectVia}), or null for the default Azure IR
     */
    public record LinkedService(String name, String type, String runtime) {
    }

    /** What kind of trigger. */
    public enum TriggerKind { SCHEDULE, TUMBLING_WINDOW, STORAGE_EVENT, CUSTOM_EVENT, OTHER }

    /** A trigger's runtime state: only a started trigger starts runs. */
    public enum TriggerState { STARTED, STOPPED, DISABLED }

    /**
     * A trigger.
     *
     * @param name       the trigger's name
     * @param kind       what kind
     * @param state      its runtime state
     * @param pipelines  the pipelines it starts, by name
     * @param recurrence for a schedule trigger, its recurrence; else null
     * @param window     for a tumbling window trigger, its window; else null
     */
    public record Trigger(String name, TriggerKind kind, TriggerState state, List<String> pipelines,
                          Recurrence recurrence, TumblingWindow window) {
        public Trigger {
            pipelines = List.copyOf(pipelines);
        }
    }

    /** How often a trigger fires. */
    public enum Frequency { MINUTE, HOUR, DAY, WEEK, MONTH }

    /**
     * A schedule trigger's recurrence, as ADF stores it.
     *
     * @param frequency the unit
     * @param interval  how many units between firings (at least 1)
     * @param start     the start, as a wall-clock time in {@code timeZone}
     * @param end       the end, as a wall-clock time in {@code timeZone}, or null
     * @param timeZone  ADF's time zone id as written: a Windows name ("W. Europe Standard Time") or "UTC"
     * @param schedule  the advanced schedule (hours, minutes, week days, month days), or null
     */
    public record Recurrence(Frequency frequency, int interval, LocalDateTime start, LocalDateTime end,
                             String timeZone, Schedule schedule) {
    }

    /**
     * A recurrence's advanced schedule; an empty list means "not restricted".
     *
     * @param minutes    minutes of the hour
     * @param hours      hours of the day
     * @param weekDays   days of the week (weekly recurrences)
     * @param monthDays  days of the month, -1 for the last day (monthly recurrences)
     * @param occurrences monthly occurrences ("the first Monday", "the last Friday": occurrence -1)
     */
    public record Schedule(List<Integer> minutes, List<Integer> hours, List<DayOfWeek> weekDays,
                           List<Integer> monthDays, List<Occurrence> occurrences) {
        public Schedule {
            minutes = List.copyOf(minutes);
            hours = List.copyOf(hours);
            weekDays = List.copyOf(weekDays);
            monthDays = List.copyOf(monthDays);
            occurrences = List.copyOf(occurrences);
        }
    }

    /** "The {@code occurrence}-th {@code day} of the month"; occurrence -1 is the last. */
    public record Occurrence(DayOfWeek day, int occurrence) {
    }

    /**
     * A tumbling window trigger's windows (always UTC).
     *
     * @param frequency      MINUTE, HOUR or MONTH
     * @param interval       units per window
     * @param start          the first window's start
     * @param end            no windows start at or after this, or null
     * @param delay          how long after a window ends its run starts
     * @param maxConcurrency how many windows run at once
     * @param dependsOn      the windows this one waits for
     */
    public record TumblingWindow(Frequency frequency, int interval, Instant start, Instant end, Duration delay,
                                 int maxConcurrency, List<WindowDependency> dependsOn) {
        public TumblingWindow {
            dependsOn = List.copyOf(dependsOn);
        }
    }

    /**
     * A tumbling window dependency.
     *
     * @param trigger the trigger depended on, or null for the trigger's own earlier windows (self-dependency)
     * @param offset  the dependency window's offset, or null
     * @param size    the dependency window's size, or null for the trigger's own window size
     */
    public record WindowDependency(String trigger, Duration offset, Duration size) {
    }

    /** Integration runtime kinds. */
    public enum RuntimeType { MANAGED, SELF_HOSTED, OTHER }

    /**
     * An integration runtime and its health when read.
     *
     * @param name          its name
     * @param type          managed (Azure) or self-hosted
     * @param state         ADF's state as written ("Online", "Offline", "Limited", "NeedRegistration", "Started", ...)
     * @param versionStatus for self-hosted: "UpToDate", "UpdateAvailable", "Expiring", "Expired", ...; else null
     * @param nodes         for self-hosted, its nodes; else empty
     */
    public record IntegrationRuntime(String name, RuntimeType type, String state, String versionStatus,
                                     List<RuntimeNode> nodes) {
        public IntegrationRuntime {
            nodes = List.copyOf(nodes);
        }
    }

    /**
     * One node of a self-hosted integration runtime.
     *
     * @param name          the node's name
     * @param status        ADF's status as written ("Online", "Offline", "Limited", "Upgrading", "NeedRegistration", ...)
     * @param version       its version, or null
     * @param versionStatus its version status, or null
     * @param lastConnect   its last connect time, or null
     * @param expiry        when its version expires, or null
     */
    public record RuntimeNode(String name, String status, String version, String versionStatus, Instant lastConnect,
                              Instant expiry) {
    }

    /** A trigger run's outcome. */
    public enum TriggerRunStatus { SUCCEEDED, FAILED, IN_PROGRESS }

    /**
     * One firing of a trigger.
     *
     * @param id        ADF's trigger run id
     * @param trigger   the trigger's name
     * @param at        when it fired
     * @param status    its outcome
     * @param message   ADF's message (why it failed), or null
     * @param pipelineRuns the runs it started: pipeline name -> run id
     */
    public record TriggerRun(String id, String trigger, Instant at, TriggerRunStatus status, String message,
                             Map<String, String> pipelineRuns) {
        public TriggerRun {
            pipelineRuns = Map.copyOf(pipelineRuns);
        }
    }
}
