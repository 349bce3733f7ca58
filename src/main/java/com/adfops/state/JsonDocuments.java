package com.adfops.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Typed documents over a {@link StateStore}: JSON mapping and read-modify-write with retries on conflict. */
public final class JsonDocuments {

    static final int MAX_ATTEMPTS = 25;

    private final StateStore store;
    private final ObjectMapper json;

    public JsonDocuments(StateStore store, ObjectMapper json) {
        this.store = store;
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public <T> Optional<T> get(String key, Class<T> type) {
        return store.read(key).map(v -> parse(v.json(), type));
    }

    /** Creates the document if absent; returns false when it already existed (the existing one is kept). */
    public boolean createIfAbsent(String key, Object value) {
        try {
            store.write(key, write(value), null);
            return true;
        } catch (StateStore.ConflictException e) {
            return false;
        }
    }

    /** Read-modify-write, retried when another writer got there first. {@code change} gets null when absent. */
    public <T> T update(String key, Class<T> type, UnaryOperator<T> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<StateStore.Versioned> current = store.read(key);
            T before = current.map(v -> parse(v.json(), type)).orElse(null);
            T after = change.apply(before);
            try {
                store.write(key, write(after), current.map(StateStore.Versioned::version).orElse(null));
                return after;
            } catch (StateStore.ConflictException e) {
                // Someone else wrote in between: back off a little (with jitter, so racers spread out), read again.
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(2, 10L + 5L * attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw new StateStore.ConflictException(key);
    }

    public void put(String key, Object value) {
        update(key, Object.class, ignored -> value);
    }

    public void delete(String key) {
        store.delete(key);
    }

    /** The keys of the documents directly in {@code folder} (see {@link StateStore#keys}). */
    public java.util.List<String> keys(String folder) {
        return store.keys(folder);
    }

    private <T> T parse(String s, Class<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new StateStore.StoreException("unreadable state document", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StateStore.StoreException("cannot serialize state", e);
        }
    }
}
