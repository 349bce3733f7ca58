package com.adfops;

import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactory;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.FactoryStatus;
import com.adfops.adf.Freshness;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import com.adfops.adf.RunRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link DataFactory} in front of another that counts the run queries reaching further back than a week: what a
 * question reads past the bot's memory. Everything else is passed through as it is.
 */
public final class CountingReads implements DataFactory {

    private final DataFactory inner;
    private final Clock clock;
    /** Run queries whose window starts more than 8 days before now. */
    public final AtomicInteger readsBack = new AtomicInteger();

    public CountingReads(DataFactory inner, Clock clock) {
        this.inner = inner;
        this.clock = clock;
    }

    private void count(RunQuery q) {
        if (q.from().isBefore(clock.instant().minus(Duration.ofDays(8)))) {
            readsBack.incrementAndGet();
        }
    }

    @Override
    public List<FactoryRef> factories() {
        return inner.factories();
    }

    @Override
    public List<String> listPipelineNames(FactoryRef factory) {
        return inner.listPipelineNames(factory);
    }

    @Override
    public List<PipelineRun> queryPipelineRuns(FactoryRef factory, RunQuery query) {
        count(query);
        return inner.queryPipelineRuns(factory, query);
    }

    @Override
    public List<PipelineRun> queryPipelineRuns(List<FactoryRef> factories, RunQuery query) {
        count(query);
        return inner.queryPipelineRuns(factories, query);
    }

    @Override
    public List<ActivityRun> queryActivityRuns(FactoryRef factory, PipelineRun run) {
        return inner.queryActivityRuns(factory, run);
    }

    @Override
    public Optional<PipelineRun> getPipelineRun(FactoryRef factory, String runId) {
        return inner.getPipelineRun(factory, runId);
    }

    @Override
    public Duration retention() {
        return inner.retention();
    }

    @Override
    public Instant heldSince(FactoryRef factory) {
        return inner.heldSince(factory);
    }

    @Override
    public Freshness freshness(FactoryRef factory, RunQuery query) {
        return inner.freshness(factory, query);
    }

    @Override
    public String createRun(FactoryRef factory, RunRequest request) {
        return inner.createRun(factory, request);
    }

    @Override
    public void cancelRun(FactoryRef factory, String runId, boolean recursive) {
        inner.cancelRun(factory, runId, recursive);
    }

    @Override
    public Optional<FactoryStatus> historyStatus() {
        return inner.historyStatus();
    }

    @Override
    public Optional<FactoryStatus> checkHistory() {
        return inner.checkHistory();
    }

    @Override
    public List<FactoryStatus> status() {
        return inner.status();
    }
}
