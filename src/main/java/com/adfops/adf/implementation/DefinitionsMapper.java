package com.adfops.adf.implementation;

import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryDefinitions.Activity;
import com.adfops.adf.FactoryDefinitions.Frequency;
import com.adfops.adf.FactoryDefinitions.Occurrence;
import com.adfops.adf.FactoryDefinitions.Recurrence;
import com.adfops.adf.FactoryDefinitions.RuntimeNode;
import com.adfops.adf.FactoryDefinitions.RuntimeType;
import com.adfops.adf.FactoryDefinitions.Schedule;
import com.adfops.adf.FactoryDefinitions.TriggerKind;
import com.adfops.adf.FactoryDefinitions.TriggerRunStatus;
import com.adfops.adf.FactoryDefinitions.TriggerState;
import com.adfops.adf.FactoryDefinitions.TumblingWindow;
import com.adfops.adf.FactoryDefinitions.WindowDependency;
import com.azure.resourcemanager.datafactory.models.CopyActivity;
import com.azure.resourcemanager.datafactory.models.DatasetReference;
import com.azure.resourcemanager.datafactory.models.DatasetResource;
import com.azure.resourcemanager.datafactory.models.DependencyReference;
import com.azure.resourcemanager.datafactory.models.ExecutePipelineActivity;
import com.azure.resourcemanager.datafactory.models.ExecutionActivity;
import com.azure.resourcemanager.datafactory.models.ForEachActivity;
import com.azure.resourcemanager.datafactory.models.GetMetadataActivity;
import com.azure.resourcemanager.datafactory.models.IfConditionActivity;
import com.azure.resourcemanager.datafactory.models.IntegrationRuntimeResource;
import com.azure.resourcemanager.datafactory.models.IntegrationRuntimeStatus;
import com.azure.resourcemanager.datafactory.models.IntegrationRuntimeType;
import com.azure.resourcemanager.datafactory.models.LinkedServiceResource;
import com.azure.resourcemanager.datafactory.models.LookupActivity;
import com.azure.resourcemanager.datafactory.models.ManagedIntegrationRuntime;
import com.azure.resourcemanager.datafactory.models.MultiplePipelineTrigger;
import com.azure.resourcemanager.datafactory.models.PipelineResource;
import com.azure.resourcemanager.datafactory.models.RecurrenceSchedule;
import com.azure.resourcemanager.datafactory.models.RecurrenceScheduleOccurrence;
import com.azure.resourcemanager.datafactory.models.ScheduleTrigger;
import com.azure.resourcemanager.datafactory.models.ScheduleTriggerRecurrence;
import com.azure.resourcemanager.datafactory.models.SelfDependencyTumblingWindowTriggerReference;
import com.azure.resourcemanager.datafactory.models.SelfHostedIntegrationRuntime;
import com.azure.resourcemanager.datafactory.models.SelfHostedIntegrationRuntimeStatus;
import com.azure.resourcemanager.datafactory.models.SwitchActivity;
import com.azure.resourcemanager.datafactory.models.SwitchCase;
import com.azure.resourcemanager.datafactory.models.TriggerPipelineReference;
import com.azure.resourcemanager.datafactory.models.TriggerResource;
import com.azure.resourcemanager.datafactory.models.TumblingWindowTrigger;
import com.azure.resourcemanager.datafactory.models.TumblingWindowTriggerDependencyReference;
import com.azure.resourcemanager.datafactory.models.UntilActivity;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the SDK's definition models (pipelines, datasets, linked services, triggers, integration runtimes and their
 * status, trigger runs) to {@link FactoryDefinitions} records, once, in one place. Names and texts stay as ADF wrote
 * them; nested activities (ForEach, If Condition, Until, Switch) follow their container.
 */
final class DefinitionsMapper {

    private DefinitionsMapper() {
    }

    // ---- pipelines -----------------------------------------------------------------------------------------

    static FactoryDefinitions.Pipeline pipeline(PipelineResource p) {
        List<Activity> activities = new ArrayList<>();
        flatten(p.activities(), activities);
        List<String> annotations = new ArrayList<>();
        if (p.annotations() != null) {
            for (Object a : p.annotations()) {
                if (a != null) {
                    annotations.add(String.valueOf(a));
                }
            }
        }
        return new FactoryDefinitions.Pipeline(p.name(), activities, annotations,
                p.folder() == null ? null : p.folder().name(), p.concurrency() == null ? 0 : p.concurrency());
    }

    /** Each activity, then the activities nested in it (depth first, in ADF's order). */
    private static void flatten(List<com.azure.resourcemanager.datafactory.models.Activity> in, List<Activity> out) {
        if (in == null) {
            return;
        }
        for (var a : in) {
            if (a == null) {
                continue;
            }
            out.add(activity(a));
            if (a instanceof ForEachActivity f) {
                flatten(f.activities(), out);
            } else if (a instanceof IfConditionActivity i) {
                flatten(i.ifTrueActivities(), out);
                flatten(i.ifFalseActivities(), out);
            } else if (a instanceof UntilActivity u) {
                flatten(u.activities(), out);
            } else if (a instanceof SwitchActivity s) {
                if (s.cases() != null) {
                    for (SwitchCase c : s.cases()) {
                        if (c != null) {
                            flatten(c.activities(), out);
                        }
                    }
                }
                flatten(s.defaultActivities(), out);
            }
        }
    }

    private static Activity activity(com.azure.resourcemanager.datafactory.models.Activity a) {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        String executes = null;
        if (a instanceof CopyActivity c) {
            names(c.inputs(), inputs);
            names(c.outputs(), outputs);
        } else if (a instanceof LookupActivity l) {
            names(l.dataset() == null ? null : List.of(l.dataset()), inputs);
        } else if (a instanceof GetMetadataActivity g) {
            names(g.dataset() == null ? null : List.of(g.dataset()), inputs);
        } else if (a instanceof ExecutePipelineActivity e && e.pipeline() != null) {
            executes = e.pipeline().referenceName();
        }
        String linked = a instanceof ExecutionActivity x && x.linkedServiceName() != null
                ? x.linkedServiceName().referenceName() : null;
        return new Activity(a.name(), a.type(), inputs, outputs, executes, linked);
    }

    private static void names(List<DatasetReference> refs, List<String> out) {
        if (refs != null) {
            for (DatasetReference r : refs) {
                if (r != null && r.referenceName() != null) {
                    out.add(r.referenceName());
                }
            }
        }
    }

    // ---- datasets, linked services -------------------------------------------------------------------------

    static FactoryDefinitions.Dataset dataset(DatasetResource d) {
        var p = d.properties();
        return new FactoryDefinitions.Dataset(d.name(), p == null ? null : p.type(),
                p == null || p.linkedServiceName() == null ? null : p.linkedServiceName().referenceName());
    }

    static FactoryDefinitions.LinkedService linkedService(LinkedServiceResource l) {
        var p = l.properties();
        return new FactoryDefinitions.LinkedService(l.name(), p == null ? null : p.type(),
                p == null || p.connectVia() == null ? null : p.connectVia().referenceName());
    }

    // ---- triggers ------------------------------------------------------------------------------------------

    static FactoryDefinitions.Trigger trigger(TriggerResource t) {
        var p = t.properties();
        TriggerState state = p == null || p.runtimeState() == null ? TriggerState.STOPPED
                : switch (p.runtimeState().toString().toLowerCase(Locale.ROOT)) {
                    case "started" -> TriggerState.STARTED;
                    case "disabled" -> TriggerState.DISABLED;
                    default -> TriggerState.STOPPED;
                };
        List<String> pipelines = new ArrayList<>();
        if (p instanceof MultiplePipelineTrigger m && m.pipelines() != null) {
            for (TriggerPipelineReference r : m.pipelines()) {
                pipelineName(r, pipelines);
            }
        } else if (p instanceof TumblingWindowTrigger w) {
            pipelineName(w.pipeline(), pipelines);
        }
        TriggerKind kind = TriggerKind.OTHER;
        Recurrence recurrence = null;
        TumblingWindow window = null;
        if (p instanceof ScheduleTrigger s) {
            kind = TriggerKind.SCHEDULE;
            recurrence = recurrence(s.recurrence());
        } else if (p instanceof TumblingWindowTrigger w) {
            kind = TriggerKind.TUMBLING_WINDOW;
            window = window(w);
        } else if (p instanceof com.azure.resourcemanager.datafactory.models.BlobEventsTrigger) {
            kind = TriggerKind.STORAGE_EVENT;
        } else if (p instanceof com.azure.resourcemanager.datafactory.models.CustomEventsTrigger) {
            kind = TriggerKind.CUSTOM_EVENT;
        }
        return new FactoryDefinitions.Trigger(t.name(), kind, state, pipelines, recurrence, window);
    }

    private static void pipelineName(TriggerPipelineReference r, List<String> out) {
        if (r != null && r.pipelineReference() != null && r.pipelineReference().referenceName() != null) {
            out.add(r.pipelineReference().referenceName());
        }
    }

    /** A recurrence; its start and end as the wall-clock times written (in its time zone). Null without one. */
    static Recurrence recurrence(ScheduleTriggerRecurrence r) {
        if (r == null) {
            return null;
        }
        Frequency frequency = frequency(r.frequency() == null ? null : r.frequency().toString());
        String zone = r.timeZone() == null || r.timeZone().isBlank() ? "UTC" : r.timeZone();
        return new Recurrence(frequency, r.interval() == null || r.interval() < 1 ? 1 : r.interval(),
                local(r.startTime()), local(r.endTime()), zone, schedule(r.schedule()));
    }

    private static Schedule schedule(RecurrenceSchedule s) {
        if (s == null) {
            return null;
        }
        List<DayOfWeek> weekDays = new ArrayList<>();
        if (s.weekDays() != null) {
            for (var d : s.weekDays()) {
                if (d != null) {
                    weekDays.add(DayOfWeek.valueOf(d.toString().toUpperCase(Locale.ROOT)));
                }
            }
        }
        List<Occurrence> occurrences = new ArrayList<>();
        if (s.monthlyOccurrences() != null) {
            for (RecurrenceScheduleOccurrence o : s.monthlyOccurrences()) {
                if (o != null && o.day() != null) {
                    occurrences.add(new Occurrence(DayOfWeek.valueOf(o.day().toString().toUpperCase(Locale.ROOT)),
                            o.occurrence() == null ? 1 : o.occurrence()));
                }
            }
        }
        return new Schedule(ints(s.minutes()), ints(s.hours()), weekDays, ints(s.monthDays()), occurrences);
    }

    private static List<Integer> ints(List<Integer> in) {
        List<Integer> out = new ArrayList<>();
        if (in != null) {
            in.stream().filter(java.util.Objects::nonNull).forEach(out::add);
        }
        return out;
    }

    private static TumblingWindow window(TumblingWindowTrigger w) {
        List<WindowDependency> deps = new ArrayList<>();
        if (w.dependsOn() != null) {
            for (DependencyReference d : w.dependsOn()) {
                if (d instanceof TumblingWindowTriggerDependencyReference t) {
                    deps.add(new WindowDependency(t.referenceTrigger() == null ? null : t.referenceTrigger().referenceName(),
                            duration(t.offset()), duration(t.size())));
                } else if (d instanceof SelfDependencyTumblingWindowTriggerReference s) {
                    deps.add(new WindowDependency(null, duration(s.offset()), duration(s.size())));
                }
            }
        }
        Duration delay = w.delay() == null ? Duration.ZERO : duration(String.valueOf(w.delay()));
        return new TumblingWindow(frequency(w.frequency() == null ? null : w.frequency().toString()),
                Math.max(1, w.interval()), instant(w.startTime()), instant(w.endTime()),
                delay == null ? Duration.ZERO : delay, Math.max(1, w.maxConcurrency()), deps);
    }

    /** ADF's frequency names; null for one the records do not know (Year, NotSpecified). */
    static Frequency frequency(String wire) {
        if (wire == null) {
            return null;
        }
        return switch (wire.toLowerCase(Locale.ROOT)) {
            case "minute" -> Frequency.MINUTE;
            case "hour" -> Frequency.HOUR;
            case "day" -> Frequency.DAY;
            case "week" -> Frequency.WEEK;
            case "month" -> Frequency.MONTH;
            default -> null;
        };
    }

    private static final Pattern TIMESPAN = Pattern.compile(
            "^(-)?(?:(\\d{1,5})\\.)?(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,7}))?$");

    /**
     * An ADF time span ({@code hh:mm:ss}, {@code d.hh:mm:ss}, optionally negative and with a fraction of a second), or
     * null when {@code s} is null, blank or not one (an expression, say).
     */
    static Duration duration(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        Matcher m = TIMESPAN.matcher(s.trim());
        if (!m.matches()) {
            return null;
        }
        Duration d = Duration.ofDays(m.group(2) == null ? 0 : Long.parseLong(m.group(2)))
                .plusHours(Long.parseLong(m.group(3)))
                .plusMinutes(Long.parseLong(m.group(4)))
                .plusSeconds(Long.parseLong(m.group(5)));
        if (m.group(6) != null) {
            String nanos = (m.group(6) + "000000000").substring(0, 9);
            d = d.plusNanos(Long.parseLong(nanos));
        }
        return m.group(1) != null ? d.negated() : d;
    }

    // ---- integration runtimes ------------------------------------------------------------------------------

    /** The runtime's kind from its definition. */
    static RuntimeType runtimeType(IntegrationRuntimeResource r) {
        var p = r.properties();
        if (p instanceof SelfHostedIntegrationRuntime) {
            return RuntimeType.SELF_HOSTED;
        }
        if (p instanceof ManagedIntegrationRuntime) {
            return RuntimeType.MANAGED;
        }
        return runtimeType(p == null ? null : p.type());
    }

    private static RuntimeType runtimeType(IntegrationRuntimeType t) {
        if (IntegrationRuntimeType.SELF_HOSTED.equals(t)) {
            return RuntimeType.SELF_HOSTED;
        }
        return IntegrationRuntimeType.MANAGED.equals(t) ? RuntimeType.MANAGED : RuntimeType.OTHER;
    }

    /** A runtime with its status ({@code status} null: it could not be read; state and nodes unknown). */
    static FactoryDefinitions.IntegrationRuntime runtime(IntegrationRuntimeResource r, IntegrationRuntimeStatus status) {
        RuntimeType type = runtimeType(r);
        if (status == null) {
            return new FactoryDefinitions.IntegrationRuntime(r.name(), type, null, null, List.of());
        }
        if (type == RuntimeType.OTHER) {
            type = runtimeType(status.type());
        }
        String state = status.state() == null ? null : status.state().toString();
        String versionStatus = null;
        List<RuntimeNode> nodes = new ArrayList<>();
        if (status instanceof SelfHostedIntegrationRuntimeStatus s) {
            versionStatus = s.versionStatus();
            if (s.nodes() != null) {
                for (var n : s.nodes()) {
                    if (n != null) {
                        nodes.add(new RuntimeNode(n.nodeName(), n.status() == null ? null : n.status().toString(),
                                n.version(), n.versionStatus(), instant(n.lastConnectTime()), instant(n.expiryTime())));
                    }
                }
            }
            nodes.sort(Comparator.comparing(RuntimeNode::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)));
        }
        return new FactoryDefinitions.IntegrationRuntime(r.name(), type, state, versionStatus, nodes);
    }

    // ---- trigger runs --------------------------------------------------------------------------------------

    static FactoryDefinitions.TriggerRun triggerRun(com.azure.resourcemanager.datafactory.models.TriggerRun r) {
        TriggerRunStatus status = r.status() == null ? TriggerRunStatus.IN_PROGRESS
                : switch (r.status().toString().toLowerCase(Locale.ROOT)) {
                    case "succeeded" -> TriggerRunStatus.SUCCEEDED;
                    case "failed" -> TriggerRunStatus.FAILED;
                    default -> TriggerRunStatus.IN_PROGRESS;
                };
        Map<String, String> started = new LinkedHashMap<>();
        if (r.triggeredPipelines() != null) {
            r.triggeredPipelines().forEach((k, v) -> {
                if (k != null && v != null) {
                    started.put(k, v);
                }
            });
        }
        return new FactoryDefinitions.TriggerRun(r.triggerRunId(), r.triggerName(), instant(r.triggerRunTimestamp()),
                status, AdfModelMapper.blankToNull(r.message()), started);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    /** The wall-clock time as written: ADF writes a recurrence's times without an offset in its own time zone. */
    private static LocalDateTime local(OffsetDateTime t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
