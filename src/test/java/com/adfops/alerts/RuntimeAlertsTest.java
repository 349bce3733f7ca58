package com.adfops.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.MutableClock;
import com.adfops.TestSim;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactory;
import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryDefinitions.Activity;
import com.adfops.adf.FactoryDefinitions.Dataset;
import com.adfops.adf.FactoryDefinitions.Frequency;
import com.adfops.adf.FactoryDefinitions.IntegrationRuntime;
import com.adfops.adf.FactoryDefinitions.LinkedService;
import com.adfops.adf.FactoryDefinitions.Pipeline;
import com.adfops.adf.FactoryDefinitions.Recurrence;
import com.adfops.adf.FactoryDefinitions.RuntimeNode;
import com.adfops.adf.FactoryDefinitions.RuntimeType;
import com.adfops.adf.FactoryDefinitions.Trigger;
import com.adfops.adf.FactoryDefinitions.TriggerKind;
import com.adfops.adf.FactoryDefinitions.TriggerState;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.answers.AlertView;
import com.adfops.answers.Watchlist;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.docs.TestDocs;
import com.adfops.runs.AdfTools;
import com.adfops.schedule.Schedules;
import com.adfops.schedule.SlaRules;
import com.adfops.state.InMemoryStateStore;
import com.adfops.state.JsonDocuments;
import com.adfops.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The runtime alert over a factory written out by hand (df-plant, now 05:30 UTC):
 * <ul>
 *   <li>{@code shir-plant} (self-hosted, nodes node-1 and node-2) serves {@code ls_plant_sql}, which Load_Orders
 *       (daily 06:00 UTC), Sync_Stock (09:15, through dataset ds_stock), Weekly_Archive (18:00: 12 h 30 min away,
 *       outside the 12 h look-ahead) and Adhoc_Fix (no trigger) use; Close_Day (16:45) executes Load_Orders;</li>
 *   <li>{@code shir-other} (self-hosted, node vm-x) serves Other_Feed (06:30);</li>
 *   <li>{@code ir-cloud} (managed, written with an offline node and an expired version) serves Cloud_Copy (07:00).</li>
 * </ul>
 * So with node-2 offline, the pipelines at risk are exactly Load_Orders 06:00, Sync_Stock 09:15 and Close_Day 16:45
 * (through Load_Orders). conv-all watches everything, conv-orders watches Load_Orders, conv-other watches Other_Feed,
 * conv-elsewhere watches everything of another factory.
 */
class RuntimeAlertsTest {

    static final Instant NOW = Instant.parse("2026-03-10T05:30:00Z");

    final MutableClock clock = new MutableClock(NOW);
    final PlantFactory adf = new PlantFactory(clock);
    final StateStore state = new InMemoryStateStore();
    final Bot bot = new Bot(state);

    RuntimeAlertsTest() {
        bot.monitor.pass();
        watch("conv-all", "*", null);
        watch("conv-orders", "Load_Orders", null);
        watch("conv-other", "Other_Feed", null);
        watch("conv-elsewhere", "*", "df-elsewhere");
    }

    /** One bot instance over the state store. */
    final class Bot {
        final JsonDocuments docs = new JsonDocuments(state, TestSim.JSON);
        final AlertStore store = new AlertStore(docs);
        final AlertMonitorTest.FakePoster poster = new AlertMonitorTest.FakePoster();
        final AlertMonitor monitor;
        final AlertService alerts;

        Bot(StateStore state) {
            this(state, adf);
        }

        Bot(StateStore state, DataFactory adf) {
            AdfTools tools = new AdfTools(adf, clock);
            alerts = new AlertService(store, tools, new GuidanceFinder(TestDocs.builtInOnly()), clock);
            monitor = new AlertMonitor(adf, tools, new Watches(docs), store, alerts, clock,
                    new AlertMonitor.Settings(Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(5), 5,
                            Duration.ofHours(12)), new Schedules(tools, SlaRules.none(), Duration.ofMinutes(15)));
            monitor.postWith(poster);
        }

        List<AlertView> runtimeAlertsIn(String conversation) {
            return poster.alertsIn(conversation).stream().filter(v -> v.kind() == AlertView.Kind.RUNTIME).toList();
        }

        List<AlertView> runtimeUpdates() {
            return poster.updates.stream().map(c -> ((AlertCard.Single) c).view())
                    .filter(v -> v.kind() == AlertView.Kind.RUNTIME).toList();
        }
    }

    private void watch(String conversation, String pattern, String factory) {
        new Watches(new JsonDocuments(state, TestSim.JSON)).watch(conversation,
                new Watchlist.Watch(pattern, factory, "Ana", clock.instant()));
    }

    private void at(String time) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(time)));
        bot.monitor.pass();
    }

    private static List<String> atRisk(AlertView v) {
        return v.runtime().atRisk().stream().map(p -> p.pipeline() + " " + p.nextRun()
                + (p.through().isEmpty() ? "" : " through " + String.join(",", p.through()))).toList();
    }

    @Test
    void aNodeOfflineIsAlertedOnceToEachWatcherWithExactlyThePipelinesAtRisk() {
        adf.node("shir-plant", "node-2", "Offline", Instant.parse("2026-03-10T05:10:00Z"));
        at("2026-03-10T05:30:00Z");

        List<AlertView> all = bot.runtimeAlertsIn("conv-all");
        assertThat(all).hasSize(1);
        AlertView v = all.get(0);
        assertThat(v.pipeline()).isEqualTo("shir-plant");
        assertThat(v.factory()).isEqualTo("df-plant");
        assertThat(v.state()).isEqualTo(AlertView.State.OPEN);
        assertThat(v.runtime().state()).isEqualTo("DEGRADED");
        assertThat(v.runtime().nodeCount()).isEqualTo(2);
        assertThat(v.runtime().nodes()).containsExactly(new AlertView.Runtime.Node("node-2", "OFFLINE", "Offline",
                Instant.parse("2026-03-10T05:10:00Z")));
        assertThat(atRisk(v)).containsExactly(
                "Load_Orders 2026-03-10T06:00:00Z",
                "Sync_Stock 2026-03-10T09:15:00Z",
                "Close_Day 2026-03-10T16:45:00Z through Load_Orders");
        assertThat(v.runtime().moreAtRisk()).isZero();
        assertThat(v.runtime().lookahead()).isEqualTo(Duration.ofHours(12));
        // Load_Orders uses shir-plant: its watchers are told; Other_Feed's and another factory's are not.
        assertThat(bot.runtimeAlertsIn("conv-orders")).hasSize(1);
        assertThat(bot.runtimeAlertsIn("conv-other")).isEmpty();
        assertThat(bot.runtimeAlertsIn("conv-elsewhere")).isEmpty();

        at("2026-03-10T05:31:00Z");
        at("2026-03-10T05:45:00Z");
        assertThat(bot.runtimeAlertsIn("conv-all")).hasSize(1);
        assertThat(bot.runtimeAlertsIn("conv-orders")).hasSize(1);
        assertThat(bot.runtimeUpdates()).isEmpty();

        // A restart, and a second instance over the same store: the node still offline is not alerted again.
        Bot second = new Bot(state);
        second.monitor.pass();
        clock.advance(Duration.ofMinutes(1));
        second.monitor.pass();
        assertThat(second.poster.posts).isEmpty();
    }

    @Test
    void theNodeBackOnlineRecoversTheCardAndANewOutageIsANewAlert() {
        adf.node("shir-plant", "node-2", "Offline", Instant.parse("2026-03-10T05:10:00Z"));
        at("2026-03-10T05:30:00Z");
        String first = bot.runtimeAlertsIn("conv-all").get(0).alertId();

        adf.node("shir-plant", "node-2", "Online", Instant.parse("2026-03-10T05:39:00Z"));
        at("2026-03-10T05:40:00Z");
        assertThat(bot.runtimeUpdates()).extracting(AlertView::alertId, AlertView::state).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(first, AlertView.State.RECOVERED),
                org.assertj.core.groups.Tuple.tuple(bot.runtimeAlertsIn("conv-orders").get(0).alertId(),
                        AlertView.State.RECOVERED));
        assertThat(bot.runtimeUpdates().get(0).response().at()).isEqualTo(Instant.parse("2026-03-10T05:40:00Z"));
        at("2026-03-10T05:41:00Z");
        assertThat(bot.runtimeUpdates()).hasSize(2);

        adf.node("shir-plant", "node-2", "Offline", Instant.parse("2026-03-10T06:05:00Z"));
        at("2026-03-10T06:10:00Z");
        List<AlertView> all = bot.runtimeAlertsIn("conv-all");
        assertThat(all).hasSize(2);
        assertThat(all.get(1).alertId()).isNotEqualTo(first);
        assertThat(all.get(1).runtime().nodes().get(0).lastConnect()).isEqualTo(Instant.parse("2026-03-10T06:05:00Z"));
        // The look-ahead moved with now (06:10 to 18:10): Load_Orders' next run is tomorrow 06:00 (out), Weekly_Archive
        // at 18:00 is in.
        assertThat(atRisk(all.get(1))).containsExactly(
                "Sync_Stock 2026-03-10T09:15:00Z",
                "Close_Day 2026-03-10T16:45:00Z through Load_Orders",
                "Weekly_Archive 2026-03-10T18:00:00Z");
        at("2026-03-10T06:11:00Z");
        assertThat(bot.runtimeAlertsIn("conv-all")).hasSize(2);
    }

    @Test
    void anAcknowledgedRuntimeAlertKeepsItsFactsAndStillRecovers() {
        adf.node("shir-plant", "node-2", "Offline", Instant.parse("2026-03-10T05:10:00Z"));
        at("2026-03-10T05:30:00Z");
        String id = bot.runtimeAlertsIn("conv-all").get(0).alertId();
        AlertView acked = ((AlertOutcome.Shown) bot.alerts.acknowledge(id, "Bo")).view();
        assertThat(acked.state()).isEqualTo(AlertView.State.ACKNOWLEDGED);
        assertThat(acked.response().by()).isEqualTo("Bo");
        assertThat(acked.runtime().nodes()).extracting(AlertView.Runtime.Node::node).containsExactly("node-2");
        assertThat(acked.runId()).isEmpty();

        adf.node("shir-plant", "node-2", "Online", Instant.parse("2026-03-10T05:39:00Z"));
        at("2026-03-10T05:40:00Z");
        assertThat(bot.runtimeUpdates()).filteredOn(v -> v.alertId().equals(id)).extracting(AlertView::state)
                .containsExactly(AlertView.State.RECOVERED);
    }

    @Test
    void anInstanceWhoseDefinitionsPredateTheRecoveryDoesNotOpenANewOutage() {
        adf.node("shir-plant", "node-2", "Offline", Instant.parse("2026-03-10T05:10:00Z"));
        at("2026-03-10T05:30:00Z");
        // A second instance whose definitions were read at 05:35, while node-2 was still offline.
        PlantFactory stale = new PlantFactory(clock);
        stale.node("shir-plant", "node-2", "Offline", Instant.parse("2026-03-10T05:10:00Z"));
        stale.readAt = Instant.parse("2026-03-10T05:35:00Z");
        Bot second = new Bot(state, stale);

        adf.node("shir-plant", "node-2", "Online", Instant.parse("2026-03-10T05:39:00Z"));
        at("2026-03-10T05:40:00Z");
        clock.advance(Duration.ofMinutes(1));
        second.monitor.pass();
        assertThat(second.runtimeAlertsIn("conv-all")).isEmpty();

        // Its next read (05:45) sees node-2 offline again: that is a new outage.
        stale.readAt = Instant.parse("2026-03-10T05:45:00Z");
        clock.advance(Duration.ofMinutes(5));
        second.monitor.pass();
        assertThat(second.runtimeAlertsIn("conv-all")).hasSize(1);
    }

    @Test
    void anotherNodeDownDuringTheOutageUpdatesTheSameCard() {
        adf.node("shir-plant", "node-2", "Offline", Instant.parse("2026-03-10T05:10:00Z"));
        at("2026-03-10T05:30:00Z");
        adf.node("shir-plant", "node-1", "Offline", Instant.parse("2026-03-10T05:33:00Z"));
        at("2026-03-10T05:35:00Z");

        assertThat(bot.runtimeAlertsIn("conv-all")).hasSize(1);
        List<AlertView> updated = bot.runtimeUpdates().stream().filter(v -> v.alertId()
                .equals(bot.runtimeAlertsIn("conv-all").get(0).alertId())).toList();
        assertThat(updated).hasSize(1);
        assertThat(updated.get(0).state()).isEqualTo(AlertView.State.OPEN);
        assertThat(updated.get(0).runtime().state()).isEqualTo("DOWN");
        assertThat(updated.get(0).runtime().nodes()).extracting(AlertView.Runtime.Node::node)
                .containsExactly("node-1", "node-2");
        at("2026-03-10T05:36:00Z");
        assertThat(bot.runtimeUpdates()).hasSize(2);
    }

    @Test
    void aLimitedNodeRaises() {
        adf.node("shir-other", "vm-x", "Limited", Instant.parse("2026-03-10T05:29:00Z"));
        at("2026-03-10T05:30:00Z");

        List<AlertView> other = bot.runtimeAlertsIn("conv-other");
        assertThat(other).hasSize(1);
        assertThat(other.get(0).pipeline()).isEqualTo("shir-other");
        assertThat(other.get(0).runtime().nodes()).extracting(AlertView.Runtime.Node::condition)
                .containsExactly("LIMITED");
        assertThat(atRisk(other.get(0))).containsExactly("Other_Feed 2026-03-10T06:30:00Z");
        assertThat(bot.runtimeAlertsIn("conv-orders")).isEmpty();
        assertThat(bot.runtimeAlertsIn("conv-all")).hasSize(1);
    }

    @Test
    void aVersionExpiringWithinTheWarningRaisesAndOneExpiredToo() {
        // node-1's version expires in 10 days: within the 14-day warning.
        adf.expiry("shir-plant", "node-1", NOW.plus(Duration.ofDays(10)));
        at("2026-03-10T05:30:00Z");
        List<AlertView> plant = bot.runtimeAlertsIn("conv-orders");
        assertThat(plant).hasSize(1);
        assertThat(plant.get(0).runtime().version()).isEqualTo("EXPIRING");
        assertThat(plant.get(0).runtime().expiry()).isEqualTo(NOW.plus(Duration.ofDays(10)));
        assertThat(plant.get(0).runtime().nodes()).isEmpty();
        assertThat(plant.get(0).runtime().state()).isEqualTo("VERSION_EXPIRING");

        adf.versionStatus("shir-other", "Expired");
        at("2026-03-10T05:31:00Z");
        assertThat(bot.runtimeAlertsIn("conv-other")).extracting(v -> v.runtime().version())
                .containsExactly("EXPIRED");
    }

    @Test
    void aVersionExpiringLaterThanTheWarningAndAManagedRuntimeNeverRaise() {
        adf.expiry("shir-plant", "node-1", NOW.plus(Duration.ofDays(15)));
        at("2026-03-10T05:30:00Z");
        at("2026-03-10T05:31:00Z");

        // ir-cloud is written with an offline node and an expired version, but it is Azure's (managed).
        assertThat(bot.poster.posts).isEmpty();
    }

    @Test
    void theAlertKeyIsTheFactorysAndTheRuntimesWhateverTheirNames() {
        FactoryRef f = new FactoryRef("s", "rg", "DF-Plant");
        assertThat(RuntimeAlerts.key(f, "SHIR-Plant")).isEqualTo(RuntimeAlerts.key(
                new FactoryRef("s", "rg", "df-plant"), "shir-plant"));
        assertThat(RuntimeAlerts.key(f, "a:b")).isNotEqualTo(RuntimeAlerts.key(f, "a:c"));
    }

    @Test
    void moreThanFivePipelinesAtRiskListTheFiveNextAndCountTheRest() {
        for (int i = 1; i <= 4; i++) {
            adf.extra.add("Extra_" + i);
        }
        adf.node("shir-plant", "node-2", "Offline", Instant.parse("2026-03-10T05:10:00Z"));
        at("2026-03-10T05:30:00Z");
        AlertView v = bot.runtimeAlertsIn("conv-all").get(0);
        // Extra_i run daily at 06:0i: Load_Orders 06:00, Extra_1..4 06:01-06:04 are the five next; Sync_Stock and
        // Close_Day are the two more.
        assertThat(atRisk(v)).containsExactly("Load_Orders 2026-03-10T06:00:00Z", "Extra_1 2026-03-10T06:01:00Z",
                "Extra_2 2026-03-10T06:02:00Z", "Extra_3 2026-03-10T06:03:00Z", "Extra_4 2026-03-10T06:04:00Z");
        assertThat(v.runtime().moreAtRisk()).isEqualTo(2);
    }

    @Test
    void anAlertDocumentWrittenBeforeRuntimeAlertsReadsAsBefore() throws Exception {
        String old = "{\"id\":\"a1\",\"conversationId\":\"c\",\"factory\":\"f\",\"pipeline\":\"p\",\"runId\":\"\","
                + "\"failedAt\":\"2026-03-10T02:00:00Z\",\"grouped\":[],\"state\":\"OPEN\",\"runningLong\":false,"
                + "\"kind\":\"MISSED\",\"schedule\":{\"trigger\":\"t\",\"expectedStart\":\"2026-03-10T02:00:00Z\"}}";
        AlertRecord r = TestSim.JSON.readValue(old, StoredAlert.class).toRecord();
        assertThat(r.kind()).isEqualTo(AlertView.Kind.MISSED);
        assertThat(r.subject().schedule().trigger()).isEqualTo("t");
        assertThat(r.subject().runtime()).isNull();
        assertThat(TestSim.JSON.readValue(TestSim.JSON.writeValueAsString(StoredAlert.of(r)), StoredAlert.class)
                .toRecord()).isEqualTo(r);
    }

    @Test
    void aRuntimeAlertRecordRoundTripsThroughJson() throws Exception {
        adf.node("shir-plant", "node-2", "Offline", Instant.parse("2026-03-10T05:10:00Z"));
        at("2026-03-10T05:30:00Z");
        String id = bot.runtimeAlertsIn("conv-all").get(0).alertId();
        AlertRecord stored = bot.store.find(id).orElseThrow();
        assertThat(stored.kind()).isEqualTo(AlertView.Kind.RUNTIME);
        assertThat(stored.subject().runtime().atRisk()).hasSize(3);
        assertThat(TestSim.JSON.readValue(TestSim.JSON.writeValueAsString(StoredAlert.of(stored)), StoredAlert.class)
                .toRecord()).isEqualTo(stored);
    }

    /** df-plant: definitions read at the clock's now, with nodes the test changes. */
    static final class PlantFactory implements DataFactory {
        final FactoryRef factory = new FactoryRef("sub-1", "rg-1", "df-plant");
        final MutableClock clock;
        final Map<String, RuntimeNode> nodes = new LinkedHashMap<>();
        final Map<String, String> versionStatus = new LinkedHashMap<>();
        final List<String> extra = new ArrayList<>();
        /** When its definitions were read; null: at the clock's now. */
        volatile Instant readAt;

        PlantFactory(MutableClock clock) {
            this.clock = clock;
            Instant seen = NOW.minusSeconds(60);
            nodes.put("shir-plant/node-1", new RuntimeNode("node-1", "Online", "5.46", "UpToDate", seen, null));
            nodes.put("shir-plant/node-2", new RuntimeNode("node-2", "Online", "5.46", "UpToDate", seen, null));
            nodes.put("shir-other/vm-x", new RuntimeNode("vm-x", "Online", "5.46", "UpToDate", seen, null));
            versionStatus.put("shir-plant", "UpToDate");
            versionStatus.put("shir-other", "UpToDate");
        }

        void node(String runtime, String node, String status, Instant lastConnect) {
            RuntimeNode n = nodes.get(runtime + "/" + node);
            nodes.put(runtime + "/" + node, new RuntimeNode(node, status, n.version(), n.versionStatus(), lastConnect,
                    n.expiry()));
        }

        void expiry(String runtime, String node, Instant expiry) {
            RuntimeNode n = nodes.get(runtime + "/" + node);
            nodes.put(runtime + "/" + node, new RuntimeNode(node, n.status(), n.version(), n.versionStatus(),
                    n.lastConnect(), expiry));
        }

        void versionStatus(String runtime, String status) {
            versionStatus.put(runtime, status);
        }

        private List<RuntimeNode> nodesOf(String runtime) {
            return nodes.entrySet().stream().filter(e -> e.getKey().startsWith(runtime + "/")).map(Map.Entry::getValue)
                    .toList();
        }

        static Trigger daily(String name, String time, String pipeline) {
            return new Trigger(name, TriggerKind.SCHEDULE, TriggerState.STARTED, List.of(pipeline),
                    new Recurrence(Frequency.DAY, 1, LocalDateTime.parse("2026-03-10T" + time), null, "UTC", null),
                    null);
        }

        static Pipeline on(String name, String linkedService) {
            return new Pipeline(name, List.of(new Activity("Run", "SqlServerStoredProcedure", List.of(), List.of(),
                    null, linkedService)), List.of(), null, 0);
        }

        @Override
        public FactoryDefinitions readDefinitions(FactoryRef f) {
            List<Pipeline> pipelines = new ArrayList<>(List.of(on("Load_Orders", "ls_plant_sql"),
                    new Pipeline("Sync_Stock", List.of(new Activity("Read", "Lookup", List.of("ds_stock"), List.of(),
                            null, null)), List.of(), null, 0),
                    new Pipeline("Close_Day", List.of(new Activity("Orders", "ExecutePipeline", List.of(), List.of(),
                            "Load_Orders", null)), List.of(), null, 0),
                    on("Weekly_Archive", "ls_plant_sql"), on("Adhoc_Fix", "ls_plant_sql"),
                    on("Other_Feed", "ls_other"), on("Cloud_Copy", "ls_cloud")));
            List<Trigger> triggers = new ArrayList<>(List.of(daily("t_orders", "06:00:00", "Load_Orders"),
                    daily("t_stock", "09:15:00", "Sync_Stock"), daily("t_close", "16:45:00", "Close_Day"),
                    daily("t_archive", "18:00:00", "Weekly_Archive"), daily("t_other", "06:30:00", "Other_Feed"),
                    daily("t_cloud", "07:00:00", "Cloud_Copy")));
            for (int i = 0; i < extra.size(); i++) {
                pipelines.add(on(extra.get(i), "ls_plant_sql"));
                triggers.add(daily("t_extra_" + i, "06:0" + (i + 1) + ":00", extra.get(i)));
            }
            return new FactoryDefinitions(factory, readAt != null ? readAt : clock.instant(), pipelines,
                    List.of(new Dataset("ds_stock", "SqlServerTable", "ls_plant_sql")),
                    List.of(new LinkedService("ls_plant_sql", "SqlServer", "shir-plant"),
                            new LinkedService("ls_other", "SqlServer", "shir-other"),
                            new LinkedService("ls_cloud", "AzureSqlDatabase", "ir-cloud")),
                    triggers,
                    List.of(new IntegrationRuntime("shir-plant", RuntimeType.SELF_HOSTED, "Online",
                                    versionStatus.get("shir-plant"), nodesOf("shir-plant")),
                            new IntegrationRuntime("shir-other", RuntimeType.SELF_HOSTED, "Online",
                                    versionStatus.get("shir-other"), nodesOf("shir-other")),
                            new IntegrationRuntime("ir-cloud", RuntimeType.MANAGED, "Offline", "Expired",
                                    List.of(new RuntimeNode("cloud-node", "Offline", "1", "Expired", NOW, NOW)))));
        }

        @Override
        public List<FactoryRef> factories() {
            return List.of(factory);
        }

        @Override
        public List<String> listPipelineNames(FactoryRef f) {
            return readDefinitions(f).pipelines().stream().map(Pipeline::name).toList();
        }

        @Override
        public List<PipelineRun> queryPipelineRuns(FactoryRef f, RunQuery q) {
            return List.of();
        }

        @Override
        public List<ActivityRun> queryActivityRuns(FactoryRef f, PipelineRun run) {
            return List.of();
        }

        @Override
        public Optional<PipelineRun> getPipelineRun(FactoryRef f, String runId) {
            return Optional.empty();
        }
    }
}
