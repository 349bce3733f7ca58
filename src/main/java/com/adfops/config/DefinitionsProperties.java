package com.adfops.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The factories' definitions (pipelines, datasets, linked services, triggers, integration runtimes), kept in memory.
 *
 * @param refresh how often each factory's definitions are read again ({@code ADFOPS_DEFINITIONS_REFRESH}, default 5
 *                minutes): they change rarely; a failed read keeps the last good copy
 */
@ConfigurationProperties(prefix = "adfops.definitions")
public record DefinitionsProperties(@DefaultValue("5m") Duration refresh) {
}
