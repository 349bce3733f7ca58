package com.adfops.index;

import java.util.Optional;

/**
 * Where the index keeps its snapshots (one binary document per factory) so that a restart reloads them instead of
 * the whole horizon: the bot's state store (files or a blob container), adapted in the wiring. Versions work as the
 * store's (blob ETags): a write states the version it replaces, so of two instances writing at once one wins.
 */
public interface SnapshotStore {

    /** The snapshot under {@code key}, or empty. */
    Optional<byte[]> read(String key);

    /** The version of the snapshot under {@code key} (without reading it), or empty when there is none. */
    Optional<String> version(String key);

    /**
     * Writes the snapshot if the stored version is still {@code expectedVersion} (null: if there is none).
     *
     * @return false when another writer got there first (its snapshot stays)
     */
    boolean write(String key, byte[] bytes, String expectedVersion);
}
