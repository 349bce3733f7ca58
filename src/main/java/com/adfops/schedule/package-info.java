/**
 * Schedules and SLAs, the core of "did last night run as it should?" and "what runs tonight?": a factory's triggers
 * read as the runs they are expected to start ({@link com.adfops.schedule.Recurrences} for schedule triggers, with
 * ADF's Windows time zone names read by {@link com.adfops.schedule.TimeZones}; {@link com.adfops.schedule.TumblingWindows}
 * for tumbling windows; together {@link com.adfops.schedule.ExpectedRuns}), the SLAs of the setting and of the
 * pipelines' annotations ({@link com.adfops.schedule.SlaRules}), and {@link com.adfops.schedule.ScheduleCheck}: each
 * expected run matched to its run and judged (on time, late, missed and why; its SLA met, at risk or late), and the
 * runs expected ahead ({@link com.adfops.schedule.UpcomingRun}).
 *
 * <p>Pure and deterministic: "now" is the caller's (never the system clock), and the same definitions and runs give
 * the same result. Results are typed records and enums; no user-facing sentence is built here: the faces render them.
 * May import the JDK, {@code adf} (the port records) and {@code runs}; never a face, a capability or an SDK.
 */
package com.adfops.schedule;
