package com.adfops.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.regex.Matcher;

/**
 * {@code POST .../pipelines/{p}/createRun}: a new run, or a rerun ({@code referencePipelineRunId}, {@code isRecovery},
 * {@code startFromFailure}, {@code startActivityName}); {@link SimWrites} writes it.
 */
final class CreateRunHandler implements SimRoute.Handler {

    private final SimWrites writes;

    CreateRunHandler(SimWrites writes) {
        this.writes = writes;
    }

    @Override
    public void handle(SimExchange x, Matcher path) throws IOException {
        String runId = writes.createRun(path.group(1), x.decodedQuery("referencePipelineRunId"), x.flag("isRecovery"),
                x.flag("startFromFailure"), x.decodedQuery("startActivityName"));
        ObjectNode resp = x.newObject();
        resp.put("runId", runId);
        x.send(200, resp);
    }
}
