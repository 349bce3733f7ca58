package com.adfops.actions;

import com.adfops.DatasetBuilder;
import com.adfops.MutableClock;
import com.adfops.TestSim;
import com.adfops.agent.AdfTools;
import com.adfops.agent.GuidanceFinder;
import com.adfops.docs.TestDocs;
import com.adfops.escalation.EscalationService;
import com.adfops.escalation.Escalations;
import com.adfops.state.InMemoryStateStore;
import com.adfops.state.JsonDocuments;
import com.adfops.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A simulated factory with a nested failure (a parent whose Execute Pipeline child failed in its second activity), a
 * run in progress with a child, and a run that succeeded; and the actions capability over a state store.
 */
final class ActionsFixture implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    static final String ANA = "0000aaaa-0000-0000-0000-000000000001";
    static final String BO = "0000bbbb-0000-0000-0000-000000000002";

    final MutableClock clock = new MutableClock(T0.plus(Duration.ofHours(2)));
    final TestSim sim;
    final AdfTools tools;
    final DatasetBuilder.Run parent;
    final DatasetBuilder.Run child;
    final DatasetBuilder.Run running;
    final DatasetBuilder.Run runningChild;
    final DatasetBuilder.Run ok;

    ActionsFixture() {
        DatasetBuilder b = new DatasetBuilder("df-actions");
        parent = b.run("pl_orchestrate", T0, 600, "Failed").parameter("region", "emea");
        child = b.run("pl_child_load", T0.plusSeconds(60), 400, "Failed", parent);
        child.activity("Lookup config", "Lookup", 0, 30, "Succeeded", null, null)
                .activity("Copy rows", "Copy", 30, 300, "Failed", "2200", "Failure happened on 'Sink' side.");
        parent.activity("Prepare", "SetVariable", 0, 50, "Succeeded", null, null)
                .executePipeline("Run child", 60, 400, child, "Failed");
        running = b.run("pl_long", T0.plus(Duration.ofMinutes(110)), 0, "InProgress");
        runningChild = b.run("pl_long_child", T0.plus(Duration.ofMinutes(111)), 0, "InProgress", running);
        running.executePipeline("Run long child", 60, 6000, runningChild, "InProgress");
        ok = b.run("pl_daily_ok", T0.plus(Duration.ofMinutes(30)), 100, "Succeeded");
        sim = TestSim.of(b.build(), 50, clock);
        sim.server.setRerunDuration(Duration.ofSeconds(40));
        tools = new AdfTools(sim.adf, clock);
    }

    /** One bot instance: its own services over {@code store} (share a store to stand for several instances). */
    final class Instance {
        final JsonDocuments docs;
        final AuditLog audit;
        final Escalations escalations;
        final ActionService actions;

        Instance(StateStore store, ActionPolicy policy) {
            docs = new JsonDocuments(store, TestSim.JSON);
            audit = new AuditLog(docs);
            escalations = new Escalations(docs);
            actions = new ActionService(tools, sim.adf, new PendingActions(docs), audit, policy,
                    new EscalationService(tools, new GuidanceFinder(TestDocs.builtInOnly()), escalations), clock,
                    Duration.ofMinutes(10));
        }
    }

    Instance local() {
        return new Instance(new InMemoryStateStore(), new ActionPolicy(true, List.of(), List.of()));
    }

    /** Requests the simulated factory got whose line contains {@code part}. */
    List<String> requests(String part) {
        return sim.server.requests().stream().filter(r -> r.toLowerCase().contains(part.toLowerCase())).toList();
    }

    @Override
    public void close() {
        sim.close();
    }
}
