package com.adfops.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Cost estimates.
 *
 * @param rates a JSON file of prices that replace the list prices ({@code ADFOPS_COST_RATES}): {@code orchestration}
 *              (per 1,000 activity runs) and {@code <activityType>/<meterType>} per billed unit, e.g.
 *              {@code {"DataMovement/AzureIR": 0.25, "PipelineActivity/SelfhostedIR": 0.002}}; empty: list prices
 */
@ConfigurationProperties(prefix = "adfops.cost")
public record CostProperties(Path rates) {
}
