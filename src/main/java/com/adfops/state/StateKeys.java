package com.adfops.state;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/** Building and checking store keys: ids from Teams are encoded so no key can escape its folder. */
public final class StateKeys {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9/_\\-.=]{1,900}");

    private StateKeys() {
    }

    /** {@code prefix/<url-safe base64 of id>}: any conversation or run id becomes a safe key. */
    public static String of(String prefix, String id) {
        return prefix + "/" + Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    static String check(String key) {
        if (key == null || !SAFE.matcher(key).matches() || key.contains("..") || key.startsWith("/")) {
            throw new IllegalArgumentException("invalid state key");
        }
        return key;
    }
}
