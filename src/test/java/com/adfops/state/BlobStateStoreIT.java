package com.adfops.state;

import com.adfops.state.implementation.BlobStateStore;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The blob store against Azurite; {@link #second()} is a separate client on the same container (another instance). */
class BlobStateStoreIT extends StateStoreContract {

    static Azurite azurite;
    final String container = "state-" + UUID.randomUUID().toString().substring(0, 8);
    BlobStateStore one;
    BlobStateStore two;

    @BeforeAll
    static void startAzurite() throws Exception {
        azurite = Azurite.start();
    }

    @AfterAll
    static void stopAzurite() {
        azurite.close();
    }

    @Override
    StateStore store() {
        if (one == null) {
            one = BlobStateStore.withConnectionString(azurite.connectionString(), container, Duration.ofSeconds(10));
        }
        return one;
    }

    @Override
    StateStore second() {
        if (two == null) {
            store();
            two = BlobStateStore.withConnectionString(azurite.connectionString(), container, Duration.ofSeconds(10));
        }
        return two;
    }
}
