package com.adfops.index;

import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunArchive;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the backfill reads a slice of the horizon. Without a Log Analytics workspace: Data Factory (one page per 100
 * runs, each a read from the subscription's ARM budget). With one: a slice that ended at least {@link #ARCHIVE_LAG}
 * before the load began comes from the workspace (Data Factory's own logs of ended runs; no ARM read), and Data
 * Factory is asked only for the runs of that slice still queued or in progress (which the logs do not hold yet): one
 * small page instead of hundreds. The newest hour always comes from Data Factory, since the logs arrive minutes
 * late. When the workspace cannot be read, the slice falls back to Data Factory (said once in the log).
 */
final class SliceSource {

    private static final Logger log = LoggerFactory.getLogger(RunIndex.class);
    /** How long before the load a slice must end to be read from the logs (their ingestion delay, with margin). */
    static final Duration ARCHIVE_LAG = Duration.ofHours(1);
    private static final Set<RunStatus> ACTIVE = Set.of(RunStatus.QUEUED, RunStatus.IN_PROGRESS, RunStatus.CANCELING);

    private final DataFactory adf;
    private final RunArchive archive;
    private volatile boolean archiveFailed;

    SliceSource(DataFactory adf, RunArchive archive) {
        this.adf = adf;
        this.archive = archive;
    }

    /** The runs of {@code slice} of one factory, for a load that began at {@code loadStart}. */
    List<PipelineRun> read(FactoryRef factory, Backfill.Slice slice, Instant loadStart) {
        if (archive != null && !archiveFailed && !slice.to().isAfter(loadStart.minus(ARCHIVE_LAG))) {
            try {
                List<PipelineRun> ended = archive.pipelineRuns(factory,
                        new RunQuery(slice.from(), slice.to(), Set.of(), Set.of(), RunIndex.UNBOUNDED));
                List<PipelineRun> active = adf.queryPipelineRuns(factory,
                        new RunQuery(slice.from(), slice.to(), Set.of(), ACTIVE, RunIndex.UNBOUNDED));
                return merged(ended, active);
            } catch (DataFactoryException e) {
                archiveFailed = true;
                log.warn("Run index of {}: the Log Analytics workspace could not be read ({}); loading the history "
                        + "from Data Factory instead", factory.factoryName(), e.getMessage());
            }
        }
        return adf.queryPipelineRuns(factory, new RunQuery(slice.from(), slice.to(), Set.of(), Set.of(), RunIndex.UNBOUNDED));
    }

    /** The logs' ended runs and Data Factory's active ones, one per run id (Data Factory's copy wins: it is newer). */
    private static List<PipelineRun> merged(List<PipelineRun> ended, List<PipelineRun> active) {
        Map<String, PipelineRun> byId = new LinkedHashMap<>();
        for (PipelineRun r : ended) {
            byId.put(r.runId(), r);
        }
        for (PipelineRun r : active) {
            byId.put(r.runId(), r);
        }
        return new ArrayList<>(byId.values());
    }
}
