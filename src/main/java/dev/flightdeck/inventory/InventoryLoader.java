package dev.flightdeck.inventory;

import dev.flightdeck.diagnostic.DidYouMean;
import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.diagnostic.Problems;
import dev.flightdeck.yaml.MappingReader;
import dev.flightdeck.yaml.YamlFile;
import dev.flightdeck.yaml.YamlNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads an inventory YAML file with the same line-numbered problems as runbooks. */
public final class InventoryLoader {

    private static final Set<String> ROOT_KEYS =
            Set.of("hosts", "databases", "endpoints", "vars", "notifications", PrometheusServer.NAME);
    private static final Set<String> HOST_KEYS =
            Set.of("address", "port", "user", "identity", "agent", "jump", "groups", "metrics");
    private static final Set<String> DATABASE_KEYS =
            Set.of("host", "port", "database", "user", "sslmode", "root-cert", "ssh-host", "metrics");
    private static final Set<String> ENDPOINT_KEYS =
            union(Set.of("url", "kind", "timeout", "groups"), MetricsEntryReader.ENDPOINT_NAME_KEYS);
    private static final Duration DEFAULT_ENDPOINT_TIMEOUT = Duration.ofSeconds(10);
    /** Keys that would put a secret in the clear; refused with where the secret goes instead. */
    private static final Set<String> SECRET_KEYS =
            Set.of("password", "passwd", "pass", "pgpassword", "passphrase", "secret", "token");

    private InventoryLoader() {}

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new HashSet<>(first);
        all.addAll(second);
        return Set.copyOf(all);
    }

    /** With this process's environment for what database entries leave out (libpq rules, see {@link LibpqEnvironment}). */
    public static Parsed<Inventory> load(Path file) throws IOException {
        return load(file, System.getenv());
    }

    public static Parsed<Inventory> load(Path file, Map<String, String> environment) throws IOException {
        return load(YamlFile.read(file), file.toString(), environment);
    }

    public static Parsed<Inventory> load(String text, String origin) {
        return load(text, origin, System.getenv());
    }

    public static Parsed<Inventory> load(String text, String origin, Map<String, String> environment) {
        Problems problems = new Problems(origin);
        LibpqEnvironment libpq = LibpqEnvironment.of(environment);
        Optional<Inventory> inventory = YamlFile.parse(text, problems)
                .flatMap(root -> MappingReader.of(root, "the inventory", ROOT_KEYS, problems))
                .map(root -> read(root, origin, libpq, problems));
        inventory.ifPresent(i -> checkReferences(i, problems));
        return new Parsed<>(inventory, problems.sorted());
    }

    private static Inventory read(MappingReader root, String origin, LibpqEnvironment libpq, Problems problems) {
        List<HostEntry> hosts = new ArrayList<>();
        named(root, "hosts", problems).forEach(entry -> host(entry, problems).ifPresent(hosts::add));
        List<DatabaseEntry> databases = new ArrayList<>();
        named(root, "databases", problems)
                .forEach(entry -> database(entry, libpq, problems).ifPresent(databases::add));
        List<EndpointEntry> endpoints = new ArrayList<>();
        named(root, "endpoints", problems)
                .forEach(entry -> endpoint(entry, problems).ifPresent(endpoints::add));
        Map<String, String> vars = root.textMap("vars");
        root.node("vars")
                .filter(YamlNode::isMapping)
                .ifPresent(
                        node -> node.entries().stream()
                                .filter(entry -> SecretNames.isSecret(entry.name())
                                        && !entry.value().isNull()
                                        && !entry.value().text().orElse("").isBlank())
                                .forEach(
                                        entry -> problems.error(
                                                entry.key().position(),
                                                "vars: '" + entry.name()
                                                        + "' names a secret and holds it in the clear; "
                                                        + "an inventory is configuration, not a safe. Give it when the session starts (--var "
                                                        + entry.name()
                                                        + "=…, masked on the terminal and in the journal), or keep it in a file only you can read (chmod 600) "
                                                        + "and let the command read it; database passwords go in ~/.pgpass or are asked for")));
        return new Inventory(
                hosts,
                databases,
                endpoints,
                vars,
                NotificationChannelReader.read(root, "notifications", problems),
                origin,
                PrometheusServerReader.read(root, problems));
    }

    private static void refuseSecrets(YamlNode node, String what, String instead, Problems problems) {
        if (!node.isMapping()) {
            return;
        }
        node.entries().stream()
                .filter(entry -> SECRET_KEYS.contains(entry.name()))
                .forEach(entry -> problems.error(
                        entry.key().position(),
                        "'" + entry.name() + "' in " + what
                                + " would keep a secret in the clear, and an inventory is configuration, not a safe: "
                                + instead));
    }

    /** Entries of a section whose keys are names the author chose; duplicate names are reported. */
    private static List<YamlNode.Entry> named(MappingReader root, String section, Problems problems) {
        Optional<YamlNode> node = root.node(section);
        if (node.isEmpty() || node.get().isNull()) {
            return List.of();
        }
        if (!node.get().isMapping()) {
            problems.error(
                    node.get().position(),
                    "'" + section + "' must be a mapping of names to entries, not "
                            + node.get().describe());
            return List.of();
        }
        Set<String> names = new HashSet<>();
        node.get().entries().forEach(entry -> names.add(entry.name()));
        return List.copyOf(new MappingReader(node.get(), "'" + section + "'", names, problems).entriesInOrder());
    }

    private static Optional<HostEntry> host(YamlNode.Entry entry, Problems problems) {
        String name = entry.name();
        if (name.equals(Inventory.LOCAL)) {
            problems.error(
                    entry.key().position(),
                    "'local' is reserved for the operator's own machine; give this host another name");
        }
        if (entry.value().isNull()) {
            return Optional.of(new HostEntry(
                    name,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    entry.key().position()));
        }
        refuseSecrets(
                entry.value(),
                "host '" + name + "'",
                "use a key (identity:) or the SSH agent (agent: true); a key's passphrase is "
                        + "asked for when it is needed",
                problems);
        return MappingReader.of(entry.value(), "host '" + name + "'", union(HOST_KEYS, SECRET_KEYS), problems)
                .map(h -> new HostEntry(
                        name,
                        h.text("address"),
                        h.integer("port", 1, 65535),
                        h.text("user"),
                        h.text("identity"),
                        h.has("agent") ? Optional.of(h.bool("agent", false)) : Optional.empty(),
                        h.text("jump"),
                        h.textList("groups"),
                        entry.key().position(),
                        MetricsEntryReader.forHost(h, problems)));
    }

    private static Optional<DatabaseEntry> database(YamlNode.Entry entry, LibpqEnvironment libpq, Problems problems) {
        String name = entry.name();
        refuseSecrets(
                entry.value(),
                "database '" + name + "'",
                "put it in ~/.pgpass (chmod 600, one line "
                        + "host:port:database:user:password), or leave it out and Flightdeck asks for it when the session starts",
                problems);
        return MappingReader.of(entry.value(), "database '" + name + "'", union(DATABASE_KEYS, SECRET_KEYS), problems)
                .map(d -> {
                    boolean leavesOut = !d.has("host")
                            || !d.has("port")
                            || !d.has("database")
                            || !d.has("user")
                            || !d.has("sslmode")
                            || !d.has("root-cert");
                    if (leavesOut) {
                        libpq.serviceProblem()
                                .ifPresent(problem ->
                                        problems.error(entry.key().position(), "database '" + name + "': " + problem));
                    }
                    String sslText = d.text("sslmode")
                            .or(() -> libpq.defaultFor("sslmode"))
                            .orElse("prefer");
                    DatabaseEntry.SslMode sslMode = DatabaseEntry.SslMode.of(sslText)
                            .orElseGet(() -> {
                                List<String> modes = Arrays.stream(DatabaseEntry.SslMode.values())
                                        .map(DatabaseEntry.SslMode::written)
                                        .toList();
                                problems.error(
                                        d.positionOf("sslmode"),
                                        "'" + sslText + "' is not an sslmode: use one of " + modes
                                                + DidYouMean.hint(sslText, modes));
                                return DatabaseEntry.SslMode.PREFER;
                            });
                    String user = orEnvironment(d, name, "user", "user", libpq, problems);
                    Optional<String> rootCertificate = d.text("root-cert")
                            .or(() -> libpq.defaultFor("sslrootcert"))
                            .or(() -> sslMode.compareTo(DatabaseEntry.SslMode.VERIFY_CA) >= 0
                                    ? Optional.of(libpq.defaultRootCertificate().toString())
                                    : Optional.empty());
                    return new DatabaseEntry(
                            name,
                            orEnvironment(d, name, "host", "host", libpq, problems),
                            port(d, name, libpq, problems),
                            d.has("database")
                                    ? d.requiredText("database")
                                    : libpq.defaultFor("dbname").orElse(user),
                            user,
                            sslMode,
                            rootCertificate,
                            d.text("ssh-host"),
                            entry.key().position(),
                            MetricsEntryReader.forDatabase(d, problems));
                });
    }

    private static Optional<EndpointEntry> endpoint(YamlNode.Entry entry, Problems problems) {
        String name = entry.name();
        if (entry.value().isScalar() && !entry.value().isNull()) {
            String url = entry.value().text().orElse("");
            checkUrl(url, entry.value(), name, problems);
            return Optional.of(new EndpointEntry(
                    name,
                    url,
                    EndpointEntry.Kind.HTTP,
                    DEFAULT_ENDPOINT_TIMEOUT,
                    entry.key().position()));
        }
        return MappingReader.of(entry.value(), "endpoint '" + name + "'", ENDPOINT_KEYS, problems)
                .map(e -> {
                    String url = e.requiredText("url");
                    if (!url.isBlank()) {
                        checkUrl(url, e.node("url").orElseThrow(), name, problems);
                    }
                    String kindText = e.text("kind").orElse("http");
                    EndpointEntry.Kind kind = switch (kindText.toLowerCase(Locale.ROOT)) {
                        case "http" -> EndpointEntry.Kind.HTTP;
                        case "health" -> EndpointEntry.Kind.HEALTH;
                        case "prometheus" -> EndpointEntry.Kind.PROMETHEUS;
                        default -> {
                            problems.error(
                                    e.positionOf("kind"),
                                    "'kind' of endpoint '" + name + "' must be http, health or prometheus, not '"
                                            + kindText + "'");
                            yield EndpointEntry.Kind.HTTP;
                        }
                    };
                    return new EndpointEntry(
                            name,
                            url,
                            kind,
                            e.duration("timeout").orElse(DEFAULT_ENDPOINT_TIMEOUT),
                            entry.key().position(),
                            MetricsEntryReader.endpointNames(e, kind, problems),
                            e.textList("groups"));
                });
    }

    private static void checkUrl(String url, YamlNode at, String name, Problems problems) {
        try {
            URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                problems.error(
                        at.position(),
                        "endpoint '" + name + "' needs an http:// or https:// URL with a host, not '" + url + "'");
            }
        } catch (URISyntaxException e) {
            problems.error(at.position(), "endpoint '" + name + "' has a malformed URL: " + e.getReason());
        }
    }

    /** The entry's value, else libpq's default from PGSERVICE or the PG* variable; else a missing-key error naming both. */
    private static String orEnvironment(
            MappingReader d, String name, String key, String keyword, LibpqEnvironment libpq, Problems problems) {
        if (d.has(key)) {
            return d.requiredText(key);
        }
        Optional<String> fallback = libpq.defaultFor(keyword);
        if (fallback.isEmpty()) {
            problems.error(
                    d.position(),
                    "database '" + name + "' is missing the required key '" + key + "' (and neither $"
                            + LibpqEnvironment.variableFor(keyword) + " nor a PGSERVICE entry gives one)");
        }
        return fallback.orElse("");
    }

    private static int port(MappingReader d, String name, LibpqEnvironment libpq, Problems problems) {
        if (d.has("port")) {
            return d.integer("port", 1, 65535).orElse(5432);
        }
        Optional<String> fallback = libpq.defaultFor("port");
        try {
            return fallback.map(Integer::parseInt)
                    .filter(port -> port >= 1 && port <= 65535)
                    .orElse(5432);
        } catch (NumberFormatException e) {
            problems.error(
                    d.position(),
                    "database '" + name + "': the port from $PGPORT or PGSERVICE is not a number: '" + fallback.get()
                            + "'");
            return 5432;
        }
    }

    private static void checkReferences(Inventory inventory, Problems problems) {
        Set<String> hostNames = new HashSet<>();
        inventory.hosts().forEach(h -> hostNames.add(h.name()));
        for (HostEntry host : inventory.hosts()) {
            host.jump()
                    .filter(jump -> !hostNames.contains(jump))
                    .ifPresent(jump -> problems.error(
                            host.position(),
                            "host '" + host.name() + "' jumps through '" + jump
                                    + "', which is not a host in this inventory" + DidYouMean.hint(jump, hostNames)));
            host.jump()
                    .filter(jump -> jump.equals(host.name()))
                    .ifPresent(jump ->
                            problems.error(host.position(), "host '" + host.name() + "' cannot jump through itself"));
            for (String group : host.groups()) {
                if (hostNames.contains(group)) {
                    problems.error(
                            host.position(),
                            "group '" + group + "' of host '" + host.name() + "' has the same name as a host, so 'on: "
                                    + group + "' would be ambiguous");
                }
            }
        }
        for (DatabaseEntry database : inventory.databases()) {
            database.sshHost()
                    .filter(h -> !hostNames.contains(h))
                    .ifPresent(h -> problems.error(
                            database.position(),
                            "database '" + database.name() + "' names ssh-host '" + h
                                    + "', which is not a host in this inventory" + DidYouMean.hint(h, hostNames)));
        }
    }
}
