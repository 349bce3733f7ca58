package com.adfops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.adfops.sim.GeneratedFactory;
import com.adfops.sim.SimDataset;
import com.adfops.sim.SimulatedDataFactoryServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The simulated factory's page time (not a test): a generated factory of N runs over 7 days (300 pipelines, the
 * generator's defaults otherwise) served on loopback; for each query, the time of one {@code queryPipelineRuns} page
 * of 100 runs over HTTP (median and p90 of the repetitions, after a warm-up), and the simulator's own heap (used after
 * a full GC, with the factory, minus without). "Before" is today's scan, reproduced here ({@link LegacyScan}: every
 * run held as JSON, each page filters and sorts them all) and timed in-process, without HTTP, so it is a lower bound
 * of what a page cost before. Run: {@code bench/sim-pages.sh [N ...]}.
 */
public final class SimPageBench {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();
    static final int PAGE = 100;

    /** One query: a window on lastUpdated, filters, RunStart descending (the SDK's order). */
    record Query(String name, Instant after, Instant before, String operand, List<String> values) {
        String body(String token) {
            ObjectNode b = JSON.createObjectNode();
            b.put("lastUpdatedAfter", after.toString());
            b.put("lastUpdatedBefore", before.toString());
            if (operand != null) {
                ObjectNode f = b.putArray("filters").addObject();
                f.put("operand", operand);
                f.put("operator", "In");
                values.forEach(f.putArray("values")::add);
            }
            b.putArray("orderBy").addObject().put("orderBy", "RunStart").put("order", "DESC");
            if (token != null) {
                b.put("continuationToken", token);
            }
            return b.toString();
        }
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {10_000, 100_000, 1_000_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        boolean legacy = !"false".equals(System.getProperty("legacy"));
        for (int n : sizes) {
            run(n, legacy);
        }
    }

    static void run(int n, boolean legacy) throws Exception {
        long before = usedAfterGc();
        long t0 = System.nanoTime();
        SimDataset d = SimDataset.generate(new GeneratedFactory.Spec("adf-bench", 300, (int) Math.ceil(n / 7.0), 7, 0,
                0.03, 0.2, 0.3, 3, 42, NOW), NOW);
        double genMs = (System.nanoTime() - t0) / 1e6;
        int runs = d.pipelineRuns().size();
        long held = usedAfterGc() - before;
        System.out.printf(Locale.ROOT, "sim %d runs: generated in %.0f ms, simulator heap %.1f MB (%.0f bytes per run), "
                + "%d activity runs on demand%n", runs, genMs, held / 1048576.0, held / (double) runs, d.activityRunCount());
        String pipeline = d.pipelineNames().iterator().next();
        List<Query> queries = List.of(
                new Query("last 24 h, first page", NOW.minus(Duration.ofHours(24)), NOW.plusSeconds(60), null, null),
                new Query("week, first page", NOW.minus(Duration.ofDays(8)), NOW.plusSeconds(60), null, null),
                new Query("week, Status=Failed", NOW.minus(Duration.ofDays(8)), NOW.plusSeconds(60), "Status", List.of("Failed")),
                new Query("week, one pipeline", NOW.minus(Duration.ofDays(8)), NOW.plusSeconds(60), "PipelineName", List.of(pipeline)));
        try (SimulatedDataFactoryServer server = SimulatedDataFactoryServer.start(d, JSON, PAGE,
                Clock.fixed(NOW, ZoneOffset.UTC))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create(server.endpoint() + "subscriptions/" + SimulatedDataFactoryServer.SUBSCRIPTION_ID
                    + "/resourceGroups/" + SimulatedDataFactoryServer.RESOURCE_GROUP
                    + "/providers/Microsoft.DataFactory/factories/adf-bench/queryPipelineRuns?api-version=2018-06-01");
            for (Query q : queries) {
                for (int i = 0; i < 30; i++) {
                    post(http, uri, q.body(null));
                }
                double[] ms = new double[100];
                for (int i = 0; i < ms.length; i++) {
                    long s = System.nanoTime();
                    post(http, uri, q.body(null));
                    ms[i] = (System.nanoTime() - s) / 1e6;
                }
                System.out.printf(Locale.ROOT, "sim %d runs: after  %-24s page over HTTP: median %.2f ms, p90 %.2f ms%n",
                        runs, q.name(), pct(ms, 50), pct(ms, 90));
            }
            // Deep pages: the week walked with continuation tokens, 200 pages (or to the end).
            Query week = queries.get(1);
            String token = null;
            int pages = 0;
            long s = System.nanoTime();
            do {
                JsonNode page = JSON.readTree(post(http, uri, week.body(token)));
                token = page.hasNonNull("continuationToken") ? page.get("continuationToken").asText() : null;
                pages++;
            } while (token != null && pages < 200);
            System.out.printf(Locale.ROOT, "sim %d runs: after  %-24s %d pages walked with tokens: %.2f ms a page%n",
                    runs, "week, deep pages", pages, (System.nanoTime() - s) / 1e6 / pages);
        }
        if (!legacy) {
            return;
        }
        // Before: every run held as JSON (as the dataset file's runs were), a scan per page.
        long b0 = usedAfterGc();
        LegacyScan scan = new LegacyScan(new ArrayList<>(d.pipelineRuns()));
        long jsonHeld = usedAfterGc() - b0;
        System.out.printf(Locale.ROOT, "sim %d runs: before runs held as JSON: %.1f MB (%.0f bytes per run)%n", runs,
                jsonHeld / 1048576.0, jsonHeld / (double) runs);
        int reps = runs >= 500_000 ? 3 : runs >= 50_000 ? 10 : 50;
        for (Query q : queries) {
            scan.page(q, NOW);
            double[] ms = new double[reps];
            for (int i = 0; i < reps; i++) {
                long t = System.nanoTime();
                scan.page(q, NOW);
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            System.out.printf(Locale.ROOT, "sim %d runs: before %-24s page in-process (scan): median %.2f ms, p90 %.2f ms%n",
                    runs, q.name(), pct(ms, 50), pct(ms, 90));
        }
    }

    private static String post(HttpClient http, URI uri, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static double pct(double[] values, int p) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[Math.min(v.length - 1, (int) Math.ceil(p / 100.0 * v.length) - 1)];
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /**
     * The simulator's page before this change, reproduced: for every run, its view as of now, the retention, the
     * lastUpdated window and the filters; then a sort of all matches by runStart; then the first page.
     */
    static final class LegacyScan {
        private final List<ObjectNode> runs;

        LegacyScan(List<ObjectNode> runs) {
            this.runs = runs;
        }

        List<ObjectNode> page(Query q, Instant now) {
            Set<String> values = new HashSet<>();
            if (q.values() != null) {
                q.values().forEach(v -> values.add(v.toLowerCase(Locale.ROOT)));
            }
            String field = "PipelineName".equals(q.operand()) ? "pipelineName" : "status";
            Predicate<ObjectNode> filter = q.operand() == null ? r -> true
                    : r -> r.hasNonNull(field) && values.contains(r.get(field).asText().toLowerCase(Locale.ROOT));
            List<ObjectNode> matched = new ArrayList<>();
            for (ObjectNode stored : runs) {
                ObjectNode r = asOf(stored, now);
                if (r == null) {
                    continue;
                }
                Instant updated = firstNonNull(time(r, "lastUpdated"), time(r, "runEnd"), time(r, "runStart"));
                boolean kept = updated == null || !updated.isBefore(now.minus(Duration.ofDays(45)));
                boolean in = updated == null || (!updated.isBefore(q.after()) && updated.isBefore(q.before()));
                if (kept && in && filter.test(r)) {
                    matched.add(r);
                }
            }
            java.util.Map<ObjectNode, Instant> memo = new java.util.IdentityHashMap<>();
            matched.sort(Comparator.comparing((ObjectNode x) -> memo.computeIfAbsent(x,
                    y -> firstNonNull(time(y, "runStart"), Instant.EPOCH))).reversed());
            return new ArrayList<>(matched.subList(0, Math.min(PAGE, matched.size())));
        }

        private static ObjectNode asOf(ObjectNode run, Instant now) {
            Instant start = time(run, "runStart");
            if (start != null && start.isAfter(now)) {
                return null;
            }
            Instant end = time(run, "runEnd");
            if (end == null || !end.isAfter(now)) {
                return run;
            }
            ObjectNode running = run.deepCopy();
            running.put("status", "InProgress");
            running.remove("runEnd");
            running.remove("durationInMs");
            running.put("message", "");
            running.put("lastUpdated", start == null ? now.toString() : start.toString());
            return running;
        }

        private static Instant time(JsonNode n, String field) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull() || v.asText().isBlank()) {
                return null;
            }
            try {
                return java.time.OffsetDateTime.parse(v.asText()).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }

        @SafeVarargs
        private static <T> T firstNonNull(T... values) {
            for (T v : values) {
                if (v != null) {
                    return v;
                }
            }
            return null;
        }
    }
}
