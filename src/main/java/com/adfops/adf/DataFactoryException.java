package com.adfops.adf;

/**
 * A failure talking to a Data Factory, classified so the user can act on it. The message is safe to show:
 * it never carries tokens, connection strings or stack traces.
 */
public class DataFactoryException extends RuntimeException {

    /** What went wrong, from the user's point of view. */
    public enum Kind {
        /** The bot could not authenticate to Azure (credential missing, expired, wrong tenant). */
        AUTHENTICATION,
        /** Authenticated, but the identity lacks a role on the factory. */
        PERMISSION,
        /** The factory, pipeline or run does not exist. */
        NOT_FOUND,
        /** ADF or ARM throttled the request (HTTP 429). */
        THROTTLED,
        /** The service could not be reached (DNS, connection refused, timeout). */
        NETWORK,
        /** The service answered with an error of its own (5xx or an unexpected answer). */
        SERVICE
    }

    private final Kind kind;
    private final String factory;
    private final String missingAction;
    private final java.time.Duration retryAfter;

    public DataFactoryException(Kind kind, String factory, String safeMessage, Throwable cause) {
        this(kind, factory, safeMessage, cause, null, null);
    }

    /**
     * @param missingAction for a permission failure, the Azure action the identity lacks (e.g.
     *                      {@code Microsoft.DataFactory/factories/querypipelineruns/action}), or null
     * @param retryAfter    for throttling, how long Azure asked to wait, or null
     */
    public DataFactoryException(Kind kind, String factory, String safeMessage, Throwable cause, String missingAction,
                                java.time.Duration retryAfter) {
        super(safeMessage, cause);
        this.kind = kind;
        this.factory = factory;
        this.missingAction = missingAction;
        this.retryAfter = retryAfter;
    }

    /** The Azure action a permission failure names, or null. */
    public String missingAction() {
        return missingAction;
    }

    /** How long Azure asked to wait after throttling, or null. */
    public java.time.Duration retryAfter() {
        return retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The factory name the failure concerns, or null. */
    public String factory() {
        return factory;
    }
}
