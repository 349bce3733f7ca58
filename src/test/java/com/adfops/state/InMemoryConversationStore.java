package com.adfops.state;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps contexts in memory: for tests and single-instance local runs. */
public final class InMemoryConversationStore implements ConversationStore {

    private final Map<String, ConversationContext> contexts = new ConcurrentHashMap<>();

    @Override
    public ConversationContext load(String conversationId) {
        ConversationContext c = contexts.get(conversationId);
        return c != null ? c : new ConversationContext();
    }

    @Override
    public void save(String conversationId, ConversationContext context) {
        contexts.put(conversationId, context);
    }

    @Override
    public void clear(String conversationId) {
        contexts.remove(conversationId);
    }

    @Override
    public int forgetQuietSince(java.time.Instant before) {
        int n = contexts.size();
        contexts.values().removeIf(c -> c.getUpdated() == null || c.getUpdated().isBefore(before));
        return n - contexts.size();
    }

    public int size() {
        return contexts.size();
    }
}
