package com.adfops.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** ADF's Stop and Start of a trigger, over the simulator's REST API (what the e2e suite and an operator do). */
class TriggerStopRouteTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static HttpResponse<String> call(TestSim sim, String method, String path) throws Exception {
        String url = sim.server.endpoint() + "subscriptions/" + SimulatedDataFactoryServer.SUBSCRIPTION_ID
                + "/resourceGroups/" + SimulatedDataFactoryServer.RESOURCE_GROUP
                + "/providers/Microsoft.DataFactory/factories/" + sim.factory.factoryName() + path
                + "?api-version=2018-06-01";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void stopAndStartChangeTheTriggersStateAndAnUnknownTriggerIs404() throws Exception {
        try (TestSim sim = TestSim.builtIn(NOW, 100)) {
            assertThat(call(sim, "POST", "/triggers/tr_hourly/stop").statusCode()).isEqualTo(200);
            assertThat(TestSim.JSON.readTree(call(sim, "GET", "/triggers/tr_hourly").body())
                    .at("/properties/runtimeState").asText()).isEqualTo("Stopped");
            assertThat(call(sim, "POST", "/triggers/tr_hourly/start").statusCode()).isEqualTo(200);
            assertThat(TestSim.JSON.readTree(call(sim, "GET", "/triggers/tr_hourly").body())
                    .at("/properties/runtimeState").asText()).isEqualTo("Started");
            HttpResponse<String> unknown = call(sim, "POST", "/triggers/tr_nobody/stop");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("NotFound");
        }
    }
}
