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

    /** The pipelines' next runs: the schedule's ({@link com.adfops.schedule.Schedules}, from the triggers). */
    @Bean
    @ConditionalOnMissingBean
    public NextRuns nextRuns(com.adfops.schedule.Schedules schedules) {
        return schedules;
    }

    @Bean
    public FactoryImpact factoryImpact(AdfTools tools, NextRuns nextRuns, Clock clock) {
        return new FactoryImpact(tools.dataFactory(), nextRuns, clock);
    }
}
