package com.adfops.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way every kind of alert reaches a conversation: a claimed alert's card is posted under a lease (the alert
 * stays POSTING until the connector took it, and where it went is recorded), a post that did not complete is tried
 * again by whichever instance takes it over, and a posted card is replaced when its alert changes. The detectors
 * ({@link FailedRunAlerts}, each {@link AlertDetector}) decide what to alert; this decides nothing.
 */
final class AlertDelivery {

    private static final Logger log = LoggerFactory.getLogger(AlertDelivery.class);
    /**
     * A post that has not completed this long after it started is tried again (by any instance): longer than a post
     * can take (the connector transport retries a send for at most a minute, a channel post and its fallback are two
     * sends, and {@link #POST_TIMEOUT}), so a slow post is never taken over while it is still going.
     */
    static final Duration RETRY_POSTING_AFTER = Duration.ofMinutes(5);
    /** Alerts of runs older than this are not posted any more (the conversation was likely removed). */
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    /** How long a post may take before it counts as failed. */
    static final Duration POST_TIMEOUT = Duration.ofSeconds(60);

    private final AlertStore store;
    private final AlertService alerts;
    private final Clock clock;
    private volatile AlertPoster poster;

    AlertDelivery(AlertStore store, AlertService alerts, Clock clock) {
        this.store = store;
        this.alerts = alerts;
        this.clock = clock;
    }

    void postWith(AlertPoster p) {
        this.poster = p;
    }

    /** Whether the Teams edge has given a poster yet (nothing is detected before). */
    boolean ready() {
        return poster != null;
    }

    /**
     * Claims an alert (its record, created if absent: whoever creates it posts, everyone else skips it) and posts
     * {@code card}; false when it was claimed before (this pass, an earlier one, another instance).
     */
    boolean raise(AlertRecord a, String claimKey, Instant now, Supplier<AlertCard> card) {
        if (!store.claim(a, claimKey, now)) {
            return false;
        }
        post(a, card);
        return true;
    }

    /** Posts a claimed alert's own card, as it stands. */
    void post(AlertRecord a) {
        post(a, () -> new AlertCard.Single(alerts.view(a, null)));
    }

    /**
     * Posts a claimed alert's card and, once the connector took it, records where it went (a digest is recovered at
     * once: it is never updated); until then the alert stays POSTING, and {@link #retryStuck} posts it again.
     */
    void post(AlertRecord a, Supplier<AlertCard> cardOf) {
        // The post's lease starts now (not when the pass began): no instance takes it over while it is going.
        Instant start = clock.instant();
        AlertRecord leased = store.update(a.id(), x -> x.state() == AlertRecord.State.POSTING
                && Objects.equals(x.owner(), a.owner()) ? x.retrying(a.owner(), start) : x);
        if (leased.state() != AlertRecord.State.POSTING || !Objects.equals(leased.owner(), a.owner())
                || !start.equals(leased.delivery().postedAt())) {
            return;
        }
        AlertCard card = cardOf.get();
        boolean digest = card instanceof AlertCard.Digest;
        try {
            AlertPoster.Posted where = poster.post(a.conversationId(), card).get(POST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Instant at = clock.instant();
            store.update(a.id(), x -> x.posted(where.conversationId(), digest ? null : where.activityId(), at));
            if (digest) {
                store.update(a.id(), x -> x.recovered(null, at));
            }
            log.info("Alert for {} run {} posted to {}", a.pipeline(), a.runId(), a.conversationId());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Posting the alert for run {} to {} failed; it is tried again in {}", a.runId(), a.conversationId(),
                    RETRY_POSTING_AFTER, e);
        }
    }

    /**
     * Replaces an alert's posted card with the card it has now; a failure is logged ({@code failure} and its
     * arguments, then the error), never thrown.
     */
    void update(AlertRecord after, String failure, Object... args) {
        poster.update(after.conversationId(), new AlertPoster.Posted(after.delivery().postedTo(), after.delivery().activityId()),
                new AlertCard.Single(alerts.view(after))).exceptionally(e -> {
                    Object[] withError = java.util.Arrays.copyOf(args, args.length + 1);
                    withError[args.length] = e;
                    log.warn(failure, withError);
                    return null;
                });
    }

    /**
     * Posts that did not complete (a crash, a connector outage) are tried again by whichever instance takes them. An
     * open id without a record (a claim cut short between its two writes) is dropped once it is older than a retry
     * would wait: the claim is made again when its run is read again, from the watermark that did not move.
     */
    void retryStuck(Instant now) {
        AlertStore.Open open = store.openList();
        for (String id : open.ids()) {
            Optional<AlertRecord> a = store.find(id);
            if (a.isEmpty()) {
                Instant since = open.added().get(id);
                if (since == null || !since.plus(RETRY_POSTING_AFTER).isAfter(now)) {
                    store.forget(id);
                }
                continue;
            }
            if (a.get().state() == AlertRecord.State.RECOVERED) {
                store.forget(id);
                continue;
            }
            if (a.get().state() != AlertRecord.State.POSTING || a.get().delivery().postedAt().plus(RETRY_POSTING_AFTER).isAfter(now)) {
                continue;
            }
            if (a.get().subject().failedAt() != null && a.get().subject().failedAt().plus(GIVE_UP_AFTER).isBefore(now)) {
                store.update(id, x -> x.recovered(null, now));
                continue;
            }
            String me = UUID.randomUUID().toString();
            AlertRecord taken = store.update(id, x -> x.state() == AlertRecord.State.POSTING
                    && !x.delivery().postedAt().plus(RETRY_POSTING_AFTER).isAfter(now) ? x.retrying(me, now) : x);
            if (me.equals(taken.owner())) {
                post(taken);
            }
        }
    }
}
