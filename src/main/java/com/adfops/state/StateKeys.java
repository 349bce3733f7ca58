package com.adfops.state;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/** Building and checking store keys: ids from Teams are encoded so no key can escape its folder. */
public final class StateKeys {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9/_\\-.=]{1,900}");

    private StateKeys() {
    }

    /** Longest encoded id kept as it is: a file name (the segment and ".json") may have 255 bytes. */
    static final int MAX_SEGMENT = 245;

    /**
     * {@code prefix/<url-safe base64 of id>}: any conversation or run id becomes a safe key. An id whose encoding would
     * be longer than {@link #MAX_SEGMENT} (Teams ids are far shorter; a forged one may not be) becomes
     * {@code prefix/h-<url-safe base64 of its SHA-256>}. No id's own encoding starts with "h-": that would decode to a
     * first byte 0x87, a UTF-8 continuation byte, which no UTF-8 text starts with.
     */
    public static String of(String prefix, String id) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        if (encoded.length() <= MAX_SEGMENT) {
            return prefix + "/" + encoded;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
            return prefix + "/h-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String check(String key) {
        if (key == null || !SAFE.matcher(key).matches() || key.contains("..") || key.startsWith("/")) {
            throw new IllegalArgumentException("invalid state key");
        }
        return key;
    }
}
