package com.adfops.schedule;

import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryDefinitions.Trigger;
import com.adfops.adf.FactoryDefinitions.TriggerKind;
import com.adfops.adf.FactoryDefinitions.TriggerRun;
import com.adfops.adf.FactoryDefinitions.TriggerRunStatus;
import com.adfops.adf.FactoryDefinitions.TriggerState;
import com.adfops.adf.FactoryDefinitions.WindowDependency;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.runs.DurationBaseline;
import com.adfops.runs.RunningLong;
import com.adfops.schedule.RunCheck.Cause;
import com.adfops.schedule.RunCheck.CauseKind;
import com.adfops.schedule.RunCheck.DependencyWindow;
import com.adfops.schedule.RunCheck.StartVerdict;
import com.adfops.schedule.RunCheck.WindowState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Did the factory run what its triggers say, on time and within its SLAs? For a span up to "now" (the caller's), each
 * run a schedule or tumbling window trigger was expected to start ({@link ExpectedRuns}) is matched to the run that
 * is its ({@link RunMatcher}), and judged: ON_TIME (started within the grace period), LATE_START, MISSED (with the
 * cause the data shows: a queued run, a failed trigger run, a trigger not started, a dependency window that did not
 * succeed, the trigger's max concurrency; else unknown) or PENDING; and, when its pipeline has an SLA
 * ({@link SlaRules}), against it ({@link SlaCheck}), predicting from the pipeline's usual duration. And for a span
 * ahead, what is expected to run ({@link #upcoming}). Pure: the same inputs give the same result.
 */
public final class ScheduleCheck {

    /** How long after its expected start a run still starts on time, by default. */
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(10);
    /** How long after its expected start a run can still be its run, by default. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofHours(6);

    private final SlaRules sla;
    private final Duration grace;
    private final Duration tolerance;

    /**
     * @param sla       the SLAs of the setting (pipelines' annotations count too)
     * @param grace     how long after its expected start a run still starts on time
     * @param tolerance how long after its expected start a run can still be its run (at most until the same trigger's
     *                  next expected run of the pipeline)
     */
    public ScheduleCheck(SlaRules sla, Duration grace, Duration tolerance) {
        this.sla = sla == null ? SlaRules.none() : sla;
        this.grace = grace;
        this.tolerance = tolerance.compareTo(grace) < 0 ? grace : tolerance;
    }

    public ScheduleCheck(SlaRules sla, Duration grace) {
        this(sla, grace, DEFAULT_TOLERANCE);
    }

    /** The check of {@code [from, now]}, with usual durations from the successful runs among {@code runs}. */
    public ScheduleReport check(FactoryDefinitions defs, List<PipelineRun> runs, List<TriggerRun> triggerRuns,
                                Instant from, Instant now) {
        return check(defs, runs, triggerRuns, from, now, baselines(runs));
    }

    /**
     * The check of {@code [from, now]}.
     *
     * @param runs        the runs of the span (and, for a tumbling window's dependencies, before it)
     * @param triggerRuns the trigger runs of the span
     * @param usual       a pipeline's usual duration, by name (e.g. from {@code RunBaselines}); empty when unknown
     */
    public ScheduleReport check(FactoryDefinitions defs, List<PipelineRun> runs, List<TriggerRun> triggerRuns,
                                Instant from, Instant now, Function<String, Optional<DurationBaseline>> usual) {
        ExpectedRuns expected = ExpectedRuns.between(defs, from, now.plusMillis(1), false);
        RunMatcher matcher = new RunMatcher(runs, triggerRuns, tolerance);
        List<PipelineRun> matched = matcher.match(expected.runs());
        List<Instant> limits = matcher.limits(expected.runs());
        List<RunCheck> checks = new ArrayList<>();
        Set<String> used = new HashSet<>();
        // Each trigger's runs in progress (or queued) now: a tumbling window behind max concurrency waits on them.
        Map<String, Long> active = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        runs.stream().filter(x -> x.status().isActive() && x.invokedByName() != null && !x.sortTime().isAfter(now))
                .forEach(x -> active.merge(x.invokedByName(), 1L, Long::sum));
        for (int i = 0; i < expected.runs().size(); i++) {
            ExpectedRun e = expected.runs().get(i);
            PipelineRun r = matched.get(i);
            if (r != null) {
                used.add(r.runId());
            }
            checks.add(judge(defs, e, r, limits.get(i), matcher, active, now, usual));
        }
        List<PipelineRun> unscheduled = runs.stream()
                .filter(r -> r.parentRunId() == null && !used.contains(r.runId()))
                .filter(r -> !r.sortTime().isBefore(from) && !r.sortTime().isAfter(now))
                .sorted(Comparator.comparing(PipelineRun::sortTime).thenComparing(PipelineRun::runId))
                .toList();
        return new ScheduleReport(from, now, checks, unscheduled, expected.assumedUtc());
    }

    /** What started triggers are expected to run in {@code [from, to)}, with usual durations from {@code runs}. */
    public List<UpcomingRun> upcoming(FactoryDefinitions defs, List<PipelineRun> runs, Instant from, Instant to) {
        return upcoming(defs, from, to, baselines(runs));
    }

    /** What started triggers are expected to run in {@code [from, to)}, by expected start. */
    public List<UpcomingRun> upcoming(FactoryDefinitions defs, Instant from, Instant to,
                                      Function<String, Optional<DurationBaseline>> usual) {
        List<UpcomingRun> out = new ArrayList<>();
        for (ExpectedRun e : ExpectedRuns.between(defs, from, to, true).runs()) {
            Optional<SlaRule> rule = ruleFor(defs, e.pipeline());
            out.add(new UpcomingRun(e, usual.apply(e.pipeline()).orElse(null), rule.orElse(null),
                    rule.map(x -> x.deadline(e.expectedStart())).orElse(null)));
        }
        return out;
    }

    /**
     * Each pipeline's usual duration from the successful runs among {@code runs}: its latest
     * {@link DurationBaseline#MAX_RUNS}, when there are at least {@link RunningLong#MIN_BASELINE}.
     */
    public static Function<String, Optional<DurationBaseline>> baselines(List<PipelineRun> runs) {
        Map<String, List<DurationBaseline.Sample>> by = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        runs.stream()
                .filter(r -> r.status() == RunStatus.SUCCEEDED && r.duration().isPresent())
                .sorted(Comparator.comparing(PipelineRun::sortTime).reversed())
                .forEach(r -> by.computeIfAbsent(r.pipelineName(), k -> new ArrayList<>())
                        .add(new DurationBaseline.Sample(r.runId(), r.sortTime(), r.duration().get().toMillis())));
        return name -> Optional.ofNullable(by.get(name)).filter(s -> s.size() >= RunningLong.MIN_BASELINE)
                .map(s -> DurationBaseline.of(s.subList(0, Math.min(s.size(), DurationBaseline.MAX_RUNS))));
    }

    private RunCheck judge(FactoryDefinitions defs, ExpectedRun e, PipelineRun r, Instant limit, RunMatcher matcher,
                           Map<String, Long> active, Instant now, Function<String, Optional<DurationBaseline>> usual) {
        Instant graceEnd = e.expectedStart().plus(grace);
        SlaCheck slaCheck = ruleFor(defs, e.pipeline())
                .map(rule -> SlaCheck.judge(rule, e.expectedStart(), r, usual.apply(e.pipeline()).orElse(null), now))
                .orElse(null);
        boolean waiting = !now.isAfter(graceEnd);
        if (r != null && r.runStart() != null && r.status() != RunStatus.QUEUED) {
            Duration delay = Duration.between(e.expectedStart(), r.runStart());
            delay = delay.isNegative() ? Duration.ZERO : delay;
            return new RunCheck(e, delay.compareTo(grace) <= 0 ? StartVerdict.ON_TIME : StartVerdict.LATE_START, null,
                    r, delay, slaCheck);
        }
        if (waiting) {
            return new RunCheck(e, StartVerdict.PENDING, null, r, null, slaCheck);
        }
        Cause cause = r != null ? Cause.of(CauseKind.QUEUED) : cause(defs, e, limit, matcher, active);
        return new RunCheck(e, StartVerdict.MISSED, cause, r, null, slaCheck);
    }

    private Cause cause(FactoryDefinitions defs, ExpectedRun e, Instant limit, RunMatcher matcher,
                        Map<String, Long> active) {
        for (TriggerRun t : matcher.triggerRuns(e, limit)) {
            if (t.status() == TriggerRunStatus.FAILED) {
                return new Cause(CauseKind.TRIGGER_RUN_FAILED, t.message(), t.id(), null);
            }
        }
        Optional<Trigger> trigger = defs.trigger(e.trigger());
        if (trigger.isEmpty() || trigger.get().state() != TriggerState.STARTED) {
            return Cause.of(CauseKind.TRIGGER_STOPPED);
        }
        if (e.isWindow() && trigger.get().window() != null) {
            TumblingWindows.Window window = new TumblingWindows.Window(e.windowStart(), e.windowEnd(), e.expectedStart());
            for (WindowDependency d : trigger.get().window().dependsOn()) {
                Optional<DependencyWindow> failed = dependency(defs, trigger.get(), window, d, matcher);
                if (failed.isPresent()) {
                    return new Cause(CauseKind.WAITING_ON_DEPENDENCY, null, null, failed.get());
                }
            }
            int max = trigger.get().window().maxConcurrency();
            if (max > 0 && active.getOrDefault(e.trigger(), 0L) >= max) {
                return Cause.of(CauseKind.WAITING_ON_CONCURRENCY);
            }
        }
        return Cause.of(CauseKind.UNKNOWN);
    }

    /** The first window of dependency {@code d} of {@code window} that did not succeed, if any. */
    private static Optional<DependencyWindow> dependency(FactoryDefinitions defs, Trigger self,
                                                         TumblingWindows.Window window, WindowDependency d,
                                                         RunMatcher matcher) {
        Trigger on = d.trigger() == null ? self : defs.trigger(d.trigger()).orElse(null);
        if (on == null || on.window() == null) {
            return Optional.empty();
        }
        TumblingWindows.Window span = TumblingWindows.dependencySpan(window, d);
        for (TumblingWindows.Window w : TumblingWindows.overlapping(on.window(), span.start(), span.end())) {
            WindowState state = WindowState.SUCCEEDED;
            String runId = null;
            for (String p : on.pipelines()) {
                ExpectedRun dep = new ExpectedRun(p, on.name(), TriggerKind.TUMBLING_WINDOW, w.due(), w.start(), w.end());
                PipelineRun r = matcher.find(dep).orElse(null);
                WindowState s = r == null ? WindowState.NOT_RUN
                        : r.status() == RunStatus.SUCCEEDED ? WindowState.SUCCEEDED
                        : r.status().isActive() ? WindowState.RUNNING : WindowState.FAILED;
                if (s.compareTo(state) > 0) {
                    state = s;
                    runId = r == null ? null : r.runId();
                }
            }
            if (state != WindowState.SUCCEEDED) {
                return Optional.of(new DependencyWindow(on.name(), w.start(), w.end(), state, runId));
            }
        }
        return Optional.empty();
    }

    private Optional<SlaRule> ruleFor(FactoryDefinitions defs, String pipeline) {
        List<String> annotations = defs.pipeline(pipeline).map(FactoryDefinitions.Pipeline::annotations)
                .orElse(List.of());
        return sla.ruleFor(pipeline, annotations);
    }
}
