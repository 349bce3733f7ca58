package com.adfops.agent;

import com.adfops.adf.ActivityError;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies an ADF activity error from its code, its message and the activity type. Documented codes decide
 * first (Databricks 32xx, Azure Functions 36xx, self-hosted IR 2010, Web 2108 by its response status); then
 * the inner error names and words of the message (Copy 2200 and any code we have never seen).
 */
public final class ErrorClassifier {

    private static final Pattern HTTP_STATUS = Pattern.compile("(?i)response status code:\\s*'?(\\d{3})");

    private ErrorClassifier() {
    }

    public static ErrorClass classify(ActivityError error, String activityType) {
        String code = error.errorCode().trim();
        String msg = error.message().toLowerCase(Locale.ROOT);
        String type = activityType == null ? "" : activityType.toLowerCase(Locale.ROOT);

        switch (code) {
            case "2010", "2103", "2104", "2105", "2106" -> {
                if (code.equals("2010") || msg.contains("offline") || msg.contains("integration runtime")) {
                    return ErrorClass.NETWORK;
                }
            }
            case "2108", "2001", "2002", "2003", "2403" -> {
                Matcher m = HTTP_STATUS.matcher(error.message());
                if (m.find()) {
                    return byHttpStatus(Integer.parseInt(m.group(1)));
                }
                // No HTTP status: the call never got an answer.
                return words(msg, ErrorClass.NETWORK);
            }
            case "3200" -> {
                return ErrorClass.AUTHENTICATION;
            }
            case "3201", "3202", "3203", "3204", "3205", "3206", "3207", "3208" -> {
                return infrastructure(msg, ErrorClass.USER_CODE);
            }
            default -> {
                if (code.startsWith("36") && code.length() == 4) {
                    return infrastructure(msg, ErrorClass.USER_CODE);
                }
            }
        }
        ErrorClass byWords = words(msg + " " + code.toLowerCase(Locale.ROOT), null);
        if (byWords != null) {
            return byWords;
        }
        if (type.contains("databricks") || type.contains("script") || type.contains("function")
                || type.contains("custom") || type.contains("notebook") || type.contains("hdinsight")) {
            return ErrorClass.USER_CODE;
        }
        return ErrorClass.UNKNOWN;
    }

    private static ErrorClass byHttpStatus(int status) {
        return switch (status) {
            case 401 -> ErrorClass.AUTHENTICATION;
            case 403 -> ErrorClass.PERMISSION;
            case 404, 410 -> ErrorClass.MISSING_SOURCE;
            case 429 -> ErrorClass.CAPACITY;
            case 400, 405, 409, 415, 422 -> ErrorClass.DATA_SCHEMA;
            default -> ErrorClass.NETWORK;
        };
    }

    /**
     * For errors raised inside user code (notebooks, functions): only an infrastructure cause (capacity,
     * permission, authentication, network) beats the code itself.
     */
    private static ErrorClass infrastructure(String m, ErrorClass fallback) {
        ErrorClass c = words(m, fallback);
        return switch (c) {
            case CAPACITY, PERMISSION, AUTHENTICATION, NETWORK -> c;
            default -> fallback;
        };
    }

    /** Classification by the words of a message; returns {@code fallback} when nothing matches. */
    private static ErrorClass words(String m, ErrorClass fallback) {
        if (any(m, "429", "toomanyrequests", "too many requests", "throttl", "rate limit", "quota", "outofmemory",
                "out of memory", "insufficient resources", "capacity", "concurrency limit", "server busy", "serverbusy")) {
            return ErrorClass.CAPACITY;
        }
        if (any(m, "authorizationpermissionmismatch", "authorizationfailed", "forbidden", "(403)", "status code: '403",
                "permission", "not authorized", "insufficient privileges", "does not have authorization",
                "access is denied", "denied")) {
            return ErrorClass.PERMISSION;
        }
        if (any(m, "login failed", "unauthorizedaccess", "authentication", "unauthorized", "(401)", "invalid credential",
                "password", "token expired", "token has expired", "expired", "invalid_client", "aadsts",
                "invalid username", "credential")) {
            return ErrorClass.AUTHENTICATION;
        }
        if (any(m, "failedtoconnect", "cannot connect", "could not connect", "unable to connect", "connection",
                "network", "timeout", "timed out", "unreachable", "dns", "offline", "firewall",
                "name or service not known", "socket", "task was canceled", "host", "reach the server", "could not reach",
                "unable to reach")) {
            return ErrorClass.NETWORK;
        }
        if (any(m, "notexist", "not exist", "does not exist", "doesn't exist", "no such file", "pathnotfound",
                "blobnotfound", "filenotfound", "is missing", "not found", "(404)", "cannot find", "could not find")) {
            return ErrorClass.MISSING_SOURCE;
        }
        if (any(m, "column", "schema", "conversion", "converting", "convert", "datatype", "data type", "type mismatch",
                "truncat", "invalid value", "parse", "parsing", "malformed", "duplicate key", "primary key", "constraint",
                "delimited", "more columns", "null value", "overflow", "format")) {
            return ErrorClass.DATA_SCHEMA;
        }
        if (any(m, "exception", "traceback", "notebook", "script", "stack trace", "syntax error", "nullreference",
                "stored procedure", "user code", "exit code")) {
            return ErrorClass.USER_CODE;
        }
        return fallback;
    }

    private static boolean any(String text, String... words) {
        for (String w : words) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
