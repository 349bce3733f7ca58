package com.adfops.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link StateStore} as JSON files under a data directory (the local default, {@code ADFOPS_DATA_DIR}). The
 * version of a document is the hash of its content; writes go to a temporary file and are moved into place
 * atomically, under a lock per key, so one process never loses an update. (Several processes sharing a folder
 * are not supported: use the blob store for that.)
 */
public final class FileStateStore implements StateStore {

    private final Path root;
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public FileStateStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory " + this.root, e);
        }
    }

    private Path file(String key) {
        return file(key, ".json");
    }

    private Path file(String key, String suffix) {
        Path p = root.resolve(StateKeys.check(key) + suffix).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("invalid state key");
        }
        return p;
    }

    @Override
    public Optional<Versioned> read(String key) {
        try {
            String json = Files.readString(file(key), StandardCharsets.UTF_8);
            return Optional.of(new Versioned(json, hash(json)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("cannot read " + key, e);
        }
    }

    @Override
    public String write(String key, String json, String expectedVersion) {
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            Optional<Versioned> current = read(key);
            boolean ok = expectedVersion == null ? current.isEmpty()
                    : current.isPresent() && current.get().version().equals(expectedVersion);
            if (!ok) {
                throw new ConflictException(key);
            }
            Path target = file(key);
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".tmp-", ".json");
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return hash(json);
        } catch (IOException e) {
            throw new StoreException("cannot write " + key, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            throw new StoreException("cannot delete " + key, e);
        }
    }

    @Override
    public java.util.List<String> keys(String folder) {
        Path dir = root.resolve(StateKeys.check(folder)).normalize();
        if (!dir.startsWith(root) || !Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.startsWith(".tmp-"))
                    .map(n -> folder + "/" + n.substring(0, n.length() - ".json".length()))
                    .toList();
        } catch (IOException e) {
            throw new StoreException("cannot list " + folder, e);
        }
    }

    /** Binary documents are {@code <key>.bin} files, apart from the JSON ones; their version is their content's hash. */
    @Override
    public Optional<Binary> readBytes(String key) {
        try {
            byte[] bytes = Files.readAllBytes(file(key, ".bin"));
            return Optional.of(new Binary(bytes, hash(bytes)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("cannot read " + key, e);
        }
    }

    @Override
    public String writeBytes(String key, byte[] bytes, String expectedVersion) {
        ReentrantLock lock = locks.computeIfAbsent(key + ".bin", k -> new ReentrantLock());
        lock.lock();
        try {
            Optional<String> current = bytesVersion(key);
            boolean ok = expectedVersion == null ? current.isEmpty()
                    : current.isPresent() && current.get().equals(expectedVersion);
            if (!ok) {
                throw new ConflictException(key);
            }
            Path target = file(key, ".bin");
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".tmp-", ".bin");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return hash(bytes);
        } catch (IOException e) {
            throw new StoreException("cannot write " + key, e);
        } finally {
            lock.unlock();
        }
    }

    private static String hash(String json) {
        return hash(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String hash(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
