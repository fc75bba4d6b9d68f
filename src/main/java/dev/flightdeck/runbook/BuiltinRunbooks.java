package dev.flightdeck.runbook;

import dev.flightdeck.diagnostic.Parsed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runbooks that ship inside Flightdeck, one per seed document, listed in {@code /runbooks/index.txt}
 * (a jar cannot be listed reliably, so the index names them).
 */
public final class BuiltinRunbooks {

    private static final String FOLDER = "/runbooks/";
    public static final String ORIGIN_PREFIX = "builtin:";

    private BuiltinRunbooks() {}

    public static List<String> ids() {
        String index = resource("index.txt")
                .orElseThrow(() -> new IllegalStateException("runbooks/index.txt is missing from the build"));
        return index.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /** Every built-in, parsed; a built-in that does not validate is a build defect, so tests hold them to that. */
    public static List<Parsed<Runbook>> loadAll() {
        List<Parsed<Runbook>> all = new ArrayList<>();
        for (String id : ids()) {
            all.add(load(id).orElseThrow());
        }
        return all;
    }

    public static Optional<Parsed<Runbook>> load(String id) {
        return resource(id + RunbookLoader.FILE_SUFFIX).map(text -> RunbookLoader.load(text, ORIGIN_PREFIX + id, id));
    }

    /** The YAML text of a built-in, for "save a copy to edit". */
    public static Optional<String> source(String id) {
        return resource(id + RunbookLoader.FILE_SUFFIX);
    }

    private static Optional<String> resource(String name) {
        try (InputStream in = BuiltinRunbooks.class.getResourceAsStream(FOLDER + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in runbook " + name, e);
        }
    }
}
