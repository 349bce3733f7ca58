package com.adfops.teams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Data for the error card shown when a turn fails unexpectedly. */
final class TurnErrors {

    private TurnErrors() {
    }

    /** The bot's own state store (files or blob storage) could not be read or written. */
    static ObjectNode storage() {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("title", "🗄️ I couldn't reach my storage");
        d.put("message", "I keep each conversation's context in my state store, and it did not answer just now. "
                + "Nothing was changed in Data Factory.");
        var steps = d.putArray("steps");
        steps.addObject().put("text", "1. Try again in a minute.");
        steps.addObject().put("text", "2. Bot owners: check the state store (ADFOPS_STATE_STORE): the data directory's disk, "
                + "or the storage account, its network rules and the identity's Storage Blob Data Contributor role.");
        d.put("footer", "Your question was not lost: ask it again.");
        d.put("retryText", "What pipelines are failing?");
        return d;
    }

    static ObjectNode unexpected() {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("title", "⚠️ Something went wrong on my side");
        d.put("message", "I couldn't finish that request. The details are in my log; nothing was changed.");
        var steps = d.putArray("steps");
        steps.addObject().put("text", "1. Try again; this conversation still works.");
        steps.addObject().put("text", "2. If it keeps happening, tell the bot's owners the time of the failure.");
        d.put("footer", "Your question was not lost: ask it again or start from the help card.");
        d.put("retryText", "What pipelines are failing?");
        return d;
    }
}
