package com.adfops.teams;

import com.adfops.agent.AgentReply;
import com.adfops.agent.Reply;
import com.adfops.agent.Turn;
import com.adfops.state.StateStore;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error boundary of a turn's answer (a message, a card click, a shared export): the cause to the log, a
 * friendly card to the user; a storage failure says so. Nothing is thrown back to the Bot Connector.
 */
final class TurnBoundary {

    private static final Logger log = LoggerFactory.getLogger(TurnBoundary.class);

    private TurnBoundary() {
    }

    /** @param what what the turn does, for the log ("Turn", "Action", "Shared export") */
    static AgentReply answer(String what, Turn turn, Supplier<AgentReply> work) {
        try {
            return work.get();
        } catch (java.util.concurrent.CancellationException e) {
            // A heavy turn stopped at its deadline: the user has been told; this answer is dropped.
            log.debug("{} stopped in conversation {}", what, turn.conversationId(), e);
            return AgentReply.of(new Reply.TurnFailure(Reply.FailureKind.UNEXPECTED));
        } catch (StateStore.StoreException e) {
            log.error("State store failed in conversation {}", turn.conversationId(), e);
            return AgentReply.of(new Reply.TurnFailure(Reply.FailureKind.STORAGE));
        } catch (RuntimeException e) {
            log.error("{} failed in conversation {}", what, turn.conversationId(), e);
            return AgentReply.of(new Reply.TurnFailure(Reply.FailureKind.UNEXPECTED));
        }
    }
}
