package com.adfops.state;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** {@link StateStore} in memory: for tests and throw-away runs. */
public final class InMemoryStateStore implements StateStore {

    private final Map<String, Versioned> docs = new ConcurrentHashMap<>();
    private final Map<String, Binary> binaries = new ConcurrentHashMap<>();
    private final AtomicLong versions = new AtomicLong();

    @Override
    public Optional<Versioned> read(String key) {
        return Optional.ofNullable(docs.get(StateKeys.check(key)));
    }

    @Override
    public String write(String key, String json, String expectedVersion) {
        String version = Long.toString(versions.incrementAndGet());
        Versioned next = new Versioned(json, version);
        boolean ok;
        if (expectedVersion == null) {
            ok = docs.putIfAbsent(StateKeys.check(key), next) == null;
        } else {
            Versioned current = docs.get(StateKeys.check(key));
            ok = current != null && current.version().equals(expectedVersion) && docs.replace(key, current, next);
        }
        if (!ok) {
            throw new ConflictException(key);
        }
        return version;
    }

    @Override
    public void delete(String key) {
        docs.remove(StateKeys.check(key));
    }

    @Override
    public java.util.List<String> keys(String folder) {
        String prefix = StateKeys.check(folder) + "/";
        return docs.keySet().stream().filter(k -> k.startsWith(prefix) && k.indexOf('/', prefix.length()) < 0).toList();
    }

    @Override
    public Optional<Binary> readBytes(String key) {
        return Optional.ofNullable(binaries.get(StateKeys.check(key)));
    }

    @Override
    public synchronized String writeBytes(String key, byte[] bytes, String expectedVersion) {
        Binary current = binaries.get(StateKeys.check(key));
        boolean ok = expectedVersion == null ? current == null
                : current != null && current.version().equals(expectedVersion);
        if (!ok) {
            throw new ConflictException(key);
        }
        String version = Long.toString(versions.incrementAndGet());
        binaries.put(key, new Binary(bytes.clone(), version));
        return version;
    }

    public int size() {
        return docs.size();
    }
}
