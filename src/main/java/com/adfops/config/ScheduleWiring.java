package com.adfops.config;

import com.adfops.runs.AdfTools;
import com.adfops.schedule.Schedules;
import com.adfops.schedule.SlaRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The schedule check every face asks ({@link Schedules}), with the SLAs and grace of {@link ScheduleProperties}. */
@Configuration(proxyBeanMethods = false)
public class ScheduleWiring {

    private static final Logger log = LoggerFactory.getLogger(ScheduleWiring.class);

    /** The schedule questions; an SLA entry that cannot be read is logged once, here, with why. */
    @Bean
    public Schedules schedules(AdfTools tools, ScheduleProperties settings) {
        SlaRules sla = SlaRules.parse(settings.sla());
        for (String rejected : sla.rejected()) {
            log.warn("ADFOPS_SLA: ignoring \"{}\": expected pipeline=HH:mm [zone] or pipeline=+2h (or +45m)", rejected);
        }
        log.info("Schedules: {} SLA rule(s) from ADFOPS_SLA, grace {}", sla.rules().size(), settings.schedule().grace());
        return new Schedules(tools, sla, settings.schedule().grace());
    }
}
