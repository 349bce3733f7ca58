package com.adfops.config;

import com.adfops.impact.FactoryImpact;
import com.adfops.impact.NextRuns;
import com.adfops.runs.AdfTools;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What failures reach downstream and the self-hosted runtimes' health, for every face: {@link FactoryImpact} over the
 * factories' definitions (read through the same Data Factory port the run queries use) and the pipelines' next runs.
 */
@Configuration(proxyBeanMethods = false)
public class ImpactWiring {

    /** The pipelines' next runs: none known until the schedule package provides them (swap this one line then). */
    @Bean
    @ConditionalOnMissingBean
    public NextRuns nextRuns() {
        return NextRuns.NONE;
    }

    @Bean
    public FactoryImpact factoryImpact(AdfTools tools, NextRuns nextRuns, Clock clock) {
        return new FactoryImpact(tools.dataFactory(), nextRuns, clock);
    }
}
