package com.adfops.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the words of a list question narrow it to, on a factory's names the project has never seen. */
class PipelineScopeTest {

    static final List<String> NAMES = List.of("PL_Copy_Sales_Daily", "sales_orders_ingest", "fact_sales_load",
            "wholesale_prices", "dim_product_load", "copy-gl-to-lake", "IngestCustomerDataV2");
    static final List<String> FACTORIES = List.of("df-prod-eu", "df-test");

    static PipelineScope of(String words) {
        return PipelineScope.of(words, NAMES, FACTORIES);
    }

    @Test
    void aGroupIsEveryNameHavingTheWords() {
        // Word by word: "wholesale" is not "sales".
        assertThat(of("sales")).isEqualTo(new PipelineScope.Pipelines("sales",
                List.of("PL_Copy_Sales_Daily", "sales_orders_ingest", "fact_sales_load")));
        assertThat(of("salse")).isEqualTo(new PipelineScope.Pipelines("salse",
                List.of("PL_Copy_Sales_Daily", "sales_orders_ingest", "fact_sales_load")));
        assertThat(of("sales load")).isEqualTo(new PipelineScope.Pipelines("sales load", List.of("fact_sales_load")));
        assertThat(of("load")).isEqualTo(new PipelineScope.Pipelines("load", List.of("fact_sales_load", "dim_product_load")));
    }

    @Test
    void aPatternANameOrAFactory() {
        assertThat(of("*_load")).isEqualTo(new PipelineScope.Pipelines("*_load", List.of("fact_sales_load", "dim_product_load")));
        assertThat(of("copy-gl-to-lake")).isEqualTo(new PipelineScope.Pipelines("copy-gl-to-lake", List.of("copy-gl-to-lake")));
        assertThat(of("ingestcustomerdatav2")).isEqualTo(new PipelineScope.Pipelines("ingestcustomerdatav2",
                List.of("IngestCustomerDataV2")));
        assertThat(of("DF-TEST")).isEqualTo(new PipelineScope.Factory("df-test"));
        assertThat(of("prod")).isEqualTo(new PipelineScope.Factory("df-prod-eu"));
    }

    @Test
    void wordsThatNameNothingAreSaidAndNarrowNothing() {
        PipelineScope none = of("marketing");
        assertThat(none).isEqualTo(new PipelineScope.NoMatch("marketing"));
        assertThat(none.note()).isEqualTo("No pipeline or factory here has “marketing” in its name, so this is every failure.");
        assertThat(of("zz_*")).isEqualTo(new PipelineScope.NoMatch("zz_*"));
        assertThat(of(null)).isEqualTo(new PipelineScope.All());
        assertThat(of("sales").note()).isEqualTo("Only the 3 pipelines matching “sales”: **PL\\_Copy\\_Sales\\_Daily**, "
                + "**sales\\_orders\\_ingest**, **fact\\_sales\\_load**.");
        assertThat(of("copy-gl-to-lake").note()).isEqualTo("Only **copy-gl-to-lake**.");
    }
}
