package com.adfops.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.adf.ActivityError;
import com.adfops.adf.ActivityRun;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunStatus;
import com.adfops.answers.ActionView;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.diagnosis.ErrorClass;
import com.adfops.agent.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cards are an edge where outside text leaves the bot: run parameters are masked by name and by content (the rerun
 * confirmation showed them raw), any string of a card has its secrets masked, and the bot's own links and texts stay
 * as they were.
 */
class CardRedactionTest {

    static final CardFactory FACTORY = new CardFactory(TestSim.JSON);
    static final Instant NOW = CardSamples.NOW;

    static Map<String, String> parameters() {
        return CardSamples.ordered("region", "emea", "dbPassword", "plainWords1", "storage_key", "k3y",
                "inputUri", "https://acct.blob.core.windows.net/in?sv=2022-11-02&se=2026-12-01&sig=Zq7sas%3D",
                "conn", "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=Zq7acctkey==;EndpointSuffix=core.windows.net");
    }

    @Test
    void theRerunConfirmationShowsParametersMaskedByNameAndContent() {
        Reply confirmation = new Reply.Action(com.adfops.answers.ActionViews.of("a-1", com.adfops.answers.ActionKind.RERUN, ActionView.State.PENDING, "df-test", "master_nightly",
                "run-master", null, null, null, parameters(), "Dana", NOW.plusSeconds(600), null, null, null, null, null));
        String card = FACTORY.card(confirmation, CardSamples.VIEW).toString();
        assertThat(card).contains("region = emea", "dbPassword = ***", "storage_key = ***", "se=2026-12-01&sig=***",
                "AccountName=a;AccountKey=***;EndpointSuffix").doesNotContain("plainWords1", "k3y", "Zq7");
    }

    @Test
    void theDiagnosisShowsParametersMaskedByNameAndContent() {
        PipelineRun run = new PipelineRun(new FactoryRef("s", "rg", "df-test"), "run-1", "pl_x", RunStatus.FAILED,
                "failed", NOW.minusSeconds(120), NOW, NOW, 120_000L, parameters(), "ScheduleTrigger", "tr", null, null, null);
        ActivityRun act = new ActivityRun("run-1", "pl_x", "act-1", "Copy", "Copy", RunStatus.FAILED, NOW.minusSeconds(60),
                NOW, 60_000L, new ActivityError("2200", "{\"client_secret\": \"Zq7json\"}", "UserError", "Copy"), null, null,
                "ls", null);
        Diagnosis.FailedActivity fa = new Diagnosis.FailedActivity(act, 0, "Copy", "pl_x", "run-1", 1);
        String card = FACTORY.card(new Reply.DiagnosisCard(new Diagnosis(run, List.of(fa), fa, ErrorClass.AUTHENTICATION, 1,
                false), null), CardSamples.VIEW).toString();
        assertThat(card).contains("emea", "{\\\"client_secret\\\": \\\"***\\\"}").doesNotContain("plainWords1", "k3y", "Zq7");
    }

    @Test
    void theBotsOwnLinksAndTextsStayWhole() throws Exception {
        JsonNode export = FACTORY.card(CardSamples.all().get("export"), CardSamples.VIEW);
        assertThat(export.toString()).contains("\"url\":\"https://bot.example/api/export?token=abc.def\"");
        // Every sample card as sent equals its golden file: masking changed nothing the bot wrote.
        for (Map.Entry<String, Reply> e : CardSamples.all().entrySet()) {
            JsonNode sent = FACTORY.card(e.getValue(), CardSamples.VIEW);
            assertThat(sent).as(e.getKey()).isEqualTo(TestSim.JSON.readTree(
                    Path.of("src/test/resources/cards", e.getKey() + ".expected.json").toFile()));
        }
    }
}
