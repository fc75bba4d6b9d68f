package dev.flightdeck.journal.redact;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %redactedMessage} in the Logback pattern: a log message passes the journal's redaction of secret shapes
 * ({@code PGPASSWORD=}, URL credentials, PEM blocks, {@code -u user:pass}…) before it reaches stderr or a log file.
 */
public final class RedactedMessageConverter extends ClassicConverter {

    private static final Redactor PATTERNS = Redactor.patternsOnly();

    @Override
    public String convert(ILoggingEvent event) {
        return PATTERNS.redact(event.getFormattedMessage());
    }
}
