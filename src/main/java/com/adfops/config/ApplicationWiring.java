package com.adfops.config;

import com.adfops.adf.DataFactory;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.RequestMeter;
import com.adfops.adf.implementation.SdkDataFactory;
import com.adfops.runs.AdfTools;
import com.adfops.agent.Agent;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.agent.OfflineAgent;
import com.adfops.runs.TimeWindowParser;
import com.adfops.tools.ToolRunner;
import com.adfops.analytics.Analytics;
import com.adfops.agent.foundry.FoundryAgent;
import com.adfops.cards.CardFactory;
import com.adfops.docs.BuiltInDocsIndex;
import com.adfops.docs.DocsService;
import com.adfops.docs.implementation.McpLearnDocs;
import com.adfops.escalation.EscalationService;
import com.adfops.escalation.Escalations;
import com.adfops.index.RunIndex;
import com.adfops.sim.BuiltInDataset;
import com.adfops.sim.SimDataset;
import com.adfops.sim.SimulatedDataFactoryServer;
import com.adfops.state.ConversationStore;
import com.adfops.state.FileStateStore;
import com.adfops.state.InMemoryStateStore;
import com.adfops.state.Installations;
import com.adfops.state.JsonDocuments;
import com.adfops.state.StateStore;
import com.adfops.state.StoredConversationStore;
import com.adfops.state.implementation.BlobStateStore;
import com.adfops.actions.ActionPolicy;
import com.adfops.actions.ActionService;
import com.adfops.actions.AuditLog;
import com.adfops.actions.PendingActions;
import com.adfops.actions.RunFollower;
import com.adfops.billing.CostRates;
import com.adfops.alerts.AlertMonitor;
import com.adfops.export.ExportSigner;
import com.adfops.alerts.AlertService;
import com.adfops.alerts.AlertStore;
import com.adfops.alerts.AlertWebhook;
import com.adfops.alerts.Watches;
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
 * The composition root of everything but the Teams edge: for each part, the embedded default (simulated factory,
 * offline agent, file store, built-in docs index) or the real service its settings name.
 */
@Configuration(proxyBeanMethods = false)
public class ApplicationWiring {

    private static final Logger log = LoggerFactory.getLogger(ApplicationWiring.class);

    /** The JSON mapper of our own code: Jackson 2, the one botbuilder and the Azure SDK share. */
    @Bean
    @ConditionalOnMissingBean(name = "adfopsJson")
    public ObjectMapper adfopsJson() {
        return new ObjectMapper().findAndRegisterModules();
    }

    /** The largest body the bot's POST endpoints take (an activity, an alert): refused while it streams in. */
    public static final int MAX_BODY = 256 * 1024;

    /**
     * Bodies of the endpoints anyone can reach are limited before anything else runs (authentication included): see
     * {@link BodyLimitFilter}.
     */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<BodyLimitFilter> bodyLimit() {
        var r = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new BodyLimitFilter(MAX_BODY));
        r.addUrlPatterns("/api/messages", "/api/alerts");
        r.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return r;
    }

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

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

    /** The factories, read through the run index (unless it is switched off). */
    @Bean
    @ConditionalOnMissingBean
    public DataFactory dataFactory(AdfProperties adf, IndexProperties index, HistoryProperties history,
                                   SimulatedFactoryHolder sim, RequestMeter meter, Clock clock) {
        DataFactory factories = runsOf(adf, index, sim, meter, clock);
        if (!history.enabled()) {
            return factories;
        }
        com.adfops.adf.RunArchive archive;
        if (sim.server() != null) {
            log.info("History: the simulated factory's logs (a Log Analytics workspace on loopback), {} kept",
                    history.retention());
            archive = com.adfops.adf.implementation.LogAnalyticsArchive.forEndpoint(sim.server().workspaceEndpoint(),
                    history.workspaceId().trim(), history.retention(), history.timeout(), history.pageRows());
        } else {
            log.info("History: Log Analytics workspace {}, {} kept", history.workspaceId().trim(), history.retention());
            archive = com.adfops.adf.implementation.LogAnalyticsArchive.forAzure(history.workspaceId().trim(),
                    history.retention(), SdkDataFactory.cloud(adf.cloud()), history.timeout(), history.pageRows());
        }
        return new com.adfops.index.ArchivedHistory(factories, archive, clock);
    }

    private static DataFactory runsOf(AdfProperties adf, IndexProperties index, SimulatedFactoryHolder sim,
                                      RequestMeter meter, Clock clock) {
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
        log.info("Run index: {} of history, at most {} runs per factory, refreshed every {}", horizon, maxRuns,
                index.refresh());
        return new RunIndex(direct, meter, clock, new RunIndex.Settings(horizon, index.refresh(), index.overlap(),
                index.activityCacheSize(), index.activeTtl(), maxRuns, IndexProperties.SLICES_IN_FLIGHT)).start();
    }

    @Bean
    @ConditionalOnMissingBean
    public StateStore stateStore(StateProperties state) {
        return switch (state.store().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "memory" -> {
                log.info("State: in memory (lost on restart)");
                yield new InMemoryStateStore();
            }
            case "file" -> {
                log.info("State: files under {}", state.dir().toAbsolutePath());
                yield new FileStateStore(state.dir());
            }
            case "blob" -> {
                if (state.blobConnectionString() != null && !state.blobConnectionString().isBlank()) {
                    log.info("State: blob container '{}' (connection string)", state.blobContainer());
                    yield BlobStateStore.withConnectionString(state.blobConnectionString(), state.blobContainer(),
                            state.blobTimeout());
                }
                if (state.blobEndpoint() == null || state.blobEndpoint().isBlank()) {
                    throw new IllegalStateException("ADFOPS_STATE_STORE=blob needs ADFOPS_STATE_BLOBENDPOINT "
                            + "(or ADFOPS_STATE_BLOBCONNECTIONSTRING)");
                }
                log.info("State: blob container '{}' at {} (managed identity)", state.blobContainer(), state.blobEndpoint());
                yield BlobStateStore.withIdentity(state.blobEndpoint(), state.blobContainer(), state.blobTimeout());
            }
            default -> throw new IllegalStateException("ADFOPS_STATE_STORE must be memory, file or blob, not '"
                    + state.store() + "'");
        };
    }

    @Bean
    public JsonDocuments jsonDocuments(StateStore store, ObjectMapper adfopsJson) {
        return new JsonDocuments(store, adfopsJson);
    }

    @Bean
    @ConditionalOnMissingBean
    public ConversationStore conversationStore(JsonDocuments docs) {
        return new StoredConversationStore(docs);
    }

    /**
     * Conversations' contexts are kept {@code ADFOPS_CONTEXT_RETENTION} after they last changed: a sweep an hour
     * (the first a minute after start; on every instance, which is harmless) deletes older ones.
     */
    @Bean(destroyMethod = "shutdownNow")
    java.util.concurrent.ScheduledExecutorService contextRetention(ConversationStore conversations,
                                                                   ContextProperties context, Clock clock) {
        java.util.concurrent.ScheduledExecutorService sweeper = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "context-retention");
                    t.setDaemon(true);
                    return t;
                });
        if (context.retention().isZero() || context.retention().isNegative()) {
            return sweeper;
        }
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                int n = conversations.forgetQuietSince(clock.instant().minus(context.retention()));
                if (n > 0) {
                    log.info("Forgot {} conversation contexts unchanged for {}", n, context.retention());
                }
            } catch (RuntimeException e) {
                log.warn("The conversation retention sweep failed; it runs again in an hour", e);
            }
        }, 60, 3600, java.util.concurrent.TimeUnit.SECONDS);
        return sweeper;
    }

    @Bean
    public EscalationService escalationService(AdfTools tools, GuidanceFinder guidance, JsonDocuments docs) {
        return new EscalationService(tools, guidance, new Escalations(docs));
    }

    @Bean
    public AuditLog auditLog(JsonDocuments docs) {
        return new AuditLog(docs);
    }

    /** The bot's Bot Framework identity (MicrosoftAppId and its kin): read here, once. */
    @Bean
    public BotProperties botProperties(org.springframework.core.env.Environment env) {
        return BotProperties.from(env);
    }

    /**
     * Who may rerun or cancel. A list of people without Bot Framework authentication would trust an object id anyone
     * can put in an activity: the bot refuses to start.
     */
    @Bean
    public ActionPolicy actionPolicy(ActionsProperties actions, AdfProperties adf, BotProperties bot) {
        ActionPolicy policy = new ActionPolicy(adf.allFactories().isEmpty(), actions.allowed(), actions.groups());
        if (policy.configured() && !bot.authenticated()) {
            throw new IllegalStateException("ADFOPS_ACTIONS_ALLOWED is set, but Bot Framework authentication is not "
                    + "(MicrosoftAppId is empty). Without it anyone could claim to be an allowed user: set MicrosoftAppId "
                    + "(and its credentials), or remove ADFOPS_ACTIONS_ALLOWED.");
        }
        if (!policy.configured()) {
            log.info(adf.allFactories().isEmpty() ? "Actions: anyone may rerun or cancel on the simulated factory"
                    : "Actions: off (set ADFOPS_ACTIONS_ALLOWED to let people rerun or cancel from cards)");
        }
        return policy;
    }

    @Bean
    public ActionService actionService(AdfTools tools, DataFactory dataFactory, JsonDocuments docs, AuditLog audit,
                                       ActionPolicy policy, EscalationService escalations, Clock clock,
                                       ActionsProperties actions) {
        return new ActionService(tools, dataFactory, new PendingActions(docs), audit, policy, escalations, clock,
                actions.confirmFor());
    }

    @Bean(destroyMethod = "close")
    public RunFollower runFollower(ActionService actions, ActionsProperties settings) {
        return new RunFollower(actions, settings.followEvery()).start();
    }

    @Bean
    public Watches watches(JsonDocuments docs) {
        return new Watches(docs);
    }

    @Bean
    public AlertStore alertStore(JsonDocuments docs) {
        return new AlertStore(docs);
    }

    @Bean
    public AlertService alertService(AlertStore store, AdfTools tools, GuidanceFinder guidance, Clock clock) {
        return new AlertService(store, tools, guidance, clock);
    }

    /** Detection starts with the application; it posts once the Teams edge has given it a poster. */
    @Bean(destroyMethod = "close")
    public AlertMonitor alertMonitor(DataFactory dataFactory, AdfTools tools, Watches watches, AlertStore store,
                                     AlertService alerts, Clock clock, AlertsProperties settings) {
        AlertMonitor monitor = new AlertMonitor(dataFactory, tools, watches, store, alerts, clock,
                new AlertMonitor.Settings(settings.every(), settings.overlap(), settings.groupWindow(),
                        settings.digestAfter()));
        if (settings.enabled()) {
            monitor.start();
        } else {
            log.info("Alerts: off (ADFOPS_ALERTS_ENABLED=false)");
        }
        return monitor;
    }

    /** {@code POST /api/alerts}: Azure Monitor alerts feed the same alerts as detection. */
    @Bean(destroyMethod = "close")
    public AlertWebhook alertWebhook(AlertsProperties settings, DataFactory dataFactory, AlertMonitor monitor,
                                     JsonDocuments docs, ObjectMapper adfopsJson, Clock clock) {
        AlertWebhook webhook = new AlertWebhook(new AlertWebhook.Settings(settings.webhookSecret(), settings.audience(),
                settings.tenantId(), settings.callerAppId(), settings.role(), settings.jwksUrl()), dataFactory, monitor,
                docs, adfopsJson, clock);
        if (!webhook.configured()) {
            log.info("Azure Monitor webhook /api/alerts: refuses every call (set ADFOPS_ALERTS_WEBHOOKSECRET, or "
                    + "ADFOPS_ALERTS_AUDIENCE and ADFOPS_ALERTS_TENANTID for a Secure webhook)");
        }
        return webhook;
    }

    /** Signs compliance export links; {@code GET /api/export} checks them. */
    @Bean
    public ExportSigner exportSigner(ExportProperties export, AuthProperties auth, Clock clock, ObjectMapper adfopsJson,
                                     org.springframework.core.env.Environment env) {
        java.util.function.Supplier<String> url = export.publicUrl() == null || export.publicUrl().isBlank()
                ? () -> "http://127.0.0.1:" + env.getProperty("local.server.port", env.getProperty("server.port", "3978"))
                : () -> export.publicUrl().trim();
        byte[] key;
        if (export.signingKey() == null || export.signingKey().isBlank()) {
            key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            log.info("Export links: signed with a random key (set ADFOPS_EXPORT_SIGNINGKEY to share links across instances)");
        } else {
            key = export.signingKey().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return new ExportSigner(key, url, export.linkTtl(), auth.tenants(), clock, adfopsJson);
    }

    @Bean
    public GuidanceFinder guidanceFinder(DocsService docs) {
        return new GuidanceFinder(docs);
    }

    @Bean
    public Installations installations(JsonDocuments docs) {
        return new Installations(docs);
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

    @Bean(destroyMethod = "close")
    public DocsService docsService(DocsProperties docs, ObjectMapper adfopsJson, Clock clock) {
        BuiltInDocsIndex builtIn = new BuiltInDocsIndex(adfopsJson);
        McpLearnDocs live = docs.mcpUrl() == null || docs.mcpUrl().isBlank()
                ? null : new McpLearnDocs(docs.mcpUrl(), docs.timeout(), adfopsJson);
        log.info(live == null ? "Docs guidance: built-in index only" : "Docs guidance: {} (built-in index as fallback)",
                docs.mcpUrl());
        return new DocsService(live, builtIn, clock, docs.timeout(), docs.cacheTtl(), docs.cacheSize(), docs.retryAfter());
    }

    /** The analytics questions' one orchestration, for the Teams conversation and the model's tools alike. */
    @Bean
    public Analytics analytics(AdfTools tools) {
        return new Analytics(tools);
    }

    @Bean
    @ConditionalOnMissingBean
    public Agent agent(AdfTools tools, Analytics analytics, ConversationStore store, DocsService docs, GuidanceFinder guidance,
                       ContextProperties context, FoundryProperties foundry, JsonDocuments documents,
                       ObjectMapper adfopsJson, AuditLog audit, Watches watches, ExportSigner exports,
                       ExportProperties export, EscalationProperties escalation) {
        OfflineAgent offline = new OfflineAgent(tools, analytics, store, guidance, context.ttl(), audit, watches,
                com.adfops.answers.ExportLinks.sharing(exports, export.shareable(escalation)));
        if (!foundry.configured()) {
            log.info("Agent: offline (set AZURE_AI_PROJECT_ENDPOINT and AZURE_AI_MODEL_DEPLOYMENT_NAME for Azure AI Foundry)");
            return offline;
        }
        try {
            var credential = new com.azure.identity.DefaultAzureCredentialBuilder().build();
            var agents = new com.azure.ai.agents.AgentsClientBuilder()
                    .endpoint(foundry.projectEndpoint())
                    .credential(credential)
                    .serviceVersion(com.azure.ai.agents.AgentsServiceVersion.V2025_11_15_PREVIEW)
                    .buildAgentsClient();
            log.info("Agent: Azure AI Foundry at {} (model {})", foundry.projectEndpoint(), foundry.modelDeploymentName());
            return FoundryAgent.create(agents, credential, new ToolRunner(tools, analytics, docs, adfopsJson), offline, documents,
                    adfopsJson, new FoundryAgent.Settings(foundry.projectEndpoint(), foundry.modelDeploymentName(),
                            foundry.agentName(), foundry.apiVersion(), foundry.maxRounds(), foundry.turnDeadline(),
                            foundry.callTimeout(), foundry.concurrency()));
        } catch (RuntimeException e) {
            // A failing dependency must not keep the bot from starting: answer offline and say why in the log.
            log.error("Could not register the Foundry agent; answering with the offline agent", e);
            return offline;
        }
    }

    @Bean
    public CardFactory cardFactory(ObjectMapper adfopsJson) {
        return new CardFactory(adfopsJson);
    }

    /** Holds the simulated server (or nothing) so it is closed on shutdown. */
    public record SimulatedFactoryHolder(SimulatedDataFactoryServer server) implements AutoCloseable {
        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
