package com.adfops.alerts;

import com.adfops.state.Azurite;
import com.adfops.state.implementation.BlobStateStore;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two bot instances on one blob container (Azurite) post each alert once. */
class AlertsTwoInstancesIT {

    static Azurite azurite;
    final AlertMonitorTest scenario = new AlertMonitorTest();

    @BeforeAll
    static void startAzurite() throws Exception {
        azurite = Azurite.start();
    }

    @AfterAll
    static void stopAzurite() {
        azurite.close();
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    @Test
    void eachAlertIsPostedOnceByTwoInstancesOnOneContainer() throws Exception {
        String container = "alerts-" + UUID.randomUUID().toString().substring(0, 8);
        scenario.twoInstancesPostOnce(
                BlobStateStore.withConnectionString(azurite.connectionString(), container, Duration.ofSeconds(10)),
                BlobStateStore.withConnectionString(azurite.connectionString(), container, Duration.ofSeconds(10)));
    }
}
