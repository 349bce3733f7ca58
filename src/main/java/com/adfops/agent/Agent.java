package com.adfops.agent;

import java.util.List;

/** Answers one turn. Implementations never throw for a user's input: every problem becomes a reply. */
public interface Agent {

    AgentReply handle(Turn turn);

    /**
     * How much work {@code turn} is, decided before it is answered and cheaply (from memory, no Data Factory read).
     * The Teams edge answers heavy turns on their own bounded pool, with a deadline, so they never hold up the turns
     * that answer other people. The default: every turn is light.
     */
    default Effort effort(Turn turn) {
        return Effort.LIGHT;
    }

    /**
     * Answers a turn {@link #effort} called heavy. It runs apart from the conversation's order (later turns of the same
     * conversation may be answered first), so it must not write the conversation's context; it may be interrupted
     * when its deadline passes. The default is {@link #handle}.
     */
    default AgentReply handleHeavy(Turn turn) {
        return handle(turn);
    }

    /**
     * How much work a turn is.
     *
     * @param heavy    answered on the pool for expensive questions
     * @param doing    what the bot will be doing, for "Working on it: ..." ("reading the cost of 300 runs of the
     *                 last 7 days"); empty for a light turn
     * @param narrower questions asking less (a shorter window, one pipeline), offered when the deadline passes
     */
    record Effort(boolean heavy, String doing, List<String> narrower) {

        public static final Effort LIGHT = new Effort(false, "", List.of());

        public Effort {
            narrower = narrower == null ? List.of() : List.copyOf(narrower);
        }

        public static Effort heavy(String doing, List<String> narrower) {
            return new Effort(true, doing, narrower);
        }
    }
}
