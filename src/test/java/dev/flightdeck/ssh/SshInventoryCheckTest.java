package dev.flightdeck.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.diagnostic.Problem;
import dev.flightdeck.diagnostic.Problems;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.ssh.config.SshConfigFile;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshInventoryCheckTest {

    @Test
    void problemsCarryTheInventoryLineOfTheHostConcerned(@TempDir Path home) {
        Inventory inventory = InventoryLoader.load(
                        String.join(
                                "\n",
                                "hosts:",
                                "  app1: { address: 10.0.4.11, identity: ~/.ssh/missing_key }",
                                "  web1: {}",
                                "  web2: {}",
                                "  a: { address: 10.0.0.1, jump: b }",
                                "  b: { address: 10.0.0.2, jump: a }",
                                ""),
                        "inventory.yaml")
                .value()
                .orElseThrow();
        SshConfigFile sshConfig = SshConfigFile.parse("Host web2\n  HostName 10.0.5.2\n");
        Problems problems = new Problems("inventory.yaml");

        SshInventoryCheck.check(
                inventory,
                sshConfig,
                new SshUserHome(home, home.resolve(".ssh"), "operator", Optional.empty()),
                problems);

        assertThat(problems.sorted())
                .extracting(Problem::format)
                .satisfiesExactly(
                        line2 -> assertThat(line2)
                                .startsWith("inventory.yaml:2:")
                                .contains("missing_key")
                                .contains("does not exist"),
                        line3 -> assertThat(line3)
                                .startsWith("inventory.yaml:3:")
                                .contains("no address")
                                .contains("DNS"),
                        line5 -> assertThat(line5)
                                .startsWith("inventory.yaml:5:")
                                .contains("loop"),
                        line6 -> assertThat(line6)
                                .startsWith("inventory.yaml:6:")
                                .contains("loop"));
    }

    @Test
    void unsupportedSshConfigKeywordsAreWarningsAndMatchExecIsAnErrorAtTheHostsLine(@TempDir Path home) {
        Inventory inventory = InventoryLoader.load(
                        String.join(
                                "\n", "hosts:", "  app1: { address: 10.0.4.11 }", "  db1: { address: 10.0.4.20 }", ""),
                        "inventory.yaml")
                .value()
                .orElseThrow();
        SshConfigFile sshConfig = SshConfigFile.parse(
                "Host app1\n  ProxyCommand nc %h %p\nMatch originalhost db1 exec \"true\"\n  User x\n");
        Problems problems = new Problems("inventory.yaml");

        SshInventoryCheck.check(
                inventory,
                sshConfig,
                new SshUserHome(home, home.resolve(".ssh"), "operator", Optional.empty()),
                problems);

        assertThat(problems.sorted())
                .extracting(Problem::format)
                .satisfiesExactly(
                        line2 -> assertThat(line2)
                                .startsWith("inventory.yaml:2:")
                                .contains("warning", "~/.ssh/config:2: 'ProxyCommand nc %h %p' applies to app1"),
                        line3 -> assertThat(line3)
                                .startsWith("inventory.yaml:3:")
                                .contains("'Match exec' is refused")
                                .doesNotContain("warning"));
    }
}
