package com.adfops.teams;

/**
 * The one reading of Teams conversation ids. A channel thread's id is the channel's id and the thread's root message:
 * {@code 19:...@thread.tacv2;messageid=1700000000000}; a chat's id has no {@code ;messageid=} part.
 */
final class TeamsIds {

    private static final String MESSAGE_ID = ";messageid=";

    private TeamsIds() {
    }

    /** The conversation without its thread (a channel, or the chat itself); null for null. */
    static String withoutThread(String conversationId) {
        if (conversationId == null) {
            return null;
        }
        int at = conversationId.indexOf(MESSAGE_ID);
        return at > 0 ? conversationId.substring(0, at) : conversationId;
    }

    /** The thread's root message id, or "" when the id names no thread. */
    static String threadMessageId(String conversationId) {
        if (conversationId == null) {
            return "";
        }
        int at = conversationId.indexOf(MESSAGE_ID);
        return at > 0 ? conversationId.substring(at + MESSAGE_ID.length()) : "";
    }

    /** Whether the id names a channel thread (it has a {@code ;messageid=} part, even an empty one). */
    static boolean isThread(String conversationId) {
        return conversationId != null && conversationId.indexOf(MESSAGE_ID) > 0;
    }
}
