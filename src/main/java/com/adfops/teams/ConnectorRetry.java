package com.adfops.teams;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries every request to the Bot Connector that the connector refused for now: 429 (throttled), 412 (a concurrent
 * update), 408 and 500/502/503/504, and requests that failed on the network (a timeout, a refused connection). It
 * waits what {@code Retry-After} asks (seconds or an HTTP date, at most a minute), else an exponential backoff with
 * jitter, and gives up after {@link #ATTEMPTS} attempts or when the next wait would pass {@link #BUDGET} since the
 * first attempt; the last answer (or network failure) then goes back to the caller, which reports it. (A wait holds
 * one of the transport's requests in flight, {@code ADFOPS_TURNS_CONNECTORREQUESTS}: hence the short budget.)
 *
 * <p>It sits in the connector transport itself ({@link TeamsAdapter}), so every send path goes through it: answers,
 * proactive posts, alerts, card updates, new channel threads. botbuilder's own retry handler (immediate retries of
 * 408 and 5xx, never 429 or 412) is switched off on that transport. A request whose answer was lost on the network
 * may have reached Teams: retrying it may show a message twice, which is better than never.
 */
final class ConnectorRetry implements Interceptor {

    private static final Logger log = LoggerFactory.getLogger(ConnectorRetry.class);
    static final int ATTEMPTS = 5;
    /** The longest a send keeps retrying, counted from its first attempt. */
    static final Duration BUDGET = Duration.ofMinutes(1);
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(1);

    private final Duration baseBackoff;
    private final LongSupplier nanoTime;
    private final ConnectorLimits.Sleeper sleeper;

    ConnectorRetry(Duration baseBackoff) {
        this(baseBackoff, System::nanoTime, Thread::sleep);
    }

    ConnectorRetry(Duration baseBackoff, LongSupplier nanoTime, ConnectorLimits.Sleeper sleeper) {
        this.baseBackoff = baseBackoff;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** Statuses worth another attempt: the connector's "not now" answers. */
    static boolean retryable(int status) {
        return status == 408 || status == 412 || status == 429 || status == 500 || status == 502 || status == 503
                || status == 504;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        long start = nanoTime.getAsLong();
        String what = chain.request().method() + " " + chain.request().url().encodedPath();
        for (int attempt = 1; ; attempt++) {
            Response response;
            try {
                response = chain.proceed(chain.request());
            } catch (IOException e) {
                // An interruption is the caller giving up, not the network failing.
                boolean interrupted = Thread.currentThread().isInterrupted()
                        || e instanceof InterruptedIOException && !(e instanceof java.net.SocketTimeoutException);
                Duration wait = backoff(attempt);
                if (interrupted || !another(attempt, start, wait)) {
                    throw e;
                }
                pause(what, e.getClass().getSimpleName(), wait, attempt);
                continue;
            }
            if (!retryable(response.code())) {
                return response;
            }
            int tried = attempt;
            Duration wait = retryAfter(response.header("Retry-After"), Instant.now()).orElseGet(() -> backoff(tried));
            if (!another(attempt, start, wait)) {
                return response;
            }
            int status = response.code();
            response.close();
            pause(what, String.valueOf(status), wait, attempt);
        }
    }

    private boolean another(int attempt, long start, Duration wait) {
        return attempt < ATTEMPTS && nanoTime.getAsLong() - start + wait.toNanos() <= BUDGET.toNanos();
    }

    private void pause(String what, String answer, Duration wait, int attempt) throws InterruptedIOException {
        log.info("Bot Connector answered {} to {}; retrying in {} ms (attempt {} of {})", answer, what, wait.toMillis(),
                attempt + 1, ATTEMPTS);
        try {
            sleeper.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry " + what);
        }
    }

    /** The n-th backoff (n from 1): base * 2^(n-1), at least half of it, the rest random ("equal jitter"). */
    private Duration backoff(int attempt) {
        return jittered(baseBackoff.toMillis() << Math.min(Math.max(attempt, 1) - 1, 6));
    }

    private static Duration jittered(long base) {
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    /**
     * The wait a {@code Retry-After} header asks for: delta-seconds or an HTTP date, at most {@link #MAX_RETRY_AFTER};
     * empty when absent or unreadable.
     */
    static Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        Duration d;
        if (v.matches("\\d{1,9}")) {
            d = Duration.ofSeconds(Long.parseLong(v));
        } else {
            try {
                d = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.of(d.isNegative() ? Duration.ZERO : d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
    }
}
