package com.adfops.adf;

/**
 * One entry of an activity run's {@code output.billingReference}: what ADF bills it for.
 *
 * @param activityType {@code DataMovement}, {@code PipelineActivity}, {@code ExternalActivity} or {@code executedataflow}
 * @param meterType    where it ran: {@code AzureIR}, {@code SelfhostedIR}, {@code ManagedVNetIR}, ...
 * @param duration     the billed quantity (already rounded up by ADF)
 * @param unit         {@code DIUHours}, {@code Hours} or {@code coreHour}
 */
public record BillableDuration(String activityType, String meterType, double duration, String unit) {
}
