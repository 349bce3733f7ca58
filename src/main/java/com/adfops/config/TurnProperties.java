package com.adfops.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How turns run off the request thread.
 *
 * @param threads      turns answered at once, across conversations ({@code ADFOPS_TURNS_THREADS})
 * @param maxPending   turns waiting at most; beyond that the user is asked to retry ({@code ADFOPS_TURNS_MAXPENDING})
 * @param cardDeadline how long a card click that updates the card in place (Escalate) may take before Teams is
 *                     answered "working on it" and the result follows in the conversation ({@code ADFOPS_TURNS_CARDDEADLINE})
 * @param typingAfter  how long a question may take before the bot shows it is typing ({@code ADFOPS_TURNS_TYPINGAFTER});
 *                     an answer within it comes without a typing indicator (one call to the Bot Connector less);
 *                     {@code 0s} shows it at once
 * @param connectorRequests replies and posts in flight to the Bot Connector at once, across conversations
 *                     ({@code ADFOPS_TURNS_CONNECTORREQUESTS}); botbuilder's own client allows 5 per host
 * @param heavyThreads expensive questions (cost, windows reaching past the run index's memory) worked on at once, on
 *                     their own pool, never on the threads that answer other turns ({@code ADFOPS_TURNS_HEAVYTHREADS})
 * @param heavyPending expensive questions waiting at most; beyond that the user is asked to ask again in a minute
 *                     ({@code ADFOPS_TURNS_HEAVYPENDING})
 * @param heavyDeadline how long an expensive question may take from when it was asked before it is stopped and the
 *                     user told what to ask instead ({@code ADFOPS_TURNS_HEAVYDEADLINE})
 */
@ConfigurationProperties(prefix = "adfops.turns")
public record TurnProperties(
        @DefaultValue("8") int threads,
        @DefaultValue("5000") int maxPending,
        @DefaultValue("10s") Duration cardDeadline,
        @DefaultValue("1s") Duration typingAfter,
        @DefaultValue("64") int connectorRequests,
        @DefaultValue("2") int heavyThreads,
        @DefaultValue("20") int heavyPending,
        @DefaultValue("120s") Duration heavyDeadline) {
}
