package com.adfops.config;

import com.adfops.adf.DataFactory;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.RequestMeter;
import com.adfops.adf.implementation.SdkDataFactory;
import com.adfops.runs.AdfTools;
import com.adfops.runs.TimeWindowParser;
import com.adfops.index.RunIndex;
import com.adfops.sim.BuiltInDataset;
import com.adfops.sim.SimDataset;
import com.adfops.config.ApplicationWiring.SimulatedFactoryHolder;
import com.adfops.sim.SimulatedDataFactoryServer;
import com.adfops.state.JsonDocuments;
import com.adfops.billing.CostRates;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The factories as the bot reads them: the real Data Factories its settings name or the embedded simulated one, behind
 * the run index and the Log Analytics history (unless switched off), and the run queries over them with their cost
 * rates and billing ledger.
 */
@Configuration(proxyBeanMethods = false)
public class FactoryWiring {

    private static final Logger log = LoggerFactory.getLogger(FactoryWiring.class);

    /** The embedded simulated factory, started only when no real factory is configured. */
    @Bean(destroyMethod = "close")
    public SimulatedFactoryHolder simulatedFactory(AdfProperties adf, SimProperties sim, ObjectMapper adfopsJson, Clock clock) {
        if (!adf.allFactories().isEmpty()) {
            return new SimulatedFactoryHolder(null);
        }
        SimDataset dataset = sim.dataset() != null
                ? SimDataset.load(sim.dataset(), adfopsJson, clock.instant())
                : BuiltInDataset.generate(adfopsJson, clock.instant(), sim.seed());
        if (sim.dataset() != null) {
            log.info("Serving the dataset file {} as factory '{}'", sim.dataset(), dataset.factory());
        }
        SimulatedDataFactoryServer server = SimulatedDataFactoryServer.start(dataset, adfopsJson, sim.pageSize(), clock);
        server.setLatency(sim.latency());
        server.setThrottleEvery(sim.throttle());
        server.setRerunOutcome(sim.rerunOutcome());
        server.setRerunDuration(sim.rerunDuration());
        if (!sim.latency().isZero() || sim.throttle() > 0) {
            log.info("Simulated factory: {} added per request, every {} request throttled", sim.latency(),
                    sim.throttle() > 0 ? sim.throttle() + "th" : "no");
        }
        return new SimulatedFactoryHolder(server);
    }

    @Bean
    public RequestMeter requestMeter(AdfProperties adf) {
        return new RequestMeter(adf.readBudgetSettings());
    }

    /**
     * The factories, read through the run index (unless it is switched off), their definitions kept in memory
     * ({@link com.adfops.index.DefinitionsCache}).
     */
    @Bean
    @ConditionalOnMissingBean
    public DataFactory dataFactory(AdfProperties adf, IndexProperties index, HistoryProperties history,
                                   DefinitionsProperties definitions, SimulatedFactoryHolder sim, RequestMeter meter,
                                   Clock clock, com.adfops.state.StateStore stateStore, StateProperties state) {
        com.adfops.adf.RunArchive archive = history.enabled() ? archive(adf, history, sim) : null;
        DataFactory factories = runsOf(adf, index, sim, meter, clock, archive, snapshots(index, stateStore, state, sim));
        return new com.adfops.index.DefinitionsCache(
                archive == null ? factories : new com.adfops.index.ArchivedHistory(factories, archive, clock),
                definitions.refresh()).start();
    }

    /**
     * Data Factory's logs in a Log Analytics workspace: questions past ADF's 45 days read them, and the run index loads
     * its horizon's older part from them rather than from ARM.
     */
    private static com.adfops.adf.RunArchive archive(AdfProperties adf, HistoryProperties history,
                                                     SimulatedFactoryHolder sim) {
        if (sim.server() != null) {
            log.info("History: the simulated factory's logs (a Log Analytics workspace on loopback), {} kept",
                    history.retention());
            return com.adfops.adf.implementation.LogAnalyticsArchive.forEndpoint(sim.server().workspaceEndpoint(),
                    history.workspaceId().trim(), history.retention(), history.timeout(), history.pageRows());
        }
        log.info("History: Log Analytics workspace {}, {} kept", history.workspaceId().trim(), history.retention());
        return com.adfops.adf.implementation.LogAnalyticsArchive.forAzure(history.workspaceId().trim(),
                history.retention(), SdkDataFactory.cloud(adf.cloud()), history.timeout(), history.pageRows());
    }

    /**
     * The run index's snapshots in the state store (files or blob), unless they are off, the store is the memory one
     * (a restart loses it) or the factory is the simulated one (its history is generated anew at each start: a
     * snapshot of the last one would mix two histories).
     */
    private static com.adfops.index.SnapshotStore snapshots(IndexProperties index, com.adfops.state.StateStore store,
                                                           StateProperties state, SimulatedFactoryHolder sim) {
        if (!index.enabled() || index.snapshotInterval() == null || "memory".equalsIgnoreCase(state.store().trim())
                || sim.server() != null) {
            return null;
        }
        return new com.adfops.index.SnapshotStore() {
            @Override
            public java.util.Optional<byte[]> read(String key) {
                return store.readBytes(key).map(com.adfops.state.StateStore.Binary::bytes);
            }

            @Override
            public java.util.Optional<String> version(String key) {
                return store.bytesVersion(key);
            }

            @Override
            public boolean write(String key, byte[] bytes, String expectedVersion) {
                try {
                    store.writeBytes(key, bytes, expectedVersion);
                    return true;
                } catch (com.adfops.state.StateStore.ConflictException lost) {
                    return false;
                }
            }
        };
    }

    private static DataFactory runsOf(AdfProperties adf, IndexProperties index, SimulatedFactoryHolder sim,
                                      RequestMeter meter, Clock clock, com.adfops.adf.RunArchive archive,
                                      com.adfops.index.SnapshotStore snapshots) {
        Duration timeout = adf.timeout();
        DataFactory direct;
        if (sim.server() != null) {
            FactoryRef f = new FactoryRef(SimulatedDataFactoryServer.SUBSCRIPTION_ID,
                    SimulatedDataFactoryServer.RESOURCE_GROUP, sim.server().dataset().factory());
            log.info("No Data Factory configured: using the embedded simulated factory '{}'", f.factoryName());
            direct = SdkDataFactory.forEndpoint(List.of(f), sim.server().endpoint(), timeout, meter);
        } else {
            List<FactoryRef> refs = adf.allFactories().stream()
                    .map(f -> new FactoryRef(f.subscriptionId(), f.resourceGroup(), f.name()))
                    .toList();
            log.info("Reading Data Factories {} in {}", refs, adf.cloud());
            direct = SdkDataFactory.forAzure(refs, timeout, SdkDataFactory.cloud(adf.cloud()), meter);
        }
        if (!index.enabled()) {
            log.info("Run index off: every question reads Data Factory");
            return direct;
        }
        Duration horizon = index.horizon().compareTo(TimeWindowParser.RETENTION) > 0 ? TimeWindowParser.RETENTION : index.horizon();
        int maxRuns = index.maxRunsFor(Runtime.getRuntime().maxMemory(), Math.max(1, direct.factories().size()));
        log.info("Run index: {} of history, at most {} runs per factory, refreshed every {}{}{}", horizon, maxRuns,
                index.refresh(), archive == null ? "" : "; older history loaded from the Log Analytics workspace",
                snapshots == null ? "; no snapshot kept (a restart reads the whole horizon)"
                        : "; a snapshot in the state store every " + index.snapshotInterval());
        RunIndex runIndex = new RunIndex(direct, archive, meter, clock, new RunIndex.Settings(horizon, index.refresh(),
                index.overlap(), index.activityCacheSize(), index.activeTtl(), maxRuns, IndexProperties.SLICES_IN_FLIGHT));
        if (snapshots != null) {
            runIndex.keepingSnapshots(snapshots, index.snapshotInterval());
        }
        return runIndex.start();
    }

    @Bean
    public AdfTools adfTools(DataFactory dataFactory, Clock clock, CostProperties cost, ObjectMapper adfopsJson,
                             com.adfops.billing.BillingLedger billingLedger) {
        CostRates rates = cost.rates() == null ? CostRates.LIST_PRICES : CostRates.load(cost.rates(), adfopsJson);
        if (cost.rates() != null) {
            log.info("Cost estimates: {}", rates.source());
        }
        return new AdfTools(dataFactory, clock, rates, billingLedger);
    }

    /**
     * What each finished run the index holds is billed for, read once in the background within
     * {@code ADFOPS_COST_READRATE} and kept in the state store (a restart or another instance does not read it again).
     */
    @Bean(destroyMethod = "close")
    public com.adfops.billing.BillingLedger billingLedger(DataFactory dataFactory, Clock clock, CostProperties cost,
                                                         IndexProperties index, JsonDocuments jsonDocuments) {
        Duration horizon = index.horizon().compareTo(TimeWindowParser.RETENTION) > 0 ? TimeWindowParser.RETENTION
                : index.horizon();
        com.adfops.billing.BillingLedger ledger = new com.adfops.billing.BillingLedger(dataFactory, clock,
                new com.adfops.billing.BillingLedger.Settings(cost.readRate(), cost.readsInFlight(), horizon),
                new com.adfops.billing.BillingStore(jsonDocuments));
        if (cost.readRate() <= 0) {
            log.info("Cost ledger: no background reader (ADFOPS_COST_READRATE=0): questions read at most {} runs' "
                    + "billing themselves", com.adfops.analytics.CostSummary.READ_IN_QUESTION);
        }
        return ledger.start();
    }
}
