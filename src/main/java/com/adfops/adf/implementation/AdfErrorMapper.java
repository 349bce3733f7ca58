package com.adfops.adf.implementation;

import com.adfops.adf.DataFactoryException;
import com.adfops.adf.DataFactoryException.Kind;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.management.exception.ManagementException;
import com.azure.identity.CredentialUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * Turns SDK and transport exceptions into {@link DataFactoryException}s whose messages are safe to show:
 * built from the HTTP status and ADF's error code only, never from raw exception text (which can hold host
 * names, request ids or tokens).
 */
final class AdfErrorMapper {

    private AdfErrorMapper() {
    }

    static DataFactoryException map(RuntimeException e, String factory, String what) {
        return map(e, factory, what, "read " + what);
    }

    /**
     * @param what  the thing concerned ("run 123")
     * @param doing what the bot tried ("read run 123", "start a run of pipeline X")
     */
    static DataFactoryException map(RuntimeException e, String factory, String what, String doing) {
        if (e instanceof DataFactoryException d) {
            return d;
        }
        if (e instanceof ClientAuthenticationException || hasCause(e, CredentialUnavailableException.class)) {
            return new DataFactoryException(Kind.AUTHENTICATION, factory,
                    "The bot could not sign in to Azure to " + doing + ".", e);
        }
        if (e instanceof HttpResponseException http && http.getResponse() != null) {
            int status = http.getResponse().getStatusCode();
            String code = errorCode(http);
            String suffix = code == null ? " (HTTP " + status + ")" : " (" + code + ", HTTP " + status + ")";
            return switch (status) {
                case 401 -> new DataFactoryException(Kind.AUTHENTICATION, factory,
                        "Azure rejected the bot's credentials when it tried to " + doing + suffix + ".", e);
                case 403 -> {
                    String action = missingAction(http);
                    yield new DataFactoryException(Kind.PERMISSION, factory,
                            "The bot's identity is not allowed to " + doing + suffix
                                    + (action == null ? "." : ": it lacks the action " + action + "."), e, action, null);
                }
                case 404 -> new DataFactoryException(Kind.NOT_FOUND, factory,
                        "Azure could not find " + what + suffix + ".", e);
                case 429 -> new DataFactoryException(Kind.THROTTLED, factory,
                        "Azure is throttling requests for " + what + suffix + ".", e, null, retryAfter(http));
                default -> new DataFactoryException(Kind.SERVICE, factory,
                        "Data Factory returned an error for " + what + suffix + ".", e);
            };
        }
        if (hasCause(e, UnknownHostException.class) || hasCause(e, ConnectException.class)
                || hasCause(e, TimeoutException.class) || hasCause(e, IOException.class)) {
            return new DataFactoryException(Kind.NETWORK, factory,
                    "The bot could not reach Data Factory to " + doing + ".", e);
        }
        return new DataFactoryException(Kind.SERVICE, factory,
                "Reading " + what + " failed unexpectedly.", e);
    }

    private static final java.util.regex.Pattern ACTION = java.util.regex.Pattern.compile(
            "perform action '(Microsoft\\.[A-Za-z]+/[A-Za-z0-9/._-]{1,200})'");

    /** The action an ARM AuthorizationFailed message names ("... to perform action 'X' over scope ..."), or null. */
    static String missingAction(HttpResponseException http) {
        String m = http instanceof ManagementException me && me.getValue() != null ? me.getValue().getMessage() : null;
        if (m == null) {
            return null;
        }
        java.util.regex.Matcher a = ACTION.matcher(m);
        return a.find() ? a.group(1) : null;
    }

    /** The Retry-After header of a throttled response (seconds), or null. */
    static java.time.Duration retryAfter(HttpResponseException http) {
        String v = http.getResponse().getHeaderValue("Retry-After");
        if (v == null || !v.trim().matches("\\d{1,5}")) {
            return null;
        }
        return java.time.Duration.ofSeconds(Long.parseLong(v.trim()));
    }

    private static String errorCode(HttpResponseException http) {
        if (http instanceof ManagementException m && m.getValue() != null) {
            String code = m.getValue().getCode();
            if (code != null && code.matches("[A-Za-z0-9_.]{1,80}")) {
                return code;
            }
        }
        return null;
    }

    static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }
}
