package dev.flightdeck.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.ssh.config.SshConfigFile;
import dev.flightdeck.ssh.loopback.LoopbackSshd;
import dev.flightdeck.testing.ssh.OpenSshServer;
import dev.flightdeck.testing.ssh.SshTestKit;
import dev.flightdeck.testing.tools.RequiresTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ProxyJump through a real OpenSSH bastion to a second real sshd, with targets from an inventory and ~/.ssh/config. */
@RequiresTool("sshd")
class OpenSshProxyJumpTest {

    @Test
    void commandRunsOnTheTargetThroughTheJumpHostDeclaredInSshConfig(
            @TempDir Path bastionDir, @TempDir Path targetDir, @TempDir Path operatorDir) throws Exception {
        try (LoopbackSshd bastion = OpenSshServer.start(bastionDir);
                LoopbackSshd db = OpenSshServer.start(targetDir)) {
            SshTestKit kit = SshTestKit.in(operatorDir);
            kit.knowHost(bastion.knownHostsLine());
            kit.knowHost(db.knownHostsLine());
            // The bastion is known only to ~/.ssh/config; the inventory names db1 and says nothing of a jump.
            Files.writeString(
                    kit.userHome().config(),
                    String.join(
                            "\n",
                            "Host bastion",
                            "    HostName 127.0.0.1",
                            "    Port " + bastion.port(),
                            "    IdentityFile " + bastion.userKey(),
                            "Host db1",
                            "    ProxyJump bastion",
                            ""));
            Inventory inventory = InventoryLoader.load(
                            "hosts:\n  db1: { address: 127.0.0.1, port: " + db.port() + ", identity: " + db.userKey()
                                    + ", groups: [db] }\n",
                            "inventory.yaml")
                    .value()
                    .orElseThrow();
            TargetResolver resolver = new TargetResolver(
                    inventory, SshConfigFile.read(kit.userHome().config()), kit.userHome());
            RecordingListener listener = new RecordingListener();

            try (SshSessions sessions = kit.sessions(listener)) {
                List<SshTarget> targets = resolver.resolve("db");
                CommandResult result = sessions.exec(
                        targets.get(0),
                        CommandRequest.of("echo \"$SSH_CONNECTION\"").capturingBytes());

                assertThat(targets)
                        .singleElement()
                        .satisfies(t -> assertThat(t.jump()).isPresent());
                assertThat(result.isSuccess()).isTrue();
                // sshd prints "client-ip client-port server-ip server-port": the server port is the target's.
                assertThat(new String(result.stdout(), StandardCharsets.UTF_8).trim())
                        .endsWith(" " + db.port());
                assertThat(listener.startingWith("opened")).containsExactly("opened bastion", "opened db1");
                assertThat(listener.startingWith("hostkey")).hasSize(2).allMatch(e -> e.contains("Trusted"));
            }
        }
    }
}
