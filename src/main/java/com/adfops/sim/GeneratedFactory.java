package com.adfops.sim;

import static com.adfops.sim.GeneratedFormat.hex;
import static com.adfops.sim.GeneratedFormat.mix;
import static com.adfops.sim.GeneratedShapes.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A factory described in a few lines ({@link Spec}) and generated compactly: each run is a handful of numbers (start,
 * duration, pipeline, status, error, how it was started, a link to its parent or the run it reran); its JSON, its id
 * and its activity runs are made on demand, the same every time. A million runs take about 40 bytes each.
 *
 * <p>The shape of a real factory: scheduled pipelines (every few minutes, hourly, every few hours, daily, scaled to the
 * runs a day asked for), parents that start one child run per table through Execute Pipeline activities, durations
 * with spread, failures that recur with the same error and successes between (some pipelines flaky, most stable), a
 * failed child failing its parent, manual reruns of failed runs (in the failed run's group, mostly succeeding) and a
 * few cancelled runs. Deterministic for a seed and an end.
 *
 * <p>This class holds the runs' numbers; {@link GeneratedHistory} generates them, {@link GeneratedRunJson} makes
 * their JSON.
 */
public final class GeneratedFactory implements SimRuns {

    /**
     * A generated factory: {@code {"generate": {"pipelines": 300, "runsPerDay": 15000, "days": 7, ...}}}.
     *
     * @param factory     the factory's name
     * @param pipelines   how many pipelines (parents and children included)
     * @param runsPerDay  pipeline runs a day, about (reruns come on top)
     * @param days        days of history before {@code end}
     * @param aheadHours  hours of runs after {@code end}: they start and finish as the clock reaches them
     * @param failureRate the share of (non-parent) runs that fail; a parent fails when one of its children does
     * @param nesting     the share of runs that are child runs started by a parent's Execute Pipeline activity
     * @param rerunRate   the share of failed runs rerun by hand (recovery: same run group)
     * @param activities  activity runs in a run of a plain or child pipeline (a parent has one per child, plus a lookup)
     * @param seed        the generator's seed
     * @param end         where the history ends (null: when the simulator starts)
     */
    public record Spec(String factory, int pipelines, int runsPerDay, int days, int aheadHours, double failureRate,
                       double nesting, double rerunRate, int activities, long seed, Instant end) {

        private static final Set<String> FIELDS = Set.of("factory", "pipelines", "runsPerDay", "days", "aheadHours",
                "failureRate", "nesting", "rerunRate", "activities", "seed", "end");

        public Spec {
            if (factory == null || factory.isBlank()) {
                throw new IllegalArgumentException("generate: \"factory\" must name the factory");
            }
            check(pipelines >= 1 && pipelines <= 100_000, "\"pipelines\" must be 1 to 100000");
            check(runsPerDay >= 1 && runsPerDay <= 5_000_000, "\"runsPerDay\" must be 1 to 5000000");
            check(days >= 1 && days <= 90, "\"days\" must be 1 to 90");
            check(aheadHours >= 0 && aheadHours <= 24 * 30, "\"aheadHours\" must be 0 to 720");
            check(failureRate >= 0 && failureRate <= 1, "\"failureRate\" must be 0 to 1");
            check(nesting >= 0 && nesting <= 0.9, "\"nesting\" must be 0 to 0.9");
            check(rerunRate >= 0 && rerunRate <= 1, "\"rerunRate\" must be 0 to 1");
            check(activities >= 1 && activities <= 20, "\"activities\" must be 1 to 20");
            check((double) runsPerDay * (days + aheadHours / 24.0) <= 20_000_000,
                    "at most 20,000,000 runs (runsPerDay x (days + aheadHours/24))");
        }

        /** A spec with the defaults for what is not given. */
        public static Spec of(int pipelines, int runsPerDay, int days, long seed, Instant end) {
            return new Spec("adf-generated", pipelines, runsPerDay, days, 0, 0.03, 0.2, 0.3, 3, seed, end);
        }

        /** Reads the {@code generate} object of a dataset file; the message says what is wrong. */
        public static Spec parse(JsonNode g) {
            if (g == null || !g.isObject()) {
                throw new IllegalArgumentException("dataset: \"generate\" must be an object");
            }
            g.fieldNames().forEachRemaining(f -> {
                if (!FIELDS.contains(f)) {
                    throw new IllegalArgumentException("generate: unknown field \"" + f + "\"; known: " + FIELDS);
                }
            });
            Instant end = null;
            if (g.hasNonNull("end")) {
                end = SimDataset.time(g, "end");
                if (end == null) {
                    throw new IllegalArgumentException("generate: \"end\" must be a date-time such as 2026-11-26T12:00:00Z");
                }
            }
            return new Spec(g.hasNonNull("factory") ? g.get("factory").asText() : "adf-generated",
                    integer(g, "pipelines", 100), integer(g, "runsPerDay", 2000), integer(g, "days", 7),
                    integer(g, "aheadHours", 24), number(g, "failureRate", 0.03), number(g, "nesting", 0.2),
                    number(g, "rerunRate", 0.3), integer(g, "activities", 3),
                    g.hasNonNull("seed") ? g.get("seed").asLong() : 42, end);
        }

        private static int integer(JsonNode g, String field, int dflt) {
            JsonNode v = g.get(field);
            if (v == null || v.isNull()) {
                return dflt;
            }
            check(v.canConvertToInt() && v.isIntegralNumber(), "\"" + field + "\" must be a whole number");
            return v.asInt();
        }

        private static double number(JsonNode g, String field, double dflt) {
            JsonNode v = g.get(field);
            if (v == null || v.isNull()) {
                return dflt;
            }
            check(v.isNumber(), "\"" + field + "\" must be a number");
            return v.asDouble();
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException("generate: " + message);
            }
        }
    }

    private final Spec spec;
    private final String factory;
    // Per pipeline (package-private: GeneratedRunJson reads them).
    final List<String> names;
    private final byte[] pipelineKind;
    final int[] template;
    final int[] primaryError;
    private final int[] secondaryError;
    final String[] trigger;
    final String[] subject;
    final int[][] childrenOf;
    // Per run, by slot (sorted by start).
    private final int n;
    final long[] startMs;
    final int[] durMs;
    final int[] pipeline;
    final byte[] status;
    final byte[] error;
    final byte[] kind;
    final boolean[] superseded;
    final int[] link;
    final int[] kids;
    private final long activityRunCount;
    private final GeneratedRunJson runJson;

    private GeneratedFactory(Spec spec, GeneratedHistory b, int[] order) {
        this.spec = spec;
        this.factory = spec.factory();
        this.names = List.copyOf(b.names);
        this.pipelineKind = b.pipelineKind;
        this.template = b.template;
        this.primaryError = b.primaryError;
        this.secondaryError = b.secondaryError;
        this.trigger = b.trigger;
        this.subject = b.subject;
        this.childrenOf = b.childrenOf;
        this.n = b.count;
        int[] inverse = new int[n];
        for (int j = 0; j < n; j++) {
            inverse[order[j]] = j;
        }
        startMs = new long[n];
        durMs = new int[n];
        pipeline = new int[n];
        status = new byte[n];
        error = new byte[n];
        kind = new byte[n];
        superseded = new boolean[n];
        link = new int[n];
        for (int j = 0; j < n; j++) {
            int i = order[j];
            startMs[j] = b.startMs[i];
            durMs[j] = b.durMs[i];
            pipeline[j] = b.pipeline[i];
            status[j] = b.status[i];
            error[j] = b.error[i];
            kind[j] = b.kind[i];
            superseded[j] = b.superseded[i];
            link[j] = b.kind[i] == CHILD || b.kind[i] == RERUN ? inverse[b.link[i]] : b.link[i];
        }
        kids = Arrays.copyOf(b.kids, b.kidCount);
        for (int k = 0; k < kids.length; k++) {
            kids[k] = inverse[kids[k]];
        }
        long acts = 0;
        for (int s = 0; s < n; s++) {
            acts += activityCount(s);
        }
        this.activityRunCount = acts;
        this.runJson = new GeneratedRunJson(this);
    }

    /** Generates the factory of {@code spec}; its history ends at the spec's end, else at {@code now}. */
    public static GeneratedFactory generate(Spec spec, Instant now) {
        Instant end = (spec.end() != null ? spec.end() : now).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        GeneratedHistory b = new GeneratedHistory(spec, end);
        b.build();
        int[] order = SortedSlots.sortedSlots(b.count, i -> b.startMs[i]);
        return new GeneratedFactory(spec, b, order);
    }

    public String factory() {
        return factory;
    }

    public Spec spec() {
        return spec;
    }

    // ---- SimRuns ---------------------------------------------------------------------------------------------

    @Override
    public int size() {
        return n;
    }

    @Override
    public long start(int slot) {
        return startMs[slot] * 1000;
    }

    @Override
    public long end(int slot) {
        return (startMs[slot] + durMs[slot]) * 1000;
    }

    @Override
    public long updated(int slot) {
        return end(slot);
    }

    @Override
    public int pipeline(int slot) {
        return pipeline[slot];
    }

    @Override
    public List<String> pipelineNames() {
        return names;
    }

    @Override
    public int status(int slot) {
        return status[slot];
    }

    @Override
    public List<String> statusNames() {
        return STATUSES;
    }

    @Override
    public long activityRunCount() {
        return activityRunCount;
    }

    /** Run ids are UUIDs whose last group is the slot, so a lookup is a parse. */
    String runId(int slot) {
        long h = mix(spec.seed() * 0x9E3779B97F4A7C15L + slot);
        return hex(h >>> 32, 8) + "-" + hex(h >>> 16, 4) + "-4" + hex(h, 3) + "-" + hex(0x8000 | (h >>> 48) & 0x3fff, 4)
                + "-" + hex(slot, 12);
    }

    @Override
    public int slotOf(String runId) {
        if (runId == null || runId.length() != 36 || runId.charAt(23) != '-') {
            return -1;
        }
        long slot;
        try {
            slot = Long.parseLong(runId.substring(24), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
        return slot >= 0 && slot < n && runId.equalsIgnoreCase(runId((int) slot)) ? (int) slot : -1;
    }

    @Override
    public ObjectNode json(int slot) {
        return runJson.json(slot);
    }

    @Override
    public List<ObjectNode> activities(int slot) {
        return runJson.activities(slot);
    }

    private long activityCount(int slot) {
        if (kind[slot] == PARENT) {
            return 1 + childrenOf[pipeline[slot]].length;
        }
        int count = spec.activities();
        return status[slot] == SUCCEEDED ? count : Math.min(count, GeneratedRunJson.mainStep(count) + 1);
    }
}
