package com.adfops.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adfops.DatasetBuilder;
import com.adfops.TestSim;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The simulated factory's definitions: a dataset's {@code "definitions"} section served as written, the built-in
 * factory's (timed to its runs), minimal ones from the runs otherwise, trigger runs, and the live changes.
 */
class SimDefinitionsTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final String FACTORY_ID = "/subscriptions/s/resourceGroups/g/providers/Microsoft.DataFactory/factories/f";

    /** A clock tests move. */
    static final class MovingClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(NOW);

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private static SimDefinitionsApi builtIn(Clock clock) {
        return new SimDefinitionsApi(BuiltInDataset.generate(TestSim.JSON, NOW, 42), TestSim.JSON, clock, new SimPaging(5));
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.get("value").forEach(v -> out.add(v.get("name").asText()));
        return out;
    }

    /** {@code GET /{kind}} or {@code GET /{kind}/{name}} under the factory. */
    private static JsonNode get(SimDefinitionsApi api, String rest) {
        String[] parts = rest.substring(1).split("/");
        return parts.length == 1 ? api.list(parts[0], FACTORY_ID) : api.get(parts[0], parts[1], FACTORY_ID);
    }

    @Test
    void theBuiltInFactoryDefinesEveryPipelineThatRunsAndItsTriggersFollowTheRuns() {
        SimDataset dataset = BuiltInDataset.generate(TestSim.JSON, NOW, 42);
        SimDefinitionsApi api = new SimDefinitionsApi(dataset, TestSim.JSON, Clock.fixed(NOW, ZoneOffset.UTC), new SimPaging(5));
        assertThat(names(get(api, "/pipelines"))).containsAll(dataset.pipelineNames()).isSorted();
        JsonNode pipeline = get(api, "/pipelines/pl_master_nightly");
        assertThat(pipeline.get("id").asText()).isEqualTo(FACTORY_ID + "/pipelines/pl_master_nightly");
        assertThat(pipeline.get("type").asText()).isEqualTo("Microsoft.DataFactory/factories/pipelines");
        assertThat(pipeline.at("/properties/activities/0/typeProperties/pipeline/referenceName").asText())
                .isEqualTo("pl_load_customer_dim");

        JsonNode nightly = get(api, "/triggers/tr_nightly").get("properties");
        assertThat(nightly.get("runtimeState").asText()).isEqualTo("Started");
        assertThat(nightly.at("/typeProperties/recurrence/timeZone").asText()).isEqualTo("W. Europe Standard Time");
        // The nightly runs start 2 h after the generated week's first hour (14:00 UTC here): 15:00 in Amsterdam.
        Instant firstNightly = dataset.pipelineRuns().stream()
                .filter(r -> r.get("pipelineName").asText().equals("pl_master_nightly"))
                .map(r -> SimDataset.time(r, "runStart")).min(Instant::compareTo).orElseThrow();
        int hour = firstNightly.atZone(java.time.ZoneId.of("Europe/Berlin")).getHour();
        assertThat(nightly.at("/typeProperties/recurrence/schedule/hours/0").asInt()).isEqualTo(hour);
        assertThat(nightly.at("/typeProperties/recurrence/startTime").asText()).doesNotEndWith("Z");

        JsonNode window = get(api, "/triggers/tr_every_6h").at("/properties/typeProperties");
        assertThat(window.get("delay").asText()).isEqualTo("00:30:00");
        assertThat(window.at("/dependsOn/0/referenceTrigger/referenceName").asText()).isEqualTo("tr_every_3h");
        assertThat(names(get(api, "/triggers")).stream()
                .filter(n -> get(api, "/triggers/" + n).at("/properties/runtimeState").asText().equals("Stopped")))
                .containsExactly("tr_weekly_full_reload");

        JsonNode shir = api.status("ir-selfhosted-onprem");
        assertThat(shir.get("name").asText()).isEqualTo("ir-selfhosted-onprem");
        assertThat(shir.at("/properties/typeProperties/nodes")).hasSize(2);
        assertThat(shir.at("/properties/dataFactoryName").asText()).isEqualTo(BuiltInDataset.FACTORY);
    }

    @Test
    void unknownNamesAreNotFound() {
        SimDefinitionsApi api = builtIn(Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> get(api, "/pipelines/nope")).isInstanceOf(SimWrites.Refused.class)
                .satisfies(e -> assertThat(((SimWrites.Refused) e).status).isEqualTo(404));
        assertThatThrownBy(() -> api.status("nope")).isInstanceOf(SimWrites.Refused.class);
    }

    @Test
    void aDatasetWithoutDefinitionsListsThePipelinesThatRan() {
        DatasetBuilder b = new DatasetBuilder("kontoso");
        b.run("Zeta Ingest", NOW.minus(Duration.ofHours(2)), 60, "Failed");
        b.run("alpha", NOW.minus(Duration.ofHours(1)), 60, "Succeeded");
        SimDefinitionsApi api = new SimDefinitionsApi(b.build(), TestSim.JSON, Clock.fixed(NOW, ZoneOffset.UTC), new SimPaging(5));
        assertThat(names(get(api, "/pipelines"))).containsExactly("alpha", "Zeta Ingest");
        assertThat(get(api, "/pipelines/alpha").at("/properties/activities")).isEmpty();
        assertThat(names(get(api, "/triggers"))).isEmpty();
        assertThat(names(get(api, "/integrationRuntimes"))).isEmpty();
    }

    @Test
    void aDefinitionsSectionIsServedAsWrittenWithThePipelinesThatRanAdded() {
        SimDataset dataset = SimDataset.load(TestSim.resourcePath("definitions-factory.json"), TestSim.JSON);
        SimDefinitionsApi api = new SimDefinitionsApi(dataset, TestSim.JSON, Clock.fixed(NOW, ZoneOffset.UTC), new SimPaging(2));
        assertThat(names(get(api, "/pipelines"))).containsExactly("pl_emea", "pl_orders", "pl_undefined_but_run");
        assertThat(names(get(api, "/datasets"))).containsExactly("ds_landing", "ds_orders_audit", "ds_orders_raw",
                "ds_orders_table");
        assertThat(get(api, "/linkedservices/ls_files").at("/properties/connectVia/referenceName").asText())
                .isEqualTo("ir-onprem");
        JsonNode managed = api.status("AutoResolveIntegrationRuntime");
        assertThat(managed.at("/properties/state").asText()).isEqualTo("Online");
    }

    @Test
    void aBrokenDefinitionsSectionSaysWhatIsWrong(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("d.json");
        Files.writeString(file, "{\"factory\": \"f\", \"pipelineRuns\": [], \"definitions\": {\"triggers\": {}}}");
        assertThatThrownBy(() -> SimDataset.load(file, TestSim.JSON)).hasMessageContaining("definitions.triggers");
        Files.writeString(file, "{\"factory\": \"f\", \"pipelineRuns\": [], \"definitions\": {\"pipelines\": [{\"properties\": {}}]}}");
        assertThatThrownBy(() -> SimDataset.load(file, TestSim.JSON)).hasMessageContaining("\"name\"");
    }

    @Test
    void writtenTriggerRunsAreServedNewestFirstOnlyOnceTheyFired() {
        SimDataset dataset = SimDataset.load(TestSim.resourcePath("definitions-factory.json"), TestSim.JSON);
        SimDefinitionsApi api = new SimDefinitionsApi(dataset, TestSim.JSON, Clock.fixed(NOW, ZoneOffset.UTC), new SimPaging(2));
        ObjectNode body = TestSim.JSON.createObjectNode();
        body.put("lastUpdatedAfter", "2026-11-25T00:00:00Z");
        body.put("lastUpdatedBefore", "2030-01-01T00:00:00Z");
        assertThat(api.triggerRuns(body)).extracting(r -> r.get("triggerRunId").asText())
                .containsExactly("tr-run-1", "tr-run-2", "tr-run-3", "tr-run-4");
        body.putArray("orderBy").addObject().put("orderBy", "TriggerRunTimestamp").put("order", "ASC");
        assertThat(api.triggerRuns(body)).extracting(r -> r.get("triggerRunId").asText())
                .containsExactly("tr-run-4", "tr-run-3", "tr-run-2", "tr-run-1");
    }

    @Test
    void triggerRunsOfTheBuiltInFactoryAreTheRunsItsTriggersStarted() {
        SimDataset dataset = BuiltInDataset.generate(TestSim.JSON, NOW, 42);
        SimTriggerRuns runs = new SimTriggerRuns(dataset, SimDefinitions.of(dataset, TestSim.JSON, NOW), TestSim.JSON);
        List<ObjectNode> day = runs.fired(NOW.minus(Duration.ofDays(1)), NOW, NOW);
        long started = dataset.pipelineRuns().stream()
                .filter(r -> !r.at("/invokedBy/invokedByType").asText().equals("Manual")
                        && !r.at("/invokedBy/invokedByType").asText().equals("PipelineActivity"))
                .map(r -> SimDataset.time(r, "runStart"))
                .filter(s -> s != null && !s.isBefore(NOW.minus(Duration.ofDays(1))) && s.isBefore(NOW))
                .count();
        assertThat(day).hasSize((int) started);
        assertThat(day).extracting(r -> SimDataset.time(r, "triggerRunTimestamp"))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        ObjectNode window = day.stream().filter(r -> r.get("triggerName").asText().equals("tr_every_3h")).findFirst().orElseThrow();
        assertThat(window.get("triggerType").asText()).isEqualTo("TumblingWindowTrigger");
        assertThat(window.get("triggeredPipelines").get("pl_export_shipments_api").asText()).isNotBlank();
    }

    @Test
    void stoppingATriggerWithholdsItsLaterRunsUntilItStartsAgain() {
        MovingClock clock = new MovingClock();
        SimDataset dataset = BuiltInDataset.generate(TestSim.JSON, NOW, 42);
        SimDefinitionsApi api = new SimDefinitionsApi(dataset, TestSim.JSON, clock, new SimPaging(5));
        SimTriggerRuns runs = new SimTriggerRuns(dataset, api.definitions(), TestSim.JSON);
        Instant inAnHour = NOW.plus(Duration.ofHours(1));
        int telemetryInTheHour = (int) runs.fired(NOW, inAnHour, inAnHour).stream()
                .filter(r -> r.get("triggerName").asText().equals("tr_every_15min")).count();
        assertThat(telemetryInTheHour).isEqualTo(4);

        assertThat(api.setTriggerStarted("tr_every_15min", false)).isTrue();
        assertThat(get(api, "/triggers/tr_every_15min").at("/properties/runtimeState").asText()).isEqualTo("Stopped");
        assertThat(runs.fired(NOW, inAnHour, inAnHour)).noneMatch(r -> r.get("triggerName").asText().equals("tr_every_15min"));

        // Its firings are 7, 22, 37 and 52 minutes after the factory's start: the first falls while it is stopped.
        clock.now.set(NOW.plus(Duration.ofMinutes(10)));
        assertThat(api.setTriggerStarted("tr_every_15min", true)).isTrue();
        // The firing missed while it was stopped stays missed; the later ones come back.
        assertThat(runs.fired(NOW, inAnHour, inAnHour).stream()
                .filter(r -> r.get("triggerName").asText().equals("tr_every_15min"))).hasSize(telemetryInTheHour - 1);
        assertThat(api.setTriggerStarted("no_such_trigger", false)).isFalse();
    }

    @Test
    void skippingTheNextRunMakesItMissed() {
        MovingClock clock = new MovingClock();
        SimDataset dataset = BuiltInDataset.generate(TestSim.JSON, NOW, 42);
        SimDefinitionsApi api = new SimDefinitionsApi(dataset, TestSim.JSON, clock, new SimPaging(5));
        Instant skipped = api.skipNextRun("tr_every_15min").orElseThrow();
        assertThat(skipped).isAfter(NOW).isBefore(NOW.plus(Duration.ofMinutes(16)));
        Instant later = skipped.plus(Duration.ofMinutes(1));
        clock.now.set(later);
        ObjectNode body = TestSim.JSON.createObjectNode();
        body.put("lastUpdatedAfter", NOW.toString());
        body.put("lastUpdatedBefore", later.toString());
        // Other triggers keep firing; this one's firing did not happen.
        assertThat(api.triggerRuns(body)).noneMatch(r -> r.get("triggerName").asText().equals("tr_every_15min"));
        assertThat(dataset.pipelineRuns()).noneMatch(r -> skipped.equals(SimDataset.time(r, "runStart")));
        assertThat(api.skipNextRun("tr_weekly_full_reload")).isEmpty();
    }

    @Test
    void aNodeGoingOfflineMakesTheRuntimeLimitedThenOffline() {
        SimDataset dataset = SimDataset.load(TestSim.resourcePath("definitions-factory.json"), TestSim.JSON);
        MovingClock clock = new MovingClock();
        SimDefinitionsApi api = new SimDefinitionsApi(dataset, TestSim.JSON, clock, new SimPaging(5));
        assertThat(api.status("ir-onprem").at("/properties/state").asText()).isEqualTo("Online");
        assertThat(api.setNodeStatus("ir-onprem", "node-a", "Offline")).isTrue();
        JsonNode limited = api.status("ir-onprem");
        assertThat(limited.at("/properties/state").asText()).isEqualTo("Limited");
        assertThat(limited.at("/properties/typeProperties/nodes/1/status").asText()).isEqualTo("Offline");
        assertThat(limited.at("/properties/typeProperties/nodes/1/lastConnectTime").asText()).isEqualTo(NOW.toString());
        clock.now.set(NOW.plus(Duration.ofMinutes(5)));
        api.setNodeStatus("ir-onprem", "node-b", "Offline");
        JsonNode offline = api.status("ir-onprem");
        assertThat(offline.at("/properties/state").asText()).isEqualTo("Offline");
        // An offline node keeps the time it was last seen.
        assertThat(offline.at("/properties/typeProperties/nodes/1/lastConnectTime").asText()).isEqualTo(NOW.toString());
        api.setNodeStatus("ir-onprem", "node-a", "Online");
        api.setNodeStatus("ir-onprem", "node-b", "Online");
        assertThat(api.status("ir-onprem").at("/properties/state").asText()).isEqualTo("Online");
        assertThat(api.setNodeStatus("ir-onprem", "node-z", "Offline")).isFalse();
        assertThat(api.setNodeStatus("AutoResolveIntegrationRuntime", "x", "Offline")).isFalse();
    }
}
