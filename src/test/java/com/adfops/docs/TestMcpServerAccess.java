package com.adfops.docs;

import java.util.function.Function;

/** Lets tests in other packages start a {@link TestMcpServer} with a query-to-document fixture. */
public final class TestMcpServerAccess implements AutoCloseable {

    private final TestMcpServer server;

    private TestMcpServerAccess(TestMcpServer server) {
        this.server = server;
    }

    /** @param fixture query -> {title, url, excerpt} or an empty array for no result */
    public static TestMcpServerAccess start(Function<String, String[]> fixture) throws Exception {
        return new TestMcpServerAccess(new TestMcpServer("microsoft_docs_search",
                q -> TestMcpServer.results(fixture.apply(q))));
    }

    public String url() {
        return server.url();
    }

    @Override
    public void close() {
        server.close();
    }
}
