package com.adfops.adf;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The bot's share of ARM's read limit for one subscription: a token bucket (ARM's own limit is a bucket per
 * subscription and principal, 250 deep, refilled at 25/s) that every read of the bot takes a token from before it is
 * sent. Questions come first: background work (the index refresh and backfill, the cost ledger) never takes the last
 * {@link #reserve()} tokens and waits while a question waits. A 429 from ARM halves the rate and stops reads for its
 * {@code Retry-After}; every ten seconds without one gives back a tenth of the configured rate (additive increase,
 * multiplicative decrease). A question that would wait longer than {@link Settings#maxWait()} is refused with a
 * {@link DataFactoryException.Kind#THROTTLED} error rather than left hanging.
 */
public final class ReadBudget {

    /** Waits for the budget; tests advance a fake clock instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    /**
     * @param perSecond reads per second (the refill rate)
     * @param burst     the bucket's depth
     * @param maxWait   the longest a question waits for a token
     */
    public record Settings(double perSecond, int burst, Duration maxWait) {

        /** The default: 20 reads/s, burst 200 (a share of ARM's 25/s, 250 that leaves room for other tools). */
        public static final Settings DEFAULT = new Settings(20, 200, Duration.ofSeconds(20));
        /** No budget: every read goes at once (a test double, or {@code ADFOPS_ADF_READBUDGET=off}). */
        public static final Settings OFF = new Settings(0, 0, Duration.ZERO);

        public boolean enabled() {
            return perSecond > 0 && burst > 0;
        }

        /**
         * Parses {@code ADFOPS_ADF_READBUDGET}: {@code RATE} (reads/s, burst 10x the rate), {@code RATE,BURST}, or
         * {@code off}; blank is the default.
         */
        public static Settings parse(String text) {
            if (text == null || text.isBlank()) {
                return DEFAULT;
            }
            String t = text.trim().toLowerCase(java.util.Locale.ROOT).replace("/s", "");
            if (t.equals("off") || t.equals("0") || t.equals("none")) {
                return OFF;
            }
            String[] parts = t.split("[,;\\s]+");
            try {
                double rate = Double.parseDouble(parts[0]);
                int burst = parts.length > 1 ? Integer.parseInt(parts[1]) : (int) Math.max(1, Math.round(rate * 10));
                if (rate <= 0 || burst <= 0 || parts.length > 2) {
                    throw new NumberFormatException();
                }
                return new Settings(rate, burst, DEFAULT.maxWait());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("ADFOPS_ADF_READBUDGET must be RATE or RATE,BURST (reads per second, "
                        + "bucket depth), e.g. 20,200, or off; not '" + text + "'");
            }
        }
    }

    /**
     * What /health shows.
     *
     * @param perSecond   the configured rate
     * @param currentRate the rate now (lower after a 429)
     * @param burst       the bucket's depth
     * @param available   tokens available now
     * @param questions   reads taken for questions
     * @param background  reads taken for background work
     * @param throttled   429s seen
     * @param waiting     callers waiting now
     */
    public record Snapshot(double perSecond, double currentRate, int burst, int available, long questions,
                           long background, long throttled, int waiting) {
    }

    private static final long SECOND = 1_000_000_000L;
    private static final long RAISE_EVERY = 10 * SECOND;

    private final Settings settings;
    private final LongSupplier nanos;
    private final Sleeper sleeper;
    private final Map<RequestMeter.Purpose, Long> taken = new EnumMap<>(RequestMeter.Purpose.class);
    private double tokens;
    private double rate;
    private long last;
    private long blockedUntil;
    private long lastRaise;
    private long throttled;
    private int questionsWaiting;
    private int waiting;

    public ReadBudget(Settings settings) {
        this(settings, System::nanoTime, nanos -> java.util.concurrent.TimeUnit.NANOSECONDS.sleep(nanos));
    }

    public ReadBudget(Settings settings, LongSupplier nanos, Sleeper sleeper) {
        this.settings = settings;
        this.nanos = nanos;
        this.sleeper = sleeper;
        this.tokens = settings.burst();
        this.rate = settings.perSecond();
        this.last = nanos.getAsLong();
        this.blockedUntil = last;
        this.lastRaise = last;
    }

    /** Tokens background work leaves for questions: a tenth of the bucket. */
    public int reserve() {
        return Math.max(1, settings.burst() / 10);
    }

    /**
     * Takes one token for a read made for {@code purpose}, waiting for it when the bucket is empty.
     *
     * @throws DataFactoryException THROTTLED when a question would wait longer than the settings allow, or the wait is
     *                              interrupted
     */
    public void acquire(RequestMeter.Purpose purpose, String factory) {
        if (!settings.enabled()) {
            count(purpose);
            return;
        }
        boolean question = purpose == RequestMeter.Purpose.QUESTION;
        long waited = 0;
        synchronized (this) {
            waiting++;
            if (question) {
                questionsWaiting++;
            }
        }
        try {
            while (true) {
                long wait;
                synchronized (this) {
                    long now = nanos.getAsLong();
                    refill(now);
                    double floor = question ? 0 : reserve();
                    boolean yield = !question && questionsWaiting > 0;
                    if (now >= blockedUntil && tokens >= floor + 1 && !yield) {
                        tokens -= 1;
                        count(purpose);
                        return;
                    }
                    long refillWait = (long) Math.ceil(Math.max(0, floor + 1 - tokens) / rate * SECOND);
                    wait = Math.max(Math.max(blockedUntil - now, refillWait), yield ? (long) (SECOND / rate) : 1);
                    if (question && waited + wait > settings.maxWait().toNanos()) {
                        throw new DataFactoryException(DataFactoryException.Kind.THROTTLED, factory,
                                "The bot's read budget for Azure Resource Manager is spent for now.", null, null,
                                Duration.ofNanos(wait).plusMillis(999).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
                    }
                }
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DataFactoryException(DataFactoryException.Kind.THROTTLED, factory,
                            "The read was stopped while it waited for the read budget.", e);
                }
                waited += wait;
            }
        } finally {
            synchronized (this) {
                waiting--;
                if (question) {
                    questionsWaiting--;
                }
            }
        }
    }

    /** ARM answered 429: halve the rate, empty the bucket and send nothing for {@code retryAfter}. */
    public synchronized void throttled(Duration retryAfter) {
        long now = nanos.getAsLong();
        refill(now);
        throttled++;
        if (!settings.enabled()) {
            return;
        }
        rate = Math.max(settings.perSecond() / 16, rate / 2);
        tokens = 0;
        long pause = retryAfter == null || retryAfter.isNegative() || retryAfter.isZero() ? SECOND
                : Math.min(retryAfter.toNanos(), 300 * SECOND);
        blockedUntil = Math.max(blockedUntil, now + pause);
        lastRaise = now;
    }

    public synchronized Snapshot snapshot() {
        refill(nanos.getAsLong());
        long background = 0;
        for (Map.Entry<RequestMeter.Purpose, Long> e : taken.entrySet()) {
            if (e.getKey() != RequestMeter.Purpose.QUESTION) {
                background += e.getValue();
            }
        }
        return new Snapshot(settings.perSecond(), rate, settings.burst(), (int) Math.floor(tokens),
                taken.getOrDefault(RequestMeter.Purpose.QUESTION, 0L), background, throttled, waiting);
    }

    private void count(RequestMeter.Purpose purpose) {
        synchronized (this) {
            taken.merge(purpose, 1L, Long::sum);
        }
    }

    private void refill(long now) {
        if (!settings.enabled()) {
            return;
        }
        while (rate < settings.perSecond() && now - lastRaise >= RAISE_EVERY) {
            rate = Math.min(settings.perSecond(), rate + settings.perSecond() / 10);
            lastRaise += RAISE_EVERY;
        }
        long from = Math.max(last, Math.min(now, blockedUntil));
        if (now > from) {
            tokens = Math.min(settings.burst(), tokens + (now - from) * rate / SECOND);
        }
        last = now;
    }
}
