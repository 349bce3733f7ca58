package com.adfops.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.bot.connector.rest.ErrorResponseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import retrofit2.Response;

/** Teams' per-conversation message limits and the connector's 429/412, with a simulated clock (no real waiting). */
class ConnectorLimitsTest {

    final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    final List<Long> slept = new ArrayList<>();
    final ConnectorLimits limits = new ConnectorLimits(Duration.ofMillis(500), nanos::get, ms -> {
        slept.add(ms);
        nanos.addAndGet(ms * 1_000_000L);
    });

    static ErrorResponseException status(int code, String retryAfter) {
        okhttp3.Headers headers = retryAfter == null ? okhttp3.Headers.of() : okhttp3.Headers.of("Retry-After", retryAfter);
        Response<ResponseBody> r = Response.error(ResponseBody.create("{}", MediaType.get("application/json")),
                new okhttp3.Response.Builder().code(code).message("x").protocol(okhttp3.Protocol.HTTP_1_1)
                        .headers(headers).request(new okhttp3.Request.Builder().url("http://localhost/").build()).build());
        return new ErrorResponseException("status " + code, r);
    }

    @Test
    void atMostSevenMessagesASecondAndSixtyInThirtySecondsPerConversation() throws Exception {
        for (int i = 0; i < 7; i++) {
            limits.acquire("c1");
        }
        assertThat(slept).isEmpty();
        limits.acquire("c1");
        assertThat(slept).hasSize(1);
        assertThat(slept.get(0)).isBetween(900L, 1000L);
        // Another conversation has its own budget.
        limits.acquire("c2");
        assertThat(slept).hasSize(1);

        ConnectorLimits burst = new ConnectorLimits(Duration.ofMillis(500), nanos::get, ms -> {
            slept.add(ms);
            nanos.addAndGet(ms * 1_000_000L);
        });
        long start = nanos.get();
        for (int i = 0; i < 61; i++) {
            burst.acquire("thread");
        }
        // 61 messages cannot go out within 30 s.
        assertThat(nanos.get() - start).isGreaterThanOrEqualTo(30_000_000_000L - 1_000_000_000L);
    }

    @Test
    void throttledAndPreconditionFailedAreRetriedWithRetryAfterFirstThenBackoff() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String result = limits.call("test", () -> {
            int n = calls.incrementAndGet();
            if (n == 1) {
                return CompletableFuture.failedFuture(status(429, "3"));
            }
            if (n == 2) {
                return CompletableFuture.failedFuture(status(412, null));
            }
            return CompletableFuture.completedFuture("sent");
        });
        assertThat(result).isEqualTo("sent");
        assertThat(calls).hasValue(3);
        assertThat(slept.get(0)).isEqualTo(3000L);
        assertThat(slept.get(1)).isBetween(250L, 1000L);
    }

    @Test
    void otherErrorsAndTheLastAttemptAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> limits.call("test", () -> {
            calls.incrementAndGet();
            return CompletableFuture.failedFuture(status(403, null));
        })).isInstanceOf(CompletionException.class);
        assertThat(calls).hasValue(1);
        AtomicInteger always = new AtomicInteger();
        assertThatThrownBy(() -> limits.call("test", () -> {
            always.incrementAndGet();
            return CompletableFuture.failedFuture(status(429, null));
        })).isInstanceOf(CompletionException.class);
        assertThat(always).hasValue(ConnectorLimits.ATTEMPTS);
    }
}
