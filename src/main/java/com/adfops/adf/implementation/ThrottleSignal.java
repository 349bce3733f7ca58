package com.adfops.adf.implementation;

import com.adfops.adf.ReadBudget;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Tells a subscription's {@link ReadBudget} when ARM answers 429, with its {@code Retry-After}, so the bot slows down
 * instead of only retrying. It sits after the retry policy, so every throttled attempt is seen; it never changes a
 * response.
 */
final class ThrottleSignal implements HttpPipelinePolicy {

    private final ReadBudget budget;

    ThrottleSignal(ReadBudget budget) {
        this.budget = budget;
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        return next.process().doOnNext(this::observe);
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        HttpResponse response = next.processSync();
        observe(response);
        return response;
    }

    private void observe(HttpResponse response) {
        if (response != null && response.getStatusCode() == 429) {
            budget.throttled(retryAfter(response.getHeaderValue("x-ms-retry-after-ms"),
                    response.getHeaderValue("Retry-After")));
        }
    }

    /** ARM's wait: {@code x-ms-retry-after-ms}, else {@code Retry-After} in seconds; null when neither parses. */
    static Duration retryAfter(String millis, String seconds) {
        try {
            if (millis != null && !millis.isBlank()) {
                return Duration.ofMillis(Long.parseLong(millis.trim()));
            }
            if (seconds != null && !seconds.isBlank()) {
                return Duration.ofSeconds(Long.parseLong(seconds.trim()));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }
}
