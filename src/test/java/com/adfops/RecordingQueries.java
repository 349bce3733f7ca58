package com.adfops;

import com.adfops.adf.DataFactory;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.ForwardingDataFactory;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link DataFactory} in front of another (the run index, say) that records each run query and how many runs it returned. */
public final class RecordingQueries extends ForwardingDataFactory {

    private final DataFactory inner;
    public final List<RunQuery> asked = new CopyOnWriteArrayList<>();
    public final List<Integer> returned = new CopyOnWriteArrayList<>();

    public RecordingQueries(DataFactory inner) {
        this.inner = inner;
    }

    @Override
    protected DataFactory delegate() {
        return inner;
    }

    @Override
    public List<PipelineRun> queryPipelineRuns(FactoryRef factory, RunQuery query) {
        List<PipelineRun> out = inner.queryPipelineRuns(factory, query);
        asked.add(query);
        returned.add(out.size());
        return out;
    }
}
