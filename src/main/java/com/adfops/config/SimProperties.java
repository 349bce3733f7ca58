package com.adfops.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded simulated Data Factory (used when no factory is configured).
 *
 * @param dataset  a dataset file to serve instead of the built-in one ({@code ADFOPS_SIM_DATASET})
 * @param pageSize runs per page, so continuation tokens are exercised ({@code ADFOPS_SIM_PAGESIZE})
 * @param seed     seed of the built-in dataset's generator
 */
@ConfigurationProperties(prefix = "adfops.sim")
public record SimProperties(Path dataset, @DefaultValue("100") int pageSize, @DefaultValue("42") long seed) {
}
