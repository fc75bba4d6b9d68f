package dev.flightdeck.inventory;

import dev.flightdeck.diagnostic.Position;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The organisation's Prometheus server ({@code prometheus:} in the inventory): where it is, how Flightdeck proves who
 * it is, and the signals it reads there by PromQL. Credentials are references ({@link SecretRef}), resolved when a
 * session starts; their values never reach a log or the journal.
 *
 * @param caCert      a PEM file with the certificate authority that signed an {@code https} server's certificate
 *                    (else the system's trust store)
 * @param auth        how requests authenticate, if at all
 * @param every       how often every signal is evaluated; empty for the session's schedule
 * @param baseline    where the baselines of its signals come from, when not from the minutes before the change
 */
public record PrometheusServer(
        String name,
        String url,
        Optional<String> caCert,
        Optional<Auth> auth,
        Optional<Duration> every,
        Duration timeout,
        Optional<BaselineRange> baseline,
        List<Query> signals,
        Position position) {

    public static final String NAME = "prometheus";

    public PrometheusServer {
        signals = List.copyOf(signals);
    }

    /** {@code bearer-token:} or {@code basic-auth: { user, password }}, each secret from a 0600 file, the environment or a prompt. */
    public sealed interface Auth {
        SecretRef secret();

        record Bearer(SecretRef secret) implements Auth {}

        record Basic(String user, SecretRef secret) implements Auth {}
    }

    /**
     * A signal defined by PromQL.
     *
     * @param by    a label whose values name the inventory host or endpoint of each series (one series per value);
     *              empty for a query that answers one series
     * @param scale what each value is multiplied by (100 for a 0–1 ratio read as a percentage)
     */
    public record Query(String signal, String promql, Optional<String> by, double scale, Position position) {}

    /**
     * A baseline from Prometheus's history instead of the minutes read before the change: {@code 1h before} is the
     * hour before the baseline is taken, {@code 7d same hour} the hour that followed the same moment seven days
     * earlier (the same time of day and week).
     *
     * @param length how long a range the median and p95 are taken over
     * @param back   how far before the moment of capture the range ends ({@code 1h before}: 0) or starts
     *               ({@code 7d same hour}: 7 days)
     */
    public record BaselineRange(Duration length, Duration back, boolean sameHour, String written) {}
}
