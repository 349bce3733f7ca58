package com.adfops.agent;

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

    /**
     * The summary whose first {@code max} rows name what broke. A row whose run cannot be read (Data Factory down,
     * throttled) keeps its pipeline-level message: the list is never lost for one unreadable run.
     */
    public static FailingSummary of(FailingSummary summary, Function<PipelineRun, Diagnosis> diagnose, int max) {
        List<FailingSummary.Row> rows = new ArrayList<>(summary.failing().size());
        int read = 0;
        boolean unreadable = false;
        for (FailingSummary.Row row : summary.failing()) {
            if (read >= max || unreadable || row.cause() != null) {
                rows.add(row);
                continue;
            }
            read++;
            try {
                rows.add(row.withCause(cause(diagnose.apply(row.lastFailure()))));
            } catch (DataFactoryException e) {
                // One failed read says the factory is not answering now: the rest keep their messages too.
                log.warn("Could not read what broke in run {} of {}: {}", row.lastFailure().runId(), row.pipeline(),
                        e.kind());
                unreadable = true;
                rows.add(row);
            }
        }
        return summary.withRows(rows);
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
