package com.adfops.adf;

/**
 * The {@code error} of a failed activity run: ADF's {@code {errorCode, message, failureType, target}}.
 * Any field may be empty; never null.
 */
public record ActivityError(String errorCode, String message, String failureType, String target) {

    public ActivityError {
        errorCode = errorCode == null ? "" : errorCode;
        message = message == null ? "" : message;
        failureType = failureType == null ? "" : failureType;
        target = target == null ? "" : target;
    }

    public boolean isEmpty() {
        return errorCode.isBlank() && message.isBlank();
    }
}
