package com.adfops.agent.foundry;

import com.adfops.state.JsonDocuments;
import com.adfops.state.StateKeys;
import java.util.Optional;

/** Which Foundry conversation each Teams conversation talks in, kept in the bot's state store. */
final class FoundryConversations {

    /** The stored mapping. */
    record Mapping(String id) {
    }

    private static final String PREFIX = "foundry-conversations";

    private final JsonDocuments docs;

    FoundryConversations(JsonDocuments docs) {
        this.docs = docs;
    }

    Optional<String> find(String teamsConversation) {
        return docs.get(StateKeys.of(PREFIX, teamsConversation), Mapping.class).map(Mapping::id).filter(id -> !id.isBlank());
    }

    void remember(String teamsConversation, String foundryConversation) {
        docs.put(StateKeys.of(PREFIX, teamsConversation), new Mapping(foundryConversation));
    }

    /** Forgets the mapping: the next question starts a new Foundry conversation. */
    void forget(String teamsConversation) {
        docs.delete(StateKeys.of(PREFIX, teamsConversation));
    }
}
