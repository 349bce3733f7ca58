package com.adfops;

import java.time.Duration;
import java.time.Instant;

/**
 * A factory to rerun and cancel in: a parent whose Execute Pipeline child failed in its second activity, a run in
 * progress with a child, and a run that succeeded.
 */
public final class RerunScenario {

    public static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    public final DatasetBuilder data;
    public final DatasetBuilder.Run parent;
    public final DatasetBuilder.Run child;
    public final DatasetBuilder.Run running;
    public final DatasetBuilder.Run runningChild;
    public final DatasetBuilder.Run ok;

    public RerunScenario(String factory) {
        this(factory, "pl_orchestrate");
    }

    /** @param parentPipeline the failed parent's pipeline name (names with spaces exercise URL paths) */
    public RerunScenario(String factory, String parentPipeline) {
        data = new DatasetBuilder(factory);
        parent = data.run(parentPipeline, T0, 600, "Failed").parameter("region", "emea");
        child = data.run("pl_child_load", T0.plusSeconds(60), 400, "Failed", parent);
        child.activity("Lookup config", "Lookup", 0, 30, "Succeeded", null, null)
                .activity("Copy rows", "Copy", 30, 300, "Failed", "2200", "Failure happened on 'Sink' side.");
        parent.activity("Prepare", "SetVariable", 0, 50, "Succeeded", null, null)
                .executePipeline("Run child", 60, 400, child, "Failed");
        running = data.run("pl_long", T0.plus(Duration.ofMinutes(110)), 0, "InProgress");
        runningChild = data.run("pl_long_child", T0.plus(Duration.ofMinutes(111)), 0, "InProgress", running);
        running.executePipeline("Run long child", 60, 6000, runningChild, "InProgress");
        ok = data.run("pl_daily_ok", T0.plus(Duration.ofMinutes(30)), 100, "Succeeded");
    }
}
