package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.adf.DataFactory;
import com.adfops.adf.FactoryStatus;
import com.adfops.adf.ForwardingDataFactory;
import com.adfops.adf.Freshness;
import com.adfops.adf.RequestMeter;
import com.adfops.bench.GeneratedFactory;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /health} says how each factory's memory started (restored from its snapshot or read) and its last snapshot,
 * and how far each refresh reaches back for late writes.
 */
class HealthControllerTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void healthSaysHowFarEachRefreshReachesBackAndTheLateWritesSeen() throws Exception {
        List<FactoryStatus> statuses = List.of(
                new FactoryStatus("df-busy", FactoryStatus.State.LIVE, "", "", NOW, 50_000, 12, 0, 1, null, null, null,
                        new FactoryStatus.Overlap(Duration.ofSeconds(80), Duration.ofMinutes(5), 2,
                                Duration.ofSeconds(40))),
                new FactoryStatus("df-quiet", FactoryStatus.State.LIVE, "", "", NOW, 300, 4, 0, 1, null, null, null,
                        new FactoryStatus.Overlap(Duration.ofMinutes(5), Duration.ofMinutes(5), 0, null)),
                new FactoryStatus("df-direct", FactoryStatus.State.LIVE, "", "", NOW, 0, 0, 0, 0));
        JsonNode list = TestSim.JSON.readTree(health(statuses)).path("factories");

        JsonNode busy = list.path(0).path("refreshOverlap");
        assertThat(busy.path("seconds").asLong()).isEqualTo(80);
        assertThat(busy.path("configuredSeconds").asLong()).isEqualTo(300);
        assertThat(busy.path("lateWrites").asLong()).isEqualTo(2);
        assertThat(busy.path("lastLateSeconds").asLong()).isEqualTo(40);
        JsonNode quiet = list.path(1).path("refreshOverlap");
        assertThat(quiet.path("seconds").asLong()).isEqualTo(300);
        assertThat(quiet.path("lateWrites").asLong()).isZero();
        assertThat(quiet.has("lastLateSeconds")).isFalse();
        assertThat(list.path(2).has("refreshOverlap")).as("not refreshed by an index").isFalse();
    }

    private static String health(List<FactoryStatus> statuses) {
        DataFactory factories = new ForwardingDataFactory() {
            final DataFactory generated = new GeneratedFactory(10, Duration.ofDays(1), NOW, 1, Duration.ZERO, null);

            @Override
            protected DataFactory delegate() {
                return generated;
            }

            @Override
            public List<FactoryStatus> status() {
                return statuses;
            }
        };
        return new HealthController(factories, TestSim.JSON, new RequestMeter()).health().getBody();
    }

    @Test
    void healthSaysWhetherTheMemoryWasRestoredFromItsSnapshotOrReadFromDataFactory() throws Exception {
        Freshness.Reach reach = new Freshness.Reach(NOW.minus(Duration.ofDays(14)), 100, false, false, 1_000_000);
        List<FactoryStatus> statuses = List.of(
                new FactoryStatus("df-restored", FactoryStatus.State.LIVE, "", "", NOW, 1_000_120, 3, 0, 3, reach,
                        new FactoryStatus.Start(true, NOW.minus(Duration.ofMinutes(7)), 1_000_000, 180, 3, ""),
                        new FactoryStatus.SnapshotWritten(NOW.minus(Duration.ofMinutes(2)), 31_457_280, 1_000_050)),
                new FactoryStatus("df-backfilled", FactoryStatus.State.LIVE, "", "", NOW, 5_000, 60, 0, 1, reach,
                        FactoryStatus.Start.backfill("the snapshot cannot be read: format version 2, this version reads 1"),
                        null));
        JsonNode list = TestSim.JSON.readTree(health(statuses)).path("factories");

        JsonNode restored = list.path(0).path("start");
        assertThat(restored.path("from").asText()).isEqualTo("restored");
        assertThat(restored.path("snapshotAt").asText()).isEqualTo("2026-11-26T11:53:00Z");
        assertThat(restored.path("snapshotRuns").asInt()).isEqualTo(1_000_000);
        assertThat(restored.path("refreshUpdates").asInt()).isEqualTo(180);
        assertThat(restored.path("refreshAdfRequests").asInt()).isEqualTo(3);
        JsonNode last = list.path(0).path("lastSnapshot");
        assertThat(last.path("at").asText()).isEqualTo("2026-11-26T11:58:00Z");
        assertThat(last.path("bytes").asLong()).isEqualTo(31_457_280);
        assertThat(last.path("runs").asInt()).isEqualTo(1_000_050);

        JsonNode backfilled = list.path(1);
        assertThat(backfilled.path("start").path("from").asText()).isEqualTo("backfill");
        assertThat(backfilled.path("start").path("reason").asText()).contains("format version 2");
        assertThat(backfilled.path("start").has("snapshotAt")).isFalse();
        assertThat(backfilled.has("lastSnapshot")).isFalse();
    }
}
