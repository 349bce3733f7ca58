package com.adfops.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import com.adfops.adf.SecretRedactor;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Stack traces ({@code %wEx}, Spring Boot's default) as they may be written: each exception's message can carry what
 * a dependency echoed (a connection string in a storage error, a SAS URL in an HTTP error), so the trace has its
 * secrets masked like any log message. Its line breaks are the trace's own and stay.
 */
public final class SafeThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return SecretRedactor.redact(super.throwableProxyToString(tp));
    }
}
