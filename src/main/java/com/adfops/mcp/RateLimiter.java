package com.adfops.mcp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller: {@code perSecond} calls a second on average, {@code burst} at once. Buckets of callers
 * gone quiet are dropped when there are many (a full bucket is the same as none).
 */
public final class RateLimiter {

    private static final int MAX_BUCKETS = 10_000;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    public RateLimiter(double perSecond, int burst) {
        this(perSecond, burst, System::nanoTime);
    }

    RateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("the MCP rate must be positive and its burst at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** Whether {@code key}'s bucket is empty now (nothing taken): the seconds until it has a call again, or 0. */
    public long waiting(String key) {
        Bucket b = buckets.get(key);
        if (b == null) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        synchronized (b) {
            double tokens = Math.min(burst, b.tokens + (now - b.at) / 1e9 * perSecond);
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perSecond);
        }
    }

    /** Takes one call from {@code key}'s bucket: 0 if it may go ahead, else the seconds to wait before the next. */
    public long acquire(String key) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_BUCKETS) {
            buckets.values().removeIf(b -> {
                synchronized (b) {
                    return b.tokens + (now - b.at) / 1e9 * perSecond >= burst;
                }
            });
        }
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.at) / 1e9 * perSecond);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perSecond));
        }
    }
}
