package com.adfops.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.TreeSet;
import java.util.regex.Matcher;

/** {@code GET .../pipelines}: pipelines as ADF lists them (PipelineResource); the simulator knows them from their runs. */
final class ListPipelinesHandler implements SimRoute.Handler {

    private final SimDataset dataset;

    ListPipelinesHandler(SimDataset dataset) {
        this.dataset = dataset;
    }

    @Override
    public void handle(SimExchange x, Matcher path) throws IOException {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(dataset.pipelineNames());
        ObjectNode resp = x.newObject();
        ArrayNode value = resp.putArray("value");
        for (String name : names) {
            ObjectNode p = value.addObject();
            p.put("id", x.factoryId() + "/pipelines/" + name);
            p.put("name", name);
            p.put("type", "Microsoft.DataFactory/factories/pipelines");
            p.put("etag", Integer.toHexString(name.hashCode()));
            p.putObject("properties").putArray("activities");
        }
        x.send(200, resp);
    }
}
