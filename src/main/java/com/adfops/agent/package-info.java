/**
 * Understanding a turn and answering it. {@link com.adfops.agent.Agent} is the port. A typed question goes through
 * {@link com.adfops.agent.IntentParser} (text in, a sealed {@link com.adfops.agent.Intent} out);
 * {@link com.adfops.agent.OfflineAgent} routes intents and card buttons ({@link com.adfops.agent.CardVerb}) to the
 * tool functions ({@link com.adfops.agent.AdfTools}: {@code adf_pipeline_runs}, {@code adf_pipeline_activity_runs})
 * that the Foundry agent's model calls through {@link com.adfops.agent.ToolRunner}; {@link com.adfops.agent.RunSummaries}
 * turns runs into the facts both state. Diagnosis ({@link com.adfops.agent.Diagnoser}) and error classes
 * ({@link com.adfops.agent.ErrorClassifier}) live here. The Foundry agent ({@code agent.foundry}) depends on
 * {@link com.adfops.agent.StandardAnswers}, never on the offline agent itself.
 *
 * Costs are priced here ({@link com.adfops.agent.Costs}, {@link com.adfops.agent.CostSummary}) from the billing
 * summaries the {@code billing} ledger keeps.
 *
 * <p>May import {@code adf}, {@code billing}, {@code docs} and {@code state}; never the Bot SDK, the Data Factory SDK,
 * cards, escalation or the wiring.
 */
package com.adfops.agent;
