package dev.flightdeck.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.diagnostic.Problem;
import org.junit.jupiter.api.Test;

class InventorySecretsTest {

    @Test
    void secretsInTheClearAreRefusedWithWhereTheyGoInstead() {
        Parsed<Inventory> parsed = InventoryLoader.load("""
                hosts:
                  app1: { address: 10.0.0.5, user: deploy, password: hunter2 }
                databases:
                  clinic: { host: db1, database: clinic, user: app, password: S3cret }
                vars:
                  release: v2
                  api_token: ghp_abc123
                  db_password: ""
                """, "clinic.inventory.yaml");

        assertThat(parsed.errors())
                .extracting(Problem::format)
                .containsExactlyInAnyOrder(
                        "clinic.inventory.yaml:2:44: 'password' in host 'app1' would keep a secret in the clear, and an inventory is configuration, "
                                + "not a safe: use a key (identity:) or the SSH agent (agent: true); a key's passphrase is asked for when it is needed",
                        "clinic.inventory.yaml:4:53: 'password' in database 'clinic' would keep a secret in the clear, and an inventory is configuration, "
                                + "not a safe: put it in ~/.pgpass (chmod 600, one line host:port:database:user:password), or leave it out and Flightdeck "
                                + "asks for it when the session starts",
                        "clinic.inventory.yaml:7:3: vars: 'api_token' names a secret and holds it in the clear; an inventory is configuration, not a safe. "
                                + "Give it when the session starts (--var api_token=…, masked on the terminal and in the journal), or keep it in a file "
                                + "only you can read (chmod 600) and let the command read it; database passwords go in ~/.pgpass or are asked for");
    }

    @Test
    void namesThatSaySecret() {
        assertThat(SecretNames.isSecret("db_password")).isTrue();
        assertThat(SecretNames.isSecret("API_KEY")).isTrue();
        assertThat(SecretNames.isSecret("client_secret")).isTrue();
        assertThat(SecretNames.isSecret("release")).isFalse();
        assertThat(SecretNames.isSecret("backup_dir")).isFalse();
    }
}
