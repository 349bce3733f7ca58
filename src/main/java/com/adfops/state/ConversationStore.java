package com.adfops.state;

/** The port for per-conversation context. Implementations are thread-safe. */
public interface ConversationStore {

    /** The context of a conversation; a new empty one if none is stored. */
    ConversationContext load(String conversationId);

    void save(String conversationId, ConversationContext context);

    /** Forgets one conversation; others are untouched. */
    void clear(String conversationId);

    /** Forgets every conversation whose context was last changed before {@code before}; returns how many. */
    int forgetQuietSince(java.time.Instant before);
}
