package com.adfops.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.regex.Matcher;

/**
 * An endpoint that takes ADF's RunFilterParameters ({@code queryPipelineRuns}, {@code queryActivityruns}): reads the
 * body, its {@code lastUpdatedAfter}/{@code lastUpdatedBefore} window and its {@code filters[]}, answering 400 when
 * one is wrong, then lets the endpoint answer the query.
 */
abstract class RunQueryHandler implements SimRoute.Handler {

    final SimDataset dataset;
    final Clock clock;
    final SimPaging paging;

    RunQueryHandler(SimDataset dataset, Clock clock, SimPaging paging) {
        this.dataset = dataset;
        this.clock = clock;
        this.paging = paging;
    }

    @Override
    public final void handle(SimExchange x, Matcher path) throws IOException {
        JsonNode body = x.readRunFilter();
        if (body == null) {
            return;
        }
        Instant after = SimDataset.time(body, "lastUpdatedAfter");
        Instant before = SimDataset.time(body, "lastUpdatedBefore");
        Predicate<ObjectNode> filters = RunFilters.filters(body.get("filters"));
        if (filters == null) {
            x.error(400, "BadRequest", "A filter has an unknown operand or operator.");
            return;
        }
        answer(x, path, body, new Window(after, before), filters);
    }

    /** The query's window on {@code lastUpdated} (activity runs: on their start), after inclusive. */
    record Window(Instant after, Instant before) {
    }

    /** Answers the query of a valid body; {@code filters} is the exact test of its filters. */
    abstract void answer(SimExchange x, Matcher path, JsonNode body, Window window, Predicate<ObjectNode> filters)
            throws IOException;
}
