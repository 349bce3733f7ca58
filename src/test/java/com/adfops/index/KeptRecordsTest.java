package com.adfops.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.bench.GeneratedFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A question naming a pipeline gets the same records as before, kept once built, at most {@link KeptRecords#ROWS}. */
class KeptRecordsTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void aNamedPipelinesRecordsAreKeptOnceBuiltEqualToTheRunsAndLetGoPastTheLimit() {
        GeneratedFactory adf = new GeneratedFactory(60_000, Duration.ofDays(7), NOW, 3, Duration.ZERO, null);
        List<PipelineRun> runs = adf.queryPipelineRuns(GeneratedFactory.FACTORY, new RunQuery(NOW.minus(Duration.ofDays(8)),
                NOW, Set.of(), Set.of(), Integer.MAX_VALUE));
        Map<String, PipelineRun> byId = runs.stream().collect(Collectors.toMap(PipelineRun::runId, Function.identity()));
        RunColumns c = RunColumns.of(GeneratedFactory.FACTORY, new RunStrings(), runs);
        Snapshot snap = new Snapshot(List.of(c), Collections.singletonList(null), c.size, true, null, null);

        List<PipelineRun> first = MemoryQuery.runs(snap, week("pl_copy_1"));
        assertThat(first).hasSize((int) runs.stream().filter(r -> r.pipelineName().equals("pl_copy_1")).count())
                .hasSizeGreaterThan(200);
        // Equal to the runs as read (every field), in the same order as built fresh by a question naming none.
        assertThat(first).allSatisfy(r -> assertThat(r).isEqualTo(byId.get(r.runId())));
        List<PipelineRun> all = MemoryQuery.runs(snap, new RunQuery(NOW.minus(Duration.ofDays(7)), NOW, Set.of(), Set.of(),
                Integer.MAX_VALUE));
        assertThat(first).containsExactlyElementsOf(all.stream().filter(r -> r.pipelineName().equals("pl_copy_1")).toList());
        // Asked again: the records built the first time (older rows than the newest kept anyway).
        List<PipelineRun> again = MemoryQuery.runs(snap, week("pl_copy_1"));
        for (int i = 0; i < first.size(); i++) {
            assertThat(again.get(i)).isSameAs(first.get(i));
        }
        assertThat(c.kept.held()).isEqualTo(first.size());

        // Every other pipeline named once: more than may be kept; the one named longest ago is let go.
        for (int p = 2; p < 290; p++) {
            MemoryQuery.runs(snap, week("pl_copy_" + p));
        }
        assertThat(c.kept.held()).isBetween(KeptRecords.ROWS - 300, KeptRecords.ROWS);
        List<PipelineRun> later = MemoryQuery.runs(snap, week("pl_copy_1"));
        assertThat(later).containsExactlyElementsOf(first);
        assertThat(later.get(later.size() - 1)).isNotSameAs(first.get(first.size() - 1));
    }

    @Test
    void pipelinesThatTogetherExceedWhatABlockKeepsAreBuiltWithoutKeeping() {
        GeneratedFactory adf = new GeneratedFactory(60_000, Duration.ofDays(7), NOW, 5, Duration.ZERO, null);
        List<PipelineRun> runs = adf.queryPipelineRuns(GeneratedFactory.FACTORY, new RunQuery(NOW.minus(Duration.ofDays(8)),
                NOW, Set.of(), Set.of(), Integer.MAX_VALUE));
        RunColumns c = RunColumns.of(GeneratedFactory.FACTORY, new RunStrings(), runs);
        Snapshot snap = new Snapshot(List.of(c), Collections.singletonList(null), c.size, true, null, null);
        Set<String> many = new java.util.HashSet<>();
        for (int p = 0; p < 100; p++) {
            many.add("pl_copy_" + p);
        }
        RunQuery q = new RunQuery(NOW.minus(Duration.ofDays(7)), NOW, many, Set.of(), Integer.MAX_VALUE);
        List<PipelineRun> got = MemoryQuery.runs(snap, q);
        assertThat(got).hasSizeGreaterThan(KeptRecords.ROWS);
        assertThat(c.kept.held()).isZero();
        assertThat(got).containsExactlyElementsOf(MemoryQuery.runs(snap, new RunQuery(q.from(), q.to(), Set.of(), Set.of(),
                Integer.MAX_VALUE)).stream().filter(r -> many.contains(r.pipelineName())).toList());
    }

    private static RunQuery week(String pipeline) {
        return new RunQuery(NOW.minus(Duration.ofDays(7)), NOW, Set.of(pipeline), Set.of(), RunQuery.DEFAULT_MAX_RUNS);
    }
}
