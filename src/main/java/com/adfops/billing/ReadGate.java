package com.adfops.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A budget of reads toward ARM: a token bucket that refills {@code perSecond} tokens a second up to one second's worth,
 * by the injected clock. The background reader takes a token before each read and waits when there is none; a
 * question's read is charged without waiting (the bucket may go below zero: the background then waits until the
 * question's reads are paid for), so questions never queue behind the backfill and the average rate stays bounded.
 * Azure's Retry-After pauses the background for as long as asked.
 */
public final class ReadGate {

    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private double tokens;
    private Instant last;
    private Instant pausedUntil;

    /** @param perSecond reads a second on average (more than 0) */
    public ReadGate(double perSecond, Clock clock) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("the read rate must be more than 0");
        }
        this.perSecond = perSecond;
        this.burst = Math.max(1, perSecond);
        this.clock = clock;
        this.tokens = burst;
        this.last = clock.instant();
    }

    public double perSecond() {
        return perSecond;
    }

    /** Takes a token if one is there now (a background read). */
    public synchronized boolean tryTake() {
        refill();
        if (paused() || tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** Charges a read made without waiting (a question's). */
    public synchronized void charge() {
        refill();
        tokens -= 1;
    }

    /** How long until {@link #tryTake()} can succeed (zero: now). */
    public synchronized Duration untilNext() {
        refill();
        Instant now = clock.instant();
        Duration pause = paused() ? Duration.between(now, pausedUntil) : Duration.ZERO;
        Duration refill = tokens >= 1 ? Duration.ZERO
                : Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1_000_000_000L));
        return pause.compareTo(refill) > 0 ? pause : refill;
    }

    /** Stops background reads for {@code d} (Azure asked to wait). */
    public synchronized void pause(Duration d) {
        Instant until = clock.instant().plus(d);
        if (pausedUntil == null || until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    /** How long reading {@code reads} more takes at this rate. */
    public Duration timeFor(long reads) {
        return Duration.ofMillis((long) Math.ceil(reads / perSecond * 1000));
    }

    private boolean paused() {
        return pausedUntil != null && clock.instant().isBefore(pausedUntil);
    }

    private void refill() {
        Instant now = clock.instant();
        if (now.isAfter(last)) {
            tokens = Math.min(burst, tokens + Duration.between(last, now).toNanos() / 1e9 * perSecond);
            last = now;
        }
    }
}
