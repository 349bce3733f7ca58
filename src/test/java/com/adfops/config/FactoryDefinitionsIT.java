package com.adfops.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryDefinitions.Activity;
import com.adfops.adf.FactoryDefinitions.Frequency;
import com.adfops.adf.FactoryDefinitions.Occurrence;
import com.adfops.adf.FactoryDefinitions.Recurrence;
import com.adfops.adf.FactoryDefinitions.RuntimeNode;
import com.adfops.adf.FactoryDefinitions.RuntimeType;
import com.adfops.adf.FactoryDefinitions.Schedule;
import com.adfops.adf.FactoryDefinitions.Trigger;
import com.adfops.adf.FactoryDefinitions.TriggerKind;
import com.adfops.adf.FactoryDefinitions.TriggerRunStatus;
import com.adfops.adf.FactoryDefinitions.TriggerState;
import com.adfops.adf.FactoryDefinitions.TumblingWindow;
import com.adfops.adf.FactoryDefinitions.WindowDependency;
import com.adfops.adf.FactoryRef;
import com.adfops.index.DefinitionsCache;
import com.adfops.sim.SimulatedDataFactoryServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The factory's definitions through the application's wiring: the simulated factory serves a dataset's
 * {@code "definitions"} section in ADF's REST shapes, the real SDK parses every endpoint, {@code SdkDataFactory} maps
 * it into {@link FactoryDefinitions} exactly, trigger runs are paged with continuation tokens, the
 * {@link DefinitionsCache} keeps the last good copy while reads fail, and the simulated factory's live changes (a
 * trigger stopped, a runtime node offline) show in the next read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "adfops.state.store=memory", "adfops.sim.page-size=2", "adfops.definitions.refresh=1h"})
class FactoryDefinitionsIT {

    static Path file;

    @Autowired
    DataFactory adf;

    @Autowired
    ApplicationWiring.SimulatedFactoryHolder sim;

    @DynamicPropertySource
    static void dataset(DynamicPropertyRegistry registry) {
        file = TestSim.resourcePath("definitions-factory.json");
        registry.add("adfops.sim.dataset", () -> file.toString());
    }

    @AfterAll
    static void removeFile() throws Exception {
        Files.deleteIfExists(file);
    }

    @AfterEach
    void restore() {
        SimulatedDataFactoryServer server = sim.server();
        server.clearFaults();
        server.startTrigger("tr_orders_daily");
        server.setRuntimeNodeStatus("ir-onprem", "node-a", "Online");
        server.setRuntimeNodeStatus("ir-onprem", "node-b", "Online");
    }

    private DefinitionsCache cache() {
        assertThat(adf).isInstanceOf(DefinitionsCache.class);
        return (DefinitionsCache) adf;
    }

    private FactoryRef factory() {
        return adf.factories().get(0);
    }

    private FactoryDefinitions read() {
        assertThat(cache().refresh(factory())).isTrue();
        return adf.readDefinitions(factory());
    }

    @Test
    void everyDefinitionEndpointIsReadIntoTheRecordsExactly() {
        FactoryDefinitions d = read();
        assertThat(d.factory()).isEqualTo(factory());
        assertThat(d.readAt()).isNotNull();

        assertThat(d.pipelines()).containsExactly(
                new FactoryDefinitions.Pipeline("pl_emea", List.of(), List.of(), null, 0),
                new FactoryDefinitions.Pipeline("pl_orders", List.of(
                        new Activity("Get files", "GetMetadata", List.of("ds_landing"), List.of(), null, null),
                        new Activity("Each file", "ForEach", List.of(), List.of(), null, null),
                        new Activity("Is big", "IfCondition", List.of(), List.of(), null, null),
                        new Activity("Copy big file", "Copy", List.of("ds_landing"), List.of("ds_orders_raw", "ds_orders_audit"),
                                null, null),
                        new Activity("Wait a bit", "Wait", List.of(), List.of(), null, null),
                        new Activity("Until loaded", "Until", List.of(), List.of(), null, null),
                        new Activity("Check load", "Lookup", List.of("ds_orders_table"), List.of(), null, "ls_sql"),
                        new Activity("By region", "Switch", List.of(), List.of(), null, null),
                        new Activity("Run emea", "ExecutePipeline", List.of(), List.of(), "pl_emea", null),
                        new Activity("Flow rest", "ExecuteDataFlow", List.of(), List.of(), null, null),
                        new Activity("Notebook", "DatabricksNotebook", List.of(), List.of(), null, "ls_dbx")),
                        List.of("sla:06:00 Europe/Berlin", "team:orders"), "Orders/Daily", 2),
                new FactoryDefinitions.Pipeline("pl_undefined_but_run", List.of(), List.of(), null, 0));

        assertThat(d.datasets()).containsExactly(
                new FactoryDefinitions.Dataset("ds_landing", "Binary", "ls_files"),
                new FactoryDefinitions.Dataset("ds_orders_audit", "Parquet", "ls_lake"),
                new FactoryDefinitions.Dataset("ds_orders_raw", "Parquet", "ls_lake"),
                new FactoryDefinitions.Dataset("ds_orders_table", "AzureSqlTable", "ls_sql"));
        assertThat(d.linkedServices()).containsExactly(
                new FactoryDefinitions.LinkedService("ls_dbx", "AzureDatabricks", null),
                new FactoryDefinitions.LinkedService("ls_files", "FileServer", "ir-onprem"),
                new FactoryDefinitions.LinkedService("ls_lake", "AzureBlobFS", "AutoResolveIntegrationRuntime"),
                new FactoryDefinitions.LinkedService("ls_sql", "AzureSqlDatabase", null));

        assertThat(d.triggers()).containsExactly(
                new Trigger("tr_blob", TriggerKind.STORAGE_EVENT, TriggerState.STARTED, List.of("pl_orders"), null, null),
                new Trigger("tr_custom", TriggerKind.CUSTOM_EVENT, TriggerState.DISABLED, List.of("pl_emea"), null, null),
                new Trigger("tr_monthly", TriggerKind.SCHEDULE, TriggerState.STOPPED, List.of("pl_orders", "pl_emea"),
                        new Recurrence(Frequency.MONTH, 2, LocalDateTime.parse("2026-01-01T00:00:00"), null, "UTC",
                                new Schedule(List.of(15), List.of(5), List.of(), List.of(1, -1),
                                        List.of(new Occurrence(DayOfWeek.MONDAY, 1), new Occurrence(DayOfWeek.FRIDAY, -1)))),
                        null),
                new Trigger("tr_orders_daily", TriggerKind.SCHEDULE, TriggerState.STARTED, List.of("pl_orders"),
                        new Recurrence(Frequency.WEEK, 1, LocalDateTime.parse("2026-01-05T00:00:00"),
                                LocalDateTime.parse("2027-01-05T00:00:00"), "W. Europe Standard Time",
                                new Schedule(List.of(0, 30), List.of(6, 18), List.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                                        List.of(), List.of())),
                        null),
                new Trigger("tr_window_a", TriggerKind.TUMBLING_WINDOW, TriggerState.STARTED, List.of("pl_emea"), null,
                        new TumblingWindow(Frequency.HOUR, 1, Instant.parse("2026-11-01T00:00:00Z"),
                                Instant.parse("2027-11-01T00:00:00Z"), Duration.ofMinutes(10), 3, List.of())),
                new Trigger("tr_window_b", TriggerKind.TUMBLING_WINDOW, TriggerState.STARTED, List.of("pl_orders"), null,
                        new TumblingWindow(Frequency.MINUTE, 30, Instant.parse("2026-11-01T00:00:00Z"), null,
                                Duration.ofDays(1).plusHours(2), 1, List.of(
                                        new WindowDependency("tr_window_a", Duration.ofHours(-1), Duration.ofHours(2)),
                                        new WindowDependency("tr_window_a", null, null),
                                        new WindowDependency(null, Duration.ofMinutes(-30), null)))));

        assertThat(d.runtimes()).hasSize(2);
        FactoryDefinitions.IntegrationRuntime managed = d.runtimes().get(0);
        assertThat(managed).isEqualTo(new FactoryDefinitions.IntegrationRuntime("AutoResolveIntegrationRuntime",
                RuntimeType.MANAGED, "Online", null, List.of()));
        FactoryDefinitions.IntegrationRuntime onprem = d.runtimes().get(1);
        assertThat(onprem.name()).isEqualTo("ir-onprem");
        assertThat(onprem.type()).isEqualTo(RuntimeType.SELF_HOSTED);
        assertThat(onprem.state()).isEqualTo("Online");
        assertThat(onprem.versionStatus()).isEqualTo("UpToDate");
        // Sorted by name; an online node's last connect time is its heartbeat (now).
        assertThat(onprem.nodes()).extracting(RuntimeNode::name, RuntimeNode::status, RuntimeNode::version,
                        RuntimeNode::versionStatus, RuntimeNode::expiry)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("node-a", "Online", "5.45.1.0", "Expiring",
                                Instant.parse("2026-12-15T00:00:00Z")),
                        org.assertj.core.groups.Tuple.tuple("node-b", "Online", "5.46.9011.2", "UpToDate",
                                Instant.parse("2027-02-01T00:00:00Z")));
        assertThat(onprem.nodes()).allSatisfy(n -> assertThat(n.lastConnect()).isAfter(Instant.now().minusSeconds(600)));
    }

    @Test
    void triggerRunsArePagedWithContinuationTokensNewestFirst() {
        SimulatedDataFactoryServer server = sim.server();
        long before = server.requests().stream().filter(r -> r.contains("queryTriggerRuns")).count();
        List<FactoryDefinitions.TriggerRun> runs = adf.queryTriggerRuns(factory(),
                Instant.parse("2026-11-24T00:00:00Z"), Instant.now());
        long pages = server.requests().stream().filter(r -> r.contains("queryTriggerRuns")).count() - before;

        assertThat(runs).extracting(FactoryDefinitions.TriggerRun::id)
                .containsExactly("tr-run-1", "tr-run-2", "tr-run-3", "tr-run-4", "tr-run-5");
        assertThat(pages).as("5 trigger runs, 2 a page").isEqualTo(3);
        assertThat(runs.get(0)).isEqualTo(new FactoryDefinitions.TriggerRun("tr-run-1", "tr_orders_daily",
                Instant.parse("2026-11-25T06:00:00Z"), TriggerRunStatus.SUCCEEDED, null, Map.of("pl_orders", "run-1")));
        assertThat(runs.get(1).status()).isEqualTo(TriggerRunStatus.FAILED);
        assertThat(runs.get(1).message()).isEqualTo("Dependency tr_window_a not satisfied.");
        assertThat(runs.get(2).status()).isEqualTo(TriggerRunStatus.IN_PROGRESS);

        assertThat(adf.queryTriggerRuns(factory(), Instant.parse("2026-11-25T03:00:00Z"),
                Instant.parse("2026-11-25T05:00:00Z"))).extracting(FactoryDefinitions.TriggerRun::id)
                .containsExactly("tr-run-2", "tr-run-3");
    }

    @Test
    void aFailedReadKeepsTheLastGoodCopyUntilAReadSucceeds() {
        FactoryDefinitions good = read();
        SimulatedDataFactoryServer server = sim.server();
        server.stopTrigger("tr_orders_daily");
        // More failures than the SDK's retries: the read fails.
        server.injectFault("/triggers", 500, "InternalServerError", 20);

        assertThat(cache().refresh(factory())).isFalse();
        FactoryDefinitions kept = adf.readDefinitions(factory());
        assertThat(kept).isSameAs(good);
        assertThat(cache().readAt(factory())).contains(good.readAt());
        DataFactoryException failure = cache().failure(factory()).orElseThrow();
        assertThat(failure.kind()).isEqualTo(DataFactoryException.Kind.SERVICE);
        assertThat(failure.getMessage()).contains("InternalServerError").doesNotContain("Injected")
                .doesNotContain(server.endpoint());

        server.clearFaults();
        FactoryDefinitions fresh = read();
        assertThat(fresh.readAt()).isAfterOrEqualTo(good.readAt());
        assertThat(cache().failure(factory())).isEmpty();
        assertThat(fresh.trigger("tr_orders_daily").orElseThrow().state()).isEqualTo(TriggerState.STOPPED);
    }

    @Test
    void liveChangesShowInTheNextRead() {
        SimulatedDataFactoryServer server = sim.server();
        assertThat(server.setRuntimeNodeStatus("ir-onprem", "node-a", "Offline")).isTrue();
        FactoryDefinitions.IntegrationRuntime limited = read().runtime("ir-onprem").orElseThrow();
        assertThat(limited.state()).isEqualTo("Limited");
        assertThat(limited.nodes()).extracting(RuntimeNode::status).containsExactly("Offline", "Online");

        assertThat(server.setRuntimeNodeStatus("ir-onprem", "node-b", "Offline")).isTrue();
        assertThat(read().runtime("ir-onprem").orElseThrow().state()).isEqualTo("Offline");

        assertThat(server.stopTrigger("tr_orders_daily")).isTrue();
        assertThat(read().trigger("tr_orders_daily").orElseThrow().state()).isEqualTo(TriggerState.STOPPED);
        assertThat(server.startTrigger("tr_orders_daily")).isTrue();
        assertThat(read().trigger("tr_orders_daily").orElseThrow().state()).isEqualTo(TriggerState.STARTED);
        assertThat(server.stopTrigger("no_such_trigger")).isFalse();
        // This dataset holds no later run of the trigger: nothing to drop.
        assertThat(server.skipNextTriggerRun("tr_orders_daily")).isEmpty();
    }
}
