package com.adfops.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.util.regex.Matcher;

/** {@code GET .../pipelineruns/{id}}: the run as ADF shows it now, or 404 before it starts and after its retention. */
final class GetRunHandler implements SimRoute.Handler {

    private final SimDataset dataset;
    private final Clock clock;

    GetRunHandler(SimDataset dataset, Clock clock) {
        this.dataset = dataset;
        this.clock = clock;
    }

    @Override
    public void handle(SimExchange x, Matcher path) throws IOException {
        ObjectNode run = dataset.run(path.group(1));
        run = run == null || !RunViews.kept(run, clock.instant()) ? null : RunViews.asOf(run, clock.instant());
        if (run == null) {
            x.error(404, "PipelineRunNotFound", "Pipeline run '" + path.group(1) + "' was not found.");
        } else {
            x.send(200, run);
        }
    }
}
