package com.adfops.tools;

import static com.adfops.tools.ToolArgs.text;

import com.adfops.adf.FactoryRef;
import com.adfops.adf.RunStatus;
import com.adfops.diagnosis.Diagnoser;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.impact.Dependants;
import com.adfops.impact.FactoryImpact;
import com.adfops.impact.FailureImpact;
import com.adfops.impact.ImpactedDataset;
import com.adfops.impact.ImpactedPipeline;
import com.adfops.impact.NodeState;
import com.adfops.impact.RunImpact;
import com.adfops.impact.RuntimeAtFailure;
import com.adfops.runs.AdfTools;
import com.adfops.runs.NameMatcher;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * {@code adf_downstream_impact}: what a failed run leaves stale downstream (its datasets not written, the pipelines
 * that read them, ran on them or run next, its Execute Pipeline parents, tumbling window dependants, and the
 * self-hosted runtime's nodes not online when it ran), or what depends on a pipeline; from the factory's definitions.
 */
record DownstreamImpactTool(AdfTools tools, FactoryImpact impact, ObjectMapper json) implements Tool {

    /** Datasets and pipelines listed at most. */
    static final int MAX_LISTED = 25;

    @Override
    public Result run(ObjectNode a, ZoneId zone) {
        String runId = text(a, "run_id");
        String factory = text(a, "factory");
        ObjectNode out = json.createObjectNode();
        if (runId != null) {
            Optional<AdfTools.Located> run = tools.findRun(ToolArgs.runId(runId), factory);
            if (run.isEmpty()) {
                out.put("error", "No run " + runId + " in the configured factories (ADF keeps runs for 45 days).");
                return Result.of(out);
            }
            if (run.get().run().status() == RunStatus.FAILED) {
                Diagnosis d = new Diagnoser(tools).diagnose(run.get().run());
                putFailure(out, d, impact.failure(d));
                return Result.diagnosis(out, d);
            }
            out.put("note", "Run " + runId + " did not fail (" + run.get().run().status().wireName()
                    + "): what depends on its pipeline follows.");
            return dependants(out, run.get().run().pipelineName(), run.get().run().factory().factoryName());
        }
        String pipeline = text(a, "pipeline");
        if (pipeline == null || pipeline.isEmpty()) {
            throw new IllegalArgumentException("give pipeline (a pipeline's name) or run_id (a failed run's id)");
        }
        NameMatcher.Match m = NameMatcher.match(pipeline, tools.allPipelineNames());
        if (m.name().isEmpty()) {
            ToolJson.putUnknownPipeline(out, pipeline, m.closest());
            return Result.of(out);
        }
        return dependants(out, m.name().get(), factory);
    }

    private Result dependants(ObjectNode out, String pipeline, String factory) {
        FactoryRef f = impact.factoryOf(pipeline, factory).orElse(null);
        out.put("pipeline", pipeline);
        if (f == null) {
            out.put("defined", false).put("note", "The factory's definitions do not hold this pipeline (or could not "
                    + "be read), so what depends on it is unknown.");
            return Result.of(out);
        }
        Dependants d = impact.dependants(f, pipeline);
        out.put("factory", f.factoryName()).put("defined", d.defined());
        putDatasets(out, d.datasets());
        putPipelines(out, d.pipelines());
        out.put("truncated", d.truncated());
        return Result.of(out);
    }

    private void putFailure(ObjectNode out, Diagnosis d, RunImpact r) {
        out.put("run_id", d.run().runId()).put("pipeline", d.run().pipelineName())
                .put("factory", d.run().factory().factoryName());
        FailureImpact i = r.downstream();
        if (i == null) {
            out.put("defined", false).put("note", "Nothing downstream is known: the factory's definitions do not "
                    + "hold this pipeline, or nothing reads what it writes.");
        } else {
            out.put("defined", true).put("basis", i.basis().name().toLowerCase(java.util.Locale.ROOT));
            putDatasets(out, i.datasets());
            putPipelines(out, i.pipelines());
            if (i.recoveredBy() != null) {
                out.put("recovered_by_run", i.recoveredBy().runId());
            }
            out.put("truncated", i.truncated());
        }
        RuntimeAtFailure rt = r.runtime();
        if (rt != null) {
            ObjectNode o = out.putObject("runtime_at_failure").put("runtime", rt.runtime())
                    .put("read_at", String.valueOf(rt.readAt()));
            putNodes(o, rt.nodesNotOnline());
        }
    }

    /** The nodes not online, with since when: the shape the runtime tool writes too. */
    static void putNodes(ObjectNode o, List<NodeState> nodes) {
        ArrayNode n = o.putArray("nodes_not_online");
        nodes.forEach(x -> {
            ObjectNode row = n.addObject().put("node", x.node()).put("status", x.status());
            if (x.lastConnect() != null) {
                row.put("since", x.lastConnect().toString());
            }
        });
    }

    private static void putDatasets(ObjectNode out, List<ImpactedDataset> datasets) {
        ArrayNode ds = out.putArray("datasets");
        datasets.stream().limit(MAX_LISTED).forEach(x -> ds.addObject().put("name", x.dataset()).put("depth", x.depth())
                .put("cause", x.cause().name().toLowerCase(java.util.Locale.ROOT)));
        out.put("datasets_total", datasets.size());
    }

    private static void putPipelines(ObjectNode out, List<ImpactedPipeline> pipelines) {
        ArrayNode ps = out.putArray("pipelines");
        for (ImpactedPipeline p : pipelines.stream().limit(MAX_LISTED).toList()) {
            ObjectNode row = ps.addObject().put("name", p.pipeline()).put("depth", p.depth())
                    .put("state", p.state().name().toLowerCase(java.util.Locale.ROOT));
            ArrayNode rel = row.putArray("relations");
            p.relations().forEach(x -> rel.add(x.name().toLowerCase(java.util.Locale.ROOT)));
            if (p.nextRun() != null) {
                row.put("next_run", p.nextRun().toString());
            }
            if (p.ranAfter() != null) {
                row.put("ran_at", String.valueOf(p.ranAfter().runStart())).put("ran_run_id", p.ranAfter().runId());
            }
        }
        out.put("pipelines_total", pipelines.size());
    }
}
