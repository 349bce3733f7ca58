package com.adfops.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The AI agent on Azure AI Foundry; used when both the project endpoint and the model deployment are set.
 *
 * @param projectEndpoint the Foundry project endpoint ({@code AZURE_AI_PROJECT_ENDPOINT})
 * @param modelDeploymentName the model deployment ({@code AZURE_AI_MODEL_DEPLOYMENT_NAME})
 * @param agentName       the agent's name in the project ({@code ADFOPS_FOUNDRY_AGENTNAME})
 * @param apiVersion      the Foundry API version
 * @param maxRounds       most model rounds (tool calls) per question
 * @param turnDeadline    the most a question may take before the offline answer is given ({@code ADFOPS_FOUNDRY_TURNDEADLINE})
 * @param callTimeout     timeout of each call to Foundry
 * @param concurrency     questions the model answers at once; as many again may wait, more get the standard answer
 */
@ConfigurationProperties(prefix = "adfops.foundry")
public record FoundryProperties(
        String projectEndpoint,
        String modelDeploymentName,
        @DefaultValue("adfops-bot") String agentName,
        @DefaultValue("2025-11-15-preview") String apiVersion,
        @DefaultValue("8") int maxRounds,
        @DefaultValue("60s") Duration turnDeadline,
        @DefaultValue("20s") Duration callTimeout,
        @DefaultValue("8") int concurrency) {

    public boolean configured() {
        return projectEndpoint != null && !projectEndpoint.isBlank()
                && modelDeploymentName != null && !modelDeploymentName.isBlank();
    }
}
