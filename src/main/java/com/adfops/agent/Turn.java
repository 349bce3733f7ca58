package com.adfops.agent;

import java.time.ZoneId;
import java.util.Map;

/**
 * One thing a user did: typed text, or clicked a card button (then {@code action} holds the button's data).
 *
 * @param conversationId the Teams conversation (chat or channel thread) it happened in
 * @param userName       the user's display name
 * @param text           the text with any @mention of the bot removed; may be empty for card clicks
 * @param action         the card action's data, or an empty map
 * @param zone           the user's time zone, for "today" and "since Monday"
 * @param userId         the user's Entra object id ({@code from.aadObjectId}), or null when the activity has none
 * @param tenantId       the conversation's Entra tenant, or null
 */
public record Turn(String conversationId, String userName, String text, Map<String, Object> action, ZoneId zone,
                   String userId, String tenantId) {

    public Turn(String conversationId, String userName, String text, Map<String, Object> action, ZoneId zone,
                String userId) {
        this(conversationId, userName, text, action, zone, userId, null);
    }

    public Turn(String conversationId, String userName, String text, Map<String, Object> action, ZoneId zone) {
        this(conversationId, userName, text, action, zone, null, null);
    }

    public Turn {
        text = text == null ? "" : text.trim();
        action = action == null ? Map.of() : Map.copyOf(action);
        zone = zone == null ? ZoneId.of("UTC") : zone;
        userName = userName == null || userName.isBlank() ? "someone" : userName;
        userId = userId == null || userId.isBlank() ? null : userId.trim();
    }

    public boolean isCardAction() {
        return !action.isEmpty();
    }
}
