package com.adfops.config;

import com.adfops.runs.AdfTools;
import com.adfops.schedule.Schedules;
import com.adfops.agent.Agent;
import com.adfops.diagnosis.GuidanceFinder;
import com.adfops.agent.OfflineAgent;
import com.adfops.tools.ToolRunner;
import com.adfops.analytics.Analytics;
import com.adfops.agent.foundry.FoundryAgent;
import com.adfops.docs.BuiltInDocsIndex;
import com.adfops.docs.DocsService;
import com.adfops.docs.implementation.McpLearnDocs;
import com.adfops.state.ConversationStore;
import com.adfops.state.JsonDocuments;
import com.adfops.actions.AuditLog;
import com.adfops.export.ExportSigner;
import com.adfops.alerts.Watches;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import com.adfops.impact.FactoryImpact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The conversation: the offline agent, or Azure AI Foundry's with the model's tools ({@code tools.ToolRunner}) when
 * configured; and what it answers from: the docs guidance (built-in index, Microsoft Learn) and the analytics.
 */
@Configuration(proxyBeanMethods = false)
public class AgentWiring {

    private static final Logger log = LoggerFactory.getLogger(AgentWiring.class);

    @Bean
    public GuidanceFinder guidanceFinder(DocsService docs) {
        return new GuidanceFinder(docs);
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
                       ExportProperties export, EscalationProperties escalation, FactoryImpact impact,
                       Schedules schedules) {
        OfflineAgent offline = new OfflineAgent(tools, analytics, store, guidance, context.ttl(), audit, watches,
                com.adfops.answers.ExportLinks.sharing(exports, export.shareable(escalation)), impact, schedules);
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
            return FoundryAgent.create(agents, credential, new ToolRunner(tools, analytics, docs, adfopsJson, impact, schedules), offline, documents,
                    adfopsJson, new FoundryAgent.Settings(foundry.projectEndpoint(), foundry.modelDeploymentName(),
                            foundry.agentName(), foundry.apiVersion(), foundry.maxRounds(), foundry.turnDeadline(),
                            foundry.callTimeout(), foundry.concurrency()));
        } catch (RuntimeException e) {
            // A failing dependency must not keep the bot from starting: answer offline and say why in the log.
            log.error("Could not register the Foundry agent; answering with the offline agent", e);
            return offline;
        }
    }
}
