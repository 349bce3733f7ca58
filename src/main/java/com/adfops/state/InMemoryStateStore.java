package com.adfops.state;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** {@link StateStore} in memory: for tests and throw-away runs. */
public final class InMemoryStateStore implements StateStore {

    private final Map<String, Versioned> docs = new ConcurrentHashMap<>();
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

    public int size() {
        return docs.size();
    }
}
