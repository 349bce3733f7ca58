package com.adfops.analytics;

import com.adfops.adf.ActivityRun;
import com.adfops.adf.CopyProfile;
import com.adfops.adf.RunStatus;
import com.adfops.runs.DurationBaseline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * ADF's own account of a slow run: each Copy activity's split (queue, time to first byte, reading from the source,
 * writing to the sink), its data integration units and parallel copies, against the same activity's usual (the median
 * over the pipeline's recent successful runs); a data flow's cluster start-up against the rest; the sink's throttled
 * writes and ADF's tuning tips (one per rule). A phase <b>grew</b> when it took at least {@link #MIN_RATIO} times its
 * usual and {@link #MIN_GROWTH} more, against at least {@link #MIN_USUAL} usual runs.
 */
public final class CopyTuning {

    /** A phase grew when it took at least this many times its usual... */
    public static final double MIN_RATIO = 1.25;
    /** ...and at least this much longer. */
    public static final Duration MIN_GROWTH = Duration.ofSeconds(30);
    /** Usual runs needed to call a phase grown. */
    public static final int MIN_USUAL = 3;
    /** Activities a result lists. */
    public static final int MAX_ACTIVITIES = 3;
    /** Tips a result lists. */
    public static final int MAX_TIPS = 3;

    private CopyTuning() {
    }

    /** Where an activity's time goes, as ADF splits it. */
    public enum Phase {
        /** Waiting for the integration runtime. */
        QUEUE,
        /** From the start to the source's first byte. */
        FIRST_BYTE,
        /** Working time reading from the source. */
        READING,
        /** Working time writing to the sink. */
        WRITING,
        /** A data flow's Spark cluster starting. */
        CLUSTER_STARTUP,
        /** A data flow's time after its cluster started. */
        PROCESSING
    }

    /** One phase of the slow run's activity against its usual (null when no usual run had it). */
    public record PhaseTime(Phase phase, Duration now, Duration usual) {

        public Duration growth() {
            return usual == null ? Duration.ZERO : now.minus(usual);
        }

        /** At least {@link #MIN_RATIO} times the usual and {@link #MIN_GROWTH} more. */
        public boolean grew() {
            return usual != null && growth().compareTo(MIN_GROWTH) >= 0
                    && now.toMillis() >= usual.toMillis() * MIN_RATIO;
        }
    }

    /**
     * One Copy or Data Flow activity of the slow run.
     *
     * @param name                 the activity's name
     * @param type                 its type ("Copy", "ExecuteDataFlow")
     * @param phases               each phase ADF gave, now and usual
     * @param usualRuns            the usual runs it was compared with (fewer than {@link #MIN_USUAL}: no phase grew)
     * @param throttlingErrors     the sink's throttled writes in the slow run, or null
     * @param diu                  data integration units used, or null
     * @param usualDiu             their usual, or null
     * @param parallelCopies       parallel copies used, or null
     * @param usualParallelCopies  their usual, or null
     */
    public record Activity(String name, String type, List<PhaseTime> phases, int usualRuns, Integer throttlingErrors,
                           Integer diu, Integer usualDiu, Integer parallelCopies, Integer usualParallelCopies) {

        public Activity {
            phases = List.copyOf(phases);
        }

        /** The phases that grew, most first. */
        public List<PhaseTime> grew() {
            return phases.stream().filter(PhaseTime::grew)
                    .sorted(Comparator.comparing(PhaseTime::growth).reversed()).toList();
        }

        Duration mostGrowth() {
            return grew().stream().map(PhaseTime::growth).findFirst().orElse(Duration.ZERO);
        }
    }

    /** One of ADF's tips for the slow run: its text is ADF's (data, shown literally); its url https or "". */
    public record Tip(String activity, String rule, String text, String url) {
    }

    /**
     * The slow run's account.
     *
     * @param runId      the slow run
     * @param activities its activities with a phase that grew or throttled writes, most growth first
     * @param tips       ADF's tips in the slow run, one per rule
     */
    public record Result(String runId, List<Activity> activities, List<Tip> tips) {

        public Result {
            activities = List.copyOf(activities);
            tips = List.copyOf(tips);
        }

        public boolean isEmpty() {
            return activities.isEmpty() && tips.isEmpty();
        }
    }

    /**
     * The account of {@code runId} from its activity runs ({@code slow}) against {@code usual}: the activity runs of
     * the pipeline's recent runs (only the successful ones, of other runs, count). Activities inside loops count by
     * name, the longest of each run.
     */
    public static Result of(String runId, List<ActivityRun> slow, List<ActivityRun> usual) {
        Map<String, ActivityRun> now = longestByName(slow.stream().filter(a -> runId.equals(a.pipelineRunId())).toList());
        Map<String, List<ActivityRun>> before = new LinkedHashMap<>();
        Map<String, List<ActivityRun>> byRun = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ActivityRun a : usual) {
            if (a.status() == RunStatus.SUCCEEDED && a.profile() != null && !runId.equals(a.pipelineRunId())
                    && seen.add(a.activityRunId())) {
                byRun.computeIfAbsent(a.pipelineRunId(), k -> new ArrayList<>()).add(a);
            }
        }
        for (List<ActivityRun> run : byRun.values()) {
            longestByName(run).forEach((name, a) -> before.computeIfAbsent(name, k -> new ArrayList<>()).add(a));
        }
        List<Activity> activities = new ArrayList<>();
        Map<String, Tip> tips = new LinkedHashMap<>();
        for (ActivityRun a : now.values()) {
            Activity account = account(a, before.getOrDefault(a.activityName(), List.of()));
            Integer throttled = account.throttlingErrors();
            if (!account.grew().isEmpty() || throttled != null && throttled > 0) {
                activities.add(account);
            }
            for (CopyProfile.Tip t : a.profile().tips()) {
                tips.putIfAbsent(t.rule().isEmpty() ? t.text() : t.rule(),
                        new Tip(a.activityName(), t.rule(), t.text(), t.url()));
            }
        }
        activities.sort(Comparator.comparing(Activity::mostGrowth).reversed());
        return new Result(runId, activities.stream().limit(MAX_ACTIVITIES).toList(),
                tips.values().stream().limit(MAX_TIPS).toList());
    }

    private static Activity account(ActivityRun a, List<ActivityRun> usual) {
        CopyProfile p = a.profile();
        List<PhaseTime> phases = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            Duration d = phase(a, phase);
            if (d != null) {
                phases.add(new PhaseTime(phase, d, usual.size() < MIN_USUAL ? null : median(usual, x -> phase(x, phase))));
            }
        }
        return new Activity(a.activityName(), a.activityType(), phases, usual.size(), p.throttlingErrors(), p.diu(),
                medianCount(usual, x -> x.profile().diu()), p.parallelCopies(),
                medianCount(usual, x -> x.profile().parallelCopies()));
    }

    /** A phase's time in one activity run, or null when ADF did not give it. */
    static Duration phase(ActivityRun a, Phase phase) {
        CopyProfile p = a.profile();
        return switch (phase) {
            case QUEUE -> p.queue();
            case FIRST_BYTE -> p.timeToFirstByte();
            case READING -> p.reading();
            case WRITING -> p.writing();
            case CLUSTER_STARTUP -> p.clusterStartup();
            case PROCESSING -> p.clusterStartup() == null || a.durationMs() == null ? null
                    : Duration.ofMillis(Math.max(0, a.durationMs() - p.clusterStartup().toMillis()));
        };
    }

    /** The median of a count over activity runs that have it, or null when none has. */
    private static Integer medianCount(List<ActivityRun> runs, Function<ActivityRun, Integer> value) {
        List<Long> n = runs.stream().map(value).filter(Objects::nonNull).map(Integer::longValue).toList();
        return n.isEmpty() ? null : Integer.valueOf((int) DurationBaseline.quantile(n, 0.5));
    }

    /** The median of a value over activity runs that have it, or null when none has. */
    private static Duration median(List<ActivityRun> runs, Function<ActivityRun, Duration> value) {
        List<Long> ms = runs.stream().map(value).filter(Objects::nonNull).map(Duration::toMillis).toList();
        return ms.isEmpty() ? null : Duration.ofMillis(DurationBaseline.quantile(ms, 0.5));
    }

    /** The Copy and Data Flow activity runs with a profile, by name; of several (loop iterations), the longest. */
    private static Map<String, ActivityRun> longestByName(List<ActivityRun> runs) {
        Map<String, ActivityRun> out = new LinkedHashMap<>();
        for (ActivityRun a : runs) {
            if (a.profile() != null) {
                out.merge(a.activityName(), a, (x, y) -> length(y) > length(x) ? y : x);
            }
        }
        return out;
    }

    private static long length(ActivityRun a) {
        return a.durationMs() == null ? 0 : a.durationMs();
    }
}
