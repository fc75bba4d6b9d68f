package dev.flightdeck.live;

import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.SecretRef;
import dev.flightdeck.metrics.InventoryCollectors;
import dev.flightdeck.notify.NotificationException;
import dev.flightdeck.notify.SecretSource;
import java.util.List;
import java.util.Optional;

/**
 * The credential of the inventory's Prometheus server, read once when the session starts (a prompt asks once; a file
 * must be readable by its owner only, as for notification secrets), so the session's redactor knows it before anything
 * is journaled. When it cannot be read, the reason stands in its place: every query then fails saying so.
 */
final class PrometheusSecret implements InventoryCollectors.SecretResolver {

    private final Optional<SecretRef> ref;
    private final Optional<char[]> value;
    private final String problem;

    private PrometheusSecret(Optional<SecretRef> ref, Optional<char[]> value, String problem) {
        this.ref = ref;
        this.value = value;
        this.problem = problem;
    }

    static PrometheusSecret resolve(Inventory inventory, SecretSource source) {
        Optional<SecretRef> ref =
                inventory.prometheus().flatMap(server -> server.auth()).map(auth -> auth.secret());
        if (ref.isEmpty()) {
            return new PrometheusSecret(ref, Optional.empty(), "");
        }
        try {
            return new PrometheusSecret(ref, Optional.of(source.resolve(ref.get())), "");
        } catch (NotificationException e) {
            return new PrometheusSecret(ref, Optional.empty(), e.getMessage());
        }
    }

    /** What the redactor must mask. */
    List<char[]> values() {
        return value.stream().toList();
    }

    @Override
    public char[] resolve(SecretRef asked) throws Exception {
        if (ref.isEmpty() || !ref.get().equals(asked)) {
            throw new IllegalStateException(asked.describe() + " is not the Prometheus server's credential");
        }
        return value.orElseThrow(() -> new IllegalStateException(problem)).clone();
    }
}
