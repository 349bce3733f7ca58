/**
 * Settings and wiring: typed {@code @ConfigurationProperties} records bound from environment variables (the only
 * place settings are read), and {@link com.adfops.config.ApplicationWiring}, which chooses per setting between the
 * embedded defaults (simulated factory, offline agent, file store, built-in docs index) and the real services. The
 * only package that may import {@code implementation} packages and {@code agent.foundry}.
 */
package com.adfops.config;
