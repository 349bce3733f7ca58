package com.adfops.diagnosis;

import com.adfops.adf.ActivityRun;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.SecretRedactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between a pipeline's last success and a failed run: parameters, how it was triggered, how long it
 * ran, and per activity (by name) the integration runtime and the inputs. Values that look like secrets (by their
 * name or their content) are masked.
 */
public final class RunComparison {

    /** One difference; {@code before} is the last success's, {@code after} the failed run's ("—" when absent). */
    public record Change(String what, String before, String after) {
    }

    private static final int MAX_VALUE = 160;

    private RunComparison() {
    }

    public static List<Change> compare(PipelineRun success, List<ActivityRun> successActivities, PipelineRun failed,
                                       List<ActivityRun> failedActivities) {
        List<Change> out = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(success.parameters().keySet());
        keys.addAll(failed.parameters().keySet());
        for (String k : keys) {
            String a = success.parameters().get(k);
            String b = failed.parameters().get(k);
            if (!Objects.equals(a, b)) {
                out.add(new Change("Parameter " + k, shown(k, a), shown(k, b)));
            }
        }
        String triggerA = trigger(success);
        String triggerB = trigger(failed);
        if (!triggerA.equals(triggerB)) {
            out.add(new Change("Triggered by", triggerA, triggerB));
        }
        Map<String, ActivityRun> before = byName(successActivities);
        Map<String, ActivityRun> after = byName(failedActivities);
        for (Map.Entry<String, ActivityRun> e : after.entrySet()) {
            ActivityRun a = before.get(e.getKey());
            ActivityRun b = e.getValue();
            if (a == null) {
                out.add(new Change("Activity " + e.getKey(), "did not run", "ran (" + b.status().wireName() + ")"));
                continue;
            }
            if (!Objects.equals(a.integrationRuntime(), b.integrationRuntime())) {
                out.add(new Change("Integration runtime of " + e.getKey(), orDash(a.integrationRuntime()),
                        orDash(b.integrationRuntime())));
            }
            Set<String> inputs = new LinkedHashSet<>(a.input().keySet());
            inputs.addAll(b.input().keySet());
            for (String k : inputs) {
                String x = a.input().get(k);
                String y = b.input().get(k);
                if (!Objects.equals(x, y)) {
                    out.add(new Change("Input " + k + " of " + e.getKey(), shown(k, x), shown(k, y)));
                }
            }
        }
        for (String name : before.keySet()) {
            if (!after.containsKey(name)) {
                out.add(new Change("Activity " + name, "ran", "did not run"));
            }
        }
        return out;
    }

    /** The latest run of each activity name (retries and loop iterations collapse to one). */
    private static Map<String, ActivityRun> byName(List<ActivityRun> runs) {
        Map<String, ActivityRun> out = new LinkedHashMap<>();
        for (ActivityRun r : runs) {
            if (r.iterationHash() == null) {
                out.put(r.activityName(), r);
            }
        }
        return out;
    }

    static String shown(String key, String value) {
        if (value == null) {
            return "—";
        }
        if (SecretRedactor.isSecretParameter(key)) {
            return "*** (masked)";
        }
        String v = SecretRedactor.redact(value);
        return v.length() > MAX_VALUE ? v.substring(0, MAX_VALUE) + "…" : v;
    }

    private static String trigger(PipelineRun r) {
        String type = r.invokedByType() == null ? "" : r.invokedByType();
        String name = r.invokedByName() == null ? "" : r.invokedByName();
        return name.isEmpty() || name.equalsIgnoreCase(type) ? orDash(type) : name + " (" + type + ")";
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s.toLowerCase(Locale.ROOT).equals("null") ? "—" : s;
    }
}
