package com.adfops.schedule;

import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryDefinitions.Trigger;
import com.adfops.adf.FactoryDefinitions.TriggerKind;
import com.adfops.adf.FactoryDefinitions.TriggerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The runs a factory's schedule and tumbling window triggers are expected to start in a span, and the triggers whose
 * time zone was not understood (their times were read as UTC). Event triggers expect nothing.
 *
 * @param runs         the expected runs, in {@link ExpectedRun#ORDER}
 * @param assumedUtc   the schedule triggers whose time zone is unknown, with the name as written: read as UTC
 */
public record ExpectedRuns(List<ExpectedRun> runs, List<AssumedUtc> assumedUtc) {

    public ExpectedRuns {
        runs = List.copyOf(runs);
        assumedUtc = List.copyOf(assumedUtc);
    }

    /** A trigger whose time zone is not a known Windows or IANA name: its times were read as UTC. */
    public record AssumedUtc(String trigger, String timeZone) {
    }

    /**
     * The runs expected in {@code [from, to)}.
     *
     * @param startedOnly only of triggers that are started (what will run); else of every trigger (what should have)
     */
    public static ExpectedRuns between(FactoryDefinitions defs, Instant from, Instant to, boolean startedOnly) {
        List<ExpectedRun> runs = new ArrayList<>();
        List<AssumedUtc> assumed = new ArrayList<>();
        for (Trigger t : defs.triggers()) {
            if (startedOnly && t.state() != TriggerState.STARTED) {
                continue;
            }
            if (t.kind() == TriggerKind.SCHEDULE && t.recurrence() != null) {
                TimeZones.ResolvedZone zone = TimeZones.resolve(t.recurrence().timeZone());
                if (!zone.known()) {
                    assumed.add(new AssumedUtc(t.name(), zone.name()));
                }
                for (Instant at : Recurrences.firings(t.recurrence(), zone.zone(), from, to)) {
                    for (String p : t.pipelines()) {
                        runs.add(new ExpectedRun(p, t.name(), t.kind(), at, null, null));
                    }
                }
            } else if (t.kind() == TriggerKind.TUMBLING_WINDOW && t.window() != null) {
                for (TumblingWindows.Window w : TumblingWindows.due(t.window(), from, to)) {
                    for (String p : t.pipelines()) {
                        runs.add(new ExpectedRun(p, t.name(), t.kind(), w.due(), w.start(), w.end()));
                    }
                }
            }
        }
        runs.sort(ExpectedRun.ORDER);
        return new ExpectedRuns(runs, assumed);
    }
}
