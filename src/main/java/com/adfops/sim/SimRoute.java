package com.adfops.sim;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint of the simulated factory: an HTTP method and a path under the factory (any case, a trailing slash
 * allowed; groups capture the names in it) answered by a {@link Handler}. {@link SimulatedDataFactoryServer} tries its
 * routes in order; a new endpoint is a handler and one route.
 */
record SimRoute(String method, Pattern path, Handler handler) {

    /** Answers a request whose path under the factory matched; {@code path} holds the route's groups. */
    @FunctionalInterface
    interface Handler {
        void handle(SimExchange x, Matcher path) throws IOException;
    }

    /** A route for {@code path} under the factory, e.g. {@code "/pipelineruns/([^/]+)/cancel"}. */
    static SimRoute of(String method, String path, Handler handler) {
        return new SimRoute(method, Pattern.compile("(?i)^" + path + "/?$"), handler);
    }

    /** The matched path, or null when this route does not answer {@code method} on {@code rest}. */
    Matcher match(String method, String rest) {
        if (!this.method.equals(method)) {
            return null;
        }
        Matcher m = path.matcher(rest);
        return m.matches() ? m : null;
    }
}
