package com.adfops.teams;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.util.RawValue;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;

/**
 * An Adaptive Card's JSON text as an attachment's content, written as it is and encoded to UTF-8 once. botbuilder's
 * connector serializer first turns an activity into a tree (through a {@link TokenBuffer}) and then writes the tree: a
 * raw value written into that buffer as text kept only the text, so each reply encoded its card again, character by
 * character (a fifth of the bot's CPU per answer under load); handed to the buffer as a raw value object, the card's
 * {@link SerializedString} reaches the output and its cached bytes are copied. The same answer's card goes to many
 * people within a second ({@link ReplySender}): one encoding serves them all.
 */
final class CardContent implements JsonSerializable {

    private final SerializedString json;
    private final RawValue raw;

    CardContent(SerializedString json) {
        this.json = json;
        this.raw = new RawValue(json);
    }

    /** The card's JSON text. */
    String json() {
        return json.getValue();
    }

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        if (gen instanceof TokenBuffer) {
            // Kept as the raw value object itself (TokenBuffer stores it as an embedded object), not as its text.
            gen.writeObject(raw);
        } else {
            gen.writeRawValue(json);
        }
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        serialize(gen, serializers);
    }

    @Override
    public String toString() {
        return json.getValue();
    }
}
