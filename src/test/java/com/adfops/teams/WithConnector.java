package com.adfops.teams;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Integration tests that need a fake Bot Connector for the whole class extend this. */
abstract class WithConnector {

    static FakeConnector connector;

    @BeforeAll
    static void startConnector() throws Exception {
        connector = new FakeConnector();
    }

    @AfterAll
    static void stopConnector() throws InterruptedException {
        connector.awaitQuiet(java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(10));
        connector.close();
    }
}
