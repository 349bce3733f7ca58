/**
 * The agent on Azure AI Foundry: one agent version registered at start-up with {@code azure-ai-agents}, and the
 * Responses/Conversations wire calls on the JDK HTTP client with an Azure token (see {@link
 * com.adfops.agent.foundry.FoundryHttp} for why). The only package that imports {@code com.azure.ai.agents}.
 */
package com.adfops.agent.foundry;
