package com.adfops.teams;

import com.adfops.agent.Turn;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AdaptiveCardInvokeAction;
import com.microsoft.bot.schema.AdaptiveCardInvokeValue;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.Serialization;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a Teams activity says, the same way for every path: the text without @mentions, a card's data, the
 * user, their time zone, the conversation's scope. Untrusted input throughout: nothing here throws for odd values.
 */
final class ActivityReader {

    private static final Logger log = LoggerFactory.getLogger(ActivityReader.class);
    /** Longest text passed to the agent; anything longer is cut (nobody types more in an incident). */
    static final int MAX_TEXT = 2000;
    /** Longest value kept from a card's data. */
    static final int MAX_VALUE = 500;

    private ActivityReader() {
    }

    /** A typed message or an {@code Action.Submit} click. */
    static Turn messageTurn(Activity activity) {
        String text = activity.removeRecipientMention();
        if (text == null) {
            text = activity.getText();
        }
        return new Turn(activity.getConversation().getId(), userName(activity), cleanText(text),
                actionOf(activity.getValue()), zone(activity), userId(activity), tenant(activity));
    }

    /** An {@code Action.Execute} click ({@code adaptiveCard/action}): its data, with the verb as the action. */
    static Turn invokeTurn(Activity activity, AdaptiveCardInvokeValue value) {
        AdaptiveCardInvokeAction invoked = value == null ? null : value.getAction();
        Map<String, Object> action = new LinkedHashMap<>(actionOf(invoked == null ? null : invoked.getData()));
        if (invoked != null && invoked.getVerb() != null && !invoked.getVerb().isBlank()) {
            action.put("action", invoked.getVerb());
        }
        if (action.isEmpty()) {
            action.put("action", "(empty)");
        }
        return new Turn(activity.getConversation().getId(), userName(activity), "", action, zone(activity),
                userId(activity), tenant(activity));
    }

    static String cleanText(String text) {
        String t = text == null ? "" : text.replaceAll("<at>[^<]*</at>", " ").replaceAll("\\s+", " ").trim();
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t;
    }

    /** The card data of a submit as a map; a value that is not an object is kept so it gets a clear answer. */
    static Map<String, Object> actionOf(Object value) {
        if (value == null) {
            return Map.of();
        }
        try {
            JsonNode node = Serialization.objectToTree(value);
            if (node == null || node.isNull()) {
                return Map.of();
            }
            if (!node.isObject()) {
                return Map.of("action", "(not an object)");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (v.isValueNode()) {
                    out.put(e.getKey(), cut(v.asText()));
                }
            });
            if (out.isEmpty()) {
                out.put("action", "(empty)");
            }
            return out;
        } catch (RuntimeException e) {
            log.debug("Unreadable card value", e);
            return Map.of("action", "(unreadable)");
        }
    }

    /** The Teams channel's id in activities. */
    static final String TEAMS = "msteams";

    static String userName(Activity a) {
        ChannelAccount from = a.getFrom();
        return from == null || from.getName() == null || from.getName().isBlank() ? "someone" : from.getName();
    }

    /** The conversation's tenant (lower case), or null. */
    static String tenant(Activity a) {
        String t = BotController.tenantOf(a);
        return t.isEmpty() ? null : t;
    }

    /**
     * The user's Entra object id, or null. Only Teams vouches for it: with Bot Framework authentication, an activity
     * of the {@code msteams} channel carries the object id Teams signed in (and {@link BotController} refuses tenants
     * off the allow-list). Other channels of the same registration (Web Chat, Direct Line) let their client write
     * any {@code aadObjectId}: theirs is ignored, so nobody acts, or is audited, in another person's name.
     */
    static String userId(Activity a) {
        if (!TEAMS.equalsIgnoreCase(a.getChannelId() == null ? "" : a.getChannelId().trim())) {
            return null;
        }
        ChannelAccount from = a.getFrom();
        String id = from == null ? null : from.getAadObjectId();
        return id == null || !id.trim().matches("[0-9A-Fa-f-]{8,64}") ? null : id.trim();
    }

    /** The user's time zone from the activity (localTimezone or the clientInfo entity), else UTC. */
    static ZoneId zone(Activity a) {
        String tz = a.getLocalTimezone();
        if ((tz == null || tz.isBlank()) && a.getEntities() != null) {
            for (Entity e : a.getEntities()) {
                if (e != null && "clientInfo".equals(e.getType()) && e.getProperties() != null
                        && e.getProperties().get("timezone") != null) {
                    tz = e.getProperties().get("timezone").asText();
                }
            }
        }
        if (tz != null && !tz.isBlank()) {
            try {
                return ZoneId.of(tz);
            } catch (DateTimeException e) {
                // An unknown zone name: fall back to UTC.
            }
        }
        return ZoneId.of("UTC");
    }

    /** An installation is per chat, or per team for channels (the team's conversation id, without a thread). */
    static String installationKey(Activity a) {
        return TeamsIds.withoutThread(a.getConversation().getId());
    }

    /** "personal", "groupChat" or "channel". */
    static String scope(Activity a) {
        String type = a.getConversation().getConversationType();
        if ("channel".equals(type)) {
            return "channel";
        }
        if ("groupChat".equals(type) || Boolean.TRUE.equals(a.getConversation().isGroup())) {
            return "groupChat";
        }
        return "personal";
    }

    /** Card data values are short; a huge one is cut so it cannot flood the agent or the log. */
    private static String cut(String s) {
        return s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE) : s;
    }
}
