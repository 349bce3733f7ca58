/**
 * What each finished pipeline run is billed for, read once: {@link com.adfops.billing.BilledRun} (a few numbers per
 * run, from its activity runs' {@code billingReference}), the {@link com.adfops.billing.BillingLedger} that keeps them
 * for the runs the run index holds (a background reader: newly finished runs first, then the horizon newest first,
 * within a {@link com.adfops.billing.ReadGate} toward ARM; questions' own reads never wait behind it) and its store
 * ({@link com.adfops.billing.BillingStore}: one document per factory and hour, so a restart or a second instance does
 * not read them again). Prices are not here: an amount is a quantity times a rate, and rates are the agent's
 * ({@code agent.CostRates}). May import {@code adf}, {@code state} and the JDK.
 */
package com.adfops.billing;
