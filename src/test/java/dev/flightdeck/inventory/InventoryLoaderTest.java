package dev.flightdeck.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.diagnostic.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InventoryLoaderTest {

    @Test
    void theIssuesInventoryShapeLoads() throws IOException {
        Parsed<Inventory> parsed = InventoryLoader.load(Path.of("src/test/resources/inventory/clinic.inventory.yaml"));

        assertThat(parsed.problems()).isEmpty();
        Inventory inventory = parsed.value().orElseThrow();
        assertThat(inventory.hosts())
                .extracting(HostEntry::name)
                .containsExactly("app1", "app2", "db1", "bastion", "web1");
        assertThat(inventory.host("app1").orElseThrow().port()).contains(22);
        assertThat(inventory.host("db1").orElseThrow().jump()).contains("bastion");
        assertThat(inventory.host("web1").orElseThrow().address()).isEmpty();
        assertThat(inventory.resolveTarget("app")).extracting(HostEntry::name).containsExactly("app1", "app2");
        assertThat(inventory.resolveTarget("db1")).extracting(HostEntry::name).containsExactly("db1");
        assertThat(inventory.resolveTarget("nowhere")).isEmpty();
        assertThat(inventory.targetNames()).contains("local", "app", "db", "app1", "web1");
        DatabaseEntry healthcare = inventory.database("healthcare").orElseThrow();
        assertThat(healthcare.sslMode()).isEqualTo(DatabaseEntry.SslMode.VERIFY_FULL);
        assertThat(healthcare.sshHost()).contains("db1");
        assertThat(inventory.endpoint("metrics").orElseThrow().kind()).isEqualTo(EndpointEntry.Kind.PROMETHEUS);
        assertThat(inventory.endpoint("metrics").orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(inventory.endpoint("chat").orElseThrow().url())
                .isEqualTo("https://chat.clinic.example/hooks/maintenance");
        assertThat(inventory.vars()).containsEntry("ticket", "CHG-1042");
    }

    @Test
    void mistakesAreReportedWithLineAndColumn() {
        String text = """
                hosts:
                  app1: { address: 10.0.4.11, prot: 22, groups: [app] }
                  db1: { address: 10.0.4.20, jump: bastoin, port: 70000 }
                  local: { address: 127.0.0.1 }
                  app: { address: 10.0.4.13, groups: [app] }
                databases:
                  healthcare: { host: db1, database: healthcare_db, sslmode: verify_full, ssh-host: db2 }
                endpoints:
                  health: { url: "ftp://clinic.example/health" }
                """;

        Parsed<Inventory> parsed = InventoryLoader.load(text, "inv.yaml");

        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.errors())
                .extracting(Problem::format)
                .containsExactly(
                        "inv.yaml:2:3: group 'app' of host 'app1' has the same name as a host, so 'on: app' would be ambiguous",
                        "inv.yaml:2:31: unknown key 'prot' in host 'app1' (did you mean 'port'?)",
                        "inv.yaml:3:3: host 'db1' jumps through 'bastoin', which is not a host in this inventory",
                        "inv.yaml:3:51: 'port' in host 'db1' must be between 1 and 65535, not 70000",
                        "inv.yaml:4:3: 'local' is reserved for the operator's own machine; give this host another name",
                        "inv.yaml:5:3: group 'app' of host 'app' has the same name as a host, so 'on: app' would be ambiguous",
                        "inv.yaml:7:3: database 'healthcare' names ssh-host 'db2', which is not a host in this inventory (did you mean 'db1'?)",
                        "inv.yaml:7:15: database 'healthcare' is missing the required key 'user' (and neither $PGUSER nor a PGSERVICE entry gives one)",
                        "inv.yaml:7:62: 'verify_full' is not an sslmode: use one of [disable, allow, prefer, require, verify-ca, verify-full] (did you mean 'verify-full'?)",
                        "inv.yaml:9:18: endpoint 'health' needs an http:// or https:// URL with a host, not 'ftp://clinic.example/health'");
    }

    @Test
    void anEmptyInventoryHasOnlyTheLocalTarget() {
        assertThat(Inventory.empty().targetNames()).containsExactly("local");
        assertThat(Inventory.empty().database("healthcare")).isEqualTo(Optional.empty());
    }
}
