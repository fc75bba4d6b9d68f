package dev.flightdeck.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.ssh.config.SshConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inventory example merged with an ssh config, in a fake home (the real ~/.ssh is never read). */
class TargetResolverTest {

    private static final String INVENTORY = String.join(
            "\n",
            "hosts:",
            "  app1: { address: 10.0.4.11, port: 22, user: deploy, identity: ~/.ssh/id_ed25519, groups: [app] }",
            "  app2: { address: 10.0.4.12, user: deploy, groups: [app] }",
            "  db1:  { address: 10.0.4.20, user: postgres, jump: bastion, groups: [db] }",
            "  bastion: { address: bastion.clinic.example, user: ops }",
            "  web1: {}",
            "");
    private static final String SSH_CONFIG = String.join(
            "\n",
            "Host web1",
            "    HostName 10.0.5.1",
            "    Port 2222",
            "    User www",
            "    IdentityFile ~/.ssh/web_key",
            "    ProxyJump jumper@gate.clinic.example:2200,bastion",
            "Host 10.0.4.12",
            "    Port 2022",
            "    User not-used-inventory-wins",
            "");

    @TempDir
    Path home;

    private TargetResolver resolver;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/id_rsa"), "placeholder: only its existence matters here");
        Inventory inventory =
                InventoryLoader.load(INVENTORY, "inventory.yaml").value().orElseThrow();
        SshUserHome userHome = new SshUserHome(home, home.resolve(".ssh"), "operator", Optional.empty());
        resolver = new TargetResolver(inventory, SshConfigFile.parse(SSH_CONFIG), userHome);
    }

    @Test
    void groupResolvesToItsHostsWithInventoryFieldsBeforeSshConfig() throws Exception {
        List<SshTarget> app = resolver.resolve("app");

        assertThat(app).extracting(SshTarget::name).containsExactly("app1", "app2");
        assertThat(app.get(0).identities()).containsExactly(home.resolve(".ssh/id_ed25519"));
        assertThat(app.get(1).port()).as("ssh-config block matched by address").isEqualTo(2022);
        assertThat(app.get(1).user()).isEqualTo("deploy");
        assertThat(app.get(1).identities())
                .as("default key files that exist")
                .containsExactly(home.resolve(".ssh/id_rsa"));
        assertThat(app.get(1).knownHostsName()).isEqualTo("[10.0.4.12]:2022");
    }

    @Test
    void inventoryJumpIsResolvedAsAnotherInventoryHost() throws Exception {
        SshTarget db1 = resolver.target("db1");

        assertThat(db1.jump()).hasValueSatisfying(jump -> {
            assertThat(jump.name()).isEqualTo("bastion");
            assertThat(jump.hostName()).isEqualTo("bastion.clinic.example");
            assertThat(jump.user()).isEqualTo("ops");
        });
        assertThat(db1.knownHostsName()).isEqualTo("10.0.4.20");
    }

    @Test
    void emptyInventoryEntryTakesEverythingFromSshConfigIncludingAProxyJumpChain() throws Exception {
        SshTarget web1 = resolver.target("web1");

        assertThat(web1.hostName()).isEqualTo("10.0.5.1");
        assertThat(web1.port()).isEqualTo(2222);
        assertThat(web1.user()).isEqualTo("www");
        assertThat(web1.identities()).containsExactly(home.resolve(".ssh/web_key"));
        // ProxyJump a,b: connect to a, through a to b, through b to web1.
        SshTarget last = web1.jump().orElseThrow();
        assertThat(last.name()).isEqualTo("bastion");
        assertThat(last.jump()).hasValueSatisfying(first -> {
            assertThat(first.hostName()).isEqualTo("gate.clinic.example");
            assertThat(first.user()).isEqualTo("jumper");
            assertThat(first.port()).isEqualTo(2200);
        });
    }

    @Test
    void unknownNameIsATypedErrorWithASuggestion() {
        assertThatThrownBy(() -> resolver.resolve("apps")).isInstanceOfSatisfying(SshException.class, e -> {
            assertThat(e.code()).isEqualTo("SSH-TARGET");
            assertThat(e.getMessage()).contains("'apps'").contains("app");
        });
    }

    @Test
    void hostsMissingUserGetTheLocalUser() throws Exception {
        assertThat(resolver.target("db.clinic.example").user()).isEqualTo("operator");
    }
}
