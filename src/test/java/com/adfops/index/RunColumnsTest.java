package com.adfops.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import com.adfops.bench.GeneratedFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Runs held as columns come back as the same records (every field), on the built-in factory and on random runs. */
class RunColumnsTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void theBuiltInFactorysRunsComeBackWhole() {
        try (TestSim sim = TestSim.builtIn(NOW, 100)) {
            List<PipelineRun> runs = sim.adf.queryPipelineRuns(sim.factory, new RunQuery(NOW.minus(Duration.ofDays(45)),
                    NOW.plus(Duration.ofHours(1)), Set.of(), Set.of(), Integer.MAX_VALUE));
            assertThat(runs).hasSizeGreaterThan(100);
            assertThat(runs).anyMatch(r -> !r.parameters().isEmpty()).anyMatch(r -> r.parentRunId() != null)
                    .anyMatch(r -> r.status() == RunStatus.FAILED && !r.message().isEmpty());
            assertSameRuns(RunColumns.of(sim.factory, new RunStrings(), runs), runs);
        }
    }

    @Test
    void randomRunsComeBackWholeAndInStartOrderAlsoAfterAMerge() {
        FactoryRef f = GeneratedFactory.FACTORY;
        List<PipelineRun> runs = random(f, 3000, new Random(42));
        RunStrings strings = new RunStrings();
        RunColumns c = RunColumns.of(f, strings, runs);
        assertSameRuns(c, runs);
        for (int r = 1; r < c.size; r++) {
            assertThat(c.sortKey(r)).isLessThanOrEqualTo(c.sortKey(r - 1));
        }
        // Split in two blocks (another dictionary each), merged into a third: the same runs again.
        RunColumns a = RunColumns.of(f, new RunStrings(), runs.subList(0, 1500));
        RunColumns b = RunColumns.of(f, new RunStrings(), runs.subList(1500, 3000));
        BitSet none = null;
        RunColumns merged = ColumnMerge.merge(f, new RunStrings(), List.of(a, b), java.util.Arrays.asList(none, none),
                Long.MIN_VALUE);
        assertSameRuns(merged, runs);
        List<PipelineRun> back = new ArrayList<>();
        for (int r = 0; r < merged.size; r++) {
            back.add(merged.run(r));
        }
        assertThat(back).isSortedAccordingTo(Comparator.comparing(PipelineRun::sortTime).reversed());
    }

    @Test
    void theGeneratedBigFactorysRunsComeBackWhole() {
        GeneratedFactory adf = new GeneratedFactory(20_000, Duration.ofDays(7), NOW, 7, Duration.ZERO, null);
        List<PipelineRun> runs = adf.queryPipelineRuns(GeneratedFactory.FACTORY, new RunQuery(NOW.minus(Duration.ofDays(8)),
                NOW, Set.of(), Set.of(), Integer.MAX_VALUE));
        assertThat(runs).hasSize(20_000);
        assertSameRuns(RunColumns.of(GeneratedFactory.FACTORY, new RunStrings(), runs), runs);
    }

    /** Every run is found by its id and equals the original record (all fields); nothing else is found. */
    static void assertSameRuns(RunColumns c, List<PipelineRun> runs) {
        Map<String, PipelineRun> byId = runs.stream().collect(Collectors.toMap(PipelineRun::runId, Function.identity(),
                (x, y) -> y, LinkedHashMap::new));
        assertThat(c.size).isEqualTo(byId.size());
        for (PipelineRun r : byId.values()) {
            int row = c.find(r.runId());
            assertThat(row).as(r.runId()).isNotNegative();
            assertThat(c.run(row)).isEqualTo(r);
            assertThat(c.runId(row)).isEqualTo(r.runId());
            assertThat(c.status(row)).isEqualTo(r.status());
        }
        assertThat(c.find(UUID.randomUUID().toString())).isEqualTo(-1);
        assertThat(c.find("not-a-run")).isEqualTo(-1);
    }

    /**
     * Random runs with what columns must not lose: nulls, ids that are not lower-case GUIDs, times finer than 100 ns,
     * another factory's run, null parameter values, repeated and distinct messages, ties in start time.
     */
    static List<PipelineRun> random(FactoryRef f, int n, Random rnd) {
        FactoryRef other = new FactoryRef("sub", "rg", "df-other");
        List<PipelineRun> out = new ArrayList<>();
        RunStatus[] statuses = RunStatus.values();
        for (int i = 0; i < n; i++) {
            String id = switch (rnd.nextInt(20)) {
                case 0 -> "run-" + i;
                case 1 -> UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT);
                default -> UUID.randomUUID().toString();
            };
            Instant start = rnd.nextInt(15) == 0 ? null
                    : NOW.minusSeconds(rnd.nextInt(7 * 86400)).plusNanos(rnd.nextInt(10) == 0 ? rnd.nextInt(1_000_000_000) : rnd.nextInt(10_000) * 100L);
            if (i > 0 && rnd.nextInt(20) == 0) {
                start = out.get(i - 1).runStart();
            }
            Instant end = start == null || rnd.nextBoolean() ? null : start.plusMillis(rnd.nextInt(3_600_000));
            Instant updated = rnd.nextInt(30) == 0 ? null : end != null ? end : start != null ? start.plusSeconds(5) : NOW.minusSeconds(rnd.nextInt(86400));
            Map<String, String> params = new LinkedHashMap<>();
            for (int p = rnd.nextInt(4); p > 0; p--) {
                params.put("p" + rnd.nextInt(6), rnd.nextInt(10) == 0 ? null : "v" + rnd.nextInt(i % 7 == 0 ? 100_000 : 20));
            }
            String message = rnd.nextInt(3) == 0 ? "Failure " + rnd.nextInt(i % 5 == 0 ? 100_000 : 5) : "";
            String parent = rnd.nextInt(3) == 0 ? (rnd.nextInt(10) == 0 ? "parent-" + i : UUID.randomUUID().toString()) : null;
            out.add(new PipelineRun(rnd.nextInt(200) == 0 ? other : f, id, "pl_" + rnd.nextInt(30),
                    statuses[rnd.nextInt(statuses.length)], message, start, end, updated,
                    rnd.nextInt(4) == 0 ? null : (long) rnd.nextInt(10_000_000), params,
                    rnd.nextBoolean() ? "ScheduleTrigger" : rnd.nextBoolean() ? null : "Manual",
                    rnd.nextBoolean() ? "trg_" + rnd.nextInt(5) : null, parent,
                    parent == null ? null : "pl_parent_" + rnd.nextInt(3), rnd.nextInt(10) == 0 ? UUID.randomUUID().toString() : null));
        }
        return out;
    }
}
