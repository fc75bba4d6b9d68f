package dev.flightdeck.journal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The product's own logback.xml, as the operator's stderr gets it: messages and stack traces are redacted alike. */
class LogRedactionTest {

    private static final String DB_PASSWORD = "Tr0ub4dor&3xyz";
    private static final String URL_PASSWORD = "UrlOnlyS3cret";
    private static final String CURL_PASSWORD = "CurlS3cretPw";

    @Test
    void aSecretInAnExceptionOrItsCauseNeverReachesTheLogButTheStackTraceDoes() throws Exception {
        SQLException cause = new SQLException("connecting to postgresql://app:" + URL_PASSWORD + "@db.clinic:5432/ehr");
        IllegalStateException failure = new IllegalStateException(
                "command failed: PGPASSWORD=" + DB_PASSWORD + " psql -h db; curl -u admin:" + CURL_PASSWORD
                        + " https://clinic/health",
                cause);

        String stderr = logThroughTheProductConfiguration(
                logger -> logger.error("step failed after PGPASSWORD=" + DB_PASSWORD + " was set", failure));

        assertThat(stderr)
                .contains("step failed after PGPASSWORD=")
                .contains("java.lang.IllegalStateException: command failed")
                .contains("Caused by: java.sql.SQLException")
                .contains("at dev.flightdeck.journal.redact.LogRedactionTest")
                .doesNotContain(DB_PASSWORD)
                .doesNotContain(URL_PASSWORD)
                .doesNotContain(CURL_PASSWORD);
    }

    @Test
    void theConfigurationLoadsWithoutComplaint() throws Exception {
        LoggerContext context = configured();
        // a warning in Logback's own status makes it print its whole start-up report on every launch
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .allSatisfy(status -> assertThat(status.getLevel()).isZero());
        context.stop();
    }

    private static String logThroughTheProductConfiguration(Consumer<Logger> logging) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8)); // the console appender writes to it
        try {
            LoggerContext context = configured();
            logging.accept(context.getLogger("dev.flightdeck.test"));
            context.stop();
        } finally {
            System.setErr(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A fresh Logback context read from the product's logback.xml. */
    private static LoggerContext configured() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogRedactionTest.class.getResource("/logback.xml"));
        return context;
    }
}
