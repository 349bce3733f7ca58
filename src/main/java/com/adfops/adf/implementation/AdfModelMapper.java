package com.adfops.adf.implementation;

import com.adfops.adf.ActivityError;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.BillableDuration;
import com.adfops.adf.CopyProfile;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.azure.resourcemanager.datafactory.models.PipelineRunInvokedBy;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps the SDK's run models to the domain records, once, in one place. */
final class AdfModelMapper {

    private AdfModelMapper() {
    }

    static PipelineRun toDomain(FactoryRef factory, com.azure.resourcemanager.datafactory.models.PipelineRun run) {
        PipelineRunInvokedBy by = run.invokedBy();
        String invokedByType = by == null ? null : by.invokedByType();
        String invokedByName = by == null ? null : by.name();
        String parentRunId = null;
        String parentPipeline = null;
        if (by != null && by.pipelineRunId() != null && !by.pipelineRunId().isBlank()) {
            parentRunId = by.pipelineRunId();
            parentPipeline = by.pipelineName();
        }
        Map<String, String> params = run.parameters() == null ? Map.of() : new LinkedHashMap<>(run.parameters());
        params.values().removeIf(v -> v == null);
        String rerunOf = null;
        Object rerun = run.additionalProperties() == null ? null : run.additionalProperties().get("runGroupId");
        if (run.runGroupId() != null && !run.runGroupId().equals(run.runId())) {
            rerunOf = run.runGroupId();
        } else if (rerun instanceof String s && !s.equals(run.runId())) {
            rerunOf = s;
        }
        return new PipelineRun(
                factory,
                run.runId(),
                run.pipelineName(),
                RunStatus.fromWire(run.status()),
                run.message(),
                instant(run.runStart()),
                instant(run.runEnd()),
                instant(run.lastUpdated()),
                run.durationInMs() == null ? null : run.durationInMs().longValue(),
                params,
                invokedByType,
                invokedByName,
                parentRunId,
                parentPipeline,
                rerunOf);
    }

    /**
     * What an activity run's output tells: the child run of an Execute Pipeline, the runtime, what is billed, and for a
     * Copy or a data flow where its time went ({@link CopyProfileMapper}; null otherwise).
     */
    record OutputFacts(String childRunId, String childPipeline, String runtime, java.util.List<BillableDuration> billing,
                       CopyProfile profile) {
    }

    static OutputFacts output(Object output) {
        String childRunId = null;
        String childPipeline = null;
        String runtime = null;
        java.util.List<BillableDuration> billing = new java.util.ArrayList<>();
        if (output instanceof Map<?, ?> out) {
            if (out.get("billingReference") instanceof Map<?, ?> ref && ref.get("billableDuration") instanceof java.util.List<?> list) {
                String type = string(ref.get("activityType"));
                for (Object o : list) {
                    if (o instanceof Map<?, ?> b && b.get("duration") instanceof Number n) {
                        billing.add(new BillableDuration(type, string(b.get("meterType")), n.doubleValue(), string(b.get("unit"))));
                    }
                }
            }
            childRunId = string(out.get("pipelineRunId"));
            childPipeline = string(out.get("pipelineName"));
            runtime = string(out.get("effectiveIntegrationRuntime"));
        }
        return new OutputFacts(blankToNull(childRunId), blankToNull(childPipeline), blankToNull(runtime), billing,
                CopyProfileMapper.profile(output));
    }

    static ActivityRun toDomain(com.azure.resourcemanager.datafactory.models.ActivityRun a) {
        OutputFacts facts = output(a.output());
        ActivityError error = new ActivityError("", "", "", "");
        if (a.error() instanceof Map<?, ?> err) {
            error = new ActivityError(
                    string(err.get("errorCode")),
                    string(err.get("message")),
                    string(err.get("failureType")),
                    string(err.get("target")));
        }
        String iterationHash = null;
        if (a.additionalProperties() != null) {
            iterationHash = string(a.additionalProperties().get("iterationHash"));
        }
        return new ActivityRun(
                a.pipelineRunId(),
                a.pipelineName(),
                a.activityRunId(),
                a.activityName(),
                a.activityType(),
                RunStatus.fromWire(a.status()),
                instant(a.activityRunStart()),
                instant(a.activityRunEnd()),
                a.durationInMs() == null ? null : a.durationInMs().longValue(),
                error,
                facts.childRunId(),
                facts.childPipeline(),
                a.linkedServiceName(),
                blankToNull(iterationHash),
                facts.runtime(),
                flatten(a.input()),
                facts.billing(),
                facts.profile());
    }

    /** The input's entries, one level into objects ("source.sqlReaderQuery"), bounded in number and length. */
    static Map<String, String> flatten(Object input) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (input instanceof Map<?, ?> in) {
            for (Map.Entry<?, ?> e : in.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> inner) {
                    for (Map.Entry<?, ?> i : inner.entrySet()) {
                        put(out, e.getKey() + "." + i.getKey(), i.getValue());
                    }
                } else {
                    put(out, String.valueOf(e.getKey()), e.getValue());
                }
            }
        }
        return out;
    }

    private static void put(Map<String, String> out, String key, Object value) {
        if (out.size() >= ActivityRun.MAX_INPUT || value == null) {
            return;
        }
        String v = String.valueOf(value);
        out.put(key, v.length() > ActivityRun.MAX_INPUT_VALUE ? v.substring(0, ActivityRun.MAX_INPUT_VALUE) + "…" : v);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    static String string(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
