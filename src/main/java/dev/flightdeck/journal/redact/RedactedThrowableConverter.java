package dev.flightdeck.journal.redact;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * {@code %redactedException} in the Logback pattern: a stack trace's messages (a driver's connection string, a failed
 * command line) pass the same redaction as the log message, so a secret cannot leave through an exception.
 */
public final class RedactedThrowableConverter extends ThrowableProxyConverter {

    private static final Redactor PATTERNS = Redactor.patternsOnly();

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return PATTERNS.redact(super.throwableProxyToString(proxy));
    }
}
