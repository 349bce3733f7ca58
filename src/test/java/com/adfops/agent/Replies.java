package com.adfops.agent;

/** Test helper: the parts of an agent's reply. */
public final class Replies {

    private Replies() {
    }

    /** The first part of {@code type} in {@code r}; fails the test when there is none. */
    public static <T extends Reply> T part(AgentReply r, Class<T> type) {
        return r.parts().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + r));
    }
}
