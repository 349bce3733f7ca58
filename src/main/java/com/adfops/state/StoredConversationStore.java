package com.adfops.state;

/** {@link ConversationStore} on a {@link StateStore}: survives restarts and is shared between instances. */
public final class StoredConversationStore implements ConversationStore {

    private final JsonDocuments docs;

    public StoredConversationStore(JsonDocuments docs) {
        this.docs = docs;
    }

    private static String key(String conversationId) {
        return StateKeys.of("conversations", conversationId);
    }

    @Override
    public ConversationContext load(String conversationId) {
        return docs.get(key(conversationId), ConversationContext.class).orElseGet(ConversationContext::new);
    }

    @Override
    public void save(String conversationId, ConversationContext context) {
        docs.put(key(conversationId), context);
    }

    @Override
    public void clear(String conversationId) {
        docs.delete(key(conversationId));
    }
}
