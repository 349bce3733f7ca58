package com.adfops.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

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

    // ---- the pipelines ---------------------------------------------------------------------------------------

    private static final DateTimeFormatter ADF_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final byte PLAIN = 0;
    private static final byte PARENT = 1;
    private static final byte CHILD = 2;
    private static final byte RERUN = 3;

    private static final List<String> STATUSES = List.of("Succeeded", "Failed", "Cancelled");
    private static final byte SUCCEEDED = 0;
    private static final byte FAILED = 1;
    private static final byte CANCELLED = 2;

    /** What a pipeline mostly does, by its main activity. */
    private static final int COPY = 0;
    private static final int NOTEBOOK = 1;
    private static final int WEB = 2;

    /** Errors as ADF reports them: code, failure type, the main activity they belong to, linked service. */
    private record ErrorKind(String code, String message, String failureType, int template, String linked) {
    }

    private static final List<ErrorKind> ERRORS = List.of(
            new ErrorKind("2200", BuiltInDataset.SQL_FAILED_TO_CONNECT, "UserError", COPY, "ls_sql_sales_prod"),
            new ErrorKind("2200", BuiltInDataset.BLOB_NOT_EXISTS, "UserError", COPY, "ls_blob_landing"),
            new ErrorKind("2200", BuiltInDataset.TYPE_CONVERSION, "UserError", COPY, "ls_sql_dw"),
            new ErrorKind("2200", BuiltInDataset.ADLS_403, "UserError", COPY, "ls_adls_curated"),
            new ErrorKind("2010", BuiltInDataset.SHIR_2010, "SystemError", COPY, "ls_sqlserver_onprem"),
            new ErrorKind("3204", BuiltInDataset.DATABRICKS_3204, "UserError", NOTEBOOK, "ls_databricks_prod"),
            new ErrorKind("2108", BuiltInDataset.WEB_2108, "UserError", WEB, "ls_rest_partner"));

    private static final String[] VERBS = {"ingest", "copy", "load", "transform", "export", "sync", "refresh", "extract"};
    private static final String[] SUBJECTS = {"sales_orders", "customers", "web_events", "invoices", "shipments",
            "inventory", "telemetry", "products", "suppliers", "payments", "returns", "campaigns", "clickstream",
            "ledger", "employees", "tickets", "contracts", "stores", "forecasts", "sensor_readings", "claims", "leads",
            "subscriptions", "orders_eu", "orders_us", "price_lists", "warehouses", "deliveries", "surveys", "budgets"};
    private static final String[] DOMAINS = {"sales", "finance", "supply", "marketing", "hr", "crm", "ops", "risk"};

    private final Spec spec;
    private final String factory;
    // Per pipeline.
    private final List<String> names;
    private final byte[] pipelineKind;
    private final int[] template;
    private final int[] primaryError;
    private final int[] secondaryError;
    private final String[] trigger;
    private final String[] subject;
    private final int[][] childrenOf;
    // Per run, by slot (sorted by start).
    private final int n;
    private final long[] startMs;
    private final int[] durMs;
    private final int[] pipeline;
    private final byte[] status;
    private final byte[] error;
    private final byte[] kind;
    private final boolean[] superseded;
    private final int[] link;
    private final int[] kids;
    private final long activityRunCount;

    private GeneratedFactory(Spec spec, Builder b, int[] order) {
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
    }

    /** Generates the factory of {@code spec}; its history ends at the spec's end, else at {@code now}. */
    public static GeneratedFactory generate(Spec spec, Instant now) {
        Instant end = (spec.end() != null ? spec.end() : now).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Builder b = new Builder(spec, end);
        b.build();
        int[] order = RunTable.sortedSlots(b.count, i -> b.startMs[i]);
        return new GeneratedFactory(spec, b, order);
    }

    public String factory() {
        return factory;
    }

    public Spec spec() {
        return spec;
    }

    /** Builds the pipelines and then the runs, in generation order (sorted by start afterwards). */
    private static final class Builder {
        final Spec spec;
        final long fromMs;
        final long toMs;
        final SplittableRandom random;
        final List<String> names = new ArrayList<>();
        byte[] pipelineKind;
        int[] template;
        int[] primaryError;
        int[] secondaryError;
        String[] trigger;
        String[] subject;
        int[][] childrenOf;
        double[] periodS;
        double[] offsetS;
        double[] medianS;
        double[] failP;

        int count;
        long[] startMs = new long[1024];
        int[] durMs = new int[1024];
        int[] pipeline = new int[1024];
        byte[] status = new byte[1024];
        byte[] error = new byte[1024];
        byte[] kind = new byte[1024];
        boolean[] superseded = new boolean[1024];
        int[] link = new int[1024];
        int[] kids = new int[1024];
        int kidCount;

        Builder(Spec spec, Instant end) {
            this.spec = spec;
            this.toMs = end.toEpochMilli() + spec.aheadHours() * 3_600_000L;
            this.fromMs = end.toEpochMilli() - spec.days() * 86_400_000L;
            this.random = new SplittableRandom(spec.seed());
        }

        void build() {
            pipelines();
            for (int p = 0; p < names.size(); p++) {
                if (pipelineKind[p] == CHILD) {
                    continue;
                }
                for (double t = fromMs + offsetS[p] * 1000; t < toMs; t += periodS[p] * 1000) {
                    long start = (long) t + random.nextInt(1000);
                    if (start >= toMs) {
                        break;
                    }
                    if (pipelineKind[p] == PARENT) {
                        parentRun(p, start);
                    } else {
                        plainRun(p, start);
                    }
                }
            }
        }

        private void pipelines() {
            int total = spec.pipelines();
            int children = spec.nesting() > 0 && total >= 2 ? (int) Math.max(1, Math.round(total * spec.nesting())) : 0;
            children = Math.min(children, total - 1);
            int parents = children == 0 ? 0 : (children + 9) / 10;
            if (children + parents > total) {
                children = total - parents;
            }
            int plain = total - children - parents;
            pipelineKind = new byte[total];
            template = new int[total];
            primaryError = new int[total];
            secondaryError = new int[total];
            trigger = new String[total];
            subject = new String[total];
            childrenOf = new int[total][];
            periodS = new double[total];
            offsetS = new double[total];
            medianS = new double[total];
            failP = new double[total];
            double[] weight = new double[total];
            double[] flaky = new double[total];
            Map<String, Integer> used = new HashMap<>();
            for (int p = 0; p < total; p++) {
                byte k = p < plain ? PLAIN : p < plain + parents ? PARENT : CHILD;
                pipelineKind[p] = k;
                String subj = SUBJECTS[random.nextInt(SUBJECTS.length)];
                subject[p] = subj;
                String base = switch (k) {
                    case PARENT -> "pl_master_" + DOMAINS[(p - plain) % DOMAINS.length];
                    case CHILD -> "pl_load_stg_" + subj;
                    default -> "pl_" + VERBS[random.nextInt(VERBS.length)] + "_" + subj;
                };
                int seen = used.merge(base, 1, Integer::sum);
                names.add(seen == 1 ? base : base + "_" + seen);
                double r = random.nextDouble();
                template[p] = k == CHILD ? COPY : r < 0.6 ? COPY : r < 0.8 ? NOTEBOOK : WEB;
                List<Integer> fitting = new ArrayList<>();
                for (int e = 0; e < ERRORS.size(); e++) {
                    if (ERRORS.get(e).template() == template[p]) {
                        fitting.add(e);
                    }
                }
                primaryError[p] = fitting.get(random.nextInt(fitting.size()));
                secondaryError[p] = fitting.get(random.nextInt(fitting.size()));
                double f = random.nextDouble();
                flaky[p] = f < 0.55 ? 0.3 : f < 0.9 ? 1.5 : 4;
                // Schedules: a third daily, some every 6 hours, a third hourly, some every 15 minutes.
                double c = random.nextDouble();
                weight[p] = c < 0.35 ? 1 : c < 0.5 ? 4 : c < 0.85 ? 24 : 96;
                double median = weight[p] == 1 ? 600 + random.nextInt(4800) : weight[p] == 4 ? 300 + random.nextInt(1500)
                        : weight[p] == 24 ? 120 + random.nextInt(600) : 60 + random.nextInt(180);
                medianS[p] = k == CHILD ? 60 + random.nextInt(540) : median;
            }
            // Children, about ten a parent.
            for (int j = 0; j < parents; j++) {
                List<Integer> mine = new ArrayList<>();
                for (int c = plain + parents + j; c < total; c += parents) {
                    mine.add(c);
                }
                childrenOf[plain + j] = mine.stream().mapToInt(Integer::intValue).toArray();
            }
            double runsPerDay = spec.runsPerDay();
            double childRuns = children == 0 ? 0 : runsPerDay * spec.nesting();
            double parentRunsEach = children == 0 ? 0 : childRuns / children;
            double plainRuns = Math.max(plain, runsPerDay - childRuns - parents * parentRunsEach);
            // Daily, six-hourly and hourly pipelines keep their schedules; the frequent ones take the rest of the runs
            // (at least every 15 minutes). Fewer runs than that: every schedule stretches alike.
            double fixed = 0;
            int frequent = 0;
            for (int p = 0; p < plain; p++) {
                if (weight[p] < 96) {
                    fixed += weight[p];
                } else {
                    frequent++;
                }
            }
            boolean keep = frequent > 0 && plainRuns >= fixed + frequent * 96;
            double stretch = keep ? 1 : plainRuns / (fixed + frequent * 96);
            double flakyRuns = 0;
            double runs = 0;
            for (int p = 0; p < total; p++) {
                double perDay = switch (pipelineKind[p]) {
                    case PLAIN -> keep ? (weight[p] < 96 ? weight[p] : (plainRuns - fixed) / frequent) : weight[p] * stretch;
                    case PARENT -> Math.max(1.0 / spec.days(), parentRunsEach);
                    default -> parentRunsEach;
                };
                if (pipelineKind[p] != CHILD) {
                    periodS[p] = 86_400 / perDay;
                    offsetS[p] = random.nextDouble() * periodS[p];
                    trigger[p] = triggerName(periodS[p]);
                }
                if (pipelineKind[p] != PARENT) {
                    flakyRuns += flaky[p] * perDay;
                    runs += perDay;
                }
            }
            double scale = flakyRuns == 0 ? 0 : spec.failureRate() * runs / flakyRuns;
            for (int p = 0; p < total; p++) {
                failP[p] = pipelineKind[p] == PARENT ? 0 : Math.min(0.9, flaky[p] * scale);
            }
        }

        private static String triggerName(double periodS) {
            long minutes = Math.max(1, Math.round(periodS / 60));
            if (minutes >= 1380 && minutes <= 1500) {
                return "tr_daily";
            }
            if (minutes >= 55 && minutes <= 65) {
                return "tr_hourly";
            }
            return minutes >= 120 ? "tr_every_" + Math.round(minutes / 60.0) + "h" : "tr_every_" + minutes + "min";
        }

        /** A plain run, and perhaps a rerun of it by hand when it failed. */
        private void plainRun(int p, long start) {
            int slot = add(p, start, PLAIN, -1);
            if (status[slot] == FAILED && random.nextDouble() < spec.rerunRate()) {
                long at = start + durMs[slot] + 300_000L + random.nextInt(85 * 60_000);
                if (at < toMs) {
                    superseded[slot] = true;
                    int rerun = add(p, at, RERUN, slot);
                    if (random.nextDouble() < 0.75) {
                        status[rerun] = SUCCEEDED;
                        error[rerun] = 0;
                        durMs[rerun] = duration(p, false);
                    } else {
                        status[rerun] = FAILED;
                        error[rerun] = error[slot];
                    }
                }
            }
        }

        /** A parent run starting each of its children; it fails when one of them does and ends after the last. */
        private void parentRun(int p, long start) {
            int parent = add(p, start, PARENT, kidCount);
            int[] children = childrenOf[p];
            long end = start + 8_000;
            boolean failed = false;
            for (int j = 0; j < children.length; j++) {
                int child = add(children[j], start + 10_000L + 2_000L * j, CHILD, parent);
                if (kidCount == kids.length) {
                    kids = Arrays.copyOf(kids, kids.length * 2);
                }
                kids[kidCount++] = child;
                end = Math.max(end, startMs[child] + durMs[child] + 1_000);
                failed |= status[child] == FAILED;
            }
            durMs[parent] = (int) (end + 4_000 - start);
            status[parent] = failed ? FAILED : SUCCEEDED;
            error[parent] = 0;
        }

        private int add(int p, long start, byte k, int linkTo) {
            if (count == startMs.length) {
                int cap = count * 2;
                startMs = Arrays.copyOf(startMs, cap);
                durMs = Arrays.copyOf(durMs, cap);
                pipeline = Arrays.copyOf(pipeline, cap);
                status = Arrays.copyOf(status, cap);
                error = Arrays.copyOf(error, cap);
                kind = Arrays.copyOf(kind, cap);
                superseded = Arrays.copyOf(superseded, cap);
                link = Arrays.copyOf(link, cap);
            }
            int s = count++;
            startMs[s] = start;
            pipeline[s] = p;
            kind[s] = k;
            link[s] = linkTo;
            double u = random.nextDouble();
            boolean failed = u < failP[p];
            boolean cancelled = !failed && u < failP[p] + 0.002 && k == PLAIN;
            status[s] = failed ? FAILED : cancelled ? CANCELLED : SUCCEEDED;
            error[s] = (byte) (failed ? 1 + (random.nextDouble() < 0.8 ? primaryError[p] : secondaryError[p]) : 0);
            durMs[s] = duration(p, failed || cancelled);
            return s;
        }

        /** Log-normal around the pipeline's median; a failed run stops part way. */
        private int duration(int p, boolean stoppedEarly) {
            double d = medianS[p] * Math.exp(0.35 * gaussian());
            if (stoppedEarly) {
                d *= 0.15 + 0.55 * random.nextDouble();
            }
            return (int) (Math.max(3, Math.min(4 * 3600, d)) * 1000) + random.nextInt(1000);
        }

        private double gaussian() {
            double u = Math.max(1e-12, random.nextDouble());
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
        }
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
        ObjectNode r = NODES.objectNode();
        String id = runId(slot);
        int p = pipeline[slot];
        r.put("runId", id);
        r.put("runGroupId", kind[slot] == RERUN ? runId(link[slot]) : id);
        r.put("isLatest", !superseded[slot]);
        r.put("pipelineName", names.get(p));
        ObjectNode params = r.putObject("parameters");
        long paramDay = kind[slot] == RERUN ? startMs[link[slot]] : kind[slot] == CHILD ? startMs[link[slot]] : startMs[slot];
        switch (kind[slot]) {
            case CHILD -> {
                params.put("table", subject[p]);
                params.put("mode", "incremental");
                params.put("runDate", day(paramDay));
            }
            case PARENT -> params.put("runDate", day(paramDay));
            default -> params.put("loadDate", day(paramDay));
        }
        r.putObject("runDimensions");
        r.set("invokedBy", invokedBy(slot));
        long end = startMs[slot] + durMs[slot];
        r.put("runStart", time(startMs[slot]));
        r.put("runEnd", time(end));
        r.put("durationInMs", (long) durMs[slot]);
        r.put("lastUpdated", time(end));
        r.put("status", STATUSES.get(status[slot]));
        r.put("message", message(slot));
        r.putObject("annotations");
        return r;
    }

    private ObjectNode invokedBy(int slot) {
        ObjectNode by = NODES.objectNode();
        switch (kind[slot]) {
            case CHILD -> {
                int parent = link[slot];
                int j = childIndex(parent, slot);
                by.put("name", "Run " + names.get(pipeline[slot]));
                by.put("id", activityRunId(parent, 1 + j));
                by.put("invokedByType", "PipelineActivity");
                by.put("pipelineName", names.get(pipeline[parent]));
                by.put("pipelineRunId", runId(parent));
            }
            case RERUN -> {
                by.put("name", "Manual");
                by.put("id", hex(mix(spec.seed() ^ slot * 31L), 16) + hex(mix(slot), 16));
                by.put("invokedByType", "Manual");
            }
            default -> {
                String t = trigger[pipeline[slot]];
                by.put("name", t);
                by.put("id", hex(mix(t.hashCode() + spec.seed()), 16) + hex(mix(t.hashCode()), 16));
                by.put("invokedByType", "ScheduleTrigger");
            }
        }
        return by;
    }

    private String message(int slot) {
        if (status[slot] == CANCELLED) {
            return "The pipeline run was cancelled.";
        }
        if (status[slot] != FAILED) {
            return "";
        }
        if (kind[slot] == PARENT) {
            int[] mine = childrenOfRun(slot);
            for (int child : mine) {
                if (status[child] == FAILED) {
                    return "Operation on target Run " + names.get(pipeline[child]) + " failed: " + message(child);
                }
            }
            return "";
        }
        List<Step> steps = steps(pipeline[slot]);
        ErrorKind e = ERRORS.get(error[slot] - 1);
        return "Operation on target " + steps.get(mainStep(steps.size())).name() + " failed: " + errorMessage(e, slot);
    }

    private String errorMessage(ErrorKind e, int slot) {
        return e.message().contains("%s") ? e.message().formatted(day(startMs[slot])) : e.message();
    }

    private int[] childrenOfRun(int parentSlot) {
        int count = childrenOf[pipeline[parentSlot]].length;
        return Arrays.copyOfRange(kids, link[parentSlot], link[parentSlot] + count);
    }

    private int childIndex(int parent, int child) {
        int[] mine = childrenOfRun(parent);
        for (int j = 0; j < mine.length; j++) {
            if (mine[j] == child) {
                return j;
            }
        }
        return 0;
    }

    // ---- activity runs, made on demand -----------------------------------------------------------------------

    /** One step of a pipeline: an activity's name, type and linked service. */
    private record Step(String name, String type, String linked) {
    }

    /** A plain or child pipeline's steps: before, the main activity, more copies, after (as many as asked). */
    private List<Step> steps(int p) {
        int count = spec.activities();
        String subj = subject[p];
        String linked = ERRORS.get(primaryError[p]).linked();
        Step pre;
        Step main;
        Step post;
        switch (template[p]) {
            case NOTEBOOK -> {
                pre = new Step("Copy raw " + subj, "Copy", "ls_adls_raw");
                main = new Step("Transform " + subj + " notebook", "DatabricksNotebook", linked);
                post = new Step("Update watermark", "SqlServerStoredProcedure", "ls_sql_meta");
            }
            case WEB -> {
                pre = new Step("Get API token", "WebActivity", "");
                main = new Step("Post " + subj + " export", "WebActivity", linked);
                post = new Step("Log export", "SqlServerStoredProcedure", "ls_sql_meta");
            }
            default -> {
                pre = new Step("Lookup watermark", "Lookup", "ls_sql_meta");
                main = new Step("Copy " + subj, "Copy", linked);
                post = new Step("Update watermark", "SqlServerStoredProcedure", "ls_sql_meta");
            }
        }
        List<Step> steps = new ArrayList<>(count);
        if (count == 1) {
            steps.add(main);
            return steps;
        }
        steps.add(pre);
        steps.add(main);
        for (int k = 3; k < count; k++) {
            steps.add(new Step("Copy " + subj + " part " + (k - 1), "Copy", linked));
        }
        if (count >= 3) {
            steps.add(post);
        }
        return steps;
    }

    private static int mainStep(int count) {
        return count == 1 ? 0 : 1;
    }

    private long activityCount(int slot) {
        if (kind[slot] == PARENT) {
            return 1 + childrenOf[pipeline[slot]].length;
        }
        int count = spec.activities();
        return status[slot] == SUCCEEDED ? count : Math.min(count, mainStep(count) + 1);
    }

    @Override
    public List<ObjectNode> activities(int slot) {
        List<ObjectNode> out = new ArrayList<>();
        long start = startMs[slot];
        long end = start + durMs[slot];
        String runId = runId(slot);
        String pipelineName = names.get(pipeline[slot]);
        if (kind[slot] == PARENT) {
            ObjectNode lookup = activity(slot, 0, runId, pipelineName, new Step("Lookup table list", "Lookup", "ls_sql_meta"),
                    start + 1_000, start + 6_000, SUCCEEDED, null);
            out.add(lookup);
            int[] mine = childrenOfRun(slot);
            for (int j = 0; j < mine.length; j++) {
                int child = mine[j];
                String childName = names.get(pipeline[child]);
                ObjectNode err = null;
                if (status[child] == FAILED) {
                    err = error("2200", "Operation on target Run " + childName + " failed: " + message(child),
                            "UserError", "Run " + childName);
                }
                ObjectNode exec = activity(slot, 1 + j, runId, pipelineName,
                        new Step("Run " + childName, "ExecutePipeline", ""), startMs[child] - 1_000,
                        Math.min(end, startMs[child] + durMs[child] + 1_000), status[child], err);
                ObjectNode output = exec.putObject("output");
                output.put("pipelineName", childName);
                output.put("pipelineRunId", runId(child));
                out.add(exec);
            }
            return out;
        }
        List<Step> steps = steps(pipeline[slot]);
        int last = status[slot] == SUCCEEDED ? steps.size() - 1 : Math.min(steps.size() - 1, mainStep(steps.size()));
        // The main activity takes most of the time.
        double[] weight = new double[last + 1];
        double total = 0;
        for (int k = 0; k <= last; k++) {
            weight[k] = k == mainStep(steps.size()) ? 6 : steps.get(k).type().equals("Copy") ? 3 : 1;
            total += weight[k];
        }
        long at = start + 1_000;
        long span = Math.max(last + 1, end - at - 500);
        for (int k = 0; k <= last; k++) {
            long aEnd = k == last ? end - 500 : at + (long) (span * weight[k] / total);
            aEnd = Math.max(aEnd, at + 1);
            byte st = k < last ? SUCCEEDED : status[slot];
            ObjectNode err = null;
            if (st == FAILED) {
                ErrorKind e = ERRORS.get(error[slot] - 1);
                err = error(e.code(), errorMessage(e, slot), e.failureType(), steps.get(k).name());
            }
            out.add(activity(slot, k, runId, pipelineName, steps.get(k), at, aEnd, st, err));
            at = aEnd;
        }
        return out;
    }

    private ObjectNode activity(int slot, int k, String runId, String pipelineName, Step step, long start, long end,
                                byte st, ObjectNode err) {
        ObjectNode a = NODES.objectNode();
        a.put("activityRunEnd", time(end));
        a.put("activityName", step.name());
        a.put("activityRunStart", time(start));
        a.put("activityType", step.type());
        a.put("durationInMs", end - start);
        a.put("status", STATUSES.get(st));
        a.put("pipelineName", pipelineName);
        a.put("pipelineRunId", runId);
        a.put("activityRunId", activityRunId(slot, k));
        a.put("linkedServiceName", step.linked());
        a.putNull("retryAttempt");
        ObjectNode input = a.putObject("input");
        ObjectNode output = a.putObject("output");
        if (step.type().equals("Copy")) {
            boolean sql = step.linked().contains("sql");
            ObjectNode source = input.putObject("source");
            source.put("type", sql ? "SqlServerSource" : "DelimitedTextSource");
            if (sql) {
                source.put("sqlReaderQuery", "SELECT * FROM " + subject[pipeline[slot]] + " WHERE modified >= '"
                        + day(startMs[slot]) + "'");
            }
            input.putObject("sink").put("type", "ParquetSink");
            String runtime = step.linked().contains("onprem") ? "ir-selfhosted-onprem"
                    : "AutoResolveIntegrationRuntime (West Europe)";
            output.put("effectiveIntegrationRuntime", runtime);
            if (st == SUCCEEDED) {
                long rows = 1000 + Math.floorMod(mix(spec.seed() ^ ((long) slot << 8) ^ k), 90_000L);
                output.put("dataRead", rows * 210L);
                output.put("rowsRead", rows);
                output.put("rowsCopied", rows);
                output.put("copyDuration", (end - start) / 1000);
            }
        }
        a.set("error", err != null ? err : error("", "", "", step.name()));
        a.putArray("userProperties");
        if (st != FAILED || !step.type().equals("Copy")) {
            BuiltInDataset.bill(a, step.type(), step.linked(), (int) Math.max(1, (end - start) / 1000));
        }
        return a;
    }

    private String activityRunId(int slot, int k) {
        long h = mix(spec.seed() * 31 + ((long) slot << 6) + k + 0x5EEDL);
        long g = mix(h);
        return hex(h >>> 32, 8) + "-" + hex(h >>> 16, 4) + "-4" + hex(h, 3) + "-" + hex(0x8000 | (g >>> 48) & 0x3fff, 4)
                + "-" + hex(g, 12);
    }

    private static ObjectNode error(String code, String message, String failureType, String target) {
        ObjectNode e = NODES.objectNode();
        e.put("errorCode", code);
        e.put("message", message);
        e.put("failureType", failureType);
        e.put("target", target);
        return e;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** ADF's form, {@code 2026-11-26T02:03:10.1230000Z}, written without a formatter (a page writes three a run). */
    static String time(long ms) {
        long days = Math.floorDiv(ms, 86_400_000L);
        long inDay = Math.floorMod(ms, 86_400_000L);
        java.time.LocalDate d = java.time.LocalDate.ofEpochDay(days);
        if (d.getYear() < 1000 || d.getYear() > 9999) {
            return ADF_TIME.format(Instant.ofEpochMilli(ms));
        }
        char[] c = "0000-00-00T00:00:00.0000000Z".toCharArray();
        put(c, 0, d.getYear(), 4);
        put(c, 5, d.getMonthValue(), 2);
        put(c, 8, d.getDayOfMonth(), 2);
        put(c, 11, (int) (inDay / 3_600_000), 2);
        put(c, 14, (int) (inDay / 60_000 % 60), 2);
        put(c, 17, (int) (inDay / 1000 % 60), 2);
        put(c, 20, (int) (inDay % 1000), 3);
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static String day(long ms) {
        return DAY.format(Instant.ofEpochMilli(ms));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String hex(long v, int digits) {
        char[] c = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            c[i] = Character.forDigit((int) (v & 0xf), 16);
            v >>>= 4;
        }
        return new String(c);
    }
}
