package dev.flightdeck.live;

import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.db.error.DatabaseException;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.inventory.DatabaseEntry;
import dev.flightdeck.inventory.EndpointEntry;
import dev.flightdeck.inventory.HostEntry;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.session.AlarmWatch;
import dev.flightdeck.session.steps.HttpStepExecutor;
import dev.flightdeck.ssh.CommandOutcome;
import dev.flightdeck.ssh.CommandResult;
import dev.flightdeck.ssh.Credentials;
import dev.flightdeck.ssh.SshEventListener;
import dev.flightdeck.ssh.SshException;
import dev.flightdeck.ssh.UnknownHostKeyException;
import dev.flightdeck.ssh.hostkey.TrustResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Tests, before a window starts, that every host, database and endpoint of the inventory answers to this
 * operator: SSH hosts are logged into (their keys checked, so an unknown key is met here and not at 2 a.m. in
 * the middle of a phase), databases are asked their version, endpoints are fetched once. Nothing is changed
 * anywhere.
 */
public final class ConnectionCheck implements AutoCloseable {

    static final Duration HOST_DEADLINE = Duration.ofSeconds(20);

    /** What a target is, for the list the operator reads. */
    public enum Kind {
        HOST,
        DATABASE,
        ENDPOINT
    }

    /** One thing to reach; {@code where} is the address as the inventory gives it. */
    public record Target(Kind kind, String name, String where) {}

    /** How reaching a target went. */
    public sealed interface Outcome {

        /** It answered; {@code detail} says with what ("PostgreSQL 15.13", "HTTP 200"). */
        record Reached(String detail) implements Outcome {}

        /** It did not answer, or refused; {@code problem} says why in the operator's terms. */
        record Failed(String problem) implements Outcome {}

        /** The host answered with a key on no file: the operator compares the fingerprint and decides. */
        record HostKeyUnknown(String keyType, String fingerprint, String advice) implements Outcome {}
    }

    /** One target's result and how long it took to find out. */
    public record Result(Target target, Outcome outcome, Duration took) {

        public boolean reached() {
            return outcome instanceof Outcome.Reached;
        }
    }

    private final SessionServices services;
    private final HttpClient http;
    private final Clock clock;

    ConnectionCheck(SessionServices services, HttpClient http, Clock clock) {
        this.services = services;
        this.http = http;
        this.clock = clock;
    }

    /**
     * The same services a session uses (the operator's host keys, ~/.ssh/config, ~/.pgpass or a prompt), without a
     * journal: nothing is recorded because nothing is changed. A key trusted here is on file when the session connects,
     * which journals its check.
     */
    public static ConnectionCheck open(
            AppContext context, Inventory inventory, Credentials credentials, PasswordSource passwords)
            throws IOException {
        SessionServices services = new SessionServices(
                context, inventory, credentials, passwords, SshEventListener.NONE, AlarmWatch.NONE, Clock.systemUTC());
        return new ConnectionCheck(services, HttpStepExecutor.defaultClient(), Clock.systemUTC());
    }

    /** Everything the inventory names, hosts first (a database reached through a host needs the host). */
    public static List<Target> targets(Inventory inventory) {
        List<Target> targets = new ArrayList<>();
        for (HostEntry host : inventory.hosts()) {
            String address = host.address()
                    .map(name -> host.user().map(user -> user + "@").orElse("")
                            + name
                            + host.port().map(port -> ":" + port).orElse(""))
                    .orElse("as ~/.ssh/config says");
            targets.add(new Target(
                    Kind.HOST,
                    host.name(),
                    address + host.jump().map(jump -> " via " + jump).orElse("")));
        }
        for (DatabaseEntry database : inventory.databases()) {
            targets.add(new Target(
                    Kind.DATABASE,
                    database.name(),
                    database.host() + ":" + database.port() + "/" + database.database()));
        }
        for (EndpointEntry endpoint : inventory.endpoints()) {
            targets.add(new Target(Kind.ENDPOINT, endpoint.name(), endpoint.url()));
        }
        return targets;
    }

    /** Reaches one target; never throws for the target's sake: an unreachable target is a result. */
    public Result check(Target target) {
        Instant start = clock.instant();
        Outcome outcome = switch (target.kind()) {
            case HOST -> host(target.name());
            case DATABASE -> database(target.name());
            case ENDPOINT -> endpoint(target.where());
        };
        return new Result(target, outcome, Duration.between(start, clock.instant()));
    }

    /** Trusts exactly this key for the host, as the operator decided after comparing the fingerprint. */
    public TrustResult trust(String host, String fingerprint) throws SshException {
        return services.trust(host, fingerprint);
    }

    /** Closes the connections the check opened. */
    @Override
    public void close() {
        services.close();
    }

    private Outcome host(String name) {
        try {
            CommandResult result = services.reach(name, HOST_DEADLINE);
            CommandOutcome outcome = result.outcome();
            if (outcome instanceof CommandOutcome.FailedToStart failed) {
                return refused(failed.cause());
            }
            if (outcome instanceof CommandOutcome.Completed completed) {
                return completed.exitCode() == 0
                        ? new Outcome.Reached("logged in as " + result.target().user())
                        : new Outcome.Failed("logged in, but 'true' exited " + completed.exitCode()
                                + ": the login shell is broken or restricted");
            }
            return new Outcome.Failed(((CommandOutcome.Unknown) outcome).reason());
        } catch (SshException e) {
            return refused(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed("interrupted while reaching " + name);
        }
    }

    private static Outcome refused(SshException cause) {
        if (cause instanceof UnknownHostKeyException unknown) {
            return new Outcome.HostKeyUnknown(
                    unknown.key().keyType(), unknown.key().fingerprint(), unknown.getMessage());
        }
        return new Outcome.Failed(cause.code() + ": " + cause.getMessage());
    }

    private Outcome database(String name) {
        try {
            return new Outcome.Reached("PostgreSQL " + services.databaseVersion(name));
        } catch (DatabaseException e) {
            return new Outcome.Failed(e.code() + ": " + e.getMessage());
        }
    }

    private Outcome endpoint(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            String status = "HTTP " + response.statusCode();
            return response.statusCode() < 400
                    ? new Outcome.Reached(status)
                    : new Outcome.Failed(status + " from " + url);
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome.Failed("cannot reach " + url + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed("interrupted while reaching " + url);
        }
    }
}
