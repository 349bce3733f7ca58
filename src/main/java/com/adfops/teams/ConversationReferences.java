package com.adfops.teams;

import com.adfops.state.JsonDocuments;
import com.adfops.state.StateKeys;
import com.microsoft.bot.schema.ConversationReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each conversation's Bot Framework reference, kept in the state store so proactive messages (from any instance,
 * after a restart) can reach it.
 */
final class ConversationReferences {

    private static final Logger log = LoggerFactory.getLogger(ConversationReferences.class);
    private static final String PREFIX = "references";

    private final JsonDocuments docs;

    ConversationReferences(JsonDocuments docs) {
        this.docs = docs;
    }

    /** Remembers a reference; a store failure is logged and must not cost the user the answer. */
    void remember(String conversationId, ConversationReference reference) {
        try {
            docs.put(StateKeys.of(PREFIX, conversationId), reference);
        } catch (RuntimeException e) {
            log.warn("Could not store the conversation reference of {}", conversationId, e);
        }
    }
}
