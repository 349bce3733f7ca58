package com.adfops.adf;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Counts requests to Data Factory per factory and purpose (refreshing the run index, or answering a question), so
 * the cost of the bot toward ARM's read limits is visible. The purpose is the calling thread's: adapters count on
 * the thread that pages through results.
 */
public final class RequestMeter {

    /**
     * Why a request was made: refreshing the run index, answering a question, or reading finished runs' billing in the
     * background (the cost ledger).
     */
    public enum Purpose {
        REFRESH, QUESTION, COST
    }

    private static final ThreadLocal<Purpose> CURRENT = ThreadLocal.withInitial(() -> Purpose.QUESTION);
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    /** Runs {@code work} with requests counted as {@code purpose}. */
    public static <T> T as(Purpose purpose, Supplier<T> work) {
        Purpose before = CURRENT.get();
        CURRENT.set(purpose);
        try {
            return work.get();
        } finally {
            CURRENT.set(before);
        }
    }

    /** The calling thread's purpose. */
    public static Purpose current() {
        return CURRENT.get();
    }

    /** Counts one request to {@code factory} for the current purpose. */
    public void count(String factory) {
        counts.computeIfAbsent(factory + "/" + CURRENT.get(), k -> new AtomicLong()).incrementAndGet();
    }

    public long count(String factory, Purpose purpose) {
        AtomicLong c = counts.get(factory + "/" + purpose);
        return c == null ? 0 : c.get();
    }
}
