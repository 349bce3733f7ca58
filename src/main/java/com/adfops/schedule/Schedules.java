package com.adfops.schedule;

import com.adfops.adf.DataFactory;
import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import com.adfops.impact.NextRuns;
import com.adfops.runs.AdfTools;
import com.adfops.runs.DurationBaseline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The schedule questions of one factory, for every face: its definitions (cached by the adapter), the runs and trigger
 * runs of the span from the {@link DataFactory} port (the run index answers from memory), checked by
 * {@link ScheduleCheck} with each pipeline's usual duration from {@link com.adfops.runs.RunBaselines}; what runs next;
 * and a pipeline's next expected start (the {@link NextRuns} of impact). "Now" is the tools' clock.
 */
public final class Schedules implements NextRuns {

    /** The grace when none is configured ({@code ADFOPS_SCHEDULE_GRACE}'s default). */
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(15);
    /** How far ahead {@link #nextRun} looks. */
    public static final Duration NEXT_RUN_HORIZON = Duration.ofDays(7);
    /** How far before a span its runs are read too (a tumbling window's dependencies, a run that started early). */
    static final Duration LOOK_BEHIND = Duration.ofHours(6);

    private final AdfTools tools;
    private final ScheduleCheck check;
    private final SlaRules sla;
    private final NextStartsMemo nextStarts = new NextStartsMemo(NEXT_RUN_HORIZON);

    /**
     * @param sla   the SLAs of the setting
     * @param grace how long after its expected start a run may start and still be on time
     */
    public Schedules(AdfTools tools, SlaRules sla, Duration grace) {
        this.tools = tools;
        this.sla = sla;
        this.check = new ScheduleCheck(sla, grace);
    }

    /** The SLAs of the setting. */
    public SlaRules sla() {
        return sla;
    }

    /** Now, to the second. */
    public Instant now() {
        return tools.now();
    }

    /** The factories, or the one named ({@code factory} null or unknown: all). */
    public List<FactoryRef> factories(String factory) {
        List<FactoryRef> all = tools.factories();
        if (factory == null || factory.isBlank()) {
            return all;
        }
        List<FactoryRef> hit = all.stream().filter(f -> f.factoryName().equalsIgnoreCase(factory.trim())).toList();
        return hit.isEmpty() ? all : hit;
    }

    /**
     * One factory's check of a span, its expected runs narrowed to a pipeline or pattern.
     *
     * @param defs the definitions it was checked against (the triggers' state and zone)
     */
    public record Checked(FactoryRef factory, ScheduleReport report, FactoryDefinitions defs) {
    }

    /** One factory's runs expected ahead, and the definitions they come from. */
    public record Ahead(FactoryRef factory, List<UpcomingRun> runs, FactoryDefinitions defs) {
    }

    /**
     * The user's words for a pipeline of {@code f}: its name when one matches (fuzzily), a pattern with {@code *} or
     * words no name matches as they are; null stays null.
     */
    public String pipeline(FactoryRef f, String words) {
        if (words == null || words.contains("*")) {
            return words;
        }
        List<String> hit = AdfTools.resolve(words, tools.pipelineNames(f), new ArrayList<>());
        return hit.size() == 1 ? hit.get(0) : words;
    }

    /** The check of {@code [from, now]} of one factory, narrowed to {@code pipeline} (null: every pipeline). */
    public Checked check(FactoryRef f, Instant from, String pipeline) {
        Instant now = tools.now();
        FactoryDefinitions defs = tools.dataFactory().readDefinitions(f);
        List<PipelineRun> runs = runs(f, from.minus(LOOK_BEHIND), now);
        List<FactoryDefinitions.TriggerRun> triggerRuns =
                tools.dataFactory().queryTriggerRuns(f, from.minus(LOOK_BEHIND), now.plusSeconds(60));
        ScheduleReport all = check.check(defs, runs, triggerRuns, from, now, usual(f, runs, pipelines(defs, pipeline)));
        if (pipeline == null) {
            return new Checked(f, all, defs);
        }
        Pattern p = SlaRule.regex(pipeline);
        return new Checked(f, new ScheduleReport(all.from(), all.now(),
                all.checks().stream().filter(c -> p.matcher(c.expected().pipeline()).matches()).toList(),
                all.unscheduled().stream().filter(r -> p.matcher(r.pipelineName()).matches()).toList(),
                all.assumedUtc()), defs);
    }

    /** The runs started triggers are expected to start in {@code [now, now + ahead)}, narrowed to {@code pipeline}. */
    public Ahead upcoming(FactoryRef f, Duration ahead, String pipeline) {
        Instant now = tools.now();
        FactoryDefinitions defs = tools.dataFactory().readDefinitions(f);
        List<String> names = pipelines(defs, pipeline);
        List<PipelineRun> runs = runs(f, now.minus(Duration.ofDays(7)), now);
        List<UpcomingRun> out = check.upcoming(defs, now, now.plus(ahead), usual(f, runs, names));
        if (pipeline != null) {
            Pattern p = SlaRule.regex(pipeline);
            out = out.stream().filter(u -> p.matcher(u.expected().pipeline()).matches()).toList();
        }
        return new Ahead(f, out, defs);
    }

    /** A pipeline's first expected start after {@code now} (started triggers or its parent's, the next 7 days); empty when none. */
    public Optional<Instant> nextRun(FactoryRef f, String pipeline, Instant now) {
        return of(tools.dataFactory().readDefinitions(f), now).apply(pipeline);
    }

    /**
     * Each pipeline's first expected start after {@code now} (started triggers, the next 7 days; a pipeline an Execute
     * Pipeline activity starts: its parent's), for impact.
     */
    @Override
    public Function<String, Optional<Instant>> of(FactoryDefinitions defs, Instant now) {
        return nextStarts.of(defs, now);
    }

    private List<PipelineRun> runs(FactoryRef f, Instant from, Instant now) {
        return tools.dataFactory().queryPipelineRuns(f, new RunQuery(from, now.plusSeconds(60), Set.of(), Set.of(),
                RunQuery.DEFAULT_MAX_RUNS * 20));
    }

    /** The pipelines the triggers start, narrowed to {@code pipeline}. */
    private static List<String> pipelines(FactoryDefinitions defs, String pipeline) {
        Pattern p = pipeline == null ? null : SlaRule.regex(pipeline);
        return defs.triggers().stream().flatMap(t -> t.pipelines().stream())
                .filter(n -> p == null || p.matcher(n).matches())
                .filter(new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER)::add).toList();
    }

    /**
     * Each pipeline's usual duration ({@link com.adfops.runs.RunBaselines}: its successes at hand, else read back
     * once), waiting for reads back at most the tools' turn wait in all.
     */
    private Function<String, Optional<DurationBaseline>> usual(FactoryRef f, List<PipelineRun> runs,
                                                              List<String> pipelines) {
        Map<String, List<DurationBaseline.Sample>> samples = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        runs.stream().filter(r -> r.status() == RunStatus.SUCCEEDED && r.duration().isPresent())
                .sorted(Comparator.comparing(PipelineRun::sortTime).reversed())
                .forEach(r -> samples.computeIfAbsent(r.pipelineName(), k -> new ArrayList<>())
                        .add(new DurationBaseline.Sample(r.runId(), r.sortTime(), r.duration().get().toMillis())));
        Map<String, CompletableFuture<Optional<DurationBaseline>>> reads = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String p : pipelines) {
            reads.put(p, tools.baselines().baseline(f, p, samples.getOrDefault(p, List.of())));
        }
        try {
            CompletableFuture.allOf(reads.values().toArray(CompletableFuture[]::new))
                    .get(tools.baselines().turnWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // What is not known yet is judged without a usual duration.
        }
        return name -> {
            CompletableFuture<Optional<DurationBaseline>> read = reads.get(name);
            return read == null || !read.isDone() || read.isCompletedExceptionally() ? Optional.empty()
                    : read.join();
        };
    }
}
