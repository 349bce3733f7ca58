package com.adfops;

import com.adfops.adf.DataFactory;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.ForwardingDataFactory;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link DataFactory} in front of another that counts the run queries reaching further back than a week: what a
 * question reads past the bot's memory. Everything else is passed through as it is.
 */
public final class CountingReads extends ForwardingDataFactory {

    private final DataFactory inner;
    private final Clock clock;
    /** Run queries whose window starts more than 8 days before now. */
    public final AtomicInteger readsBack = new AtomicInteger();

    public CountingReads(DataFactory inner, Clock clock) {
        this.inner = inner;
        this.clock = clock;
    }

    @Override
    protected DataFactory delegate() {
        return inner;
    }

    private void count(RunQuery q) {
        if (q.from().isBefore(clock.instant().minus(Duration.ofDays(8)))) {
            readsBack.incrementAndGet();
        }
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
}
