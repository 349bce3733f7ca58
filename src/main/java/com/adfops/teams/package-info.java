/**
 * The Teams edge, the only package that imports {@code com.microsoft.bot}: the {@code POST /api/messages}
 * controller around botbuilder-java's adapter; {@link com.adfops.teams.AdfOpsBot}, the activity handler that routes;
 * {@link com.adfops.teams.ActivityReader} (activity to {@link com.adfops.agent.Turn}: mentions, card data, user,
 * zone, scope); {@link com.adfops.teams.ReplySender} (reply parts to messages, cards, updates and invoke responses);
 * {@link com.adfops.teams.TurnProcessor} (turns off the request thread, in order per conversation, and their sends
 * handed over in the same order, so no turn thread waits for the Bot Connector);
 * {@link com.adfops.teams.EscalationFlow} (the Escalate button to the incident channel); {@link com.adfops.teams.ActionFlow}
 * (rerun, cancel, resolve, acknowledge and snooze buttons: cards updated in place, outcomes posted);
 * {@link com.adfops.teams.AlertFlow} (alert posts within Teams' limits); and its own wiring.
 * May import {@code actions}, {@code agent}, {@code alerts}, {@code cards}, {@code escalation}, {@code state} and settings records from {@code config}.
 */
package com.adfops.teams;
