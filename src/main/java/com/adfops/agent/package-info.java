/**
 * The conversation: understanding a turn and choosing what answers it. {@link com.adfops.agent.Agent} is the port. A
 * typed question goes through {@link com.adfops.agent.IntentParser} (text in, a sealed {@link com.adfops.agent.Intent}
 * out); {@link com.adfops.agent.OfflineAgent} routes intents and card buttons ({@link com.adfops.answers.CardVerb}) to
 * the core ({@code runs}, {@code diagnosis}, {@code analytics}) and returns {@link com.adfops.agent.Reply} parts that the
 * Teams edge renders as cards. {@link com.adfops.agent.ToolRunner} is the model's face over the same core (function
 * calls in, compact JSON out). The Foundry agent ({@code agent.foundry}) depends on
 * {@link com.adfops.agent.StandardAnswers}, never on the offline agent itself.
 *
 * <p>May import the core ({@code runs}, {@code diagnosis}, {@code analytics}), {@code adf}, {@code billing},
 * {@code docs} and {@code state}; never the Bot SDK, the Data Factory SDK, cards, actions, alerts, escalation or the
 * wiring.
 */
package com.adfops.agent;
