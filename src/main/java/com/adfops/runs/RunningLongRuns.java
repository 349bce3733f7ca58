package com.adfops.runs;

import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a running-long check reads ({@link RunBaselines#runningLong}): not every run of its window. */
public final class RunningLongRuns {

    private RunningLongRuns() {
    }

    /**
     * The runs a running-long check over {@code req} needs ({@link RunBaselines#runningLong}): the runs in progress in
     * the request's window and, for each of their pipelines, its newest successes there ({@link
     * DurationBaseline#MAX_RUNS} of them, twice over so that runs starting at the same moment at the edge are kept),
     * instead of every run of the window. The check gives the same runs going long from these as from the whole window
     * (its baselines are those latest successes); a big factory's failing list asked for a week of runs (5,000 of
     * them) every second to use a few hundred. From memory each pipeline is read on its own (its successes alone), and
     * only the part of the window the memory holds (a baseline needs no read of the seconds before it: every pipeline
     * in progress would cost a request); from Data Factory, one query per factory names them all (one request rather
     * than one per pipeline).
     */
    public static List<PipelineRun> of(AdfTools tools, AdfTools.RunsRequest req) {
        boolean fromMemory = tools.memoryVersion() >= 0;
        TimeWindow window = fromMemory ? tools.heldPart(req.factory(), req.window()) : req.window();
        AdfTools.RunsResult going = tools.pipelineRuns(new AdfTools.RunsRequest(req.factory(), req.pipeline(),
                Set.of(RunStatus.IN_PROGRESS), window));
        List<PipelineRun> out = new ArrayList<>(going.runs());
        Map<FactoryRef, Set<String>> byFactory = new LinkedHashMap<>();
        for (PipelineRun r : going.runs()) {
            if (r.status() == RunStatus.IN_PROGRESS && r.runStart() != null) {
                byFactory.computeIfAbsent(r.factory(), k -> new LinkedHashSet<>()).add(r.pipelineName());
            }
        }
        for (Map.Entry<FactoryRef, Set<String>> e : byFactory.entrySet()) {
            if (fromMemory) {
                for (String pipeline : e.getValue()) {
                    out.addAll(successes(tools, e.getKey(), window, Set.of(pipeline), 2 * DurationBaseline.MAX_RUNS));
                }
            } else {
                out.addAll(successes(tools, e.getKey(), window, e.getValue(), RunQuery.DEFAULT_MAX_RUNS));
            }
        }
        return out;
    }

    private static List<PipelineRun> successes(AdfTools tools, FactoryRef factory, TimeWindow window,
                                               Set<String> pipelines, int max) {
        return tools.dataFactory().queryPipelineRuns(factory, new RunQuery(window.from(), window.to(),
                Set.copyOf(pipelines), Set.of(RunStatus.SUCCEEDED), max));
    }
}
