package com.adfops.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;

/**
 * {@code POST .../queryPipelineRuns}: runs by {@code runStart} (ADF's and the SDK's order) are paged from the sorted
 * runs, a binary search, then the page. Other orders take the runs whose {@code lastUpdated} may lie in the window
 * and sort them per request.
 */
final class QueryRunsHandler extends RunQueryHandler {

    QueryRunsHandler(SimDataset dataset, Clock clock, SimPaging paging) {
        super(dataset, clock, paging);
    }

    @Override
    void answer(SimExchange x, Matcher path, JsonNode body, Window window, Predicate<ObjectNode> filters)
            throws IOException {
        Instant after = window.after();
        Instant before = window.before();
        Predicate<ObjectNode> keep = r -> {
            Instant updated = RunViews.firstNonNull(SimDataset.time(r, "lastUpdated"), SimDataset.time(r, "runEnd"),
                    SimDataset.time(r, "runStart"));
            return updated == null || (!updated.isBefore(after) && updated.isBefore(before));
        };
        Instant now = clock.instant();
        Function<ObjectNode, ObjectNode> view = stored -> {
            ObjectNode r = RunViews.asOf(stored, now);
            return r != null && RunViews.kept(r, now) && keep.test(r) && filters.test(r) ? r : null;
        };
        RunTable.Prefilter pre = RunFilters.prefilter(dataset.table().base(), body.get("filters"), after, before, now);
        JsonNode orderBy = body.get("orderBy");
        if (!"runStart".equals(RunFilters.orderField(orderBy, "runStart"))) {
            List<ObjectNode> matched = dataset.table().window(pre, view);
            matched.sort(RunFilters.order(orderBy, "runStart"));
            paging.page(x, body, matched);
            return;
        }
        paging.pageByStart(x, body, dataset.table(), pre, RunFilters.orderDescending(orderBy), view);
    }
}
