package com.adfops.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adfops.DatasetBuilder;
import com.adfops.MutableClock;
import com.adfops.RerunScenario;
import com.adfops.TestSim;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunRequest;
import com.adfops.adf.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Create Run and Cancel through the real SDK against the simulated factory: the exact query parameters the SDK sends,
 * and ADF's semantics (recovery group, start from failure skipping what succeeded, child runs, recursive cancel).
 */
class SimulatedFactoryWritesTest {

    static final Instant T0 = RerunScenario.T0;

    MutableClock clock;
    TestSim sim;
    DatasetBuilder.Run parent;
    DatasetBuilder.Run child;
    DatasetBuilder.Run running;
    DatasetBuilder.Run runningChild;

    @BeforeEach
    void start() {
        clock = new MutableClock(T0.plus(Duration.ofHours(2)));
        RerunScenario r = new RerunScenario("adf-writes", "pl orchestrate (daily)");
        parent = r.parent;
        child = r.child;
        running = r.running;
        runningChild = r.runningChild;
        DatasetBuilder b = r.data;
        sim = TestSim.of(b.build(), 50, clock);
        sim.server.setRerunDuration(Duration.ofSeconds(40));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private String lastRequest(String containing) {
        List<String> r = sim.server.requests();
        for (int i = r.size() - 1; i >= 0; i--) {
            if (r.get(i).toLowerCase().contains(containing.toLowerCase())) {
                return r.get(i);
            }
        }
        throw new AssertionError("no request containing " + containing + " in " + r);
    }

    @Test
    void rerunFromFailureSendsTheRecoveryParametersAndSkipsWhatSucceeded() {
        String id = sim.adf.createRun(sim.factory, RunRequest.fromFailure(parent.node().get("pipelineName").asText(), parent.id()));

        String request = lastRequest("/createRun");
        assertThat(request).startsWith("POST ").contains("/pipelines/pl orchestrate (daily)/createRun?")
                .contains("referencePipelineRunId=" + parent.id()).contains("isRecovery=true")
                .contains("startFromFailure=true").doesNotContain("startActivityName");

        PipelineRun rerun = sim.adf.getPipelineRun(sim.factory, id).orElseThrow();
        assertThat(rerun.status()).isEqualTo(RunStatus.IN_PROGRESS);
        assertThat(rerun.rerunOf()).as("same run group").isEqualTo(parent.id());
        assertThat(rerun.parameters()).containsEntry("region", "emea");
        assertThat(rerun.invokedByType()).isEqualTo("Manual");

        clock.advance(Duration.ofSeconds(41));
        rerun = sim.adf.getPipelineRun(sim.factory, id).orElseThrow();
        assertThat(rerun.status()).isEqualTo(RunStatus.SUCCEEDED);
        List<ActivityRun> acts = sim.adf.queryActivityRuns(sim.factory, rerun);
        assertThat(acts).extracting(ActivityRun::activityName).containsExactly("Run child");
        assertThat(acts.get(0).status()).isEqualTo(RunStatus.SUCCEEDED);

        // The Execute Pipeline activity started a new child run, itself from its failure.
        String newChild = acts.get(0).childRunId();
        assertThat(newChild).isNotNull().isNotEqualTo(child.id());
        PipelineRun c = sim.adf.getPipelineRun(sim.factory, newChild).orElseThrow();
        assertThat(c.parentRunId()).isEqualTo(id);
        assertThat(sim.adf.queryActivityRuns(sim.factory, c)).extracting(ActivityRun::activityName)
                .containsExactly("Copy rows");
    }

    @Test
    void aWholeRerunHasNoStartOptionAndRunsEverything() {
        String id = sim.adf.createRun(sim.factory, RunRequest.whole(parent.node().get("pipelineName").asText(), parent.id()));

        String request = lastRequest("/createRun");
        assertThat(request).contains("referencePipelineRunId=" + parent.id()).contains("isRecovery=true")
                .doesNotContain("startFromFailure").doesNotContain("startActivityName");
        clock.advance(Duration.ofMinutes(1));
        PipelineRun rerun = sim.adf.getPipelineRun(sim.factory, id).orElseThrow();
        assertThat(sim.adf.queryActivityRuns(sim.factory, rerun)).extracting(ActivityRun::activityName)
                .containsExactly("Prepare", "Run child");
    }

    @Test
    void aConfiguredOutcomeOfFailedRepeatsTheFailure() {
        sim.server.setRerunOutcome("Failed");
        String id = sim.adf.createRun(sim.factory, RunRequest.fromFailure(child.node().get("pipelineName").asText(), child.id()));
        clock.advance(Duration.ofMinutes(1));
        PipelineRun rerun = sim.adf.getPipelineRun(sim.factory, id).orElseThrow();
        assertThat(rerun.status()).isEqualTo(RunStatus.FAILED);
        ActivityRun copy = sim.adf.queryActivityRuns(sim.factory, rerun).get(0);
        assertThat(copy.status()).isEqualTo(RunStatus.FAILED);
        assertThat(copy.error().errorCode()).isEqualTo("2200");
    }

    @Test
    void cancelIsRecursiveAndEndsTheRunNow() {
        assertThat(sim.adf.getPipelineRun(sim.factory, running.id()).orElseThrow().status()).isEqualTo(RunStatus.IN_PROGRESS);

        sim.adf.cancelRun(sim.factory, running.id(), true);

        assertThat(lastRequest("/cancel")).contains("/pipelineruns/" + running.id() + "/cancel?").contains("isRecursive=true");
        assertThat(sim.adf.getPipelineRun(sim.factory, running.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(sim.adf.getPipelineRun(sim.factory, runningChild.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void refusalsAreArmErrors() {
        assertThatThrownBy(() -> sim.adf.createRun(sim.factory, RunRequest.fromFailure("pl_long", running.id())))
                .isInstanceOf(DataFactoryException.class).hasMessageContaining("a rerun of pipeline pl_long (BadRequest, HTTP 400)");
        assertThatThrownBy(() -> sim.adf.createRun(sim.factory, RunRequest.fromFailure("pl_child_load", "no-such-run")))
                .isInstanceOf(DataFactoryException.class)
                .extracting(e -> ((DataFactoryException) e).kind()).isEqualTo(DataFactoryException.Kind.NOT_FOUND);
        sim.server.injectFault("/createRun", 403, "AuthorizationFailed", 1);
        assertThatThrownBy(() -> sim.adf.createRun(sim.factory, RunRequest.fromFailure("pl_child_load", child.id())))
                .isInstanceOf(DataFactoryException.class)
                .extracting(e -> ((DataFactoryException) e).kind()).isEqualTo(DataFactoryException.Kind.PERMISSION);
    }
}
