package com.adfops.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.impact.FailureImpact;
import com.adfops.impact.ImpactedDataset;
import com.adfops.impact.ImpactedPipeline;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The "Affects:" line's wording: counts, at most three named, by definition, recovered. */
class ImpactCardsTest {

    static final Instant NOW = Instant.parse("2026-12-06T05:00:00Z");
    static final CardFactory.View UTC = new CardFactory.View(NOW, ZoneId.of("UTC"));
    static final ImpactedDataset DS = new ImpactedDataset("stg.Tariffs", "Tariff_Sync", "CopyTariffs",
            ImpactedDataset.Cause.BY_DEFINITION, 0);

    static ImpactedPipeline reader(String name, int minutes) {
        return new ImpactedPipeline(name, List.of(ImpactedPipeline.Relation.READS_STALE_DATA), 1, List.of("stg.Tariffs"),
                ImpactedPipeline.State.SCHEDULED, NOW.plusSeconds(60L * minutes), null);
    }

    static FailureImpact impact(FailureImpact.Basis basis, List<ImpactedPipeline> pipelines, PipelineRun recovered) {
        return new FailureImpact("Tariff_Sync", "r-1", NOW, basis, true, List.of(DS), pipelines, List.of(), recovered,
                false);
    }

    @Test
    void namesThreeThenSaysHowManyMoreAndSaysWhenItIsByDefinition() {
        List<ImpactedPipeline> five = IntStream.range(0, 5).mapToObj(i -> reader("Rates_" + i, 30 * (i + 1))).toList();
        assertThat(ImpactCards.affectsLine(impact(FailureImpact.Basis.BY_DEFINITION, five, null), UTC)).isEqualTo(
                "Affects, by definition (its activity runs are unknown): 1 dataset, 5 downstream pipelines: Rates_0 "
                        + "(next run 05:30 UTC), Rates_1 (next run 06:00 UTC), Rates_2 (next run 06:30 UTC) and 2 more");
    }

    @Test
    void aDatasetNobodyReadsAndARecoveredFailure() {
        assertThat(ImpactCards.affectsLine(impact(FailureImpact.Basis.ACTIVITY_RUNS, List.of(), null), UTC))
                .isEqualTo("Affects: 1 dataset; no pipeline downstream reads it");
        PipelineRun ok = new PipelineRun(new FactoryRef("s", "r", "df-x"), "r-2", "Tariff_Sync", RunStatus.SUCCEEDED, "",
                NOW, NOW, NOW, 1L, Map.of(), "Manual", "", null, null, null);
        assertThat(ImpactCards.affectsLine(impact(FailureImpact.Basis.ACTIVITY_RUNS, List.of(), ok), UTC)).isEmpty();
        assertThat(ImpactCards.affectsLine(impact(FailureImpact.Basis.ACTIVITY_RUNS,
                List.of(reader("Rates_Tomorrow", 24 * 60)), null), UTC))
                .endsWith("Rates_Tomorrow (next run Dec 7, 05:00 UTC)");
    }
}
