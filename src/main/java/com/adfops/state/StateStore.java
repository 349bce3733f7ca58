package com.adfops.state;

import java.util.Optional;

/**
 * A key-value store of JSON documents with optimistic concurrency. Every document has a version (an ETag); a write
 * states the version it replaces, or {@code null} to create a document that must not exist yet. Two writers that
 * read the same version cannot both succeed: the second gets {@link ConflictException} and must re-read.
 * Keys are paths of letters, digits and {@code / - _ . : ;}; implementations are thread-safe.
 *
 * <p>Besides JSON documents a store may keep binary documents (the run index's snapshots: tens of MB, written every
 * few minutes), under the same keys but apart from the JSON ones, with the same version rule.
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

    /** A stored binary document and its version. */
    record Binary(byte[] bytes, String version) {
    }

    /** The binary document under {@code key}; empty when there is none (or the store keeps none). */
    default Optional<Binary> readBytes(String key) {
        return Optional.empty();
    }

    /** The version of the binary document under {@code key}, without reading it; empty when there is none. */
    default Optional<String> bytesVersion(String key) {
        return readBytes(key).map(Binary::version);
    }

    /**
     * Writes a binary document, with the rule of {@link #write}: only if the stored version is {@code expectedVersion}
     * ({@code null}: if there is none). Returns the new version.
     *
     * @throws ConflictException when another writer got there first
     * @throws UnsupportedOperationException when the store keeps no binary documents
     */
    default String writeBytes(String key, byte[] bytes, String expectedVersion) {
        throw new UnsupportedOperationException("this store keeps no binary documents");
    }

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
