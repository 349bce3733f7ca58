package com.adfops.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;

/**
 * {@code POST .../pipelineruns/{id}/queryActivityruns}: the run's activity runs as ADF shows them now, started in the
 * window and matching the filters, in the asked order (by {@code activityRunStart} unless told), paged by offset.
 */
final class QueryActivityRunsHandler extends RunQueryHandler {

    QueryActivityRunsHandler(SimDataset dataset, Clock clock, SimPaging paging) {
        super(dataset, clock, paging);
    }

    @Override
    void answer(SimExchange x, Matcher path, JsonNode body, Window window, Predicate<ObjectNode> filters)
            throws IOException {
        String runId = path.group(1);
        List<ObjectNode> matched = new ArrayList<>();
        Instant now = clock.instant();
        ObjectNode parent = dataset.run(runId);
        List<ObjectNode> stored0 = parent != null && !RunViews.kept(parent, now) ? List.of() : dataset.activityRuns(runId);
        for (ObjectNode stored : stored0) {
            ObjectNode a = RunViews.activityAsOf(stored, now);
            if (a == null) {
                continue;
            }
            Instant start = SimDataset.time(a, "activityRunStart");
            boolean inWindow = start == null || (!start.isBefore(window.after()) && start.isBefore(window.before()));
            if (inWindow && filters.test(a)) {
                matched.add(a);
            }
        }
        matched.sort(RunFilters.order(body.get("orderBy"), "activityRunStart"));
        paging.page(x, body, matched);
    }
}
