package dev.flightdeck.session;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.journal.Journal;
import dev.flightdeck.journal.JournalEntry;
import dev.flightdeck.journal.Replay;
import dev.flightdeck.journal.crypto.KeyRing;
import dev.flightdeck.journal.crypto.OperatorKeyStore;
import dev.flightdeck.journal.export.EvidencePack;
import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.review.HtmlReport;
import dev.flightdeck.review.ReviewModel;
import dev.flightdeck.review.ReviewText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.slf4j.LoggerFactory;

/**
 * Every place a session's text goes once it has run — the decrypted journal, the journal's files, the HTML report,
 * {@code journal show}, the JSONL evidence pack and the log — and the search of them for what must never be there in
 * the clear (sensitive output, a source's credentials).
 */
public final class WhereSessionTextGoes {

    private WhereSessionTextGoes() {}

    /**
     * Everything Flightdeck logs while it is open, at DEBUG, into a file: each message as formatted and every
     * exception's text with its causes (unredacted, so that the search sees what the code handed to the logger).
     */
    public static final class LogFile implements AutoCloseable {
        private final Path file;
        private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        private final Level level = root.getLevel();
        private final FileAppender<ILoggingEvent> appender = new FileAppender<>();

        public LogFile(Path file) {
            this.file = file;
            LoggerContext context = root.getLoggerContext();
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger - %msg%n%ex");
            encoder.start();
            appender.setContext(context);
            appender.setFile(file.toString());
            appender.setEncoder(encoder);
            appender.start();
            root.addAppender(appender);
            root.setLevel(Level.DEBUG);
        }

        public String text() throws IOException {
            return Files.readString(file);
        }

        @Override
        public void close() {
            root.detachAppender(appender);
            root.setLevel(level);
            appender.stop();
        }
    }

    /**
     * The journal decrypted (type, actor and payload of every record), its files' bytes, the HTML report (markup and
     * text), {@code journal show}, an evidence pack written into {@code pack} with the installation's key, and the log.
     */
    public static Map<String, String> of(Path journal, char[] passphrase, FlightdeckHome home, Path pack, String log)
            throws IOException {
        Replay replay = Journal.read(journal, passphrase);
        StringBuilder decrypted = new StringBuilder();
        for (JournalEntry entry : replay.entries()) {
            decrypted
                    .append(entry.type())
                    .append(' ')
                    .append(entry.actor())
                    .append(' ')
                    .append(entry.payload())
                    .append('\n');
        }
        String html;
        String show;
        try (KeyRing keys = new KeyRing(passphrase)) {
            ReviewModel model =
                    ReviewModel.of(replay, JournalVerifier.verify(journal, Optional.empty(), Optional.of(keys)));
            String markup = HtmlReport.render(model);
            html = markup + "\n" + Jsoup.parse(markup).text();
            show = String.join("\n", ReviewText.render(model));
        }
        EvidencePack.write(replay, new OperatorKeyStore(home.keys()).load(passphrase.clone()), pack);
        Map<String, String> places = new LinkedHashMap<>();
        places.put("decrypted journal", decrypted.toString());
        places.put("journal files", filesOf(journal));
        places.put("HTML report", html);
        places.put("journal show", show);
        places.put("JSONL evidence pack", filesOf(pack));
        places.put("log", log);
        return places;
    }

    /** Asserts that no place holds any of {@code forbidden}; returns how many characters were searched. */
    public static long assertNowhere(Map<String, String> places, List<String> forbidden) {
        long searched = 0;
        for (Map.Entry<String, String> place : places.entrySet()) {
            for (String text : forbidden) {
                assertThat(place.getValue()).as(place.getKey()).doesNotContain(text);
            }
            searched += place.getValue().length();
        }
        return searched;
    }

    private static String filesOf(Path directory) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }
}
