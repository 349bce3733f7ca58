/**
 * Settings and wiring: typed {@code @ConfigurationProperties} records bound from environment variables (the only
 * place settings are read), and the wiring, which chooses per setting between the embedded defaults (simulated factory,
 * offline agent, file store, built-in docs index) and the real services, one {@code @Configuration} per area:
 * {@link com.adfops.config.ApplicationWiring} (what all share: JSON, clock, body limit, state),
 * {@link com.adfops.config.FactoryWiring} (factories, run index, simulated factory, run queries),
 * {@link com.adfops.config.AgentWiring} (conversation, model's tools, docs), {@link com.adfops.config.TeamsWiring}
 * (cards, bot identity), {@link com.adfops.config.CapabilityWiring} (actions, alerts, escalation, export) and
 * {@link com.adfops.config.McpWiring} (the MCP face), {@link com.adfops.config.ImpactWiring} (what failures reach,
 * the self-hosted runtimes; the pipelines' next runs). The only package that may import {@code implementation}
 * packages and {@code agent.foundry}.
 */
package com.adfops.config;
