/**
 * The Teams edge: the {@code POST /api/messages} controller around botbuilder-java's adapter, the
 * {@link com.microsoft.bot.builder.teams.TeamsActivityHandler} that turns activities into agent turns and
 * replies into messages and Adaptive Cards, and the turn error boundary. The only package that imports
 * {@code com.microsoft.bot}.
 */
package com.adfops.teams;
