package com.adfops.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;

/**
 * {@code POST /v1/workspaces/{id}/query}: the Log Analytics query API of the factory's logs (see
 * {@link SimulatedLogAnalytics}), outside the factory's path and without an api-version.
 */
final class WorkspaceQueryHandler {

    private final SimulatedLogAnalytics workspace;
    private final Clock clock;

    WorkspaceQueryHandler(SimulatedLogAnalytics workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    void handle(SimExchange x) throws IOException {
        if (!x.method().equals("POST")) {
            x.error(405, "MethodNotAllowed", "The query API takes POST here.");
            return;
        }
        JsonNode body;
        try {
            body = x.readJson();
        } catch (IOException e) {
            x.error(400, "BadArgumentError", "The request body is not valid JSON.");
            return;
        }
        try {
            x.send(200, workspace.query(body == null ? null : SimDataset.text(body, "query"), clock.instant()));
        } catch (SimulatedLogAnalytics.BadQuery e) {
            x.error(400, "BadArgumentError", e.getMessage());
        }
    }
}
