package com.adfops.state;

/** {@link ConversationStore} on a {@link StateStore}: survives restarts and is shared between instances. */
public final class StoredConversationStore implements ConversationStore {

    private final JsonDocuments docs;

    public StoredConversationStore(JsonDocuments docs) {
        this.docs = docs;
    }

    private static final String FOLDER = "conversations";

    private static String key(String conversationId) {
        return StateKeys.of(FOLDER, conversationId);
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

    /**
     * One document per conversation would otherwise stay forever (chats the bot left, channel threads nobody answers
     * in). A context without a time, or one that cannot be read, counts as old. A conversation that speaks again
     * after its context went simply starts afresh, as after "clear history".
     */
    @Override
    public int forgetQuietSince(java.time.Instant before) {
        int n = 0;
        for (String k : docs.keys(FOLDER)) {
            java.time.Instant updated;
            try {
                updated = docs.get(k, ConversationContext.class).map(ConversationContext::getUpdated).orElse(null);
            } catch (StateStore.StoreException unreadable) {
                updated = null;
            }
            if (updated == null || updated.isBefore(before)) {
                docs.delete(k);
                n++;
            }
        }
        return n;
    }
}
