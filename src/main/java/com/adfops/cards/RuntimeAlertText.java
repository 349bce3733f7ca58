package com.adfops.cards;

import static com.adfops.cards.CardText.MAX_ROWS;
import static com.adfops.cards.CardText.fact;
import static com.adfops.cards.CardText.time;
import static com.adfops.cards.CardText.timeAgo;

import com.adfops.answers.AlertView;
import com.adfops.cards.CardFactory.View;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The words of a runtime alert's card (a self-hosted integration runtime unhealthy), from its facts, readable in five
 * seconds: which runtime, which nodes are not online and since when (their last connect), the version when it expires,
 * and the pipelines that use it and run within the look-ahead, the most imminent first. Names are put in as they are
 * (the card shows them as plain text runs).
 */
final class RuntimeAlertText {

    private RuntimeAlertText() {
    }

    /** Overwrites the alert card's words for a runtime alert. */
    static void put(ObjectNode d, AlertView a, boolean recovered, View v) {
        AlertView.Runtime r = a.runtime();
        List<AlertView.Runtime.Node> down = r.nodes().stream().filter(n -> !is(n, "LIMITED")).toList();
        boolean limitedOnly = down.isEmpty() && !r.nodes().isEmpty();
        d.put("byline", "In " + a.factory() + " · self-hosted integration runtime"
                + (r.readAt() == null ? "" : " · read " + time(r.readAt(), v)));
        d.put("runtimeHealth", !recovered);
        if (recovered) {
            d.put("title", "✅ Recovered: integration runtime " + r.runtime());
            d.put("stateLine", "Recovered" + (a.response().at() == null ? "" : " at " + time(a.response().at(), v))
                    + ": every node is online and the version is current");
            d.put("rootTitle", "Where it stands");
            d.put("rootCause", "Every node of " + r.runtime() + " is online again"
                    + (r.nodeCount() > 0 ? " (" + count(r.nodeCount(), "node") + ")." : "."));
            d.put("nextStep", "");
            return;
        }
        d.put("title", "🔌 Integration runtime " + r.runtime() + " " + headline(r));
        boolean severe = "DOWN".equals(r.state()) || "EXPIRED".equals(r.version()) || !down.isEmpty();
        if (a.state() == AlertView.State.OPEN) {
            d.put("style", severe ? "attention" : "warning");
        }
        ArrayNode facts = (ArrayNode) d.get("facts");
        facts.removeAll();
        r.nodes().stream().limit(MAX_ROWS).forEach(n -> fact(facts, "Node " + n.node(), condition(n)
                + (n.lastConnect() == null ? " · no last connect known"
                : " · last connect " + timeAgo(n.lastConnect(), v))));
        if (r.nodes().size() > MAX_ROWS) {
            fact(facts, "Other nodes", (r.nodes().size() - MAX_ROWS) + " more not online");
        }
        if (!"CURRENT".equals(r.version())) {
            fact(facts, "Version", ("EXPIRED".equals(r.version()) ? "expired" : "expires")
                    + (r.expiry() == null ? "" : " on " + time(r.expiry(), v)));
        }
        String within = "in the next " + hours(r);
        int risky = r.atRisk().size() + r.moreAtRisk();
        d.put("atRiskTitle", risky == 0 ? "No pipeline that uses it runs " + within + "."
                : count(risky, "pipeline") + " at risk " + within + ", the next first:");
        ArrayNode lines = (ArrayNode) d.get("atRisk");
        r.atRisk().forEach(p -> lines.addObject().put("line", p.pipeline() + ": next run "
                + (p.nextRun() == null ? "unknown" : ImpactCards.at(p.nextRun(), v))
                + (p.through().isEmpty() ? "" : " (through " + String.join(", ", p.through()) + ")")));
        if (r.moreAtRisk() > 0) {
            lines.addObject().put("line", "…and " + r.moreAtRisk() + " more. Runtime health lists them all.");
        }
        d.put("rootTitle", "What it means");
        d.put("rootCause", meaning(r, down.size(), limitedOnly));
        d.put("nextStep", next(r, down.size(), limitedOnly));
    }

    private static String headline(AlertView.Runtime r) {
        if ("DOWN".equals(r.state())) {
            return "is down: no node runs jobs";
        }
        if (r.nodes().size() == 1) {
            return "has node " + r.nodes().get(0).node() + " " + condition(r.nodes().get(0));
        }
        if (r.nodes().size() > 1) {
            return "has " + r.nodes().size() + " of " + count(r.nodeCount(), "node") + " not online";
        }
        return "EXPIRED".equals(r.version()) ? "runs an expired version" : "runs a version that expires soon";
    }

    private static String meaning(AlertView.Runtime r, int down, boolean limitedOnly) {
        String version = "CURRENT".equals(r.version()) ? ""
                : "EXPIRED".equals(r.version()) ? " Its version has expired: the runtime may stop connecting to Data Factory."
                : " Its version expires soon: after that the runtime may stop connecting to Data Factory.";
        if ("DOWN".equals(r.state())) {
            return "No node runs jobs: activities that need " + r.runtime() + " fail or wait until a node is back."
                    + version;
        }
        if (down > 0) {
            return down + " of " + count(r.nodeCount(), "node") + (down == 1 ? " is" : " are") + " not running jobs: "
                    + "the others take them, with less capacity; if they go too, the pipelines above fail." + version;
        }
        if (limitedOnly) {
            return "A limited node runs jobs but cannot reach some ports or the other nodes: jobs on it can fail."
                    + version;
        }
        return version.trim();
    }

    private static String next(AlertView.Runtime r, int down, boolean limitedOnly) {
        if ("DOWN".equals(r.state()) || down > 0) {
            return "On the node's machine, check that the Integration Runtime service runs and reaches Azure "
                    + "(Configuration Manager › Diagnostics).";
        }
        if (limitedOnly) {
            return "Check the firewall between the nodes and to Azure (Configuration Manager › Diagnostics).";
        }
        return "Update the runtime on each node (Configuration Manager, or turn on auto-update).";
    }

    private static String condition(AlertView.Runtime.Node n) {
        switch (n.condition()) {
            case "OFFLINE":
                return "offline";
            case "LIMITED":
                return "limited";
            case "UPGRADING":
                return "upgrading";
            case "NOT_REGISTERED":
                return "not registered";
            default:
                return n.status() == null || n.status().isBlank() ? "in an unknown state" : n.status();
        }
    }

    private static boolean is(AlertView.Runtime.Node n, String condition) {
        return condition.equals(n.condition());
    }

    private static String hours(AlertView.Runtime r) {
        java.time.Duration ahead = r.lookahead() == null ? java.time.Duration.ofHours(12) : r.lookahead();
        long h = ahead.toHours();
        return h == 0 ? ahead.toMinutes() + " minutes" : h == 1 ? "hour" : h + " hours";
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
