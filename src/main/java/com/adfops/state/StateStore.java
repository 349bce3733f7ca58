package com.adfops.state;

import java.util.Optional;

/**
 * A key-value store of JSON documents with optimistic concurrency. Every document has a version (an ETag); a write
 * states the version it replaces, or {@code null} to create a document that must not exist yet. Two writers that
 * read the same version cannot both succeed: the second gets {@link ConflictException} and must re-read.
 * Keys are paths of letters, digits and {@code / - _ . : ;}; implementations are thread-safe.
 */
public interface StateStore {

    /** A stored document and its version. */
    record Versioned(String json, String version) {
    }

    Optional<Versioned> read(String key);

    /**
     * Writes {@code json} under {@code key} if the stored version is {@code expectedVersion} ({@code null}: if there
     * is none). Returns the new version.
     *
     * @throws ConflictException when another writer got there first
     */
    String write(String key, String json, String expectedVersion);

    /** Removes a document; no error if it does not exist. */
    void delete(String key);

    /**
     * The keys of the documents directly in {@code folder} (a key prefix without its trailing slash, such as
     * {@code conversations}), in no particular order; for sweeps, not for every turn.
     */
    java.util.List<String> keys(String folder);

    /** The write lost a race: the stored version is not the one expected. */
    class ConflictException extends RuntimeException {
        public ConflictException(String key) {
            super("concurrent update of " + key);
        }
    }

    /** The store could not be reached or answered with an error. */
    class StoreException extends RuntimeException {
        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
