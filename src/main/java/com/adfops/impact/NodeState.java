package com.adfops.impact;

import com.adfops.adf.FactoryDefinitions.RuntimeNode;
import java.time.Instant;
import java.util.Locale;

/**
 * One node of a self-hosted integration runtime, as read.
 *
 * @param node          the node's name
 * @param condition     its condition, from ADF's status
 * @param status        ADF's status as written
 * @param lastConnect   its last connect time (for a node not online: since when), or null
 * @param version       its version, or null
 * @param versionStatus its version status as written, or null
 * @param expiry        when its version expires, or null
 */
public record NodeState(String node, Condition condition, String status, Instant lastConnect, String version,
                        String versionStatus, Instant expiry) {

    /** A node's condition. */
    public enum Condition {
        /** Online: runs jobs. */
        ONLINE,
        /** Online with connectivity limits (some ports or the other nodes unreachable): runs jobs, degraded. */
        LIMITED,
        /** Offline: runs nothing. */
        OFFLINE,
        /** Upgrading or initializing: runs nothing for now. */
        UPGRADING,
        /** Needs registration, or its initialization failed. */
        NOT_REGISTERED,
        /** A status this version does not know. */
        UNKNOWN
    }

    /** The state of one node of the definitions. */
    public static NodeState of(RuntimeNode node) {
        return new NodeState(node.name(), condition(node.status()), node.status(), node.lastConnect(), node.version(),
                node.versionStatus(), node.expiry());
    }

    /** Whether it runs jobs (online or limited). */
    public boolean runsJobs() {
        return condition == Condition.ONLINE || condition == Condition.LIMITED;
    }

    /** The nodes of a list that are not online (limited ones included), in its order. */
    public static java.util.List<NodeState> notOnline(java.util.List<NodeState> nodes) {
        return nodes.stream().filter(n -> n.condition() != Condition.ONLINE).toList();
    }

    static Condition condition(String status) {
        String s = status == null ? "" : status.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "online":
                return Condition.ONLINE;
            case "limited":
                return Condition.LIMITED;
            case "offline":
                return Condition.OFFLINE;
            case "upgrading":
            case "initializing":
                return Condition.UPGRADING;
            case "needregistration":
            case "initializefailed":
                return Condition.NOT_REGISTERED;
            default:
                return Condition.UNKNOWN;
        }
    }
}
