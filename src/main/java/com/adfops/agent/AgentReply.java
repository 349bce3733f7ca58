package com.adfops.agent;

import java.util.List;

/** Everything the bot answers to one turn, in order. */
public record AgentReply(List<Reply> parts) {

    public AgentReply {
        parts = List.copyOf(parts);
    }

    public static AgentReply of(Reply... parts) {
        return new AgentReply(List.of(parts));
    }
}
