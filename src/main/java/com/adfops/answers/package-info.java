/**
 * The shared model of answers every face renders (Teams cards, the model's tools, MCP): what an action card shows
 * ({@link com.adfops.answers.ActionView} with its {@link com.adfops.answers.ActionKind}, state, how it ended
 * ({@link com.adfops.answers.ActionEnding}) and why it was refused ({@link com.adfops.answers.ActionRefusal})), what an alert
 * card shows ({@link com.adfops.answers.AlertView}: a failed run or a run running long, and where the alert stands),
 * audit entries ({@link com.adfops.answers.AuditRecord}, read through {@link com.adfops.answers.AuditTrail}), the
 * card buttons ({@link com.adfops.answers.CardVerb}), and the two questions the conversation asks other capabilities
 * through: {@link com.adfops.answers.Watchlist} (alerts) and {@link com.adfops.answers.ExportLinks} (export).
 * States are enums, never strings; the faces decide the words.
 *
 * <p>May import {@code adf}, {@code docs} (guidance links on an alert) and the JDK; nothing else of ours.
 */
package com.adfops.answers;
