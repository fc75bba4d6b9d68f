package dev.flightdeck.sandbox;

import dev.flightdeck.sandbox.clinic.ClinicApp;
import dev.flightdeck.sandbox.database.ClinicDatabase;
import dev.flightdeck.sandbox.host.SandboxHost;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The inventory text for a running sandbox: its hosts (group {@code app}: app1, app2; group {@code db}: db1), the
 * {@code clinic} database (dump tools on db1), each app's health and Prometheus endpoints, and the values the
 * rehearsal runbook asks for. Written to {@code sandbox.inventory.yaml}; it is an ordinary inventory, nothing in
 * Flightdeck treats it differently.
 */
final class SandboxInventory {

    static final String USER = "ops";

    private SandboxInventory() {}

    static String text(
            SandboxLayout layout, List<SandboxHost> hosts, Map<String, ClinicApp> apps, ClinicDatabase database) {
        StringBuilder yaml = new StringBuilder(2048);
        yaml.append("# Flightdeck rehearsal sandbox, started ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(". Valid while the sandbox runs; its ports change with every start.\n");
        yaml.append("hosts:\n");
        for (SandboxHost host : hosts) {
            String group = apps.containsKey(host.name()) ? "app" : "db";
            yaml.append("  ")
                    .append(host.name())
                    .append(": { address: 127.0.0.1, port: ")
                    .append(host.port())
                    .append(", user: ")
                    .append(USER)
                    .append(", identity: ")
                    .append(quoted(layout.userKey().toString()))
                    .append(", agent: false, groups: [")
                    .append(group)
                    .append("] }\n");
        }
        yaml.append("databases:\n  clinic: { host: 127.0.0.1, port: ")
                .append(database.port())
                .append(", database: ")
                .append(ClinicDatabase.DATABASE)
                .append(", user: ")
                .append(ClinicDatabase.ADMIN)
                .append(", sslmode: disable, ssh-host: db1 }\n");
        yaml.append("endpoints:\n");
        apps.forEach((name, app) -> {
            yaml.append("  ")
                    .append(name)
                    .append("-health: { url: ")
                    .append(quoted(app.baseUrl() + "/api/health"))
                    .append(", kind: health, timeout: 2s }\n");
            yaml.append("  ")
                    .append(name)
                    .append("-metrics: { url: ")
                    .append(quoted(app.baseUrl() + "/metrics"))
                    .append(", kind: prometheus, timeout: 2s }\n");
        });
        yaml.append("vars:\n");
        yaml.append("  backup_dir: ")
                .append(quoted(layout.host("db1").resolve("backups").toString()))
                .append('\n');
        yaml.append("  release: v2\n");
        yaml.append("  previous_release: v1\n");
        return yaml.toString();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
