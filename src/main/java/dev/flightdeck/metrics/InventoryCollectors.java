package dev.flightdeck.metrics;

import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.inventory.DatabaseEntry;
import dev.flightdeck.inventory.EndpointEntry;
import dev.flightdeck.inventory.HostEntry;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.PrometheusNames;
import dev.flightdeck.inventory.PrometheusServer;
import dev.flightdeck.inventory.SecretRef;
import dev.flightdeck.metrics.collect.Collector;
import dev.flightdeck.metrics.collect.HealthCollector;
import dev.flightdeck.metrics.host.HostCollector;
import dev.flightdeck.metrics.postgres.PostgresCollectors;
import dev.flightdeck.metrics.prometheus.PromQlClient;
import dev.flightdeck.metrics.prometheus.PromQlSource;
import dev.flightdeck.metrics.prometheus.PrometheusCollector;
import dev.flightdeck.metrics.prometheus.PrometheusHttp;
import dev.flightdeck.metrics.prometheus.PrometheusMapping;
import dev.flightdeck.ssh.SshSessions;
import dev.flightdeck.ssh.TargetResolver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The collectors an inventory calls for: a health check per {@code kind: health} endpoint, a scrape per
 * {@code kind: prometheus} endpoint (with the metric names the inventory gives), the PromQL signals of its
 * {@code prometheus:} server, a host reading per host and a
 * statistics reading per database, unless the inventory says {@code metrics: false}.
 */
public final class InventoryCollectors {

    public static final Duration HEALTH_INTERVAL = Duration.ofSeconds(5);
    public static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(15);
    public static final Duration HOST_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DATABASE_INTERVAL = Duration.ofSeconds(10);
    /** One host reading, connecting included (SSH's own connect timeout is 10 s). */
    public static final Duration HOST_READ_TIMEOUT = Duration.ofSeconds(15);

    /** How often each kind of source is read, unless the inventory says otherwise for a host or database. */
    public record Intervals(Duration health, Duration scrape, Duration host, Duration database) {

        public static Intervals defaults() {
            return new Intervals(HEALTH_INTERVAL, SCRAPE_INTERVAL, HOST_INTERVAL, DATABASE_INTERVAL);
        }

        /** Every source at the same pace (the command line's {@code --every}). */
        public static Intervals all(Duration every) {
            return new Intervals(every, every, every, every);
        }
    }

    /**
     * What hosts and databases are reached through: the session's SSH pool and target resolution (the connections the
     * steps use) and the database password source (asked at most once per database).
     */
    public record Connections(
            SshSessions ssh, TargetResolver targets, PasswordSource databasePasswords, SecretResolver secrets) {

        /** Without secrets: a Prometheus server that needs credentials reports that none could be read. */
        public Connections(SshSessions ssh, TargetResolver targets, PasswordSource databasePasswords) {
            this(ssh, targets, databasePasswords, ref -> {
                throw new IllegalStateException("no secret source was given to read " + ref.describe());
            });
        }
    }

    /** Gives the value of a secret the inventory refers to ({@code bearer-token: { file: ... }}), or says why it cannot. */
    @FunctionalInterface
    public interface SecretResolver {
        char[] resolve(SecretRef ref) throws Exception;
    }

    private InventoryCollectors() {}

    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Every collector the inventory calls for: endpoints, then hosts, then databases, each in inventory order. */
    public static List<Collector> forInventory(
            Inventory inventory, HttpClient client, Connections connections, Intervals intervals, Clock clock) {
        List<Collector> collectors = new ArrayList<>(of(
                inventory,
                client,
                clock,
                intervals.health(),
                intervals.scrape(),
                name -> inventory
                        .endpoint(name)
                        .map(endpoint -> mappingFor(endpoint.names()))
                        .orElse(PrometheusMapping.defaults())));
        inventory
                .prometheus()
                .ifPresent(server -> collectors.add(
                        prometheus(server, connections.secrets(), server.every().orElse(intervals.scrape()), clock)));
        for (HostEntry host : inventory.hosts()) {
            if (host.metrics().enabled()) {
                collectors.add(new HostCollector(
                        host.name(),
                        () -> connections.targets().target(host.name()),
                        connections.ssh(),
                        host.metrics().disks(),
                        host.metrics().every().orElse(intervals.host()),
                        HOST_READ_TIMEOUT,
                        clock));
            }
        }
        for (DatabaseEntry database : inventory.databases()) {
            if (database.metrics().enabled()) {
                collectors.add(PostgresCollectors.forDatabase(
                        database,
                        connections.databasePasswords(),
                        database.metrics().every().orElse(intervals.database()),
                        clock));
            }
        }
        return collectors;
    }

    /**
     * The PromQL signals of the inventory's Prometheus server. A credential that cannot be read (a file others can read,
     * nobody to prompt) does not stop the session: every reading then fails with that reason, which the panel lists
     * and the rules count as query errors.
     */
    public static PromQlSource prometheus(
            PrometheusServer server, SecretResolver secrets, Duration interval, Clock clock) {
        Optional<String> unusable = Optional.empty();
        Optional<String> authorization = Optional.empty();
        HttpClient client = defaultClient();
        try {
            client = PrometheusHttp.client(server.caCert().map(Path::of));
        } catch (IOException e) {
            unusable = Optional.of(e.getMessage());
        }
        if (server.auth().isPresent()) {
            PrometheusServer.Auth auth = server.auth().get();
            try {
                char[] secret = secrets.resolve(auth.secret());
                authorization = Optional.of(
                        auth instanceof PrometheusServer.Auth.Basic basic
                                ? PrometheusHttp.basic(basic.user(), secret)
                                : PrometheusHttp.bearer(secret));
            } catch (Exception e) {
                unusable = Optional.of("the credential of 'prometheus' ("
                        + auth.secret().describe() + ") cannot be read: " + e.getMessage());
            }
        }
        return new PromQlSource(
                server,
                new PromQlClient(URI.create(server.url()), client, server.timeout(), authorization),
                interval,
                clock,
                unusable);
    }

    /**
     * The endpoint collectors only: {@code kind: health} and {@code kind: prometheus}.
     *
     * @param mappings the Prometheus mapping for each endpoint name ({@code name -> PrometheusMapping.defaults()} for all)
     */
    public static List<Collector> of(
            Inventory inventory,
            HttpClient client,
            Clock clock,
            Duration healthInterval,
            Duration scrapeInterval,
            Function<String, PrometheusMapping> mappings) {
        List<Collector> collectors = new ArrayList<>();
        for (EndpointEntry endpoint : inventory.endpoints()) {
            URI uri = URI.create(endpoint.url());
            if (endpoint.kind() == EndpointEntry.Kind.HEALTH) {
                collectors.add(
                        new HealthCollector(endpoint.name(), uri, endpoint.timeout(), healthInterval, client, clock));
            } else if (endpoint.kind() == EndpointEntry.Kind.PROMETHEUS) {
                collectors.add(new PrometheusCollector(
                        endpoint.name(),
                        uri,
                        endpoint.timeout(),
                        scrapeInterval,
                        mappings.apply(endpoint.name()),
                        client,
                        clock));
            }
        }
        return collectors;
    }

    /**
     * The default mapping with the names the inventory gives instead ({@code latency: app_latency_seconds}) and the
     * further signals it reads ({@code signals:}).
     */
    public static PrometheusMapping mappingFor(PrometheusNames names) {
        PrometheusMapping defaults = PrometheusMapping.defaults();
        return new PrometheusMapping(
                        names.requests().orElse(defaults.requestsCounter()),
                        names.statusLabel().map(List::of).orElse(defaults.statusLabels()),
                        names.latency()
                                .map(name -> name.endsWith("_bucket")
                                        ? name.substring(0, name.length() - "_bucket".length())
                                        : name)
                                .orElse(defaults.latencyHistogram()),
                        names.latencyToMillis().orElse(defaults.latencyToMillis()),
                        defaults.gauges(),
                        defaults.rates(),
                        List.of())
                .withSignals(names.signals());
    }
}
