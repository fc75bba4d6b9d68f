package dev.flightdeck.review;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.flightdeck.journal.Replay;
import dev.flightdeck.journal.verify.VerificationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** One self-contained, printable HTML review report of a session (no scripts, no external resources). */
public final class HtmlReport {

    private static final String TEMPLATE = "/review/report.html.mustache";

    private HtmlReport() {}

    public static String render(Replay replay, VerificationReport verification) {
        return render(ReviewModel.of(replay, verification));
    }

    public static String render(ReviewModel model) {
        return template().execute(model);
    }

    private static Template template() {
        try (InputStream in = HtmlReport.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("the report template " + TEMPLATE + " is missing from the build");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                // a field the model lacks is a defect, never an empty cell or a "?"
                return Mustache.compiler().strictSections(true).nullValue("").compile(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
