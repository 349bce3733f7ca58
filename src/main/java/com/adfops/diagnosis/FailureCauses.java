package com.adfops.diagnosis;

import com.adfops.runs.ErrorText;
import com.adfops.runs.FailingSummary;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.PipelineRun;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names what broke on each row of a failing list: the root-cause activity of the row's failed run (followed through
 * its child pipelines, as a diagnosis does), its error code and its short cause, instead of the pipeline-level
 * "Operation on target X failed" or "an inner activity failed". The failing list of the card and of the model's tool
 * both carry it.
 */
public final class FailureCauses {

    private static final Logger log = LoggerFactory.getLogger(FailureCauses.class);

    /** Rows named at most per list (the card shows 15, the model's tool 15): each is a diagnosis, cached once read. */
    public static final int ROWS = 15;

    /** Longest short cause on a row. */
    static final int MAX_TEXT = 200;

    private FailureCauses() {
    }

    /** How long a failing list waits for what broke before it answers with the messages it has. */
    public static final java.time.Duration BUDGET = java.time.Duration.ofSeconds(3);
    /** Rows read at once (each a diagnosis: its activity runs and its child runs' ones). */
    public static final int IN_FLIGHT = 4;

    private static final java.util.concurrent.ExecutorService READS = java.util.concurrent.Executors.newFixedThreadPool(
            IN_FLIGHT, r -> {
                Thread t = new Thread(r, "failure-causes");
                t.setDaemon(true);
                return t;
            });

    /** {@link #of(FailingSummary, Function, int, java.time.Duration)} within {@link #BUDGET}. */
    public static FailingSummary of(FailingSummary summary, Function<PipelineRun, Diagnosis> diagnose, int max) {
        return of(summary, diagnose, max, BUDGET);
    }

    /**
     * The summary whose first {@code max} rows name what broke, read {@link #IN_FLIGHT} at a time. A row not read
     * within {@code budget} (a cold cache at the incident's peak, nested runs) keeps its pipeline-level message, as does
     * a row whose run cannot be read (Data Factory down, throttled: then no further row is started). The list is never
     * lost or held back for the causes; a read still in flight finishes in the background and warms the cache.
     */
    public static FailingSummary of(FailingSummary summary, Function<PipelineRun, Diagnosis> diagnose, int max,
                                    java.time.Duration budget) {
        List<FailingSummary.Row> rows = summary.failing();
        int n = Math.min(max, rows.size());
        List<java.util.concurrent.Future<FailingSummary.Cause>> reads = new ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean refused = new java.util.concurrent.atomic.AtomicBoolean();
        for (int i = 0; i < n; i++) {
            FailingSummary.Row row = rows.get(i);
            reads.add(row.cause() != null ? java.util.concurrent.CompletableFuture.completedFuture(row.cause())
                    : READS.submit(() -> {
                        if (refused.get()) {
                            return null;
                        }
                        try {
                            return cause(diagnose.apply(row.lastFailure()));
                        } catch (DataFactoryException e) {
                            // One failed read says the factory is not answering now: the rest keep their messages too.
                            if (!refused.getAndSet(true)) {
                                log.warn("Could not read what broke in run {} of {}: {}", row.lastFailure().runId(),
                                        row.pipeline(), e.kind());
                            }
                            return null;
                        }
                    }));
        }
        long deadline = System.nanoTime() + budget.toNanos();
        List<FailingSummary.Row> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            FailingSummary.Row row = rows.get(i);
            FailingSummary.Cause c = i < n ? await(reads.get(i), deadline, row) : row.cause();
            out.add(c == null || c == row.cause() ? row : row.withCause(c));
        }
        // Rows not started yet when the budget ran out are not read for this list.
        reads.forEach(f -> f.cancel(false));
        return summary.withRows(out);
    }

    private static FailingSummary.Cause await(java.util.concurrent.Future<FailingSummary.Cause> read, long deadline,
                                              FailingSummary.Row row) {
        try {
            return read.get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            log.debug("What broke in run {} of {} was not read in time; its message is shown", row.lastFailure().runId(),
                    row.pipeline());
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            log.warn("Could not read what broke in run {} of {}", row.lastFailure().runId(), row.pipeline(), e.getCause());
            return null;
        } catch (java.util.concurrent.CancellationException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("stopped while reading what broke");
        }
    }

    /** What broke in {@code d}, or null when ADF recorded no failed activity. */
    static FailingSummary.Cause cause(Diagnosis d) {
        if (d == null || !d.hasRootCause()) {
            return null;
        }
        Diagnosis.FailedActivity rc = d.rootCause();
        String in = rc.depth() > 0 && rc.pipelineName() != null && !rc.pipelineName().equalsIgnoreCase(d.run().pipelineName())
                ? rc.pipelineName() : "";
        String text = ErrorText.cause(rc.activity().error().message(), MAX_TEXT);
        return new FailingSummary.Cause(nz(rc.activity().activityName()), in, nz(rc.activity().activityType()),
                nz(rc.activity().error().errorCode()), text);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
