package com.adfops.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * How long a pipeline usually takes: its last successful runs (at least {@link RunningLong#MIN_BASELINE}, at most
 * {@link #MAX_RUNS}), however far back they reach. What "running long" compares a run in progress with, and what its
 * card and tool result say it compares with ("usually 18m 0s–22m 0s, p95 22m 0s").
 *
 * @param runs   successful runs it is made of
 * @param since  the oldest one's start
 * @param low    the 25th percentile: with {@code high}, the middle half of the runs ("usually 18–22 min")
 * @param median the median
 * @param high   the 75th percentile
 * @param p95    the 95th percentile (nearest rank: of 20 runs the 19th, so one outlier does not raise it)
 */
public record DurationBaseline(int runs, Instant since, Duration low, Duration median, Duration high, Duration p95) {

    /** The most successful runs a baseline keeps (the latest). */
    public static final int MAX_RUNS = 20;

    /** One successful run's duration. */
    public record Sample(String runId, Instant start, long millis) {
    }

    /** The baseline of {@code samples} (newest first, at least one). */
    public static DurationBaseline of(List<Sample> samples) {
        long[] ms = samples.stream().mapToLong(Sample::millis).toArray();
        Arrays.sort(ms);
        Instant since = samples.stream().map(Sample::start).min(Instant::compareTo).orElseThrow();
        return new DurationBaseline(ms.length, since, Duration.ofMillis(quantile(ms, 0.25)),
                Duration.ofMillis(quantile(ms, 0.5)), Duration.ofMillis(quantile(ms, 0.75)),
                Duration.ofMillis(quantile(ms, 0.95)));
    }

    /** A run in progress is running long past this: {@link RunningLong#MARGIN} times the p95. */
    public Duration threshold() {
        return Duration.ofMillis((long) (p95.toMillis() * RunningLong.MARGIN));
    }

    /** The nearest-rank quantile of the values (0 for none); sorts the array in place. */
    public static long quantile(long[] values, double q) {
        if (values.length == 0) {
            return 0;
        }
        Arrays.sort(values);
        int rank = (int) Math.ceil(q * values.length);
        return values[Math.max(0, Math.min(values.length - 1, rank - 1))];
    }

    /** The nearest-rank quantile of the values (0 for none). */
    public static long quantile(List<Long> values, double q) {
        return quantile(values.stream().mapToLong(Long::longValue).toArray(), q);
    }
}
