package com.adfops.agent;

import com.adfops.adf.FactoryRef;
import com.adfops.schedule.Schedules;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The schedule answers: "is everything on schedule?" (each expected run since midnight UTC, or in the window asked,
 * against its schedule and SLA) and "what runs tonight?" (the runs started triggers are expected to start ahead),
 * over {@link Schedules}, for one factory or all, one pipeline, a pattern, or all.
 */
final class ScheduleAnswers {

    /** "Tonight" lasts until this time of day (the user's zone). */
    static final LocalTime MORNING = LocalTime.of(8, 0);
    /** Before this long past midnight UTC, "since midnight" is the whole last day. */
    static final Duration EARLY = Duration.ofHours(1);

    private final Schedules schedules;

    ScheduleAnswers(Schedules schedules) {
        this.schedules = schedules;
    }

    AgentReply onSchedule(Intent.OnSchedule q) {
        Instant now = schedules.now();
        Instant from = q.window() != null ? q.window().from() : since(now);
        List<Schedules.Checked> out = new ArrayList<>();
        for (FactoryRef f : schedules.factories(q.factory())) {
            out.add(schedules.check(f, from, schedules.pipeline(f, q.pipelines())));
        }
        return AgentReply.of(new Reply.OnSchedule(out, q.pipelines()));
    }

    AgentReply upcoming(Intent.Upcoming q, ZoneId zone) {
        Instant now = schedules.now();
        Duration ahead = q.ahead() != null ? q.ahead() : untilMorning(now, zone);
        List<Schedules.Ahead> out = new ArrayList<>();
        for (FactoryRef f : schedules.factories(q.factory())) {
            out.add(schedules.upcoming(f, ahead, schedules.pipeline(f, q.pipelines())));
        }
        return AgentReply.of(new Reply.Upcoming(out, now, now.plus(ahead), q.pipelines()));
    }

    /** Midnight UTC, or the midnight before when it is not an hour ago. */
    static Instant since(Instant now) {
        Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
        return Duration.between(midnight, now).compareTo(EARLY) < 0 ? midnight.minus(Duration.ofDays(1)) : midnight;
    }

    /** From now to the next morning in {@code zone} (at least an hour ahead). */
    static Duration untilMorning(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone == null ? ZoneOffset.UTC : zone);
        ZonedDateTime morning = local.toLocalDate().atTime(MORNING).atZone(local.getZone());
        if (!morning.toInstant().isAfter(now.plus(EARLY))) {
            morning = morning.plusDays(1);
        }
        return Duration.between(now, morning.toInstant());
    }
}
