/**
 * Understanding a turn and answering it. {@link com.adfops.agent.Agent} is the port; {@link com.adfops.agent.OfflineAgent}
 * answers from rules over the same tool functions ({@link com.adfops.agent.AdfTools}: {@code adf_pipeline_runs},
 * {@code adf_pipeline_activity_runs}) the Foundry agent uses. Diagnosis ({@link com.adfops.agent.Diagnoser}) and
 * error classes ({@link com.adfops.agent.ErrorClassifier}) live here. May import {@code adf} and {@code state};
 * never the Bot SDK, the Data Factory SDK or cards.
 */
package com.adfops.agent;
