package com.adfops.actions;

/**
 * Who clicked.
 *
 * @param name     the display name
 * @param objectId the Entra object id ({@code from.aadObjectId}); null when the activity carried none. Trusted only
 *                 because the bot checks every activity's Bot Framework token when actions are configured.
 */
public record Actor(String name, String objectId) {

    public Actor {
        name = name == null || name.isBlank() ? "someone" : name;
        objectId = objectId == null || objectId.isBlank() ? null : objectId.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
