package com.adfops.actions;

import com.adfops.DatasetBuilder;
import com.adfops.MutableClock;
import com.adfops.RerunScenario;
import com.adfops.TestSim;
import com.adfops.runs.AdfTools;
import com.adfops.diagnosis.GuidanceFinder;
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

    static final Instant T0 = RerunScenario.T0;
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
        RerunScenario r = new RerunScenario("df-actions");
        parent = r.parent;
        child = r.child;
        running = r.running;
        runningChild = r.runningChild;
        ok = r.ok;
        DatasetBuilder b = r.data;
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
