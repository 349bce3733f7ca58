package com.adfops.sim;

import static com.adfops.sim.GeneratedShapes.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates a {@link GeneratedFactory}: the pipelines of its spec (names, schedules, durations, how flaky, the errors
 * they fail with, parents and their children), then their runs in generation order, a few numbers each (the factory
 * sorts them by start afterwards). Deterministic for a spec and an end.
 */
final class GeneratedHistory {

    private static final String[] VERBS = {"ingest", "copy", "load", "transform", "export", "sync", "refresh", "extract"};
    private static final String[] SUBJECTS = {"sales_orders", "customers", "web_events", "invoices", "shipments",
            "inventory", "telemetry", "products", "suppliers", "payments", "returns", "campaigns", "clickstream",
            "ledger", "employees", "tickets", "contracts", "stores", "forecasts", "sensor_readings", "claims", "leads",
            "subscriptions", "orders_eu", "orders_us", "price_lists", "warehouses", "deliveries", "surveys", "budgets"};
    private static final String[] DOMAINS = {"sales", "finance", "supply", "marketing", "hr", "crm", "ops", "risk"};

    final GeneratedFactory.Spec spec;
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

    GeneratedHistory(GeneratedFactory.Spec spec, Instant end) {
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
