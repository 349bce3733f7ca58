package com.adfops.impact;

import java.time.Instant;
import java.util.List;

/**
 * The health of one self-hosted integration runtime, as read at {@code readAt}, and the pipelines that use it.
 *
 * @param runtime       the runtime's name
 * @param state         its overall state (the worst of availability and version)
 * @param availability  whether its nodes run jobs
 * @param version       whether its version (the runtime's or any node's) expires
 * @param runtimeState  ADF's state of the runtime as written
 * @param expiry        the earliest version expiry of its nodes, or null
 * @param nodes         every node, as read
 * @param users         the pipelines that use it, the next to run first (unknown last)
 * @param readAt        when the states were read
 */
public record RuntimeReport(String runtime, State state, Availability availability, Version version,
                            String runtimeState, Instant expiry, List<NodeState> nodes, List<RuntimeUser> users,
                            Instant readAt) {

    public RuntimeReport {
        nodes = List.copyOf(nodes);
        users = List.copyOf(users);
    }

    /** A runtime's overall state, least severe first. */
    public enum State {
        /** Every node online, the version current. */
        HEALTHY,
        /** Every node online, the version expiring soon. */
        VERSION_EXPIRING,
        /** Some node offline, limited, upgrading or unregistered; at least one runs jobs. */
        DEGRADED,
        /** The version has expired. */
        EXPIRED,
        /** No node runs jobs (or there is no node). */
        DOWN
    }

    /** Whether its nodes run jobs. */
    public enum Availability { ALL_ONLINE, DEGRADED, DOWN }

    /** Its version's lifetime. */
    public enum Version { CURRENT, EXPIRING, EXPIRED }

    /** The nodes that are not online (limited ones included), with their last connect. */
    public List<NodeState> nodesNotOnline() {
        return NodeState.notOnline(nodes);
    }

    /** The pipelines whose next run falls within the horizon asked about. */
    public List<RuntimeUser> atRisk() {
        List<RuntimeUser> risk = users.stream().filter(RuntimeUser::atRisk).toList();
        // A child whose next run is the one a listed parent starts is that parent's run: listed once, as the parent
        // "through" the child.
        return risk.stream().filter(u -> risk.stream().noneMatch(p -> p != u && java.util.Objects.equals(p.nextRun(),
                u.nextRun()) && p.through().stream().anyMatch(t -> t.equalsIgnoreCase(u.pipeline())))).toList();
    }
}
