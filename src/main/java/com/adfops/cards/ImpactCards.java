package com.adfops.cards;

import static com.adfops.cards.CardText.MAX_ROWS;
import static com.adfops.cards.CardText.time;
import static com.adfops.cards.CardText.zoneName;

import com.adfops.agent.Reply;
import com.adfops.cards.CardFactory.View;
import com.adfops.impact.Dependants;
import com.adfops.impact.FactoryImpact;
import com.adfops.impact.FailureImpact;
import com.adfops.impact.ImpactedDataset;
import com.adfops.impact.ImpactedPipeline;
import com.adfops.impact.NodeState;
import com.adfops.impact.RunImpact;
import com.adfops.impact.RuntimeAtFailure;
import com.adfops.impact.RuntimeReport;
import com.adfops.impact.RuntimeUser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The impact cards: what depends on a pipeline, the self-hosted integration runtimes' health, and the lines a failed
 * run's diagnosis and alert cards gain ("Affects: ...", "Integration runtime ...: node ... offline since ...").
 * Names from the factory are shown literally (TextRuns, never markdown). Templates in {@code cards/impact/}.
 */
final class ImpactCards {

    /** Pipelines named on one line at most. */
    static final int NAMED = 3;

    private final ObjectMapper json;

    ImpactCards(ObjectMapper json) {
        this.json = json;
    }

    /** The two lines of a failed run's card: {@code impactLine} and {@code runtimeLine}, "" when nothing to say. */
    static void putLines(ObjectNode d, RunImpact impact, View v) {
        d.put("impactLine", impact.downstreamImpact().map(i -> affectsLine(i, v)).orElse(""));
        d.put("runtimeLine", impact.runtimeAtFailure().map(r -> runtimeLine(r, v)).orElse(""));
    }

    /**
     * "Affects: 2 datasets, 3 downstream pipelines: Finance-Report (next run 06:00 UTC), ..., and 1 more"; "" when a
     * later run already wrote the datasets again and nothing ran on them meanwhile.
     */
    static String affectsLine(FailureImpact i, View v) {
        List<ImpactedPipeline> pipelines = i.pipelines();
        if (i.recoveredBy() != null && pipelines.isEmpty()) {
            return "";
        }
        String head = i.recoveredBy() != null ? "Affected before a later run succeeded: "
                : i.basis() == FailureImpact.Basis.BY_DEFINITION ? "Affects, by definition (its activity runs are unknown): "
                : "Affects: ";
        StringBuilder b = new StringBuilder(head);
        b.append(count(i.datasets().size(), "dataset"));
        if (pipelines.isEmpty()) {
            b.append("; no pipeline downstream reads ").append(i.datasets().size() == 1 ? "it" : "them");
        } else {
            b.append(", ").append(count(pipelines.size(), "downstream pipeline")).append(": ");
            List<String> named = new ArrayList<>();
            pipelines.stream().limit(NAMED).forEach(p -> named.add(p.pipeline() + " (" + state(p, v) + ")"));
            b.append(String.join(", ", named));
            if (pipelines.size() > NAMED) {
                b.append(" and ").append(pipelines.size() - NAMED).append(" more");
            }
        }
        if (i.truncated()) {
            b.append(" (more beyond ").append(com.adfops.impact.ImpactAnalysis.MAX_DEPTH).append(" steps)");
        }
        return b.toString();
    }

    /** "Integration runtime shir-prod: node vm-2 offline since 01:02 UTC (read 01:15 UTC)". */
    static String runtimeLine(RuntimeAtFailure r, View v) {
        List<NodeState> down = r.nodesNotOnline();
        List<String> nodes = new ArrayList<>();
        down.forEach(n -> nodes.add(n.node() + " " + condition(n) + (n.lastConnect() == null ? ""
                : " since " + at(n.lastConnect(), v))));
        return "Integration runtime " + r.runtime() + ": " + (down.size() == 1 ? "node " : "nodes ")
                + String.join(", ", nodes) + (r.readAt() == null ? "" : " (read " + at(r.readAt(), v) + ")");
    }

    ObjectNode dependantsData(Reply.DependantsCard c, View v) {
        Dependants dp = c.dependants();
        ObjectNode d = json.createObjectNode();
        d.put("title", "What depends on " + dp.pipeline());
        List<ImpactedPipeline> readers = dp.pipelines().stream().filter(p -> p.is(ImpactedPipeline.Relation.READS_STALE_DATA)).toList();
        List<ImpactedPipeline> parents = dp.pipelines().stream().filter(p -> p.is(ImpactedPipeline.Relation.EXECUTE_PIPELINE_PARENT)).toList();
        List<ImpactedPipeline> windows = dp.pipelines().stream().filter(p -> p.is(ImpactedPipeline.Relation.TUMBLING_WINDOW_DEPENDANT)).toList();
        d.put("subtitle", !dp.defined() ? dp.pipeline() + " is not in the definitions of " + c.factory()
                + " I have read, so I can't say what depends on it."
                : dp.pipelines().isEmpty() && dp.datasets().isEmpty() ? "In " + c.factory()
                + ": it writes no dataset, and no pipeline executes it or waits for its windows."
                : "In " + c.factory() + ": " + count(dp.datasets().size(), "dataset") + ", "
                + count(dp.pipelines().size(), "dependant pipeline") + (dp.truncated() ? " (more beyond "
                + com.adfops.impact.ImpactAnalysis.MAX_DEPTH + " steps)" : "") + ".");
        ArrayNode datasets = d.putArray("datasets");
        dp.datasets().stream().limit(MAX_ROWS).forEach(x -> datasets.addObject().put("line", dataset(x)));
        rows(d.putArray("readers"), readers, v);
        rows(d.putArray("parents"), parents, v);
        rows(d.putArray("windows"), windows, v);
        d.put("hasDatasets", !datasets.isEmpty());
        d.put("hasReaders", !readers.isEmpty());
        d.put("hasParents", !parents.isEmpty());
        d.put("hasWindows", !windows.isEmpty());
        d.put("pipeline", dp.pipeline());
        return d;
    }

    ObjectNode runtimesData(Reply.RuntimeHealth r, View v) {
        FactoryImpact.Runtimes rs = r.runtimes();
        ObjectNode d = json.createObjectNode();
        d.put("title", rs.asked() == null ? "Self-hosted integration runtimes" : "Integration runtime " + rs.asked());
        d.put("subtitle", rs.reports().isEmpty() ? (rs.asked() != null && !rs.known().isEmpty()
                ? "No self-hosted integration runtime is called " + rs.asked() + ". Known: " + String.join(", ", rs.known()) + "."
                : "No self-hosted integration runtime is defined in the factories I have read.")
                : "Pipelines at risk: those that use it and run in the next "
                + FactoryImpact.AT_RISK.toHours() + " hours.");
        ArrayNode runtimes = d.putArray("runtimes");
        for (RuntimeReport x : rs.reports().stream().limit(MAX_ROWS).toList()) {
            ObjectNode o = runtimes.addObject();
            o.put("name", x.runtime());
            o.put("state", stateWord(x.state()));
            o.put("color", x.state() == RuntimeReport.State.HEALTHY ? "Good"
                    : x.state() == RuntimeReport.State.VERSION_EXPIRING ? "Warning" : "Attention");
            o.put("readLine", x.readAt() == null ? "" : "Read " + time(x.readAt(), v));
            ArrayNode nodes = o.putArray("nodes");
            x.nodesNotOnline().forEach(n -> nodes.addObject().put("line", "Node " + n.node() + " " + condition(n)
                    + (n.lastConnect() == null ? "" : " since " + at(n.lastConnect(), v))));
            o.put("versionLine", x.version() == RuntimeReport.Version.CURRENT ? ""
                    : "Version " + (x.version() == RuntimeReport.Version.EXPIRED ? "expired" : "expires")
                    + (x.expiry() == null ? "" : " on " + time(x.expiry(), v)));
            ArrayNode risk = o.putArray("atRisk");
            x.atRisk().stream().limit(MAX_ROWS).forEach(u -> risk.addObject().put("line", user(u, v)));
            o.put("riskLine", x.atRisk().isEmpty() ? "No pipeline that uses it runs in the next "
                    + FactoryImpact.AT_RISK.toHours() + " hours" + (x.users().isEmpty() ? " (none uses it)." : ".")
                    : count(x.atRisk().size(), "pipeline") + " at risk:");
        }
        return d;
    }

    private static void rows(ArrayNode out, List<ImpactedPipeline> pipelines, View v) {
        pipelines.stream().limit(MAX_ROWS).forEach(p -> out.addObject().put("pipeline", p.pipeline())
                .put("meta", (p.nextRun() == null ? "no next run known" : "next run " + at(p.nextRun(), v))
                        + (p.depth() > 1 ? " · " + p.depth() + " steps away" : "")
                        + (p.via().isEmpty() ? "" : " · via " + String.join(", ", p.via()))));
    }

    private static String dataset(ImpactedDataset x) {
        return x.dataset() + (x.depth() == 0 ? (x.activity() == null ? "" : " (" + x.activity() + ")")
                : " (written by " + x.writer() + ", " + x.depth() + (x.depth() == 1 ? " step" : " steps") + " away)");
    }

    private static String user(RuntimeUser u, View v) {
        return u.pipeline() + ": next run " + at(u.nextRun(), v)
                + (u.through().isEmpty() ? "" : " (through " + String.join(", ", u.through()) + ")");
    }

    private static String state(ImpactedPipeline p, View v) {
        switch (p.state()) {
            case WITH_FAILED_RUN:
                return "its parent run, stopped with it";
            case ALREADY_RAN_ON_STALE_DATA:
                return "already ran on stale data at " + at(p.ranAfter().runStart(), v);
            case RUNNING_ON_STALE_DATA:
                return "running on stale data since " + at(p.ranAfter().runStart(), v);
            case SCHEDULED:
                return "next run " + at(p.nextRun(), v);
            default:
                return p.is(ImpactedPipeline.Relation.TUMBLING_WINDOW_DEPENDANT) ? "its window waits"
                        : "no next run known";
        }
    }

    private static String stateWord(RuntimeReport.State s) {
        switch (s) {
            case HEALTHY:
                return "Healthy: every node online";
            case VERSION_EXPIRING:
                return "Healthy, but its version expires soon";
            case DEGRADED:
                return "Degraded: not every node is online";
            case EXPIRED:
                return "Version expired";
            default:
                return "Down: no node runs jobs";
        }
    }

    private static String condition(NodeState n) {
        switch (n.condition()) {
            case OFFLINE:
                return "offline";
            case LIMITED:
                return "limited";
            case UPGRADING:
                return "upgrading";
            case NOT_REGISTERED:
                return "not registered";
            default:
                return n.status() == null ? "in an unknown state" : n.status();
        }
    }

    /** A time of the same day as now: "06:00 UTC"; another day: "Nov 27, 06:00 UTC". */
    static String at(Instant t, View v) {
        if (t.atZone(v.zone()).toLocalDate().equals(v.now().atZone(v.zone()).toLocalDate())) {
            return DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(v.zone()).format(t) + " " + zoneName(v);
        }
        return time(t, v);
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
