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
 * @param latency  added to every request, to stand for Azure's latency in tests and benchmarks ({@code ADFOPS_SIM_LATENCY},
 *                 e.g. {@code 300ms})
 * @param throttle every Nth request gets HTTP 429 with Retry-After: 1 ({@code ADFOPS_SIM_THROTTLE}); 0 = never
 * @param rerunOutcome how a rerun started from a card ends, unless the dataset's {@code reruns} script names its
 *                 pipeline ({@code ADFOPS_SIM_RERUNOUTCOME}): {@code Succeeded} or {@code Failed}
 * @param rerunDuration how long such a rerun runs ({@code ADFOPS_SIM_RERUNDURATION})
 */
@ConfigurationProperties(prefix = "adfops.sim")
public record SimProperties(Path dataset, @DefaultValue("100") int pageSize, @DefaultValue("42") long seed,
                            @DefaultValue("0s") java.time.Duration latency, @DefaultValue("0") int throttle,
                            @DefaultValue("Succeeded") String rerunOutcome,
                            @DefaultValue("20s") java.time.Duration rerunDuration) {
}
