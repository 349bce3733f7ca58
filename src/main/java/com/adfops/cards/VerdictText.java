package com.adfops.cards;

import static com.adfops.cards.CardText.duration;
import static com.adfops.cards.CardText.time;

import com.adfops.analytics.DurationVerdict;
import com.adfops.analytics.PerformanceSummary;
import com.adfops.cards.CardFactory.View;
import java.util.List;
import java.util.Locale;

/**
 * A duration verdict in words: the headline of one pipeline's durations, a trend cell of the slowest table and the
 * headline of the slowest ({@link AnalyticsCards}' durations card).
 */
final class VerdictText {

    private VerdictText() {
    }

    /**
     * The headline of one pipeline's durations, from its verdict: "🐢 Getting slower: the last 8 runs (since ...) took
     * a median of 31m 0s, 3.1x the usual 10m 0s (the 48 runs before: 9m 0s–11m 0s for the middle half). 8 slow runs,
     * up to 3.9x." Every figure is one the chart (its usual line) or the list of slow runs shows too.
     */
    static String verdictLine(DurationVerdict x, View v) {
        if (x.kind() == DurationVerdict.Kind.TOO_LITTLE_HISTORY) {
            return "Too little history to judge: " + x.finished() + (x.finished() == 1 ? " finished run" : " finished runs")
                    + " (" + DurationVerdict.needed() + " needed: the " + DurationVerdict.RECENT_RUNS + " latest and "
                    + DurationVerdict.MIN_BASELINE + " before them).";
        }
        DurationVerdict.Sample r = x.recent();
        DurationVerdict.Sample b = x.baseline();
        String recent = "the last " + r.runs() + " runs (since " + time(r.from(), v) + ") took a median of "
                + duration(r.median());
        String before = "(the " + b.runs() + " runs before: " + duration(b.low()) + "–" + duration(b.high())
                + " for the middle half)";
        String times = String.format(Locale.ENGLISH, "%.1fx", x.ratio());
        int n = x.slowRuns().size();
        String slow = n == 0 ? "" : String.format(Locale.ENGLISH, " %d slow %s, up to %.1fx.", n, n == 1 ? "run" : "runs",
                x.slowestRatio());
        return switch (x.kind()) {
            case SLOWER -> "🐢 Getting slower: " + recent + ", " + times + " the usual " + duration(b.median()) + " "
                    + before + "." + slow;
            case FASTER -> "⚡ Getting faster: " + recent + ", " + times + " the usual " + duration(b.median()) + " "
                    + before + "." + slow;
            case SLOWER_WITHIN_SPREAD -> "Slower than usual, but within its usual spread: " + recent + ", " + times
                    + " the usual " + duration(b.median()) + " " + before + "; " + notSignificant(x) + "." + slow;
            case FASTER_WITHIN_SPREAD -> "Faster than usual, but within its usual spread: " + recent + ", " + times
                    + " the usual " + duration(b.median()) + " " + before + "; " + notSignificant(x) + "." + slow;
            case SLOW_RUNS -> String.format(Locale.ENGLISH, "⚠️ %d slow %s, not a trend: ", n, n == 1 ? "run" : "runs")
                    + recent + " against the usual " + duration(b.median()) + " " + before
                    + String.format(Locale.ENGLISH, "; the slowest took %.1fx.", x.slowestRatio());
            case STEADY -> "About as fast as usual: " + recent + " against the usual " + duration(b.median()) + " "
                    + before + "; none was slow.";
            case TOO_LITTLE_HISTORY -> throw new IllegalStateException();
        };
    }

    /** "not significant (p = 0.14)": why a change of the median is not called a trend. */
    private static String notSignificant(DurationVerdict x) {
        return String.format(Locale.ENGLISH, "not significant (p = %.2g)", x.test().pValue());
    }

    /**
     * A pipeline's trend in the table of the slowest: "🐢 3.1x slower", "slower, 1.5x (not significant)", "⚠️ 2 slow
     * runs", "steady".
     */
    static String trendCell(DurationVerdict x) {
        int n = x.slowRuns().size();
        return switch (x.kind()) {
            case SLOWER -> String.format(Locale.ENGLISH, "🐢 %.1fx slower", x.ratio());
            case FASTER -> String.format(Locale.ENGLISH, "⚡ faster (%.1fx)", x.ratio()) + (n == 0 ? ""
                    : ", " + n + (n == 1 ? " slow run" : " slow runs"));
            case SLOWER_WITHIN_SPREAD, FASTER_WITHIN_SPREAD -> String.format(Locale.ENGLISH, "%s, %.1fx (not significant)",
                    x.kind() == DurationVerdict.Kind.SLOWER_WITHIN_SPREAD ? "slower" : "faster", x.ratio())
                    + (n == 0 ? "" : ", " + n + (n == 1 ? " slow run" : " slow runs"));
            case SLOW_RUNS -> "⚠️ " + n + (n == 1 ? " slow run" : " slow runs");
            case STEADY -> "steady";
            case TOO_LITTLE_HISTORY -> "— (few runs)";
        };
    }

    /**
     * The headline of the slowest pipelines: the ones getting slower against their usual, or how many runs were slow,
     * or (only without either) that none is.
     */
    static String slowestHeadline(PerformanceSummary s) {
        List<PerformanceSummary.PipelineDurations> slower = s.pipelines().stream()
                .filter(p -> p.verdict().kind() == DurationVerdict.Kind.SLOWER)
                .sorted(java.util.Comparator.comparingDouble((PerformanceSummary.PipelineDurations p) -> p.verdict().ratio())
                        .reversed()).toList();
        if (!slower.isEmpty()) {
            String names = String.join(", ", slower.stream().limit(3).map(p -> p.pipeline() + String.format(Locale.ENGLISH,
                    " (%.1fx its usual %s)", p.verdict().ratio(), duration(p.verdict().usual()))).toList());
            return "🐢 Getting slower: " + names + (slower.size() > 3 ? " and " + (slower.size() - 3) + " more" : "") + ".";
        }
        int slow = s.pipelines().stream().mapToInt(p -> p.verdict().slowRuns().size()).sum();
        if (slow > 0) {
            double worst = s.outliers().isEmpty() ? 0 : s.outliers().get(0).ratio();
            return String.format(Locale.ENGLISH, "⚠️ No pipeline is getting slower, but %d %s slow (up to %.1fx the usual).",
                    slow, slow == 1 ? "run was" : "runs were", worst);
        }
        boolean judged = s.pipelines().stream().anyMatch(p -> p.verdict().kind() != DurationVerdict.Kind.TOO_LITTLE_HISTORY);
        long unclear = s.pipelines().stream().filter(p -> p.verdict().kind() == DurationVerdict.Kind.SLOWER_WITHIN_SPREAD)
                .count();
        return !judged ? "" : unclear == 0 ? "No pipeline is getting slower, and no run was slow."
                : "No pipeline is clearly getting slower (" + unclear + " slower than usual but within "
                + (unclear == 1 ? "its" : "their") + " usual spread), and no run was slow.";
    }
}
