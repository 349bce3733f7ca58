/**
 * What the bot remembers: conversation context, conversation references (for proactive messages), escalations
 * and installations, all behind one port, {@link com.adfops.state.StateStore}, with optimistic concurrency
 * (versions, like blob ETags). Implementations: in memory (tests), files under a data directory (local default),
 * Azure Blob Storage (production, in {@code state.implementation}). May import the JDK and Jackson.
 */
package com.adfops.state;
