package com.adfops.teams;

import com.adfops.state.JsonDocuments;
import com.adfops.state.StateKeys;
import com.microsoft.bot.schema.ConversationReference;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each conversation's Bot Framework reference, kept in the state store so proactive messages (from any instance,
 * after a restart) can reach it.
 */
final class ConversationReferences {

    private static final Logger log = LoggerFactory.getLogger(ConversationReferences.class);
    private static final String PREFIX = "references";

    /** Conversations whose reference this instance wrote lately, with what it wrote (a reference rarely changes). */
    private static final int RECENT = 10_000;

    private final JsonDocuments docs;
    private final Map<String, String> written = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > RECENT;
                }
            });

    ConversationReferences(JsonDocuments docs) {
        this.docs = docs;
    }

    /**
     * Remembers a reference, unless this instance already wrote the same one; a store failure is logged and must not
     * cost the user the answer.
     */
    void remember(String conversationId, ConversationReference reference) {
        String key = reference.getServiceUrl() + "|" + (reference.getBot() == null ? "" : reference.getBot().getId())
                + "|" + (reference.getConversation() == null ? "" : reference.getConversation().getTenantId())
                + "|" + (reference.getUser() == null ? "" : reference.getUser().getId());
        if (key.equals(written.get(conversationId))) {
            return;
        }
        try {
            docs.put(StateKeys.of(PREFIX, conversationId), reference);
            written.put(conversationId, key);
        } catch (RuntimeException e) {
            log.warn("Could not store the conversation reference of {}", conversationId, e);
        }
    }

    /** The stored reference of a conversation, if any (a store failure reads as none, logged). */
    java.util.Optional<ConversationReference> find(String conversationId) {
        try {
            return docs.get(StateKeys.of(PREFIX, conversationId), ConversationReference.class);
        } catch (RuntimeException e) {
            log.warn("Could not read the conversation reference of {}", conversationId, e);
            return java.util.Optional.empty();
        }
    }
}
