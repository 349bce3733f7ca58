package com.adfops.agent;

/** Answers one turn. Implementations never throw for a user's input: every problem becomes a reply. */
public interface Agent {

    AgentReply handle(Turn turn);
}
