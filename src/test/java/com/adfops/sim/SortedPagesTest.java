package com.adfops.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.MutableClock;
import com.adfops.TestSim;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunRequest;
import com.adfops.adf.RunStatus;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.datafactory.DataFactoryManager;
import com.azure.resourcemanager.datafactory.models.PipelineRunsQueryResponse;
import com.azure.resourcemanager.datafactory.models.RunFilterParameters;
import com.azure.resourcemanager.datafactory.models.RunQueryFilter;
import com.azure.resourcemanager.datafactory.models.RunQueryFilterOperand;
import com.azure.resourcemanager.datafactory.models.RunQueryFilterOperator;
import com.azure.resourcemanager.datafactory.models.RunQueryOrder;
import com.azure.resourcemanager.datafactory.models.RunQueryOrderBy;
import com.azure.resourcemanager.datafactory.models.RunQueryOrderByField;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages of the sorted runs, through the real SDK, equal a brute-force filter of the same runs: random windows,
 * filters and orders, continuation tokens walked to the end, no run twice, none missing; on a generated factory (with
 * runs in progress and runs not started yet), on the built-in one, and after writes moved runs.
 */
class SortedPagesTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final List<String> STATUSES = List.of("Queued", "InProgress", "Succeeded", "Failed", "Canceling", "Cancelled");

    private static SimDataset generated(long seed) {
        // Two days of history and six hours ahead: at NOW some runs are running, the later ones not there yet.
        return SimDataset.generate(new GeneratedFactory.Spec("adf-gen", 40, 1500, 2, 6, 0.05, 0.25, 0.4, 3, seed, NOW), NOW);
    }

    @Test
    void randomQueriesOnAGeneratedFactoryEqualABruteForceFilter() {
        MutableClock clock = new MutableClock(NOW);
        try (TestSim sim = TestSim.of(generated(11), 150, clock)) {
            Random random = new Random(11);
            for (int q = 0; q < 20; q++) {
                checkRandomQuery(sim, clock.instant(), random);
            }
        }
    }

    @Test
    void shortPagesWithTokensWhenAPageLooksAtItsBudgetStillGiveEveryRun() {
        MutableClock clock = new MutableClock(NOW);
        try (TestSim sim = TestSim.of(generated(12), 50, clock)) {
            // A page stops after 300 runs looked at: a rare status comes back over many short (even empty) pages.
            sim.server.setPageBudget(300);
            Random random = new Random(12);
            for (int q = 0; q < 8; q++) {
                checkRandomQuery(sim, clock.instant(), random);
            }
            Query cancelled = new Query(NOW.minus(Duration.ofDays(3)), NOW.plusSeconds(1),
                    List.of(filter(RunQueryFilterOperand.STATUS, RunQueryFilterOperator.IN, List.of("Cancelled"))),
                    RunQueryOrderByField.RUN_START, true);
            Walk walk = walk(sim, cancelled);
            assertThat(walk.pages).isGreaterThan(walk.ids.size() / 50 + 5);
            assertSame(walk, expected(sim, cancelled, NOW), cancelled);
        }
    }

    @Test
    void theBuiltInFactoryPagesEqualABruteForceFilter() {
        try (TestSim sim = TestSim.builtIn(NOW, 23)) {
            Random random = new Random(5);
            for (int q = 0; q < 20; q++) {
                checkRandomQuery(sim, NOW, random);
            }
        }
    }

    @Test
    void theSdkPathOfTheBotReadsWhatABruteForceFilterFinds() {
        try (TestSim sim = TestSim.of(generated(13), 100, java.time.Clock.fixed(NOW, ZoneOffset.UTC))) {
            String pipeline = sim.server.runsNow().stream().filter(r -> r.get("status").asText().equals("Failed"))
                    .findFirst().orElseThrow().get("pipelineName").asText();
            RunQuery all = new RunQuery(NOW.minus(Duration.ofDays(3)), NOW.plusSeconds(60), Set.of(), Set.of(), 100_000);
            RunQuery failedOfOne = new RunQuery(NOW.minus(Duration.ofDays(3)), NOW.plusSeconds(60), Set.of(pipeline),
                    Set.of(RunStatus.FAILED, RunStatus.IN_PROGRESS), 100_000);
            for (RunQuery q : List.of(all, failedOfOne)) {
                List<PipelineRun> runs = sim.adf.queryPipelineRuns(sim.factory, q);
                Set<String> expected = new HashSet<>();
                for (ObjectNode r : sim.server.runsNow()) {
                    Instant updated = updated(r);
                    boolean in = updated == null || (!updated.isBefore(q.from()) && updated.isBefore(q.to()));
                    boolean named = q.pipelineNames().isEmpty() || q.pipelineNames().contains(r.get("pipelineName").asText());
                    boolean status = q.statuses().isEmpty() || q.statuses().stream()
                            .anyMatch(s -> s.wireName().equals(r.get("status").asText()));
                    if (in && named && status) {
                        expected.add(r.get("runId").asText());
                    }
                }
                assertThat(runs).extracting(PipelineRun::runId).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(expected);
                assertThat(expected).isNotEmpty();
            }
        }
    }

    @Test
    void writesKeepTheSortedRunsRight() {
        MutableClock clock = new MutableClock(NOW);
        try (TestSim sim = TestSim.of(generated(14), 120, clock)) {
            sim.server.setRerunDuration(Duration.ofSeconds(40));
            Random random = new Random(14);
            // Cancel a running run: it ends now, so its lastUpdated moves from its start to now.
            ObjectNode running = sim.server.runsNow().stream().filter(r -> r.get("status").asText().equals("InProgress")
                    && r.get("invokedBy").get("invokedByType").asText().equals("ScheduleTrigger")).findFirst().orElseThrow();
            String runningId = running.get("runId").asText();
            clock.advance(Duration.ofSeconds(5));
            sim.adf.cancelRun(sim.factory, runningId, true);
            Query lastMinute = new Query(clock.instant().minusSeconds(1), clock.instant().plusSeconds(1), List.of(),
                    RunQueryOrderByField.RUN_START, true);
            Walk walk = walk(sim, lastMinute);
            assertThat(walk.ids).contains(runningId);
            assertSame(walk, expected(sim, lastMinute, clock.instant()), lastMinute);
            Query before = new Query(SimDataset.time(running, "runStart"), SimDataset.time(running, "runStart").plusMillis(1),
                    List.of(), RunQueryOrderByField.RUN_START, true);
            assertThat(walk(sim, before).ids).doesNotContain(runningId);

            // Rerun a failed run, twice (the second rerun of the same run); cancel the first rerun while it runs.
            ObjectNode failed = sim.server.runsNow().stream().filter(r -> r.get("status").asText().equals("Failed")
                    && r.get("invokedBy").get("invokedByType").asText().equals("ScheduleTrigger")).findFirst().orElseThrow();
            String rerun = sim.adf.createRun(sim.factory, RunRequest.whole(failed.get("pipelineName").asText(),
                    failed.get("runId").asText()));
            clock.advance(Duration.ofSeconds(10));
            String again = sim.adf.createRun(sim.factory, RunRequest.fromFailure(failed.get("pipelineName").asText(),
                    failed.get("runId").asText()));
            for (int q = 0; q < 10; q++) {
                checkRandomQuery(sim, clock.instant(), random);
            }
            sim.adf.cancelRun(sim.factory, rerun, true);
            clock.advance(Duration.ofMinutes(2));
            Query recent = new Query(NOW, clock.instant().plusSeconds(1), List.of(), RunQueryOrderByField.RUN_START, false);
            Walk after = walk(sim, recent);
            assertThat(after.ids).contains(rerun, again, runningId);
            assertSame(after, expected(sim, recent, clock.instant()), recent);
            assertThat(sim.adf.getPipelineRun(sim.factory, rerun).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(sim.adf.getPipelineRun(sim.factory, again).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
            for (int q = 0; q < 20; q++) {
                checkRandomQuery(sim, clock.instant(), random);
            }
        }
        // The same on a factory held as JSON (the built-in one).
        try (TestSim sim = TestSim.of(BuiltInDataset.generate(TestSim.JSON, NOW, 42), 13, clock)) {
            Random random = new Random(15);
            ObjectNode running = sim.server.runsNow().stream().filter(r -> r.get("status").asText().equals("InProgress"))
                    .findFirst().orElseThrow();
            sim.adf.cancelRun(sim.factory, running.get("runId").asText(), true);
            ObjectNode failed = sim.server.runsNow().stream().filter(r -> r.get("status").asText().equals("Failed"))
                    .findFirst().orElseThrow();
            sim.adf.createRun(sim.factory, RunRequest.whole(failed.get("pipelineName").asText(), failed.get("runId").asText()));
            clock.advance(Duration.ofMinutes(1));
            for (int q = 0; q < 20; q++) {
                checkRandomQuery(sim, clock.instant(), random);
            }
        }
    }

    @Test
    void aRunCancelledBetweenPagesWithTheStartOfTheTokenIsNeitherSkippedNorReturnedTwice(@TempDir Path dir) {
        for (boolean desc : List.of(true, false)) {
            MutableClock clock = new MutableClock(NOW);
            try (TestSim sim = TestSim.of(tiedStarts(dir.resolve("tied-" + desc + ".json")), 4, clock)) {
                Query q = new Query(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofHours(1)), List.of(),
                        RunQueryOrderByField.RUN_START, desc);
                List<String> cancelled = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                Walk walk = walk(sim, q, (token, page) -> {
                    seen.addAll(page);
                    if (token == null) {
                        return;
                    }
                    long key = tokenKey(token);
                    // The run the token names (the last of the page) and one not returned yet, both of the token's
                    // start and running: a cancel writes each again, at a new slot, with the same start.
                    String last = page.isEmpty() ? null : page.get(page.size() - 1);
                    String ahead = null;
                    for (ObjectNode r : sim.server.runsNow()) {
                        String id = r.get("runId").asText();
                        if (r.get("status").asText().equals("InProgress")
                                && SimRuns.micros(SimDataset.time(r, "runStart")) == key && !seen.contains(id)) {
                            ahead = id;
                            break;
                        }
                    }
                    for (String id : java.util.Arrays.asList(last, ahead)) {
                        ObjectNode r = id == null ? null : sim.server.runsNow().stream()
                                .filter(x -> x.get("runId").asText().equals(id)).findFirst().orElseThrow();
                        if (r != null && r.get("status").asText().equals("InProgress")
                                && SimRuns.micros(SimDataset.time(r, "runStart")) == key) {
                            clock.advance(Duration.ofSeconds(1));
                            sim.adf.cancelRun(sim.factory, id, true);
                            cancelled.add(id);
                        }
                    }
                });
                assertThat(cancelled).as("cancels between pages, desc=%s", desc).hasSizeGreaterThan(6);
                assertSame(walk, expected(sim, q, clock.instant()), q);
            }
        }
    }

    @Test
    void aFullPageLookingForOneMoreRunStopsAtTheBudget(@TempDir Path dir) {
        MutableClock clock = new MutableClock(NOW);
        // Ten failed runs, the latest; 5000 succeeded before them: a filter on Failed finds its last page at once.
        try (TestSim sim = TestSim.of(sparse(dir.resolve("sparse.json")), 10, clock)) {
            sim.server.setPageBudget(200);
            RunTable table = sim.server.dataset().table();
            for (boolean desc : List.of(true, false)) {
                Query failed = new Query(NOW.minus(Duration.ofDays(10)), NOW.plusSeconds(1),
                        List.of(filter(RunQueryFilterOperand.STATUS, RunQueryFilterOperator.IN, List.of("Failed"))),
                        RunQueryOrderByField.RUN_START, desc);
                List<Long> looked = new ArrayList<>();
                long[] before = {table.looked.get()};
                Walk walk = walk(sim, failed, (token, page) -> {
                    long now = table.looked.get();
                    looked.add(now - before[0]);
                    before[0] = now;
                });
                assertThat(looked).as("runs looked at per page, desc=%s", desc).allMatch(l -> l <= 200);
                assertThat(walk.ids).hasSize(10);
                assertSame(walk, expected(sim, failed, NOW), failed);
            }
        }
    }

    /** The key of a runStart page's token ({@code sim:s:<d|a>:<key>:<slot>}). */
    private static long tokenKey(String token) {
        String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
        return Long.parseLong(parts[3]);
    }

    /** Runs on few start times (schedules firing on the same second): most of them running at NOW. */
    private static SimDataset tiedStarts(Path file) {
        ArrayNode runs = TestSim.JSON.createArrayNode();
        Instant[] starts = {NOW.minus(Duration.ofMinutes(40)), NOW.minus(Duration.ofMinutes(10)), NOW.minus(Duration.ofMinutes(5))};
        int[] counts = {6, 30, 14};
        int id = 0;
        for (int g = 0; g < starts.length; g++) {
            for (int i = 0; i < counts[g]; i++) {
                boolean running = i % 3 != 0;
                Instant end = running ? NOW.plus(Duration.ofHours(2)) : starts[g].plusSeconds(60);
                runs.add(run("run-" + (id++), "pipe_" + (i % 7), running ? "Succeeded" : "Failed", starts[g], end));
            }
        }
        return write(file, runs);
    }

    private static SimDataset sparse(Path file) {
        ArrayNode runs = TestSim.JSON.createArrayNode();
        Instant t = NOW.minus(Duration.ofDays(5));
        for (int i = 0; i < 5000; i++) {
            runs.add(run("ok-" + i, "pipe_" + (i % 5), "Succeeded", t.plusSeconds(60L * i), t.plusSeconds(60L * i + 30)));
        }
        Instant late = t.plusSeconds(60L * 5000);
        for (int i = 0; i < 10; i++) {
            runs.add(run("failed-" + i, "pipe_" + (i % 5), "Failed", late.plusSeconds(i), late.plusSeconds(i + 30)));
        }
        return write(file, runs);
    }

    private static ObjectNode run(String id, String pipeline, String status, Instant start, Instant end) {
        ObjectNode r = TestSim.JSON.createObjectNode();
        r.put("runId", id);
        r.put("pipelineName", pipeline);
        r.put("runGroupId", id);
        r.put("isLatest", true);
        r.put("status", status);
        r.put("runStart", start.toString());
        r.put("runEnd", end.toString());
        r.put("lastUpdated", end.toString());
        r.put("durationInMs", Duration.between(start, end).toMillis());
        r.put("message", "");
        r.putObject("invokedBy").put("name", "Manual").put("id", id).put("invokedByType", "Manual");
        r.putObject("parameters");
        return r;
    }

    private static SimDataset write(Path file, ArrayNode runs) {
        ObjectNode root = TestSim.JSON.createObjectNode();
        root.put("factory", "adf-tied");
        root.set("pipelineRuns", runs);
        try {
            Files.writeString(file, root.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return SimDataset.load(file, TestSim.JSON, NOW);
    }

    // ---- queries, walks and the brute force ------------------------------------------------------------------

    record Query(Instant after, Instant before, List<RunQueryFilter> filters, RunQueryOrderByField order, boolean desc) {
    }

    record Walk(List<String> ids, List<com.azure.resourcemanager.datafactory.models.PipelineRun> runs, int pages) {
    }

    private void checkRandomQuery(TestSim sim, Instant now, Random random) {
        List<ObjectNode> runs = sim.server.runsNow();
        Query q = randomQuery(runs, now, random);
        assertSame(walk(sim, q), expected(runs, q, now), q);
    }

    private static Query randomQuery(List<ObjectNode> runs, Instant now, Random random) {
        Instant after;
        Instant before;
        switch (random.nextInt(4)) {
            case 0 -> {
                after = now.minus(Duration.ofDays(4));
                before = now.plusSeconds(60);
            }
            case 1 -> {
                after = now.minus(Duration.ofMinutes(5 + random.nextInt(600)));
                before = now.plusSeconds(random.nextInt(3) * 3600L);
            }
            default -> {
                after = now.minus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
                before = after.plus(Duration.ofMinutes(1 + random.nextInt(12 * 60)));
            }
        }
        List<RunQueryFilter> filters = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i <= random.nextInt(3); i++) {
                String name = runs.get(random.nextInt(runs.size())).get("pipelineName").asText();
                names.add(random.nextBoolean() ? name : name.toUpperCase(Locale.ROOT));
            }
            filters.add(filter(RunQueryFilterOperand.PIPELINE_NAME,
                    random.nextInt(4) == 0 ? RunQueryFilterOperator.NOT_IN : RunQueryFilterOperator.IN, names));
        }
        if (random.nextInt(3) == 0) {
            List<String> statuses = new ArrayList<>();
            for (int i = 0; i <= random.nextInt(2); i++) {
                statuses.add(STATUSES.get(random.nextInt(STATUSES.size())));
            }
            filters.add(filter(RunQueryFilterOperand.STATUS,
                    random.nextInt(4) == 0 ? RunQueryFilterOperator.NOT_IN : RunQueryFilterOperator.IN, statuses));
        }
        if (random.nextInt(6) == 0) {
            String group = runs.get(random.nextInt(runs.size())).get("runGroupId").asText();
            filters.add(filter(RunQueryFilterOperand.RUN_GROUP_ID, RunQueryFilterOperator.EQUALS, List.of(group)));
        }
        if (random.nextInt(6) == 0) {
            filters.add(filter(RunQueryFilterOperand.LATEST_ONLY, RunQueryFilterOperator.EQUALS, List.of("true")));
        }
        RunQueryOrderByField order = switch (random.nextInt(6)) {
            case 0 -> RunQueryOrderByField.RUN_END;
            case 1 -> RunQueryOrderByField.PIPELINE_NAME;
            case 2 -> RunQueryOrderByField.STATUS;
            default -> RunQueryOrderByField.RUN_START;
        };
        return new Query(after, before, filters, order, random.nextInt(3) > 0);
    }

    private static RunQueryFilter filter(RunQueryFilterOperand operand, RunQueryFilterOperator operator, List<String> values) {
        return new RunQueryFilter().withOperand(operand).withOperator(operator).withValues(values);
    }

    /** What a test does after each page: the page's token (null after the last) and the ids on it. */
    interface BetweenPages {
        void after(String token, List<String> page);
    }

    /** Pages through the real SDK until the token is null. */
    private static Walk walk(TestSim sim, Query q) {
        return walk(sim, q, (token, page) -> { });
    }

    private static Walk walk(TestSim sim, Query q, BetweenPages between) {
        String base = sim.server.endpoint();
        AzureEnvironment env = new AzureEnvironment(Map.of("resourceManagerEndpointUrl", base,
                "activeDirectoryEndpointUrl", base, "managementEndpointUrl", base));
        DataFactoryManager m = DataFactoryManager.authenticate(new HttpPipelineBuilder()
                .httpClient(HttpClient.createDefault()).build(),
                new AzureProfile(null, SimulatedDataFactoryServer.SUBSCRIPTION_ID, env));
        RunFilterParameters params = new RunFilterParameters()
                .withLastUpdatedAfter(q.after().atOffset(ZoneOffset.UTC))
                .withLastUpdatedBefore(q.before().atOffset(ZoneOffset.UTC))
                .withFilters(q.filters().isEmpty() ? null : q.filters())
                .withOrderBy(List.of(new RunQueryOrderBy().withOrderBy(q.order())
                        .withOrder(q.desc() ? RunQueryOrder.DESC : RunQueryOrder.ASC)));
        List<String> ids = new ArrayList<>();
        List<com.azure.resourcemanager.datafactory.models.PipelineRun> runs = new ArrayList<>();
        int pages = 0;
        while (true) {
            PipelineRunsQueryResponse resp = m.pipelineRuns().queryByFactory(SimulatedDataFactoryServer.RESOURCE_GROUP,
                    sim.factory.factoryName(), params);
            pages++;
            List<String> page = new ArrayList<>();
            for (var r : resp.value()) {
                ids.add(r.runId());
                runs.add(r);
                page.add(r.runId());
            }
            between.after(resp.continuationToken(), page);
            if (resp.continuationToken() == null) {
                return new Walk(ids, runs, pages);
            }
            assertThat(pages).as("pages of one query").isLessThan(10_000);
            params.withContinuationToken(resp.continuationToken());
        }
    }

    /** The brute force: every run as the factory shows it now, kept, in the window, through every filter. */
    private static Map<String, ObjectNode> expected(TestSim sim, Query q, Instant now) {
        return expected(sim.server.runsNow(), q, now);
    }

    private static Map<String, ObjectNode> expected(List<ObjectNode> runs, Query q, Instant now) {
        Map<String, ObjectNode> out = new HashMap<>();
        for (ObjectNode r : runs) {
            Instant updated = updated(r);
            if (updated != null && updated.isBefore(now.minus(Duration.ofDays(45)))) {
                continue;
            }
            if (updated != null && (updated.isBefore(q.after()) || !updated.isBefore(q.before()))) {
                continue;
            }
            if (q.filters().stream().allMatch(f -> test(f, r))) {
                out.put(r.get("runId").asText(), r);
            }
        }
        return out;
    }

    private static boolean test(RunQueryFilter f, ObjectNode r) {
        String field = switch (f.operand().toString()) {
            case "PipelineName" -> "pipelineName";
            case "Status" -> "status";
            case "RunGroupId" -> "runGroupId";
            case "LatestOnly" -> "isLatest";
            default -> throw new IllegalArgumentException(f.operand().toString());
        };
        JsonNode v = r.get(field);
        String value = v == null || v.isNull() ? null : v.asText();
        if (field.equals("isLatest")) {
            return value == null || value.equals("true");
        }
        Predicate<String> in = x -> x != null && f.values().stream().anyMatch(w -> w.equalsIgnoreCase(x));
        String op = f.operator().toString();
        return op.equals("In") || op.equals("Equals") ? in.test(value) : !in.test(value);
    }

    private static Instant updated(ObjectNode r) {
        for (String field : List.of("lastUpdated", "runEnd", "runStart")) {
            Instant t = SimDataset.time(r, field);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static void assertSame(Walk walk, Map<String, ObjectNode> expected, Query q) {
        assertThat(walk.ids).as("no run twice: %s", q).doesNotHaveDuplicates();
        assertThat(walk.ids).as("every run, none missing: %s", q).containsExactlyInAnyOrderElementsOf(expected.keySet());
        Comparator<ObjectNode> c = switch (q.order().toString()) {
            case "RunStart", "RunEnd" -> {
                String field = q.order().toString().equals("RunStart") ? "runStart" : "runEnd";
                yield Comparator.comparing(r -> {
                    Instant t = SimDataset.time(r, field);
                    return t == null ? Instant.EPOCH : t;
                });
            }
            default -> {
                String field = q.order().toString().equals("Status") ? "status" : "pipelineName";
                yield Comparator.comparing(r -> String.valueOf(r.get(field) == null ? null : r.get(field).asText()));
            }
        };
        List<ObjectNode> inOrder = walk.ids.stream().map(expected::get).toList();
        assertThat(inOrder).as("in order: %s", q).isSortedAccordingTo(q.desc() ? c.reversed() : c);
    }
}
