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
    private final Map<String, ReadBudget> budgets = new ConcurrentHashMap<>();
    private final java.util.function.Supplier<ReadBudget> newBudget;

    /** A meter without a read budget (every read goes at once). */
    public RequestMeter() {
        this(ReadBudget.Settings.OFF);
    }

    /** A meter that holds every subscription to {@code budget}. */
    public RequestMeter(ReadBudget.Settings budget) {
        this(() -> new ReadBudget(budget));
    }

    /** A meter whose subscriptions' budgets come from {@code newBudget} (tests pass one on a fake clock). */
    public RequestMeter(java.util.function.Supplier<ReadBudget> newBudget) {
        this.newBudget = newBudget;
    }

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

    /**
     * Before one read of {@code factory}: takes a token from its subscription's read budget (waiting for one, questions
     * first) and counts the request for the current purpose.
     *
     * @throws DataFactoryException THROTTLED when a question would wait too long for the budget
     */
    public void read(FactoryRef factory) {
        budget(factory.subscriptionId()).acquire(CURRENT.get(), factory.factoryName());
        count(factory.factoryName());
    }

    /** The read budget of one subscription. */
    public ReadBudget budget(String subscriptionId) {
        return budgets.computeIfAbsent(subscriptionId == null ? "" : subscriptionId, s -> newBudget.get());
    }

    /** Every subscription's budget as it stands, by subscription id. */
    public Map<String, ReadBudget.Snapshot> budgets() {
        Map<String, ReadBudget.Snapshot> out = new java.util.TreeMap<>();
        budgets.forEach((s, b) -> out.put(s, b.snapshot()));
        return out;
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
