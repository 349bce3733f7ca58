package com.adfops.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one conversation (a personal chat, a group chat or a channel thread) is talking about: the failing runs
 * last listed and the run in focus, so "why did it fail?" and "and the one before?" can be answered.
 * A plain bean so any store can serialize it.
 */
public class ConversationContext {

    /** A run the bot showed. */
    public record RunRef(String factory, String pipeline, String runId) {
    }

    private List<RunRef> lastListed = new ArrayList<>();
    private RunRef focus;
    /** Position of the focused run among its pipeline's failures, newest = 0. */
    private int focusIndex;
    private Instant updated;

    public List<RunRef> getLastListed() {
        return lastListed;
    }

    public void setLastListed(List<RunRef> lastListed) {
        this.lastListed = lastListed == null ? new ArrayList<>() : new ArrayList<>(lastListed);
    }

    public RunRef getFocus() {
        return focus;
    }

    public void setFocus(RunRef focus) {
        this.focus = focus;
    }

    public int getFocusIndex() {
        return focusIndex;
    }

    public void setFocusIndex(int focusIndex) {
        this.focusIndex = focusIndex;
    }

    public Instant getUpdated() {
        return updated;
    }

    public void setUpdated(Instant updated) {
        this.updated = updated;
    }

    /** True when both hold the same focus and list (the time of the last update aside). */
    public boolean sameState(ConversationContext other) {
        return other != null && java.util.Objects.equals(focus, other.focus) && focusIndex == other.focusIndex
                && lastListed.equals(other.lastListed);
    }

    /** A copy, to see later whether a turn changed anything. */
    public ConversationContext copy() {
        ConversationContext c = new ConversationContext();
        c.setLastListed(lastListed);
        c.setFocus(focus);
        c.setFocusIndex(focusIndex);
        c.setUpdated(updated);
        return c;
    }

    public boolean isEmpty() {
        return focus == null && lastListed.isEmpty();
    }
}
