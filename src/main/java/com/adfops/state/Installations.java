package com.adfops.state;

import java.time.Instant;

/** Which conversations the bot was installed in, so the welcome card is sent once per installation. */
public final class Installations {

    /** An installation: its conversation, scope and when. */
    public record Installation(String conversationId, String scope, Instant at) {
    }

    private final JsonDocuments docs;

    public Installations(JsonDocuments docs) {
        this.docs = docs;
    }

    /** Records an installation; true only the first time for this conversation (send the welcome then). */
    public boolean firstTime(String conversationId, String scope, Instant at) {
        return docs.createIfAbsent(StateKeys.of("installations", conversationId), new Installation(conversationId, scope, at));
    }

    /** Forgets an installation (the bot was removed): a later install welcomes again. */
    public void removed(String conversationId) {
        docs.delete(StateKeys.of("installations", conversationId));
    }
}
