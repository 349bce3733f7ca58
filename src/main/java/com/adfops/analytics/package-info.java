/**
 * How pipelines did over a window: {@link com.adfops.analytics.Trends} (success rate, failures per day, recovery),
 * {@link com.adfops.analytics.Durations} with one {@link com.adfops.analytics.DurationVerdict} per pipeline
 * ({@link com.adfops.analytics.RankTest}), and cost ({@link com.adfops.analytics.CostSummary}, the one cost answer,
 * priced by {@link com.adfops.analytics.Costs} at {@link com.adfops.billing.CostRates} from the billing ledger's
 * summaries).
 *
 * <p>May import {@code runs}, {@code billing}, {@code adf} and the JDK; never a face or an SDK.
 */
package com.adfops.analytics;
