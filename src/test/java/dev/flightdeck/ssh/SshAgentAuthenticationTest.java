package dev.flightdeck.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.ssh.config.SshConfigFile;
import dev.flightdeck.ssh.loopback.LoopbackSshd;
import dev.flightdeck.testing.ssh.MinaSshServer;
import dev.flightdeck.testing.ssh.OpenSshServer;
import dev.flightdeck.testing.ssh.SshAgent;
import dev.flightdeck.testing.ssh.SshTestKit;
import dev.flightdeck.testing.tools.RequiresTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Login through a real OpenSSH ssh-agent: the key is {@code ssh-add}ed and then deleted, the target names no key
 * file and the operator's home has none, so the agent is the only way in.
 */
@RequiresTool({"sshd", "ssh-agent", "ssh-add"})
class SshAgentAuthenticationTest {

    @TempDir
    Path operatorDirectory;

    private SshAgent agent;
    private SshTestKit kit;

    @BeforeEach
    void startAgent() throws Exception {
        agent = SshAgent.start(operatorDirectory.resolve("agent"));
        kit = SshTestKit.in(operatorDirectory);
    }

    @AfterEach
    void killAgent() throws Exception {
        agent.close();
    }

    @Test
    void minaLoginGoesThroughTheAgentWhenTheTargetNamesNoKeyFile(@TempDir Path serverDirectory) throws Exception {
        try (MinaSshServer server = MinaSshServer.start(serverDirectory)) {
            kit.knowHost(server.knownHostsLine());
            holdOnlyInTheAgent(server.userKey());
            SshTarget target = resolve("app1", server.port(), "deploy", Optional.of(agent.socket()));
            assertThat(target.identities()).isEmpty();
            assertThat(target.agentSocket()).contains(agent.socket());

            try (SshSessions sessions = kit.sessions(SshEventListener.NONE)) {
                CommandResult result = sessions.exec(
                        target, CommandRequest.of("echo via-agent").capturingBytes());

                assertThat(result.isSuccess())
                        .as("outcome %s", result.outcome())
                        .isTrue();
                assertThat(new String(result.stdout(), StandardCharsets.UTF_8)).isEqualTo("via-agent\n");
            }
        }
    }

    @Test
    void theSameTargetWithoutAnAgentIsRefusedSoTheAgentMadeTheDifference(@TempDir Path serverDirectory)
            throws Exception {
        try (MinaSshServer server = MinaSshServer.start(serverDirectory)) {
            kit.knowHost(server.knownHostsLine());
            holdOnlyInTheAgent(server.userKey());
            SshTarget target = resolve("app1", server.port(), "deploy", Optional.empty());

            try (SshSessions sessions = kit.sessions(SshEventListener.NONE)) {
                assertAuthenticationRefused(sessions.exec(target, CommandRequest.of("true")));
            }
        }
    }

    @Test
    void anAgentThatHasGoneAwayIsSkippedAndTheLoginFailsAsAnAuthenticationError(@TempDir Path serverDirectory)
            throws Exception {
        try (MinaSshServer server = MinaSshServer.start(serverDirectory)) {
            kit.knowHost(server.knownHostsLine());
            holdOnlyInTheAgent(server.userKey());
            SshTarget target = resolve("app1", server.port(), "deploy", Optional.of(agent.socket()));
            agent.close();

            try (SshSessions sessions = kit.sessions(SshEventListener.NONE)) {
                assertAuthenticationRefused(sessions.exec(target, CommandRequest.of("true")));
            }
        }
    }

    @Test
    void openSshLoginGoesThroughTheAgentWhenTheTargetNamesNoKeyFile(@TempDir Path serverDirectory) throws Exception {
        try (LoopbackSshd sshd = OpenSshServer.start(serverDirectory)) {
            kit.knowHost(sshd.knownHostsLine());
            holdOnlyInTheAgent(sshd.userKey());
            SshTarget target = resolve("db1", sshd.port(), sshd.user(), Optional.of(agent.socket()));
            assertThat(target.identities()).isEmpty();

            try (SshSessions sessions = kit.sessions(SshEventListener.NONE)) {
                CommandResult result = sessions.exec(
                        target, CommandRequest.of("echo via-agent").capturingBytes());

                assertThat(result.isSuccess())
                        .as("outcome %s", result.outcome())
                        .isTrue();
                assertThat(new String(result.stdout(), StandardCharsets.UTF_8)).isEqualTo("via-agent\n");
            }
        }
    }

    /** ssh-add, then delete the file (and its .pub), so nothing but the agent can sign. */
    private void holdOnlyInTheAgent(Path key) throws Exception {
        agent.add(key);
        Files.delete(key);
        Files.deleteIfExists(Path.of(key + ".pub"));
    }

    /** Through the inventory and resolver, as a run would: the agent socket comes from the operator's SshUserHome. */
    private SshTarget resolve(String name, int port, String user, Optional<Path> agentSocket) throws SshException {
        Inventory inventory = InventoryLoader.load(
                        "hosts:\n  " + name + ": { address: 127.0.0.1, port: " + port + ", user: " + user + " }\n",
                        "inventory.yaml")
                .value()
                .orElseThrow();
        SshUserHome base = kit.userHome();
        SshUserHome userHome = new SshUserHome(base.home(), base.sshDirectory(), base.localUser(), agentSocket);
        return new TargetResolver(inventory, SshConfigFile.parse(""), userHome).target(name);
    }

    private static void assertAuthenticationRefused(CommandResult result) {
        assertThat(result.outcome())
                .isInstanceOfSatisfying(
                        CommandOutcome.FailedToStart.class,
                        failed -> assertThat(failed.cause().code()).isEqualTo("SSH-AUTH"));
    }
}
