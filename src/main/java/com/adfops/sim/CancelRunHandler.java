package com.adfops.sim;

import java.io.IOException;
import java.util.regex.Matcher;

/** {@code POST .../pipelineruns/{id}/cancel} ({@code isRecursive}: its child runs too); {@link SimWrites} writes it. */
final class CancelRunHandler implements SimRoute.Handler {

    private final SimWrites writes;

    CancelRunHandler(SimWrites writes) {
        this.writes = writes;
    }

    @Override
    public void handle(SimExchange x, Matcher path) throws IOException {
        writes.cancel(path.group(1), x.flag("isRecursive"));
        x.sendEmpty(200);
    }
}
