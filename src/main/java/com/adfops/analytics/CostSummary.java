package com.adfops.analytics;

import com.adfops.billing.CostRates;
import com.adfops.runs.AdfTools;
import com.adfops.runs.TimeWindow;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.Freshness;
import com.adfops.adf.PipelineRun;
import com.adfops.billing.BilledRun;
import com.adfops.billing.BillingLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What pipelines cost over a window, estimated from every finished run's billing ({@link BilledRun}, kept by the
 * {@link BillingLedger}) at {@link CostRates}. The card and the model's {@code adf_cost} tool both state it.
 *
 * @param scope       "all pipelines", one pipeline, or the pattern as typed
 * @param factories   the factories asked ("df-prod", "df-a, df-b")
 * @param window      the window
 * @param total       the estimate over the runs counted
 * @param rows        the most expensive pipelines (for several) or runs (for one), most expensive first
 * @param coverage    how many of the window's finished runs the estimate counts
 * @param previous    the same for the period of the same length just before (week over week), when the bot's memory
 *                    holds it and both estimates are complete; else null
 * @param ratesSource where the prices come from
 * @param freshness   how current the runs are
 */
public record CostSummary(String scope, String factories, TimeWindow window, Costs.Estimate total, List<Row> rows,
                          Coverage coverage, Previous previous, String ratesSource, Freshness freshness) {

    /**
     * Most runs whose billing a question reads itself (a few Data Factory requests, four at a time); when more are
     * missing the answer counts what the ledger holds and says so, and the ledger reads the rest first.
     */
    public static final int READ_IN_QUESTION = 50;
    /** Rows of a ranking. */
    public static final int TOP = 10;
    /**
     * Most runs of a window one cost question lists per factory: every run (a list's default stops at 5,000); from
     * memory that costs nothing, and a window past the memory is a heavy question with a deadline.
     */
    public static final int MAX_RUNS = 1_000_000;

    public CostSummary {
        rows = rows == null ? List.of() : List.copyOf(rows);
        factories = factories == null ? "" : factories;
    }

    /**
     * How much of the window an estimate covers.
     *
     * @param runs      finished runs in the window
     * @param counted   those whose billing the estimate counts
     * @param remaining  for a partial estimate, about how long until the rest is read (null: not being read)
     * @param unreadable of the runs not counted, those whose billing could not be read from Data Factory (a read of
     *                   the question failed, or Data Factory no longer has the run's activity runs)
     */
    public record Coverage(int runs, int counted, Duration remaining, int unreadable) {

        public Coverage(int runs, int counted, Duration remaining) {
            this(runs, counted, remaining, 0);
        }

        public boolean complete() {
            return counted >= runs;
        }

        /** "2,016 of 2,016 runs", "1,700 of 2,015 runs so far". */
        public String words() {
            return count(counted) + " of " + count(runs) + (runs == 1 ? " run" : " runs") + (complete() ? "" : " so far");
        }
    }

    /**
     * What the period just before the window cost (every run of it counted).
     *
     * @param total what it cost
     * @param runs  its finished runs
     */
    public record Previous(double total, int runs) {
    }

    /**
     * "Up 92.6% on the period before ($54.43, 2,016 runs)"; "" without a complete comparison.
     */
    public String comparison() {
        if (previous == null) {
            return "";
        }
        String before = " the period before (" + usd(previous.total()) + ", " + count(previous.runs())
                + (previous.runs() == 1 ? " run)" : " runs)");
        if (previous.total() <= 0) {
            return total.total() <= 0 ? "The same as" + before : "Up from" + before;
        }
        double change = (total.total() - previous.total()) / previous.total() * 100;
        if (Math.abs(change) < 0.05) {
            return "The same as" + before;
        }
        return (change > 0 ? "Up " : "Down ") + String.format(Locale.ENGLISH, "%,.1f", Math.abs(change)) + "% on" + before;
    }

    /**
     * A pipeline and its runs in the window ({@code run} null), or one run ({@code runs} and {@code counted} 1).
     *
     * @param pipeline the pipeline (with its factory in brackets when several factories were asked)
     * @param run      the run, for a ranking of one pipeline's runs; else null
     * @param runs     finished runs in the window
     * @param counted  those priced in {@code amount}
     * @param amount   their estimated cost
     */
    public record Row(String pipeline, PipelineRun run, int runs, int counted, double amount) {

        public Row(String pipeline, int runs, double amount) {
            this(pipeline, null, runs, runs, amount);
        }

        /** The pipeline, or "run ‹id› · ‹status›". */
        public String label() {
            return run == null ? pipeline : "run " + run.runId() + " · " + run.status().wireName();
        }
    }

    public int runs() {
        return coverage.runs();
    }

    public int runsCounted() {
        return coverage.counted();
    }

    /** Whether the rows are one pipeline's runs (else pipelines). */
    public boolean rowsAreRuns() {
        return !rows.isEmpty() && rows.stream().allMatch(r -> r.run() != null);
    }

    /**
     * The one sentence both faces say: "pl_x cost about $102.82 in the last 7 days (2,016 of 2,016 runs)", or for a
     * partial estimate "all pipelines cost about $86.70 for 1,700 of 2,015 runs so far in the last 7 days" (never a
     * partial figure as the whole).
     */
    public String headline() {
        String when = window.label().startsWith("the ") ? "in " + window.label() : window.label();
        if (coverage.runs() == 0) {
            return scope + " had no finished runs " + when + ", so no cost";
        }
        if (coverage.counted() == 0) {
            return scope + " cost " + when + ": not known yet, " + coverage.words().replace(" so far", " read so far");
        }
        String amount = usd(total.total());
        return coverage.complete() ? scope + " cost about " + amount + " " + when + " (" + coverage.words() + ")"
                : scope + " cost about " + amount + " for " + coverage.words() + " " + when;
    }

    /** For a partial estimate: what is missing and when to ask again; "" when complete. */
    public String coverageNote() {
        if (coverage.complete()) {
            return "";
        }
        int unreadable = coverage.unreadable();
        int notRead = coverage.runs() - coverage.counted() - unreadable;
        StringBuilder note = new StringBuilder("The figure counts only the runs whose billing has been read so far");
        if (notRead > 0) {
            note.append(unreadable == 0 ? "; the other " : "; ").append(count(notRead))
                    .append(unreadable == 0 ? "" : notRead == 1 ? " other" : " others")
                    .append(notRead == 1 ? " is" : " are")
                    .append(coverage.remaining() == null ? " not read yet."
                            : " being read now (about " + minutes(coverage.remaining())
                            + "): ask again then for the whole window.");
        } else {
            note.append('.');
        }
        if (unreadable > 0) {
            note.append(' ').append(count(unreadable)).append(unreadable == 1 ? " run" : " runs")
                    .append(" could not be read from Data Factory.");
        }
        return note.toString();
    }

    /** USD to the cent, or to 1/100 of a cent below a cent. */
    public static String usd(double amount) {
        return amount < 0.01 && amount > 0 ? String.format(Locale.ENGLISH, "$%.4f", amount)
                : String.format(Locale.ENGLISH, "$%,.2f", amount);
    }

    static String count(int n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    private static String minutes(Duration d) {
        long s = Math.max(1, d.toSeconds());
        return s < 90 ? s + " s" : (s + 59) / 60 + " min";
    }

    // ---- the one way to answer a cost question ------------------------------------------------------------

    /**
     * How far before the memory's start "the period before" may begin and still be compared: windows are cut to whole
     * seconds while the memory's start moves with the clock, so the default window's period before (14 days and a
     * minute back, the memory's reach) starts up to a second before it. The comparison then starts this far after the
     * memory's start (a second or two of a week left out), so it is answered from memory and never reads Data Factory.
     */
    static final Duration EDGE = Duration.ofSeconds(1);

    /** The window of a cost question that names none: the last 7 days. */
    public static TimeWindow defaultWindow(Instant now) {
        return new TimeWindow(now.minus(Duration.ofDays(7)), now.plusSeconds(60), "the last 7 days");
    }

    /** What the answer is about: all pipelines, the one pipeline a name resolved to, or the pattern as typed. */
    public static String scope(String asked, AdfTools.RunsResult r) {
        return asked == null || asked.isBlank() ? "all pipelines" : r.pipelines().size() == 1 ? r.pipelines().get(0) : asked;
    }

    /** A cost question's answer: the estimate, or the closest names when the pipeline is unknown. */
    public sealed interface Answer {
        /** The estimate. */
        record Priced(CostSummary summary) implements Answer {
        }

        /** No pipeline matched the name. */
        record UnknownPipeline(List<String> closest) implements Answer {
        }
    }

    /**
     * What {@code pipeline} (a name, a pattern or null for all) of {@code factory} (null: all) cost over
     * {@code window} (null: {@link #defaultWindow}): every finished run of the window, each from its summary; the
     * runs not summarized yet read here when they are at most {@link #READ_IN_QUESTION}, else left to the ledger
     * (asked to read them first) and the coverage says so.
     */
    public static Answer ask(AdfTools tools, String factory, String pipeline, TimeWindow window) {
        TimeWindow w = window != null ? window : defaultWindow(tools.now());
        AdfTools.RunsResult r = runs(tools, factory, pipeline, w);
        if (r.unknownPipeline()) {
            return new Answer.UnknownPipeline(r.closest());
        }
        CostSummary now = of(tools, r, scope(pipeline, r), w);
        Previous before = now.coverage().complete() ? previous(tools, r, factory, pipeline, w.previous()) : null;
        return new Answer.Priced(before == null ? now : new CostSummary(now.scope(), now.factories(), now.window(),
                now.total(), now.rows(), now.coverage(), before, now.ratesSource(), now.freshness()));
    }

    /**
     * What {@code before} cost, from the summaries alone (no Data Factory read: neither of runs, when the memory does not
     * hold the period, nor of billing); null unless it had finished runs and every one of them has its summary.
     */
    private static Previous previous(AdfTools tools, AdfTools.RunsResult r, String factory, String pipeline,
                                     TimeWindow asked) {
        TimeWindow before = asked;
        for (com.adfops.adf.FactoryRef f : r.factories()) {
            Instant held = tools.heldSince(f);
            if (held == null || asked.from().isBefore(held.minus(EDGE))) {
                return null;
            }
            // Within a second or so of the memory's start (a window cut to whole seconds on a clock with millis):
            // compare from just inside the memory, so the listing below is answered from it.
            Instant inside = held.plus(EDGE);
            if (before.from().isBefore(inside)) {
                before = new TimeWindow(inside, asked.to(), asked.label());
            }
        }
        double total = 0;
        int runs = 0;
        for (PipelineRun run : runs(tools, factory, pipeline, before).runs()) {
            if (!run.status().isTerminal()) {
                continue;
            }
            BilledRun b = tools.billing().get(run);
            if (b == null) {
                return null;
            }
            total += Costs.amount(b, tools.costRates());
            runs++;
        }
        // No runs before (a new pipeline, or a factory the memory holds less of): nothing to compare with.
        return runs == 0 ? null : new Previous(total, runs);
    }

    /** Every run of {@code window} of the pipelines asked (up to {@link #MAX_RUNS} per factory). */
    public static AdfTools.RunsResult runs(AdfTools tools, String factory, String pipeline, TimeWindow window) {
        return tools.pipelineRuns(new AdfTools.RunsRequest(factory, pipeline, Set.of(), window), MAX_RUNS);
    }

    /**
     * How many runs' billing answering {@code r} would read from Data Factory itself: those not summarized yet, when
     * they are few enough to be read in the question; else 0 (the answer counts what is there).
     */
    public static int readsFor(AdfTools tools, AdfTools.RunsResult r) {
        int missing = 0;
        for (PipelineRun run : r.runs()) {
            if (run.status().isTerminal() && tools.billing().get(run) == null && !tools.billing().unreadable(run)) {
                missing++;
            }
        }
        return missing <= READ_IN_QUESTION ? missing : 0;
    }

    /** Prices every finished run of {@code r}: by meter, and the most expensive pipelines (or runs of one pipeline). */
    public static CostSummary of(AdfTools tools, AdfTools.RunsResult r, String scope, TimeWindow window) {
        BillingLedger ledger = tools.billing();
        CostRates rates = tools.costRates();
        List<PipelineRun> finished = r.runs().stream().filter(x -> x.status().isTerminal())
                .sorted(Comparator.comparing(PipelineRun::sortTime).reversed()).toList();
        Map<PipelineRun, BilledRun> priced = new LinkedHashMap<>();
        List<PipelineRun> missing = new ArrayList<>();
        for (PipelineRun run : finished) {
            BilledRun b = ledger.get(run);
            if (b != null) {
                priced.put(run, b);
            } else {
                missing.add(run);
            }
        }
        // Runs Data Factory does not have the activity runs of: not read again, said so.
        int unreadable = 0;
        for (var it = missing.iterator(); it.hasNext(); ) {
            if (ledger.unreadable(it.next())) {
                it.remove();
                unreadable++;
            }
        }
        if (!missing.isEmpty() && missing.size() <= READ_IN_QUESTION) {
            // A few reads at once, in the runs' order; each kept, so the next question reads nothing. A failed read
            // leaves its run to the background reader (or, when Data Factory does not have it, to no one).
            List<AdfTools.ActivitiesRead> reads = tools.activitiesEach(missing);
            List<PipelineRun> failed = new ArrayList<>();
            for (int i = 0; i < missing.size(); i++) {
                PipelineRun run = missing.get(i);
                AdfTools.ActivitiesRead read = reads.get(i);
                if (read.read()) {
                    priced.put(run, ledger.record(run, read.activities()));
                } else {
                    unreadable++;
                    if (read.failure() instanceof DataFactoryException e
                            && e.kind() == DataFactoryException.Kind.NOT_FOUND) {
                        ledger.notFound(run);
                    } else {
                        failed.add(run);
                    }
                }
            }
            ledger.want(failed);
            missing = List.of();
        } else if (!missing.isEmpty()) {
            ledger.want(missing);
        }
        boolean severalFactories = r.factories().size() > 1;
        Map<String, Row> byPipeline = new LinkedHashMap<>();
        Map<PipelineRun, Double> amounts = new LinkedHashMap<>();
        for (PipelineRun run : finished) {
            BilledRun b = priced.get(run);
            double amount = b == null ? 0 : Costs.amount(b, rates);
            if (b != null) {
                amounts.put(run, amount);
            }
            String name = severalFactories ? run.pipelineName() + " (" + run.factory().factoryName() + ")"
                    : run.pipelineName();
            byPipeline.merge(name, new Row(name, null, 1, b == null ? 0 : 1, amount),
                    (a, x) -> new Row(a.pipeline(), null, a.runs() + 1, a.counted() + x.counted(), a.amount() + x.amount()));
        }
        Comparator<Row> mostFirst = Comparator.comparingDouble(Row::amount).reversed()
                .thenComparing(Comparator.comparingInt(Row::runs).reversed());
        List<Row> rows = r.pipelines().size() == 1
                ? amounts.entrySet().stream().map(e -> new Row(e.getKey().pipelineName(), e.getKey(), 1, 1, e.getValue()))
                        .sorted(mostFirst).limit(TOP).toList()
                : byPipeline.values().stream().sorted(mostFirst).limit(TOP).toList();
        Duration remaining = missing.isEmpty() || !ledger.reading() ? null : ledger.timeForWanted();
        return new CostSummary(scope, String.join(", ", r.factories().stream().map(f -> f.factoryName()).toList()),
                window, Costs.of(priced.values(), rates), rows,
                new Coverage(finished.size(), priced.size(), remaining, unreadable),
                null, rates.source(), r.freshness());
    }
}
