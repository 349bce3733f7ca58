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
final class QueryActivityRunsHandler implements SimRoute.Handler {

    private final SimDataset dataset;
    private final Clock clock;
    private final SimPaging paging;

    QueryActivityRunsHandler(SimDataset dataset, Clock clock, SimPaging paging) {
        this.dataset = dataset;
        this.clock = clock;
        this.paging = paging;
    }

    @Override
    public void handle(SimExchange x, Matcher path) throws IOException {
        JsonNode body = x.readRunFilter();
        if (body == null) {
            return;
        }
        String runId = path.group(1);
        Instant after = SimDataset.time(body, "lastUpdatedAfter");
        Instant before = SimDataset.time(body, "lastUpdatedBefore");
        Predicate<ObjectNode> filters = RunFilters.filters(body.get("filters"));
        if (filters == null) {
            x.error(400, "BadRequest", "A filter has an unknown operand or operator.");
            return;
        }
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
            boolean inWindow = start == null || (!start.isBefore(after) && start.isBefore(before));
            if (inWindow && filters.test(a)) {
                matched.add(a);
            }
        }
        matched.sort(RunFilters.order(body.get("orderBy"), "activityRunStart"));
        paging.page(x, body, matched);
    }
}
