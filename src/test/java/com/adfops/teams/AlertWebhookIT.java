package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.adf.DataFactory;
import com.adfops.adf.RunRequest;
import com.adfops.alerts.AlertMonitor;
import com.adfops.config.ApplicationWiring;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code POST /api/alerts}: payloads built from the common alert schema documentation for ADF metric and log search
 * alerts; Secure webhook tokens signed by a key the test serves as the tenant's key set, and Basic credentials; bad and
 * missing credentials (401), malformed (400) and huge (413) bodies, action-group retries (one alert), and a fired alert
 * on a watched pipeline giving one alert card, resolved later.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "adfops.sim.rerun-duration=1s", "adfops.index.refresh=300ms", "adfops.alerts.every=1h",
    "adfops.state.store=memory", "adfops.alerts.webhook-secret=s3cret-webhook",
    "adfops.alerts.audience=api://adfops-alerts", "adfops.alerts.tenant-id=tenant-1", "adfops.alerts.role=Alerts.Send"})
class AlertWebhookIT extends WithConnector {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static HttpServer jwks;
    static KeyPair key;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        key = g.generateKeyPair();
        RSAPublicKey pub = (RSAPublicKey) key.getPublic();
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        String set = "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\"k1\",\"n\":\""
                + b.encodeToString(unsigned(pub.getModulus().toByteArray())) + "\",\"e\":\""
                + b.encodeToString(pub.getPublicExponent().toByteArray()) + "\"}]}";
        jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwks.createContext("/keys", ex -> {
            byte[] body = set.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        jwks.start();
    }

    private static byte[] unsigned(byte[] b) {
        return b.length > 1 && b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    @DynamicPropertySource
    static void jwksUrl(DynamicPropertyRegistry r) {
        r.add("adfops.alerts.jwks-url", () -> "http://127.0.0.1:" + jwks.getAddress().getPort() + "/keys");
    }

    @AfterAll
    static void stop() {
        jwks.stop(0);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationWiring.SimulatedFactoryHolder sim;

    @Autowired
    AlertMonitor monitor;

    @Autowired
    DataFactory adf;

    static String token(String audience, String issuerTenant, String appId, String role) {
        return JWT.create().withKeyId("k1").withAudience(audience)
                .withIssuer("https://sts.windows.net/" + issuerTenant + "/")
                .withClaim("appid", appId).withArrayClaim("roles", new String[] {role})
                .withIssuedAt(new Date()).withExpiresAt(Date.from(Instant.now().plusSeconds(600)))
                .sign(Algorithm.RSA256((RSAPublicKey) key.getPublic(), (RSAPrivateKey) key.getPrivate()));
    }

    static String good() {
        return "Bearer " + token("api://adfops-alerts", "tenant-1", "461e8683-5575-4561-ac7f-899cc907d62a", "Alerts.Send");
    }

    HttpResponse<String> post(String authorization, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/alerts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A metric alert on PipelineFailedRuns of the simulated factory, as the common alert schema documents it. */
    String metricAlert(String alertId, String condition, String pipeline) {
        return metricAlert(alertId, condition, pipeline, "PipelineFailedRuns");
    }

    /** A metric alert on {@code metric}, with a Name dimension when {@code pipeline} is not null. */
    String metricAlert(String alertId, String condition, String pipeline, String metric) {
        String factory = sim.server().dataset().factory();
        Instant now = Instant.now();
        ObjectNode root = TestSim.JSON.createObjectNode();
        root.put("schemaId", "azureMonitorCommonAlertSchema");
        ObjectNode data = root.putObject("data");
        ObjectNode e = data.putObject("essentials");
        e.put("alertId", "/subscriptions/sub/providers/Microsoft.AlertsManagement/alerts/" + alertId);
        e.put("alertRule", "adf-failed-runs");
        e.put("severity", "Sev2");
        e.put("signalType", "Metric");
        e.put("monitorCondition", condition);
        e.put("monitoringService", "Platform");
        e.putArray("alertTargetIDs").add("/subscriptions/00000000-0000-0000-0000-00000000adf0/resourcegroups/rg-adfops-sim"
                + "/providers/microsoft.datafactory/factories/" + factory.toLowerCase());
        e.putArray("configurationItems").add(factory);
        e.put("firedDateTime", now.toString());
        if (condition.equals("Resolved")) {
            e.put("resolvedDateTime", now.toString());
        }
        e.put("essentialsVersion", "1.0");
        e.put("alertContextVersion", "1.0");
        ObjectNode ctx = data.putObject("alertContext");
        ctx.putNull("properties");
        ctx.put("conditionType", "SingleResourceMultipleMetricCriteria");
        ObjectNode cond = ctx.putObject("condition");
        cond.put("windowSize", "PT5M");
        ObjectNode c = cond.putArray("allOf").addObject();
        c.put("metricName", metric);
        c.put("metricNamespace", "Microsoft.DataFactory/factories");
        c.put("operator", "GreaterThan");
        c.put("threshold", "0");
        c.put("timeAggregation", "Total");
        if (pipeline != null) {
            c.putArray("dimensions").addObject().put("name", "Name").put("value", pipeline);
        }
        c.put("metricValue", 1);
        cond.put("windowStartTime", now.minus(Duration.ofMinutes(5)).toString());
        cond.put("windowEndTime", now.plusSeconds(5).toString());
        return root.toString();
    }

    @Test
    void callersAreAuthenticatedAndBadBodiesGetClearAnswers() throws Exception {
        String body = metricAlert("auth-" + System.nanoTime(), "Fired", "pl_nothing_here");
        assertThat(post(null, body).statusCode()).isEqualTo(401);
        assertThat(post("Basic " + Base64.getEncoder().encodeToString("azure:wrong".getBytes()), body).statusCode()).isEqualTo(401);
        assertThat(post("Bearer " + token("api://other", "tenant-1", "461e8683-5575-4561-ac7f-899cc907d62a", "Alerts.Send"),
                body).statusCode()).as("audience").isEqualTo(401);
        assertThat(post("Bearer " + token("api://adfops-alerts", "tenant-2", "461e8683-5575-4561-ac7f-899cc907d62a",
                "Alerts.Send"), body).statusCode()).as("issuer tenant").isEqualTo(401);
        assertThat(post("Bearer " + token("api://adfops-alerts", "tenant-1", "00000000-1111-2222-3333-444444444444",
                "Alerts.Send"), body).statusCode()).as("caller app").isEqualTo(401);
        assertThat(post("Bearer " + token("api://adfops-alerts", "tenant-1", "461e8683-5575-4561-ac7f-899cc907d62a",
                "Other.Role"), body).statusCode()).as("role").isEqualTo(401);
        assertThat(post("Bearer not.a.jwt", body).statusCode()).isEqualTo(401);
        HttpResponse<String> basic = post("Basic " + Base64.getEncoder().encodeToString("azure:s3cret-webhook".getBytes()), body);
        assertThat(basic.statusCode()).isEqualTo(202);
        assertThat(basic.body()).doesNotContain("s3cret");

        assertThat(post(good(), "{not json").statusCode()).isEqualTo(400);
        assertThat(post(good(), "{\"schemaId\":\"Microsoft.Insights/activityLogs\"}").statusCode()).isEqualTo(400);
        assertThat(post(good(), "{\"schemaId\":\"azureMonitorCommonAlertSchema\",\"data\":{}}").statusCode()).isEqualTo(400);
        assertThat(post(good(), "{\"x\":\"" + "y".repeat(300_000) + "\"}").statusCode()).isEqualTo(413);
        String elsewhere = body.replace(sim.server().dataset().factory(), "some-other-factory")
                .replace(sim.server().dataset().factory().toLowerCase(), "some-other-factory");
        assertThat(post(good(), elsewhere).body()).contains("not about a configured Data Factory");
    }

    @Test
    void aFiredMetricAlertOnAWatchedPipelineAlertsOnceAndResolvedUpdatesTheCard() throws Exception {
        String thread = "19:ops@thread.tacv2;messageid=" + System.nanoTime();
        monitor.pass();
        ObjectNode watch = TeamsActivities.sample("channel-mention-message.json", connector.serviceUrl(), thread);
        watch.put("text", "<at>ADF Ops</at> watch pl_ingest_sales_orders");
        TeamsActivities.post(port, watch);
        connector.await(s -> s.conversationId().equals(thread) && s.card().toString().contains("Watching pl_ingest_sales_orders"),
                Duration.ofSeconds(20));
        String reference = sim.server().runsNow().stream()
                .filter(r -> r.get("pipelineName").asText().equals("pl_ingest_sales_orders") && r.get("status").asText().equals("Failed"))
                .map(r -> r.get("runId").asText()).findFirst().orElseThrow();
        String failed = adf.createRun(adf.factories().get(0), RunRequest.whole("pl_ingest_sales_orders", reference));
        Thread.sleep(2500);

        String id = "fired-" + System.nanoTime();
        assertThat(post(good(), metricAlert(id, "Fired", "pl_ingest_sales_orders")).statusCode()).isEqualTo(202);
        // The action group retries: the same delivery again changes nothing.
        HttpResponse<String> retry = post(good(), metricAlert(id, "Fired", "pl_ingest_sales_orders"));
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).contains("duplicate");

        FakeConnector.Sent alert = connector.await(s -> s.path().equals("/v3/conversations")
                && s.activity().toString().contains(failed), Duration.ofSeconds(20));
        assertThat(alert.activity().toString()).contains("pl_ingest_sales_orders failed");
        // Detection later finds the same run: no second card.
        monitor.pass();
        Thread.sleep(500);
        assertThat(connector.sent().stream().filter(s -> s.path().equals("/v3/conversations")
                && s.activity().toString().contains(failed))).hasSize(1);

        // Resolved alerts that did not post this card leave it open: one without a pipeline dimension, one on another
        // metric of the factory (an integration runtime's CPU). Both used to mark every open card of the factory recovered.
        int before = connector.sent().size();
        assertThat(post(good(), metricAlert("other-" + System.nanoTime(), "Resolved", null)).statusCode()).isEqualTo(202);
        HttpResponse<String> cpu = post(good(), metricAlert("cpu-" + System.nanoTime(), "Resolved", null,
                "IntegrationRuntimeCpuPercentage"));
        assertThat(cpu.statusCode()).isEqualTo(200);
        assertThat(cpu.body()).contains("ignored");
        Thread.sleep(1500);
        assertThat(connector.sent().subList(before, connector.sent().size()))
                .noneMatch(s -> s.method().equals("PUT") && s.card().toString().contains("Recovered"));

        assertThat(post(good(), metricAlert(id, "Resolved", "pl_ingest_sales_orders")).statusCode()).isEqualTo(202);
        FakeConnector.Sent updated = connector.await(s -> s.method().equals("PUT") && s.card().toString().contains("Recovered"),
                Duration.ofSeconds(20));
        assertThat(updated.card().toString()).contains("pl_ingest_sales_orders");
    }
}
