package com.adfops.docs;

import com.adfops.TestSim;
import java.time.Clock;
import java.time.Duration;

/** Guidance from the built-in index only (no live source): what agent tests need. */
public final class TestDocs {

    private TestDocs() {
    }

    public static DocsService builtInOnly() {
        return new DocsService(null, new BuiltInDocsIndex(TestSim.JSON), Clock.systemUTC(), Duration.ofSeconds(1),
                Duration.ofHours(1), 100, Duration.ofSeconds(60));
    }
}
