package com.adfops;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.adf.ActivityError;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.answers.ActionView;
import com.adfops.runs.AdfTools;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.diagnosis.ErrorClass;
import com.adfops.agent.Reply;
import com.adfops.tools.ToolRunner;
import com.adfops.cards.CardFactory;
import com.adfops.docs.BuiltInDocsIndex;
import com.adfops.docs.DocsService;
import com.adfops.export.RunsCsv;
import com.adfops.logging.SafeMessageConverter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, finding 3, as a property: a random marker secret, put in every form ADF echoes secrets in (a
 * connection-string key unquoted, quoted or with spaces, JSON, escaped JSON, XML, a SAS query in raw, {@code %}-encoded,
 * {@code \u0026} and {@code &amp;} form, a bearer token, a private-key block, URL user info, a parameter by its name),
 * at a random place in realistic ADF error text and sometimes wrapped in a data flow's JSON error, reaches none of the
 * faces: the diagnosis card, the rerun confirmation card, the CSV export, the model's tool output and a log line. A
 * canary beside the secret must reach each face, so the test cannot pass by showing nothing.
 */
class SecretsReachNoFaceTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final FactoryRef F = new FactoryRef("sub", "rg", "df-prop");
    static final CardFactory CARDS = new CardFactory(TestSim.JSON);
    static final CardFactory.View VIEW = new CardFactory.View(NOW, ZoneId.of("UTC"));

    static final String[] KEYS = {"Password", "Pwd", "AccountKey", "SharedAccessKey", "SharedAccessSignature",
        "ClientSecret", "client_secret", "api_key", "access_token", "token", "sqlAdminPassword"};
    static final String[] PARAMETER_NAMES = {"password", "sqlPassword", "storageKey", "sasToken", "connectionString",
        "client_secret", "apiKey", "key", "bearerToken", "sas_url"};
    static final String[] PREFIXES = {"", "Operation on target Copy orders failed: ",
        "ErrorCode=SqlFailedToConnect,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Cannot "
            + "connect to SQL Database. ", "Failure happened on 'Sink' side. ErrorCode=UserErrorFailedToConnect,Message="};
    static final String[] SUFFIXES = {"", ".", ",Source=Microsoft.DataTransfer.ClientLibrary,'", " Check the linked service.",
        ";Encrypt=True;", "\nat com.microsoft.Foo.bar(Foo.java:12)"};

    /** The forms a secret takes; each returns text holding {@code m}. */
    static final List<Function<String, String>> FORMS = List.of(
            m -> key() + "=" + m,
            m -> key() + "=" + m + ";Server=tcp:x.database.windows.net",
            m -> key() + " = 'a;" + m + "'",
            m -> key() + "=\"a b " + m + "\"",
            m -> key() + "=a b " + m + ";",
            m -> key() + "=''" + m + "''",
            m -> key() + "=\\\"" + m + " x\\\"",
            m -> "{\"" + key() + "\": \"" + m + "\"}",
            m -> "{\\\"" + key() + "\\\":\\\"" + m + "\\\"}",
            m -> "<" + key() + ">" + m + "</" + key() + ">",
            m -> "&lt;" + key() + "&gt;" + m + "&lt;/" + key() + "&gt;",
            m -> "<add key=\"" + key() + "\" value=\"" + m + "\"/>",
            m -> sas(m, "&", "="),
            m -> sas(m, "\\u0026", "="),
            m -> sas(m, "&amp;", "="),
            m -> sas(m, "%26", "%3D"),
            m -> "sig=" + m + "&se=2026-12-01",
            m -> "the URL had sig=" + m + " in it",
            m -> "Authorization: Bearer eyJ0eX." + m,
            m -> "got bearer " + m + "x1 back",
            m -> "-----BEGIN RSA PRIVATE KEY-----\nMIIEow" + m + "\n-----END RSA PRIVATE KEY-----",
            m -> "-----BEGIN PRIVATE KEY-----\\nMIIEow" + m,
            m -> "https://user:" + m + "@host.example/path",
            m -> "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=" + m);

    static Random random;

    static String key() {
        return KEYS[random.nextInt(KEYS.length)];
    }

    static String sas(String m, String amp, String eq) {
        return "https://acct.blob.core.windows.net/in/f.csv?sv" + eq + "2022-11-02" + amp + "se" + eq + "2026-12-01"
                + amp + "sp" + eq + "r" + amp + "sig" + eq + m + (random.nextBoolean() ? amp + "spr" + eq + "https" : "");
    }

    /** A marker no redactor rule could mistake for anything else: upper-case letters and digits. */
    static String marker() {
        StringBuilder b = new StringBuilder("Q");
        int n = 10 + random.nextInt(10);
        for (int i = 0; i < n; i++) {
            b.append("ABCDEFGHJLMNQRUVWXYZ0123456789".charAt(random.nextInt(30)));
        }
        return b.toString();
    }

    /** A data flow's error: ADF escapes the message as JSON ({@code "} as {@code \"}, {@code &} as {@code \u0026}). */
    static String dataFlowError(String text) {
        String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("&", "\\u0026");
        return "{\"StatusCode\":\"DFExecutorUserError\",\"Message\":\"Job failed due to reason: at Sink 'sink1': "
                + escaped + "\",\"Details\":\"org.apache.spark.SparkException: " + escaped + "\"}";
    }

    /** One case: realistic error text holding the marker somewhere, with a canary before it. */
    record Case(String marker, String canary, String text, Map<String, String> parameters) {
    }

    static Case next(int i) {
        String m = marker();
        String canary = "canary" + i;
        String secret = FORMS.get(i % FORMS.size()).apply(m);
        String text = PREFIXES[random.nextInt(PREFIXES.length)] + canary + " " + secret + SUFFIXES[random.nextInt(SUFFIXES.length)];
        if (random.nextInt(3) == 0) {
            text = dataFlowError(text);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("region", canary);
        parameters.put(PARAMETER_NAMES[random.nextInt(PARAMETER_NAMES.length)], m);
        parameters.put("inputUri", random.nextBoolean() ? sas(m, "&", "=") : secret);
        return new Case(m, canary, text, parameters);
    }

    static PipelineRun run(Case c) {
        Instant start = NOW.minus(Duration.ofHours(1));
        return new PipelineRun(F, "run-" + c.canary(), "pl_orders", RunStatus.FAILED, c.text(), start, start.plusSeconds(60),
                start.plusSeconds(60), 60_000L, c.parameters(), "ScheduleTrigger", "tr_nightly", null, null, null);
    }

    @Test
    void noSecretReachesACardTheCsvOrALogLine() {
        random = new Random(21_003);
        for (int i = 0; i < 600; i++) {
            Case c = next(i);
            PipelineRun run = run(c);
            ActivityRun act = new ActivityRun(run.runId(), "pl_orders", "act-1", "Copy orders", "Copy", RunStatus.FAILED,
                    NOW.minusSeconds(600), NOW.minusSeconds(500), 100_000L,
                    new ActivityError("2200", c.text(), "UserError", "Copy orders"), null, null, "ls", null);
            Diagnosis.FailedActivity fa = new Diagnosis.FailedActivity(act, 0, "Copy orders", "pl_orders", run.runId(), 1);
            Reply diagnosis = new Reply.DiagnosisCard(new Diagnosis(run, List.of(fa), fa, ErrorClass.AUTHENTICATION, 1, false),
                    null, true, List.of());
            Reply confirmation = new Reply.Action(com.adfops.answers.ActionViews.of("a-1", com.adfops.answers.ActionKind.RERUN, ActionView.State.PENDING, "df-prop", "pl_orders",
                    run.runId(), null, null, null, c.parameters(), "Dana", NOW.plusSeconds(600), null, null, null, null, null));
            Map<String, String> faces = new LinkedHashMap<>();
            faces.put("diagnosis card", CARDS.card(diagnosis, VIEW).toString());
            faces.put("rerun confirmation card", CARDS.card(confirmation, VIEW).toString());
            faces.put("CSV", RunsCsv.of(List.of(run)));
            faces.put("log line", SafeMessageConverter.safe("activity failed: " + c.text()));
            for (Map.Entry<String, String> face : faces.entrySet()) {
                assertThat(face.getValue()).as("case %d, %s, text: %s", i, face.getKey(), c.text())
                        .doesNotContain(c.marker()).contains(c.canary());
            }
        }
    }

    @Test
    void noSecretReachesTheModel() throws Exception {
        random = new Random(21_004);
        DatasetBuilder d = new DatasetBuilder("df-prop");
        List<Case> cases = new ArrayList<>();
        List<String> runIds = new ArrayList<>();
        for (int i = 0; i < FORMS.size() * 2; i++) {
            Case c = next(i);
            cases.add(c);
            DatasetBuilder.Run r = d.run("pl_" + i, NOW.minus(Duration.ofMinutes(30 + i)), 60, "Failed").message(c.text())
                    .activity("Copy " + i, "Copy", 1, 10, "Failed", "2200", c.text());
            c.parameters().forEach(r::parameter);
            runIds.add(r.id());
        }
        try (TestSim sim = TestSim.of(d.build(), 100)) {
            ToolRunner runner = new ToolRunner(new AdfTools(sim.adf, Clock.fixed(NOW, ZoneOffset.UTC)),
                    new DocsService(null, new BuiltInDocsIndex(TestSim.JSON), Clock.systemUTC(), Duration.ofSeconds(1),
                            Duration.ofHours(1), 10, Duration.ofSeconds(60)), TestSim.JSON);
            String failing = runner.run("adf_pipeline_runs", "{\"status\":\"Failed\",\"window\":\"last 24 hours\"}",
                    ZoneId.of("UTC")).output();
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                String activities = runner.run("adf_pipeline_activity_runs", "{\"run_id\":\"" + runIds.get(i) + "\"}",
                        ZoneId.of("UTC")).output();
                assertThat(activities).as("case %d, text: %s", i, c.text()).doesNotContain(c.marker()).contains(c.canary());
                assertThat(failing).as("case %d, text: %s", i, c.text()).doesNotContain(c.marker());
            }
        }
    }
}
