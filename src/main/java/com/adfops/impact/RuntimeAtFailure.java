package com.adfops.impact;

import java.time.Instant;
import java.util.List;

/**
 * The self-hosted integration runtime a failed activity ran on, and its nodes as last read (for a diagnosis: "node
 * vm-2 was offline at the time").
 *
 * @param runtime      the runtime's name
 * @param activity     the failed activity's name
 * @param failedAt     when the activity ended (else started), or null
 * @param readAt       when the node states were read (compare with {@code failedAt}: the nearer, the surer)
 * @param availability whether its nodes ran jobs when read
 * @param nodes        every node, as read
 */
public record RuntimeAtFailure(String runtime, String activity, Instant failedAt, Instant readAt,
                               RuntimeReport.Availability availability, List<NodeState> nodes) {

    public RuntimeAtFailure {
        nodes = List.copyOf(nodes);
    }

    /** The nodes that were not online when read. */
    public List<NodeState> nodesNotOnline() {
        return NodeState.notOnline(nodes);
    }
}
