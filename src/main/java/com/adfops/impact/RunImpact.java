package com.adfops.impact;

import java.util.Optional;

/**
 * What a failed run's diagnosis adds about its consequences: the datasets and pipelines downstream of it, and the
 * self-hosted integration runtime its failed activity ran on when some of its nodes were not online when last read.
 *
 * @param downstream what the failure reaches, or null when the factory's definitions do not hold the pipeline or
 *                   nothing downstream is reached
 * @param runtime    the runtime at the failure, or null when it ran on no self-hosted runtime or all its nodes were
 *                   online
 */
public record RunImpact(FailureImpact downstream, RuntimeAtFailure runtime) {

    /** Nothing to say. */
    public static final RunImpact NONE = new RunImpact(null, null);

    /** Whether there is nothing to say. */
    public boolean isEmpty() {
        return downstream == null && runtime == null;
    }

    /** The downstream impact, if any. */
    public Optional<FailureImpact> downstreamImpact() {
        return Optional.ofNullable(downstream);
    }

    /** The runtime at the failure, if some node was not online. */
    public Optional<RuntimeAtFailure> runtimeAtFailure() {
        return Optional.ofNullable(runtime);
    }
}
