/**
 * What each finished pipeline run is billed for, read once: {@link com.adfops.billing.BilledRun} (a few numbers per
 * run, from its activity runs' {@code billingReference}), the {@link com.adfops.billing.BillingLedger} that keeps them
 * for the runs the run index holds (a background reader: newly finished runs first, then the horizon newest first,
 * as {@link com.adfops.billing.RunsToRead} orders them, within a {@link com.adfops.billing.ReadGate} toward ARM;
 * questions' own reads never wait behind it), the summaries it holds ({@link com.adfops.billing.HeldSummaries}) and
 * their store ({@link com.adfops.billing.BillingStore}: one document per factory and hour, so a restart or a second
 * instance does not read them again). The rates these quantities are priced at are {@link com.adfops.billing.CostRates}
 * (list prices, or a file); the pricing itself is {@code analytics}. May import {@code adf}, {@code state} and the JDK.
 */
package com.adfops.billing;
