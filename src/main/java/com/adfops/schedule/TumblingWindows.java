package com.adfops.schedule;

import com.adfops.adf.FactoryDefinitions.Frequency;
import com.adfops.adf.FactoryDefinitions.TumblingWindow;
import com.adfops.adf.FactoryDefinitions.WindowDependency;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A tumbling window trigger's windows (always UTC): {@code start + k * interval} units, back to back, none starting at
 * or after {@code end}. A window's run is due at its end plus the trigger's delay; it starts only once the windows it
 * depends on have succeeded, and at most {@code maxConcurrency} windows of the trigger run at once.
 */
public final class TumblingWindows {

    /** Windows returned at most for one call. */
    public static final int MAX_WINDOWS = 10_000;

    private TumblingWindows() {
    }

    /**
     * One window.
     *
     * @param start its start (inclusive)
     * @param end   its end (exclusive)
     * @param due   when its run is expected to start: {@code end + delay}
     */
    public record Window(Instant start, Instant end, Instant due) {

        /** The window's length. */
        public Duration size() {
            return Duration.between(start, end);
        }
    }

    /** The windows of {@code w} whose run is due in {@code [from, to)}, in order. */
    public static List<Window> due(TumblingWindow w, Instant from, Instant to) {
        Duration delay = delay(w);
        List<Window> out = new ArrayList<>();
        for (Window x : overlapping(w, from.minus(delay).minus(longest(w)), to.minus(delay))) {
            if (!x.due().isBefore(from) && x.due().isBefore(to)) {
                out.add(x);
            }
        }
        return out;
    }

    /** The windows of {@code w} that overlap {@code [from, to)}, in order. */
    public static List<Window> overlapping(TumblingWindow w, Instant from, Instant to) {
        List<Window> out = new ArrayList<>();
        if (w.start() == null || w.frequency() == null) {
            return out;
        }
        int interval = Math.max(1, w.interval());
        long k = 0;
        if (w.frequency() != Frequency.MONTH && from.isAfter(w.start())) {
            k = Math.max(0, Duration.between(w.start(), from).toMillis() / unit(w).multipliedBy(interval).toMillis() - 1);
        } else if (from.isAfter(w.start())) {
            k = Math.max(0, java.time.temporal.ChronoUnit.MONTHS.between(w.start().atZone(ZoneOffset.UTC),
                    from.atZone(ZoneOffset.UTC)) / interval - 1);
        }
        for (; out.size() < MAX_WINDOWS; k++) {
            Instant s = at(w, k * interval);
            Instant e = at(w, (k + 1) * interval);
            if (!s.isBefore(to) || (w.end() != null && !s.isBefore(w.end()))) {
                break;
            }
            if (e.isAfter(from)) {
                out.add(new Window(s, e, e.plus(delay(w))));
            }
        }
        return out;
    }

    /**
     * The span a window's dependency covers: from its start plus the offset, for the size (by default the window's
     * own); a self-dependency without an offset is the window before.
     */
    public static Window dependencySpan(Window window, WindowDependency d) {
        Duration size = d.size() != null ? d.size() : window.size();
        Duration offset = d.offset() != null ? d.offset() : d.trigger() == null ? window.size().negated() : Duration.ZERO;
        Instant s = window.start().plus(offset);
        return new Window(s, s.plus(size), s.plus(size));
    }

    private static Instant at(TumblingWindow w, long units) {
        return w.frequency() == Frequency.MONTH
                ? w.start().atZone(ZoneOffset.UTC).plusMonths(units).toInstant()
                : w.start().plus(unit(w).multipliedBy(units));
    }

    private static Duration unit(TumblingWindow w) {
        return switch (w.frequency()) {
            case MINUTE -> Duration.ofMinutes(1);
            case DAY -> Duration.ofDays(1);
            case WEEK -> Duration.ofDays(7);
            default -> Duration.ofHours(1);
        };
    }

    private static Duration longest(TumblingWindow w) {
        int interval = Math.max(1, w.interval());
        return w.frequency() == Frequency.MONTH ? Duration.ofDays(31L * interval) : unit(w).multipliedBy(interval);
    }

    private static Duration delay(TumblingWindow w) {
        return w.delay() == null ? Duration.ZERO : w.delay();
    }
}
