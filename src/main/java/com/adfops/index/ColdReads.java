package com.adfops.index;

import com.adfops.adf.DataFactory;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The part of a window older than the memory: read from Data Factory with its edges widened to {@link #COLD_STEP}
 * (and one step more at the newer end), so questions moments apart share one read, and kept for {@link #COLD_TTL}
 * (the "period before" of every comparison, asked again and again, costs one read, not one per question). The part
 * the memory holds comes from the memory, whose (newer) state of a run wins.
 */
final class ColdReads {

    /** How wide the older windows are read (their edges a multiple of it). */
    static final Duration COLD_STEP = Duration.ofMinutes(10);
    /** How long such a read answers (older runs hardly change). */
    static final Duration COLD_TTL = Duration.ofMinutes(10);
    private static final int COLD_ENTRIES = 128;

    /** A read of Data Factory for a window older than the memory, kept a few minutes. */
    record ColdRead(FactoryRef factory, RunQuery wide, Instant readAt, List<PipelineRun> runs) {

        /** Whether this read holds every run {@code query} asks for up to {@code to}, and is still fresh at {@code now}. */
        boolean answers(FactoryRef f, RunQuery query, Instant to, Instant now) {
            return factory.equals(f) && readAt.plus(COLD_TTL).isAfter(now) && runs.size() < wide.maxRuns()
                    && wide.pipelineNames().equals(query.pipelineNames()) && wide.statuses().equals(query.statuses())
                    && !wide.from().isAfter(query.from()) && !wide.to().isBefore(to);
        }
    }

    private final List<ColdRead> cold = new CopyOnWriteArrayList<>();
    private final DataFactory source;
    private final Clock clock;
    private final SingleFlight flight;

    ColdReads(DataFactory source, Clock clock, SingleFlight flight) {
        this.source = source;
        this.clock = clock;
        this.flight = flight;
    }

    /** {@code query}, whose window reaches back beyond {@code held} (where the memory {@code snap} starts). */
    List<PipelineRun> withOlderPart(FactoryRef factory, RunQuery query, Snapshot snap, Instant held) {
        ColdRead read = coldRead(factory, query, coldEnd(query, held));
        Map<String, PipelineRun> byId = new LinkedHashMap<>();
        for (PipelineRun r : read.runs()) {
            // Up to the window's end: the read reaches a step past the memory's start, which covers the seconds a
            // refresh may already have let go; for a run in both, the memory's (newer) state wins below.
            Instant u = updated(r);
            if (!u.isBefore(query.from()) && u.isBefore(query.to())) {
                byId.put(r.runId(), r);
            }
        }
        if (query.to().isAfter(held)) {
            for (PipelineRun r : MemoryQuery.runs(snap, new RunQuery(held, query.to(), query.pipelineNames(),
                    query.statuses(), query.maxRuns()))) {
                byId.put(r.runId(), r);
            }
        }
        List<PipelineRun> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparing(PipelineRun::sortTime).reversed());
        return out.size() > query.maxRuns() ? List.copyOf(out.subList(0, query.maxRuns())) : List.copyOf(out);
    }

    private ColdRead coldRead(FactoryRef factory, RunQuery query, Instant coldTo) {
        Instant now = clock.instant();
        ColdRead held = cached(factory, query, coldTo, now);
        if (held != null) {
            return held;
        }
        RunQuery wide = new RunQuery(floor(query.from()), ceil(coldTo).plus(COLD_STEP), query.pipelineNames(),
                query.statuses(), query.maxRuns());
        ColdRead fresh = flight.once(List.of("cold", factory, wide),
                () -> new ColdRead(factory, wide, clock.instant(), List.copyOf(source.queryPipelineRuns(factory, wide))));
        cold.removeIf(x -> !x.readAt().plus(COLD_TTL).isAfter(now) || x == fresh);
        if (cold.size() < COLD_ENTRIES) {
            cold.add(fresh);
        }
        return fresh;
    }

    /** The kept read that answers the older part of {@code query} ending at {@code coldTo}, or null. */
    ColdRead cached(FactoryRef factory, RunQuery query, Instant coldTo, Instant now) {
        for (ColdRead c : cold) {
            if (c.answers(factory, query, coldTo, now)) {
                return c;
            }
        }
        return null;
    }

    /** Where the older part of {@code query} ends: at the memory's start, or at the window's end before it. */
    static Instant coldEnd(RunQuery query, Instant held) {
        return query.to().isBefore(held) ? query.to() : held;
    }

    private static Instant floor(Instant t) {
        long step = COLD_STEP.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), step) * step);
    }

    private static Instant ceil(Instant t) {
        Instant f = floor(t);
        return f.equals(t) ? t : f.plus(COLD_STEP);
    }

    private static Instant updated(PipelineRun r) {
        return r.lastUpdated() != null ? r.lastUpdated() : r.sortTime();
    }
}
