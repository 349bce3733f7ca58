package com.adfops.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.runs.KnownNames;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A question is read once per second however often it is asked, and reads exactly as the parser reads it. */
class ParsedQuestionsTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final Duration HISTORY = Duration.ofDays(45);

    @Test
    void sameWordsInTheSameSecondAreReadOnceAndAsTheParserReadsThem() {
        ParsedQuestions parsed = new ParsedQuestions();
        AtomicInteger nameReads = new AtomicInteger();
        KnownNames known = KnownNames.lazy(() -> {
            nameReads.incrementAndGet();
            return List.of("cost_sync", "pl_ingest_sales_orders");
        }, () -> List.of("adf-one"));
        for (String q : List.of("how's the cost sync doing?", "why did pl_ingest_sales_orders fail yesterday?",
                "what pipelines are failing?", "", "help")) {
            Intent expected = IntentParser.parse(q, NOW, ZoneOffset.UTC, HISTORY,
                    KnownNames.of(List.of("cost_sync", "pl_ingest_sales_orders"), List.of("adf-one")));
            Intent first = parsed.parse(q, NOW, ZoneOffset.UTC, HISTORY, known);
            assertThat(first).as(q).isEqualTo(expected);
            assertThat(parsed.parse(q, NOW, ZoneOffset.UTC, HISTORY, KnownNames.NONE))
                    .as("read once this second: the names are not asked again").isSameAs(first);
        }
        assertThat(nameReads.get()).isLessThanOrEqualTo(1);

        // Another zone or another second reads again ("yesterday" is another day).
        Intent utc = parsed.parse("why did pl_ingest_sales_orders fail yesterday?", NOW, ZoneOffset.UTC, HISTORY, known);
        Intent tokyo = parsed.parse("why did pl_ingest_sales_orders fail yesterday?", NOW, ZoneId.of("Asia/Tokyo"),
                HISTORY, known);
        assertThat(tokyo).isNotEqualTo(utc);
        Intent later = parsed.parse("why did pl_ingest_sales_orders fail yesterday?", NOW.plus(Duration.ofHours(13)),
                ZoneOffset.UTC, HISTORY, known);
        assertThat(later).isNotEqualTo(utc).isEqualTo(IntentParser.parse("why did pl_ingest_sales_orders fail yesterday?",
                NOW.plus(Duration.ofHours(13)), ZoneOffset.UTC, HISTORY, known));
    }
}
