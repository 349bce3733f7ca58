/**
 * What the bot remembers per conversation ({@link com.adfops.state.ConversationContext}) behind one port,
 * {@link com.adfops.state.ConversationStore}. May import the JDK only.
 */
package com.adfops.state;
