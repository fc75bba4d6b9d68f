package dev.flightdeck.inventory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * libpq's rules for files and environment, so a database entry behaves as {@code psql} does in the same shell:
 * {@code $HOME} (not the JVM's {@code user.home}) for {@code ~/.pgpass}, {@code ~/.pg_service.conf} and
 * {@code ~/.postgresql/root.crt}; {@code PGPASSFILE}, {@code PGSERVICE}/{@code PGSERVICEFILE}/{@code PGSYSCONFDIR};
 * and {@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGDATABASE}, {@code PGSSLMODE}, {@code PGSSLROOTCERT} for
 * what an entry leaves out. As in libpq, the service's settings come before the variables.
 */
public final class LibpqEnvironment {

    private final Map<String, String> environment;
    private final Map<String, String> service;
    private final Optional<String> serviceProblem;

    private LibpqEnvironment(Map<String, String> environment) {
        this.environment = environment;
        Map<String, String> found = new HashMap<>();
        this.serviceProblem = readService(found);
        this.service = Map.copyOf(found);
    }

    public static LibpqEnvironment of(Map<String, String> environment) {
        return new LibpqEnvironment(Map.copyOf(withoutNulls(environment)));
    }

    /** {@code $HOME} when set, as libpq uses it; the JVM's {@code user.home} otherwise. */
    public Path home() {
        return Path.of(variable("HOME").orElse(System.getProperty("user.home")));
    }

    /** {@code $PGPASSFILE}, else {@code $HOME/.pgpass}. */
    public Path passwordFile() {
        return variable("PGPASSFILE").map(Path::of).orElse(home().resolve(".pgpass"));
    }

    /** {@code $HOME/.postgresql/root.crt}: the root certificate libpq reads when nothing names one. */
    public Path defaultRootCertificate() {
        return home().resolve(".postgresql").resolve("root.crt");
    }

    /**
     * The value for a connection keyword an entry left out: the service's (PGSERVICE), else the variable's.
     *
     * @param keyword libpq's keyword: {@code host}, {@code port}, {@code user}, {@code dbname}, {@code sslmode}, {@code sslrootcert}
     */
    public Optional<String> defaultFor(String keyword) {
        String fromService = service.get(keyword);
        if (fromService != null && !fromService.isBlank()) {
            return Optional.of(fromService);
        }
        return variable(VARIABLES.getOrDefault(keyword, "")).filter(value -> !value.isBlank());
    }

    /** What went wrong with {@code PGSERVICE} (no such file, no such service), said as libpq says it. */
    public Optional<String> serviceProblem() {
        return serviceProblem;
    }

    /** The variables an entry's keys fall back to, named in messages. */
    public static String variableFor(String keyword) {
        return VARIABLES.getOrDefault(keyword, "");
    }

    private static final Map<String, String> VARIABLES = Map.of(
            "host",
            "PGHOST",
            "port",
            "PGPORT",
            "user",
            "PGUSER",
            "dbname",
            "PGDATABASE",
            "sslmode",
            "PGSSLMODE",
            "sslrootcert",
            "PGSSLROOTCERT");

    private Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isEmpty());
    }

    /** libpq reads {@code PGSERVICEFILE} (else {@code ~/.pg_service.conf}), then {@code $PGSYSCONFDIR/pg_service.conf}. */
    private Optional<String> readService(Map<String, String> into) {
        Optional<String> name = variable("PGSERVICE");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        List<Path> files = new ArrayList<>();
        files.add(variable("PGSERVICEFILE").map(Path::of).orElse(home().resolve(".pg_service.conf")));
        variable("PGSYSCONFDIR").ifPresent(directory -> files.add(Path.of(directory, "pg_service.conf")));
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                if (readSection(Files.readAllLines(file, StandardCharsets.UTF_8), name.get(), into)) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                return Optional.of("cannot read service file " + file + " (" + e.getMessage() + ")");
            }
        }
        return Optional.of("definition of service \"" + name.get() + "\" (PGSERVICE) not found in "
                + files.stream().map(Path::toString).toList());
    }

    /** The INI format of pg_service.conf: {@code [name]} then {@code keyword=value} lines; {@code #} comments. */
    private static boolean readSection(List<String> lines, String wanted, Map<String, String> into) {
        boolean inside = false;
        boolean found = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                inside = line.substring(1, line.length() - 1).strip().equals(wanted);
                found |= inside;
                continue;
            }
            int equals = line.indexOf('=');
            if (inside && equals > 0) {
                into.putIfAbsent(
                        line.substring(0, equals).strip(),
                        line.substring(equals + 1).strip());
            }
        }
        return found;
    }

    private static Map<String, String> withoutNulls(Map<String, String> environment) {
        Map<String, String> copy = new HashMap<>();
        environment.forEach((key, value) -> {
            if (key != null && value != null) {
                copy.put(key, value);
            }
        });
        return copy;
    }
}
