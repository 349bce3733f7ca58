/**
 * The conversation: understanding a turn and choosing what answers it. {@link com.adfops.agent.Agent} is the port. A
 * typed question goes through {@link com.adfops.agent.IntentParser} (text in, a sealed {@link com.adfops.agent.Intent}
 * out); {@link com.adfops.agent.OfflineAgent} routes intents and card buttons ({@link com.adfops.answers.CardVerb}) to
 * the answer families ({@code StatusAnswers}, {@code DiagnosisAnswers}, {@code AnalyticsAnswers}, {@code WatchAnswers},
 * with the shared {@code AnswerKit} and the {@code Conversation}'s context), which call the core ({@code runs},
 * {@code diagnosis}, {@code analytics}: trends, durations and cost through {@link com.adfops.analytics.Analytics}) and
 * return {@link com.adfops.agent.Reply} parts that the Teams edge renders as cards. The Foundry agent
 * ({@code agent.foundry}) gives the model the tools of {@link com.adfops.tools.ToolRunner} (function calls in, compact
 * JSON out, over the same core) and depends on {@link com.adfops.agent.StandardAnswers}, never on the offline agent.
 *
 * <p>May import the core ({@code runs}, {@code diagnosis}, {@code analytics}, {@code schedule}, {@code answers}), {@code tools},
 * {@code adf}, {@code billing},
 * {@code docs} and {@code state}; never the Bot SDK, the Data Factory SDK, cards, actions, alerts, escalation or the
 * wiring.
 */
package com.adfops.agent;
