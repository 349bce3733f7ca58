package com.adfops.adf;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@link DataFactory} in front of another that forwards every call to it; a decorator overrides only what it
 * changes (so a method added to the port reaches the factory behind every decorator, instead of a default answer).
 */
public abstract class ForwardingDataFactory implements DataFactory {

    /** The factory behind this one. */
    protected abstract DataFactory delegate();

    @Override
    public List<FactoryRef> factories() {
        return delegate().factories();
    }

    @Override
    public List<String> listPipelineNames(FactoryRef factory) {
        return delegate().listPipelineNames(factory);
    }

    @Override
    public List<PipelineRun> queryPipelineRuns(FactoryRef factory, RunQuery query) {
        return delegate().queryPipelineRuns(factory, query);
    }

    @Override
    public List<PipelineRun> queryPipelineRuns(List<FactoryRef> factories, RunQuery query) {
        return delegate().queryPipelineRuns(factories, query);
    }

    @Override
    public FactoryDefinitions readDefinitions(FactoryRef factory) {
        return delegate().readDefinitions(factory);
    }

    @Override
    public List<FactoryDefinitions.TriggerRun> queryTriggerRuns(FactoryRef factory, Instant from, Instant to) {
        return delegate().queryTriggerRuns(factory, from, to);
    }

    @Override
    public List<ActivityRun> queryActivityRuns(FactoryRef factory, PipelineRun run) {
        return delegate().queryActivityRuns(factory, run);
    }

    @Override
    public Optional<PipelineRun> getPipelineRun(FactoryRef factory, String runId) {
        return delegate().getPipelineRun(factory, runId);
    }

    @Override
    public Duration retention() {
        return delegate().retention();
    }

    @Override
    public Instant heldSince(FactoryRef factory) {
        return delegate().heldSince(factory);
    }

    @Override
    public long memoryVersion() {
        return delegate().memoryVersion();
    }

    @Override
    public Freshness freshness(FactoryRef factory, RunQuery query) {
        return delegate().freshness(factory, query);
    }

    @Override
    public String createRun(FactoryRef factory, RunRequest request) {
        return delegate().createRun(factory, request);
    }

    @Override
    public void cancelRun(FactoryRef factory, String runId, boolean recursive) {
        delegate().cancelRun(factory, runId, recursive);
    }

    @Override
    public Optional<FactoryStatus> historyStatus() {
        return delegate().historyStatus();
    }

    @Override
    public Optional<FactoryStatus> checkHistory() {
        return delegate().checkHistory();
    }

    @Override
    public List<FactoryStatus> status() {
        return delegate().status();
    }
}
