package com.adfops.agent;

import com.adfops.adf.PipelineRun;
import com.adfops.runs.AdfTools;
import com.adfops.state.ConversationContext;
import com.adfops.state.ConversationContext.RunRef;
import com.adfops.state.ConversationStore;
import java.time.Duration;
import java.time.Instant;

/**
 * The conversation's context across turns (the run in focus, the last list): loaded for a turn, set aside when older
 * than its TTL, written back once when the turn changed it or to keep it from expiring.
 */
final class Conversation {

    /** How often an unchanged context's last-update time is written, so it does not expire while in use. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final ConversationStore store;
    private final AdfTools tools;
    private final Duration contextTtl;

    Conversation(ConversationStore store, AdfTools tools, Duration contextTtl) {
        this.store = store;
        this.tools = tools;
        this.contextTtl = contextTtl;
    }

    /** A conversation's context for one turn; {@code expired} when older context was set aside. */
    static final class Session {
        final ConversationContext ctx;
        final boolean expired;
        private final ConversationContext before;

        private Session(ConversationContext ctx, boolean expired) {
            this.ctx = ctx;
            this.expired = expired;
            this.before = ctx.copy();
        }

        /** The run in focus, or the only run of the last list. */
        RunRef focusOrOnlyListed() {
            RunRef focus = ctx.getFocus();
            if (focus == null && ctx.getLastListed().size() == 1) {
                focus = ctx.getLastListed().get(0);
            }
            return focus;
        }

        /** Puts {@code run} in focus, {@code index} failures back. */
        void focus(PipelineRun run, int index) {
            ctx.setFocus(new RunRef(run.factory().factoryName(), run.pipelineName(), run.runId()));
            ctx.setFocusIndex(index);
        }
    }

    /** The turn's context; context older than the TTL is set aside (and said so when needed). */
    Session open(Turn turn) {
        ConversationContext ctx = store.load(turn.conversationId());
        Instant updated = ctx.getUpdated();
        if (!ctx.isEmpty() && updated != null && updated.plus(contextTtl).isBefore(tools.now())) {
            return new Session(new ConversationContext(), true);
        }
        return new Session(ctx, false);
    }

    /**
     * One store write when the turn changed the context, or to keep it from expiring; not on every turn (with blob
     * storage a write is a round trip), nor after the history was cleared.
     */
    void close(Turn turn, Session s, AgentReply reply, boolean keepContext) {
        Instant now = tools.now();
        Instant updated = s.ctx.getUpdated();
        if (keepContext && reply.parts().stream().noneMatch(Reply.Cleared.class::isInstance)
                && (!s.ctx.sameState(s.before) || updated == null || updated.isBefore(now.minus(TOUCH_EVERY)))) {
            s.ctx.setUpdated(now);
            store.save(turn.conversationId(), s.ctx);
        }
    }

    AgentReply clear(Turn turn) {
        store.clear(turn.conversationId());
        return AgentReply.of(new Reply.Cleared("History cleared. I've forgotten what we discussed in this conversation; "
                + "other chats and channels are not affected."));
    }
}
