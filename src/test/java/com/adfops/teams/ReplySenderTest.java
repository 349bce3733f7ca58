package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.MutableClock;
import com.adfops.TestSim;
import com.adfops.agent.AgentReply;
import com.adfops.agent.Reply;
import com.adfops.cards.CardFactory;
import com.adfops.cards.CardSamples;
import com.microsoft.bot.schema.Activity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cards for reply parts: rendered for the second they are shown in, and once per equal part within it. */
class ReplySenderTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00.250Z"));
    private final CardFactory cards = new CardFactory(TestSim.JSON);
    private final ReplySender sender = new ReplySender(cards, clock);

    private static Object content(Activity a) {
        return ((CardContent) a.getAttachments().get(0).getContent()).json();
    }

    private String fresh(Reply part, Instant second, ZoneId zone) {
        return cards.card(part, new CardFactory.View(second, zone)).toString();
    }

    @Test
    void equalPartsWithinOneSecondShareOneRenderingAndANewSecondRendersAgain() {
        ZoneId utc = ZoneId.of("UTC");
        Reply status = CardSamples.all().get("status-running");
        Reply failing = CardSamples.all().get("failing");

        Object first = content(sender.activities(AgentReply.of(status), utc).get(0));
        clock.advance(Duration.ofMillis(650));
        Object again = content(sender.activities(AgentReply.of(status), utc).get(0));
        Object other = content(sender.activities(AgentReply.of(failing), utc).get(0));
        Object otherZone = content(sender.activities(AgentReply.of(status), ZoneId.of("Asia/Kolkata")).get(0));

        assertThat(again).isSameAs(first);
        assertThat(first.toString()).isEqualTo(fresh(status, Instant.parse("2026-11-26T12:00:00Z"), utc));
        assertThat(other.toString()).isEqualTo(fresh(failing, Instant.parse("2026-11-26T12:00:00Z"), utc));
        assertThat(otherZone).isNotSameAs(first);
        assertThat(otherZone.toString()).isEqualTo(fresh(status, Instant.parse("2026-11-26T12:00:00Z"),
                ZoneId.of("Asia/Kolkata")));

        // Two minutes on (12:02:00.100): the running run's elapsed time and the relative times are those of the new second.
        clock.advance(Duration.ofMillis(119_200));
        Object later = content(sender.activities(AgentReply.of(status), utc).get(0));
        assertThat(later).isNotSameAs(first);
        assertThat(later.toString()).isEqualTo(fresh(status, Instant.parse("2026-11-26T12:02:00Z"), utc))
                .isNotEqualTo(first.toString());
    }

    @Test
    void aReplyKeepsItsPartsInOrderTextAsMessagesCardsAsAttachments() {
        Reply failing = CardSamples.all().get("failing");
        List<Activity> out = sender.activities(AgentReply.of(new Reply.Text("Here is what I found:"), failing),
                ZoneId.of("UTC"));
        assertThat(out).hasSize(2);
        assertThat(out.get(0).getText()).isEqualTo("Here is what I found:");
        assertThat(out.get(1).getAttachments().get(0).getContentType()).isEqualTo(ReplySender.ADAPTIVE_CARD);
        assertThat(content(out.get(1)).toString()).isEqualTo(fresh(failing, Instant.parse("2026-11-26T12:00:00Z"),
                ZoneId.of("UTC")));
    }

    /** A text message (a model's answer, words quoted back) is masked like a card before it leaves the bot. */
    @Test
    void secretsInTextMessagesAreMasked() {
        String said = "The copy failed with Server=tcp:x;Password=hunter2;User ID=etl and the URL "
                + "https://acct.blob.core.windows.net/c/f?sv=2022-11-02&sig=AbCdEf123%2B%3D";
        Activity m = sender.activities(AgentReply.of(new Reply.Text(said)), ZoneId.of("UTC")).get(0);
        org.assertj.core.api.Assertions.assertThat(m.getText()).doesNotContain("hunter2").doesNotContain("AbCdEf123")
                .contains("Password=***").contains("sv=2022-11-02");
    }
}
