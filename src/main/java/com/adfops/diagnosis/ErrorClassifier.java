package com.adfops.diagnosis;

import com.adfops.runs.ErrorText;
import com.adfops.adf.ActivityError;
import com.adfops.docs.DocTopic;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table that says what an ADF activity error is: its {@link ErrorClass} (with the next step) and the
 * documentation topic its guidance comes from. ADF's documented codes decide first: the inner {@code ErrorCode=...}
 * of a Copy 2200, data flow codes ({@code DF-*}, {@code DFExecutorUserError}, 45xx), Databricks 32xx, Azure
 * Functions 36xx, self-hosted IR 2010/2011, Web 2108, stored procedure 2402, where a code that means different things
 * per activity (2011 from a Script, Stored procedure or Lookup is the SQL server's error) is read with the activity type;
 * then an HTTP status inside the message; then the message's words; then the activity type. Data flow messages
 * arrive as JSON and are read as such.
 */
public final class ErrorClassifier {

    /** What an error is and where its guidance lives ({@link DocTopic}). */
    public record Verdict(ErrorClass errorClass, String topic) {
    }

    /** The facts a rule looks at: codes, the message (lower case, unwrapped from JSON), the activity type, the HTTP status. */
    private record Facts(String code, String inner, String message, String type, int httpStatus) {
    }

    private static final Pattern INNER_CODE = Pattern.compile("ErrorCode=([A-Za-z][A-Za-z0-9_]*)");

    /** Copy (2200) inner error codes: class (null = decide by words) and topic. */
    private static final Map<String, Verdict> COPY_INNER = Map.ofEntries(
            Map.entry("sqlfailedtoconnect", new Verdict(ErrorClass.NETWORK, DocTopic.SQL)),
            Map.entry("sqlopenconnectiontimeout", new Verdict(ErrorClass.NETWORK, DocTopic.SQL)),
            Map.entry("sqlunauthorizedaccess", new Verdict(ErrorClass.AUTHENTICATION, DocTopic.SQL)),
            Map.entry("sqlinvaliddbstoredprocedure", new Verdict(ErrorClass.CONFIGURATION, DocTopic.SQL)),
            Map.entry("sqlinvaliddbquerystring", new Verdict(ErrorClass.CONFIGURATION, DocTopic.SQL)),
            Map.entry("sqloperationfailed", new Verdict(null, DocTopic.SQL)),
            Map.entry("sqlbulkcopyinvalidcolumnlength", new Verdict(ErrorClass.DATA_SCHEMA, DocTopic.FAULT_TOLERANCE)),
            Map.entry("usererrorsqlbulkcopyinvalidcolumnlength", new Verdict(ErrorClass.DATA_SCHEMA, DocTopic.FAULT_TOLERANCE)),
            Map.entry("usererrorsourceblobnotexists", new Verdict(ErrorClass.MISSING_SOURCE, DocTopic.BLOB)),
            Map.entry("usererrorfilenotfound", new Verdict(ErrorClass.MISSING_SOURCE, DocTopic.BLOB)),
            Map.entry("azureblobcontainernotexist", new Verdict(ErrorClass.MISSING_SOURCE, DocTopic.BLOB)),
            Map.entry("azurebloboperationfailed", new Verdict(null, DocTopic.BLOB)),
            Map.entry("adlsgen2operationfailed", new Verdict(null, DocTopic.ADLS)),
            Map.entry("adlsgen2invalidfolderpath", new Verdict(ErrorClass.CONFIGURATION, DocTopic.ADLS)),
            Map.entry("delimitedtextmorecolumnsthandefined", new Verdict(ErrorClass.DATA_SCHEMA, DocTopic.DELIMITED)),
            Map.entry("delimitedtextcolumnnamenotallownull", new Verdict(ErrorClass.DATA_SCHEMA, DocTopic.DELIMITED)),
            Map.entry("delimitedtextincorrectrowdelimiter", new Verdict(ErrorClass.DATA_SCHEMA, DocTopic.DELIMITED)),
            Map.entry("delimitedtexttoolargecolumncount", new Verdict(ErrorClass.DATA_SCHEMA, DocTopic.DELIMITED)),
            Map.entry("typeconversionfailure", new Verdict(ErrorClass.DATA_SCHEMA, DocTopic.TYPE_MAPPING)),
            Map.entry("usererrorinvaliddatatype", new Verdict(ErrorClass.DATA_SCHEMA, DocTopic.TYPE_MAPPING)),
            Map.entry("datatypenotsupported", new Verdict(ErrorClass.DATA_SCHEMA, DocTopic.TYPE_MAPPING)),
            Map.entry("parquetinvalidfile", new Verdict(ErrorClass.DATA_SCHEMA, DocTopic.PARQUET)),
            Map.entry("parquetjavainvocationexception", new Verdict(null, DocTopic.PARQUET)),
            Map.entry("jrenotfound", new Verdict(ErrorClass.CONFIGURATION, DocTopic.PARQUET)),
            Map.entry("restsourcecallfailed", new Verdict(null, DocTopic.REST)),
            Map.entry("restsinkcallfailed", new Verdict(null, DocTopic.REST)),
            Map.entry("usererrorinvalidhttprequest", new Verdict(ErrorClass.CONFIGURATION, DocTopic.REST)));

    /** Mapping data flow codes: class and topic. */
    private static final Map<String, ErrorClass> DATA_FLOW = Map.ofEntries(
            Map.entry("df-executor-outofmemoryerror", ErrorClass.CAPACITY),
            Map.entry("df-executor-broadcasttimeout", ErrorClass.CAPACITY),
            Map.entry("df-executor-outofdiskspaceerror", ErrorClass.CAPACITY),
            Map.entry("df-executor-conversion", ErrorClass.DATA_SCHEMA),
            Map.entry("df-executor-invalidtype", ErrorClass.DATA_SCHEMA),
            Map.entry("df-executor-invalidcolumn", ErrorClass.DATA_SCHEMA),
            Map.entry("df-executor-columnunavailable", ErrorClass.DATA_SCHEMA),
            Map.entry("df-executor-systeminvalidjson", ErrorClass.DATA_SCHEMA),
            Map.entry("df-executor-driver", ErrorClass.DATA_SCHEMA),
            Map.entry("df-executor-drivererror", ErrorClass.DATA_SCHEMA),
            Map.entry("df-executor-parseerror", ErrorClass.CONFIGURATION),
            Map.entry("df-executor-systemimplicitcartesian", ErrorClass.CONFIGURATION),
            Map.entry("df-executor-storeisnotdefined", ErrorClass.CONFIGURATION),
            Map.entry("df-executor-partitiondirectoryerror", ErrorClass.CONFIGURATION),
            Map.entry("df-executor-sourceinvalidpayload", ErrorClass.MISSING_SOURCE),
            Map.entry("df-executor-illegalargument", ErrorClass.AUTHENTICATION),
            Map.entry("4502", ErrorClass.CAPACITY),
            Map.entry("4510", ErrorClass.TRANSIENT));

    private ErrorClassifier() {
    }

    /** The class of an error (the verdict's first half). */
    public static ErrorClass classify(ActivityError error, String activityType) {
        return verdict(error, activityType).errorClass();
    }

    /** What an error is and which documentation topic answers it. */
    public static Verdict verdict(ActivityError error, String activityType) {
        Facts f = facts(error, activityType);
        return orFallback(decide(f), f);
    }

    private static Facts facts(ActivityError error, String activityType) {
        String raw = ErrorText.unwrapJson(error.message());
        Matcher inner = INNER_CODE.matcher(raw);
        String innerCode = inner.find() ? inner.group(1).toLowerCase(Locale.ROOT) : "";
        return new Facts(error.errorCode().trim().toLowerCase(Locale.ROOT), innerCode, raw.toLowerCase(Locale.ROOT),
                activityType == null ? "" : activityType.toLowerCase(Locale.ROOT), ErrorText.httpStatus(raw));
    }


    private static Verdict decide(Facts f) {
        // Mapping data flows: their own codes, their own guide.
        boolean dataFlow = f.code().startsWith("df-") || f.code().equals("dfexecutorusererror")
                || f.type().contains("dataflow") || f.message().contains("df-executor-");
        if (dataFlow || DATA_FLOW.containsKey(f.code())) {
            String code = DATA_FLOW.containsKey(f.code()) ? f.code() : dataFlowCodeIn(f.message());
            ErrorClass c = DATA_FLOW.get(code);
            if (c == null && f.code().equals("2011")) {
                c = ErrorClass.CONFIGURATION;
            }
            return new Verdict(c != null ? c : words(f.message(), null), DocTopic.DATA_FLOWS);
        }
        Verdict sql = sqlActivity(f);
        if (sql != null) {
            return sql;
        }
        switch (f.code()) {
            case "2200" -> {
                Verdict v = COPY_INNER.get(f.inner());
                if (v == null) {
                    return new Verdict(byStatusOrWords(f), DocTopic.CONNECTORS);
                }
                if (v.errorClass() != null) {
                    // A login failure reported as "failed to connect" is still a credential problem.
                    if (v.errorClass() == ErrorClass.NETWORK && f.message().contains("login failed")) {
                        return new Verdict(ErrorClass.AUTHENTICATION, v.topic());
                    }
                    return v;
                }
                if (f.inner().equals("parquetjavainvocationexception")) {
                    return new Verdict(any(f.message(), "outofmemory", "java heap space") ? ErrorClass.CAPACITY
                            : ErrorClass.DATA_SCHEMA, v.topic());
                }
                return new Verdict(byStatusOrWords(f), v.topic());
            }
            case "2010", "2103", "2104", "2105", "2106" -> {
                return new Verdict(ErrorClass.NETWORK, DocTopic.SHIR);
            }
            case "2011" -> {
                return new Verdict(f.message().contains("decrypt") || f.message().contains("integration runtime")
                        ? ErrorClass.CONFIGURATION : words(f.message(), ErrorClass.CONFIGURATION), DocTopic.SHIR);
            }
            case "2108", "2001", "2002", "2003", "2403", "3610" -> {
                // No HTTP status: the call never got an answer.
                return new Verdict(f.httpStatus() > 0 ? byHttpStatus(f.httpStatus()) : words(f.message(), ErrorClass.NETWORK),
                        f.code().equals("3610") ? DocTopic.FUNCTIONS : DocTopic.WEB);
            }
            case "2402" -> {
                return new Verdict(storedProcedure(f.message()), DocTopic.STORED_PROCEDURE);
            }
            case "3200" -> {
                return new Verdict(ErrorClass.AUTHENTICATION, DocTopic.DATABRICKS);
            }
            case "3201" -> {
                return new Verdict(ErrorClass.CONFIGURATION, DocTopic.DATABRICKS);
            }
            case "3202" -> {
                return new Verdict(any(f.message(), "rate limit", "jobs created") ? ErrorClass.CAPACITY
                        : any(f.message(), "not authorized") ? ErrorClass.PERMISSION : ErrorClass.CONFIGURATION,
                        DocTopic.DATABRICKS);
            }
            case "3203" -> {
                return new Verdict(ErrorClass.TRANSIENT, DocTopic.DATABRICKS);
            }
            case "3204", "3205", "3206", "3207" -> {
                return new Verdict(infrastructure(f.message(), ErrorClass.USER_CODE), DocTopic.DATABRICKS);
            }
            case "3208" -> {
                return new Verdict(ErrorClass.NETWORK, DocTopic.DATABRICKS);
            }
            case "3602", "3606", "3607", "3609", "3611", "3612" -> {
                return new Verdict(ErrorClass.CONFIGURATION, DocTopic.FUNCTIONS);
            }
            case "3603" -> {
                return new Verdict(ErrorClass.USER_CODE, DocTopic.FUNCTIONS);
            }
            default -> {
                if (f.code().startsWith("36") && f.code().length() == 4) {
                    int s = f.httpStatus();
                    return new Verdict(s == 500 || s == 0 ? infrastructure(f.message(), ErrorClass.USER_CODE)
                            : byHttpStatus(s), DocTopic.FUNCTIONS);
                }
                if (f.code().startsWith("32") && f.code().length() == 4) {
                    return new Verdict(infrastructure(f.message(), ErrorClass.USER_CODE), DocTopic.DATABRICKS);
                }
            }
        }
        return new Verdict(byStatusOrWords(f), topicByType(f));
    }

    /** A code that no rule knows: the words, then the activity type. */
    private static Verdict orFallback(Verdict v, Facts f) {
        if (v.errorClass() != null) {
            return v;
        }
        String t = f.type();
        ErrorClass c = t.contains("databricks") || t.contains("script") || t.contains("function")
                || t.contains("custom") || t.contains("notebook") || t.contains("hdinsight") ? ErrorClass.USER_CODE
                : ErrorClass.UNKNOWN;
        return new Verdict(c, v.topic());
    }

    private static String topicByType(Facts f) {
        String t = f.type();
        if (t.contains("databricks")) {
            return DocTopic.DATABRICKS;
        } else if (t.contains("webactivity") || t.equals("web") || t.contains("webhook")) {
            return DocTopic.WEB;
        } else if (t.contains("function")) {
            return DocTopic.FUNCTIONS;
        } else if (t.contains("storedprocedure")) {
            return DocTopic.STORED_PROCEDURE;
        } else if (t.equals("script")) {
            return DocTopic.SCRIPT;
        } else if (t.contains("copy")) {
            return DocTopic.CONNECTORS;
        } else if (t.contains("executepipeline")) {
            return DocTopic.EXECUTE_PIPELINE;
        }
        return f.message().contains("authorizationfailed") ? DocTopic.PERMISSIONS : "";
    }

    /** Words of a SQL server's error (as Script, Stored procedure, Lookup and Copy print it). */
    private static final String[] SQL_WORDS = {"sql error number", "sqlerrornumber", "sqlexception",
        "execution fail against sql server", "login failed for user", "invalid object name", "incorrect syntax near",
        "could not find stored procedure", "invalid column name"};

    /**
     * SQL errors under codes that mean something else elsewhere: 2011 is a self-hosted IR credential failure for a
     * Copy, but a Script, Stored procedure or Lookup activity reports the SQL server's error with it. Those, and a
     * Copy 2011 whose message is the SQL server's, are SQL errors with SQL guidance; a message that says the
     * integration runtime is offline or cannot decrypt stays with the self-hosted IR. Null when the rule does not apply.
     */
    private static Verdict sqlActivity(Facts f) {
        String t = f.type();
        boolean sqlActivity = t.equals("script") || t.contains("storedprocedure") || t.equals("lookup");
        boolean sqlMessage = any(f.message(), SQL_WORDS);
        if (!f.code().equals("2011") || !(sqlActivity || sqlMessage) || runtimeProblem(f.message())) {
            return null;
        }
        if (t.contains("storedprocedure")) {
            return new Verdict(storedProcedure(f.message()), DocTopic.STORED_PROCEDURE);
        }
        if (t.equals("script")) {
            return new Verdict(storedProcedure(f.message()), DocTopic.SCRIPT);
        }
        return new Verdict(sqlServer(f.message(), ErrorClass.CONFIGURATION), DocTopic.SQL);
    }

    /** Whether a message says the integration runtime itself is the problem (offline, unreachable, cannot decrypt). */
    private static boolean runtimeProblem(String m) {
        return any(m, "integration runtime", "self-hosted ir", "selfhosted")
                && any(m, "offline", "unreachable", "not online", "decrypt", "limited", "disconnected", "not registered",
                        "is not running", "not available", "expired");
    }

    private static String dataFlowCodeIn(String message) {
        Matcher m = Pattern.compile("(df-[a-z]+-[a-z]+)").matcher(message);
        return m.find() ? m.group(1) : "";
    }

    private static ErrorClass storedProcedure(String m) {
        return sqlServer(m, ErrorClass.USER_CODE);
    }

    /**
     * The class of a SQL server's error: a cause the words name outside the SQL text (credentials, permissions, the
     * network, capacity, a transient failure, the data), else {@code fallback} (the statement, or the setup).
     */
    private static ErrorClass sqlServer(String m, ErrorClass fallback) {
        ErrorClass byWords = words(m, fallback);
        return switch (byWords) {
            case AUTHENTICATION, PERMISSION, NETWORK, CAPACITY, TRANSIENT, DATA_SCHEMA -> byWords;
            default -> fallback;
        };
    }

    private static ErrorClass byStatusOrWords(Facts f) {
        return f.httpStatus() > 0 ? byHttpStatus(f.httpStatus()) : words(f.message(), null);
    }

    private static ErrorClass byHttpStatus(int status) {
        return switch (status) {
            case 401 -> ErrorClass.AUTHENTICATION;
            case 403 -> ErrorClass.PERMISSION;
            case 404, 410 -> ErrorClass.MISSING_SOURCE;
            case 429 -> ErrorClass.CAPACITY;
            case 408, 500, 502, 503, 504 -> ErrorClass.TRANSIENT;
            case 400, 405, 409, 415, 422 -> ErrorClass.DATA_SCHEMA;
            default -> ErrorClass.NETWORK;
        };
    }

    /**
     * For errors raised inside user code (notebooks, functions): only an infrastructure cause (capacity,
     * permission, authentication, network, a transient service failure) beats the code itself.
     */
    private static ErrorClass infrastructure(String m, ErrorClass fallback) {
        ErrorClass c = words(m, fallback);
        return switch (c) {
            case CAPACITY, PERMISSION, AUTHENTICATION, NETWORK, TRANSIENT -> c;
            default -> fallback;
        };
    }

    /** Word rules in order: the first that matches decides. */
    private static final List<Map.Entry<ErrorClass, List<String>>> WORDS = List.of(
            Map.entry(ErrorClass.CAPACITY, List.of("toomanyrequests", "too many requests", "throttl", "rate limit", "quota",
                    "outofmemory", "out of memory", "java heap space", "insufficient resources", "capacity",
                    "concurrency limit", "server busy", "serverbusy", "out of disk")),
            Map.entry(ErrorClass.DATA_SCHEMA, List.of("truncated", "truncation", "string or binary data would be",
                    "conversion failed", "type conversion", "typeconversion", "cannot convert", "invalid column",
                    "column count", "more columns", "violation of primary key", "duplicate key", "cannot insert the value null",
                    "cannot insert null", "arithmetic overflow", "malformed", "schema mismatch", "invalid date")),
            Map.entry(ErrorClass.PERMISSION, List.of("authorizationpermissionmismatch", "authorizationfailed", "forbidden",
                    "permission", "not authorized", "insufficient privileges", "does not have authorization",
                    "access is denied", "denied", "acl verification failed")),
            Map.entry(ErrorClass.AUTHENTICATION, List.of("login failed", "unauthorizedaccess", "authentication",
                    "unauthorized", "invalid credential", "password", "token expired", "token has expired", "expired",
                    "invalid_client", "aadsts", "invalid username", "credential", "access key")),
            Map.entry(ErrorClass.TRANSIENT, List.of("deadlock", "transient", "service unavailable", "serviceunavailable",
                    "internal server error", "temporarily unavailable", "please retry", "retry later", "bad gateway")),
            Map.entry(ErrorClass.NETWORK, List.of("failedtoconnect", "cannot connect", "could not connect",
                    "unable to connect", "connection", "network", "timeout", "timed out", "unreachable", "dns",
                    "offline", "firewall", "name or service not known", "socket", "task was canceled",
                    "reach the server", "could not reach", "unable to reach")),
            Map.entry(ErrorClass.MISSING_SOURCE, List.of("notexist", "not exist", "does not exist", "doesn't exist",
                    "no such file", "pathnotfound", "blobnotfound", "filenotfound", "is missing", "not found",
                    "cannot find", "could not find")),
            Map.entry(ErrorClass.DATA_SCHEMA, List.of("column", "schema", "conversion", "converting", "convert",
                    "datatype", "data type", "type mismatch", "truncat", "invalid value", "parse", "parsing",
                    "primary key", "constraint", "delimited", "null value", "overflow", "format")),
            Map.entry(ErrorClass.USER_CODE, List.of("exception", "traceback", "notebook", "script", "stack trace",
                    "syntax error", "nullreference", "stored procedure", "user code", "exit code", "raiserror",
                    "sql error number: 50000")));

    /** Classification by the words of a message; returns {@code fallback} when nothing matches. */
    private static ErrorClass words(String m, ErrorClass fallback) {
        for (Map.Entry<ErrorClass, List<String>> rule : WORDS) {
            if (any(m, rule.getValue().toArray(String[]::new))) {
                return rule.getKey();
            }
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
