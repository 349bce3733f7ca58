package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A card goes to the Bot Connector exactly as rendered, through botbuilder's own connector serializer, and the card's
 * encoded text is what that serializer writes (not re-encoded from its characters at every send).
 */
class CardContentTest {

    static final String CARD = "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[{\"type\":\"TextBlock\","
            + "\"text\":\"🔴 pl_ingest › Copy orders · 3 failures — \\\"quoted\\\" ünïcode\"}]}";

    /** A card's text that counts how often its encoded bytes are written. */
    static final class Counted extends SerializedString {
        final AtomicInteger encodedWrites = new AtomicInteger();

        Counted(String v) {
            super(v);
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            encodedWrites.incrementAndGet();
            return super.appendUnquotedUTF8(buffer, offset);
        }
    }

    @Test
    void theConnectorsSerializerWritesTheCardAsRenderedFromItsEncodedText() throws Exception {
        Counted json = new Counted(CARD);
        Activity reply = MessageFactory.attachment(ReplySender.attachment(json));
        JacksonAdapter connector = new JacksonAdapter();

        for (int send = 1; send <= 3; send++) {
            // As the connector's request body converter writes it (UTF-8 bytes).
            JsonNode sent = new ObjectMapper().readTree(connector.serializer().writerFor(Activity.class)
                    .writeValueAsBytes(reply));
            assertThat(sent.path("attachments").get(0).path("contentType").asText())
                    .isEqualTo("application/vnd.microsoft.card.adaptive");
            assertThat(sent.path("attachments").get(0).path("content")).isEqualTo(new ObjectMapper().readTree(CARD));
            assertThat(json.encodedWrites.get()).as("send " + send + " wrote the encoded card").isEqualTo(send);
        }
    }
}
