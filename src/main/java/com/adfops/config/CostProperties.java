package com.adfops.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cost estimates.
 *
 * @param rates         a JSON file of prices that replace the list prices ({@code ADFOPS_COST_RATES}):
 *                      {@code orchestration} (per 1,000 activity runs) and {@code <activityType>/<meterType>} per billed
 *                      unit, e.g. {@code {"DataMovement/AzureIR": 0.25, "PipelineActivity/SelfhostedIR": 0.002}};
 *                      empty: list prices
 * @param readRate      activity-run reads a second, on average, of the background reader that keeps each finished
 *                      run's billing ({@code ADFOPS_COST_READRATE}); questions' own reads count against it but never
 *                      wait for it; 0 turns the background reader off (questions then read at most 50 runs themselves)
 * @param readsInFlight the background reader's reads at once ({@code ADFOPS_COST_READSINFLIGHT})
 */
@ConfigurationProperties(prefix = "adfops.cost")
public record CostProperties(
        Path rates,
        @DefaultValue("4") double readRate,
        @DefaultValue("2") int readsInFlight) {

    public CostProperties {
        if (readRate < 0 || Double.isNaN(readRate)) {
            throw new IllegalArgumentException("ADFOPS_COST_READRATE must be 0 (off) or more, not " + readRate);
        }
        if (readsInFlight < 1) {
            throw new IllegalArgumentException("ADFOPS_COST_READSINFLIGHT must be at least 1, not " + readsInFlight);
        }
    }
}
