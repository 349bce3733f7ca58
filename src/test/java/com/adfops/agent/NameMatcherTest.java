package com.adfops.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameMatcherTest {

    static final List<String> NAMES = List.of("PL_Ingest_Sales_Orders", "pl-load-customer-dim", "Nightly Master",
            "copy_web_events", "copy_web_events_backfill", "finance_gl_export");

    @ParameterizedTest
    @CsvSource({
        "pl_ingest_sales_orders, PL_Ingest_Sales_Orders",
        "PL INGEST SALES ORDERS, PL_Ingest_Sales_Orders",
        "pl-ingest-sales-orders, PL_Ingest_Sales_Orders",
        "ingest sales orders, PL_Ingest_Sales_Orders",
        "pl_ingest_sales_ordres, PL_Ingest_Sales_Orders",
        "pl_load_customer_dim, pl-load-customer-dim",
        "load customer dim, pl-load-customer-dim",
        "the nightly master pipeline, Nightly Master",
        "nightly_master, Nightly Master",
        "copy_web_events, copy_web_events",
        "finanse gl export, finance_gl_export",
    })
    void findsTheMeantPipeline(String query, String expected) {
        assertThat(NameMatcher.match(query, NAMES).name()).contains(expected);
    }

    @Test
    void unknownNameOffersTheClosest() {
        NameMatcher.Match m = NameMatcher.match("customer_fact", NAMES);
        assertThat(m.name()).isEmpty();
        assertThat(m.closest()).hasSizeLessThanOrEqualTo(3).contains("pl-load-customer-dim");
    }

    @Test
    void ambiguousNameIsNotGuessed() {
        NameMatcher.Match m = NameMatcher.match("web events back", NAMES);
        assertThat(m.name()).contains("copy_web_events_backfill");
        NameMatcher.Match amb = NameMatcher.match("copy", NAMES);
        assertThat(amb.name()).isEmpty();
    }

    @Test
    void somethingUnrelatedMatchesNothing() {
        assertThat(NameMatcher.match("kubernetes cluster", NAMES).name()).isEmpty();
    }
}
