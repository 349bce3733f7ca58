package com.adfops.docs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guidance for errors and answers to how-to questions. Asks the live source (Microsoft Learn through MCP) first,
 * within a time budget; when it is slow or down, answers from the built-in index and leaves the live source alone
 * for a while, so an outage costs one timeout, not one per question. Guidance is cached per error (code, inner
 * code, activity type) with a bounded size and a time to live.
 */
public final class DocsService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DocsService.class);
    static final int MAX_RESULTS = 3;
    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "to", "in", "on", "for", "and", "or",
            "is", "was", "were", "be", "with", "from", "at", "by", "this", "that", "please", "check", "type",
            "source", "message", "errorcode", "microsoft", "datatransfer", "common", "shared", "hybriddeliveryexception");

    private final DocsSearch live;
    private final BuiltInDocsIndex builtIn;
    private final Clock clock;
    private final Duration timeout;
    private final Duration ttl;
    private final Duration retryAfter;
    private final int cacheSize;
    /** Live lookups running at once; as many again may wait, more answer from the built-in index. */
    static final int CONCURRENT_LOOKUPS = 4;

    private final ThreadPoolExecutor executor;
    private final Map<String, Cached> cache;
    private volatile Instant liveDownUntil = Instant.MIN;

    private record Cached(Guidance guidance, Instant expires) {
    }

    /**
     * @param live       the live source, or null for the built-in index only
     * @param builtIn    the offline index
     * @param timeout    the most one live lookup may take
     * @param ttl        how long guidance from the live source is reused
     * @param cacheSize  how many errors' guidance is kept
     * @param retryAfter how long the live source is left alone after it failed
     */
    public DocsService(DocsSearch live, BuiltInDocsIndex builtIn, Clock clock, Duration timeout, Duration ttl, int cacheSize,
                       Duration retryAfter) {
        this.live = live;
        this.builtIn = builtIn;
        this.clock = clock;
        this.timeout = timeout;
        this.ttl = ttl;
        this.retryAfter = retryAfter;
        this.cacheSize = Math.max(1, cacheSize);
        this.cache = new LinkedHashMap<>(64, 0.75f, true);
        this.executor = new ThreadPoolExecutor(CONCURRENT_LOOKUPS, CONCURRENT_LOOKUPS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(CONCURRENT_LOOKUPS), r -> {
                    Thread t = new Thread(r, "docs-lookup");
                    t.setDaemon(true);
                    return t;
                });
        this.executor.allowCoreThreadTimeOut(true);
    }

    /** Guidance for the root-cause error of a diagnosis, without a topic. */
    public Guidance guidanceFor(String errorCode, String innerCode, String activityType, String message) {
        return guidanceFor("", errorCode, innerCode, activityType, message);
    }

    /**
     * Guidance for the root-cause error of a diagnosis.
     *
     * @param topic the {@link DocTopic} the error table chose, or ""
     */
    public Guidance guidanceFor(String topic, String errorCode, String innerCode, String activityType, String message) {
        String key = (topic + "|" + errorCode + "|" + innerCode + "|" + activityType).toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        synchronized (cache) {
            Cached c = cache.get(key);
            if (c != null && c.expires().isAfter(now)) {
                return c.guidance();
            }
        }
        String query = errorQuery(errorCode, innerCode, activityType, message);
        String topicWords = DocTopic.words(topic);
        Lookup l = lookup(topicWords.isEmpty() ? query : query + " " + topicWords, topic);
        if (l.guidance().available()) {
            Duration keep = l.fromLive() ? ttl : retryAfter;
            synchronized (cache) {
                cache.put(key, new Cached(l.guidance(), now.plus(keep)));
                while (cache.size() > cacheSize) {
                    cache.remove(cache.keySet().iterator().next());
                }
            }
        }
        return l.guidance();
    }

    /** Documentation answering a question ("how do I rerun from a failed activity?"). */
    public Guidance answer(String question) {
        return lookup("Azure Data Factory " + question, "").guidance();
    }

    /** Live lookups running or waiting now. */
    int lookupsInFlight() {
        return executor.getActiveCount() + executor.getQueue().size();
    }

    public int cachedEntries() {
        synchronized (cache) {
            return cache.size();
        }
    }

    private record Lookup(Guidance guidance, boolean fromLive) {
    }

    /** Every lookup slot is taken: answer from the built-in index without counting it as an outage. */
    private static final class Busy extends RuntimeException {
        Busy() {
            super("too many lookups at once", null, false, false);
        }
    }

    private Lookup lookup(String query, String topic) {
        String note = "";
        if (live != null) {
            if (clock.instant().isBefore(liveDownUntil)) {
                note = live.sourceName() + " did not answer recently, so this comes from the built-in index.";
            } else {
                try {
                    List<DocResult> r = builtIn.onTopic(withinBudget(query), topic);
                    if (!r.isEmpty()) {
                        return new Lookup(new Guidance(live.sourceName(), r, ""), true);
                    }
                    note = live.sourceName() + " had nothing for this; from the built-in index:";
                } catch (Busy e) {
                    note = live.sourceName() + " is busy with other lookups, so this comes from the built-in index.";
                } catch (RuntimeException e) {
                    liveDownUntil = clock.instant().plus(retryAfter);
                    log.warn("Docs lookup failed ({}); using the built-in index for {}", e.getMessage(), retryAfter);
                    note = live.sourceName() + " is unavailable right now, so this comes from the built-in index.";
                }
            }
        }
        List<DocResult> r = builtIn.search(query, topic, MAX_RESULTS);
        if (r.isEmpty()) {
            return new Lookup(Guidance.unavailable(note.isEmpty() ? "No documentation matched." : note), false);
        }
        return new Lookup(new Guidance(builtIn.sourceName(), r, note), false);
    }

    private List<DocResult> withinBudget(String query) {
        Future<List<DocResult>> f;
        try {
            f = executor.submit(() -> live.search(query, MAX_RESULTS));
        } catch (RejectedExecutionException e) {
            throw new Busy();
        }
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // A FutureTask interrupts the lookup's thread, so a hanging request does not keep running.
            f.cancel(true);
            throw new DocsSearch.UnavailableException("timed out after " + timeout, e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException r ? r : new DocsSearch.UnavailableException("failed", c);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new DocsSearch.UnavailableException("interrupted", e);
        }
    }

    /** The search words for an error: its codes, the activity type and the first words of its message. */
    static String errorQuery(String errorCode, String innerCode, String activityType, String message) {
        StringBuilder q = new StringBuilder("Azure Data Factory");
        if (activityType != null && !activityType.isBlank()) {
            q.append(' ').append(activityType).append(" activity");
        }
        q.append(" error");
        if (errorCode != null && !errorCode.isBlank()) {
            q.append(' ').append(errorCode);
        }
        if (innerCode != null && !innerCode.isBlank()) {
            q.append(' ').append(innerCode);
        }
        int words = 0;
        String m = message == null ? "" : message.replaceAll("ErrorCode=[A-Za-z0-9_]+", " ")
                .replaceAll("https?://\\S+", " ").replaceAll("'[^'\\s]{1,60}'", " ");
        for (String w : m.split("[^A-Za-z0-9]+")) {
            if (w.length() > 2 && !STOP.contains(w.toLowerCase(Locale.ROOT)) && words < 10) {
                q.append(' ').append(w);
                words++;
            }
        }
        return q.toString();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        if (live instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                log.debug("Closing the docs client failed", e);
            }
        }
    }
}
