package com.adfops.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Schedules and SLAs.
 *
 * @param sla      the SLAs ({@code ADFOPS_SLA}): entries {@code pattern=deadline} separated by {@code ;}, a deadline a
 *                 time of day in a zone ({@code Sales_*=06:00 Europe/Berlin}) or a time after the expected start
 *                 ({@code Hourly_*=+45m}); pipelines' {@code sla:} annotations count too. Empty: annotations only
 * @param schedule the schedule check's settings
 */
@ConfigurationProperties(prefix = "adfops")
public record ScheduleProperties(String sla, @DefaultValue Schedule schedule) {

    /**
     * @param grace how long after its expected start a run may start and still be on time, and an expected run that
     *              has not started counts as missed ({@code ADFOPS_SCHEDULE_GRACE})
     */
    public record Schedule(@DefaultValue("PT15M") Duration grace) {
    }
}
