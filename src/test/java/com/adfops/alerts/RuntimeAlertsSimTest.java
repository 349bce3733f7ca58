package com.adfops.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.MutableClock;
import com.adfops.TestSim;
import com.adfops.answers.AlertView;
import com.adfops.answers.Watchlist;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.docs.TestDocs;
import com.adfops.runs.AdfTools;
import com.adfops.schedule.Schedules;
import com.adfops.schedule.SlaRules;
import com.adfops.sim.SimDataset;
import com.adfops.state.InMemoryStateStore;
import com.adfops.state.JsonDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime alert through the simulated factory and the real SDK: the definitions test factory
 * ({@code datasets/definitions-factory.json}: ir-onprem with node-a and node-b, used by pl_orders through dataset
 * ds_landing; its node-a's version made current here, so the runtime starts healthy), one of its nodes taken offline
 * with the simulator's live change, then back.
 */
class RuntimeAlertsSimTest {

    /** A Friday: pl_orders' trigger runs at 18:00 W. Europe (17:00 UTC), within the 12 hours ahead. */
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    final MutableClock clock = new MutableClock(NOW);
    TestSim sim;
    Path file;

    @AfterEach
    void close() throws Exception {
        if (sim != null) {
            sim.close();
        }
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aNodeTakenOfflineInTheSimulatedFactoryPostsTheCardOnceAndItsReturnRecoversIt() throws Exception {
        ObjectNode data = (ObjectNode) TestSim.JSON.readTree(TestSim.resourcePath("definitions-factory.json").toFile());
        for (JsonNode n : data.at("/definitions/integrationRuntimes/0/status/typeProperties/nodes")) {
            ((ObjectNode) n).put("versionStatus", "UpToDate").put("expiryTime", "2027-06-01T00:00:00Z");
        }
        file = Files.createTempFile("runtime-alerts", ".json");
        TestSim.JSON.writeValue(file.toFile(), data);
        sim = TestSim.of(SimDataset.load(file, TestSim.JSON), 50, clock);

        JsonDocuments docs = new JsonDocuments(new InMemoryStateStore(), TestSim.JSON);
        AdfTools tools = new AdfTools(sim.adf, clock);
        AlertStore store = new AlertStore(docs);
        AlertMonitorTest.FakePoster poster = new AlertMonitorTest.FakePoster();
        AlertMonitor monitor = new AlertMonitor(sim.adf, tools, new Watches(docs), store,
                new AlertService(store, tools, new GuidanceFinder(TestDocs.builtInOnly()), clock), clock,
                new AlertMonitor.Settings(Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(5), 5),
                new Schedules(tools, SlaRules.none(), Duration.ofMinutes(15)));
        monitor.postWith(poster);
        monitor.pass();
        new Watches(docs).watch("conv-ops", new Watchlist.Watch("*", null, "Ana", clock.instant()));
        clock.advance(Duration.ofMinutes(1));
        monitor.pass();
        assertThat(runtime(poster.alertsIn("conv-ops"))).isEmpty();

        assertThat(sim.server.setRuntimeNodeStatus("ir-onprem", "node-a", "Offline")).isTrue();
        Instant down = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        monitor.pass();
        clock.advance(Duration.ofMinutes(1));
        monitor.pass();

        List<AlertView> posted = runtime(poster.alertsIn("conv-ops"));
        assertThat(posted).hasSize(1);
        AlertView v = posted.get(0);
        assertThat(v.pipeline()).isEqualTo("ir-onprem");
        assertThat(v.runtime().nodes()).containsExactly(new AlertView.Runtime.Node("node-a", "OFFLINE", "Offline", down));
        assertThat(v.runtime().nodeCount()).isEqualTo(2);
        assertThat(v.runtime().atRisk()).extracting(AlertView.Runtime.Pipeline::pipeline).containsExactly("pl_orders");
        assertThat(v.runtime().atRisk().get(0).nextRun()).isBetween(clock.instant(),
                Instant.parse("2026-11-27T17:00:00Z"));

        sim.server.setRuntimeNodeStatus("ir-onprem", "node-a", "Online");
        clock.advance(Duration.ofMinutes(1));
        monitor.pass();
        assertThat(poster.updates).map(c -> ((AlertCard.Single) c).view())
                .extracting(AlertView::alertId, AlertView::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(v.alertId(), AlertView.State.RECOVERED));
        assertThat(runtime(poster.alertsIn("conv-ops"))).hasSize(1);
    }

    private static List<AlertView> runtime(List<AlertView> views) {
        return views.stream().filter(x -> x.kind() == AlertView.Kind.RUNTIME).toList();
    }
}
