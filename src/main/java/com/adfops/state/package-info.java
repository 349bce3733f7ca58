/**
 * What the bot remembers, behind one port, {@link com.adfops.state.StateStore}, with optimistic concurrency
 * (versions, like blob ETags): conversation context ({@link com.adfops.state.ConversationStore}) and installations
 * here; typed stores of other packages (escalations, conversation references, Foundry conversations) use
 * {@link com.adfops.state.JsonDocuments} and {@link com.adfops.state.StateKeys}; binary documents (the run index's
 * snapshots) beside them, with the same versions. Implementations: in memory (tests),
 * files under a data directory (local default), Azure Blob Storage (production, in {@code state.implementation}).
 * May import the JDK and Jackson.
 */
package com.adfops.state;
