package dev.flightdeck.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.ssh.config.SshConfigFile;
import dev.flightdeck.ssh.hostkey.HostKeyVerifier;
import dev.flightdeck.ssh.keys.OpenSshKeys;
import dev.flightdeck.ssh.loopback.LoopbackSshd;
import dev.flightdeck.testing.ssh.OpenSshServer;
import dev.flightdeck.testing.ssh.OpenSshTools;
import dev.flightdeck.testing.ssh.SshAgent;
import dev.flightdeck.testing.ssh.SshTestKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's own ssh_config, read by Flightdeck and by OpenSSH's {@code ssh -F} against the same real {@code sshd}:
 * for each convention, Flightdeck reaches the host exactly when {@code ssh} does. Paths in the configs are absolute
 * because {@code ssh} takes {@code ~} from the password database, not from {@code $HOME}; that relative Include paths
 * start at {@code ~/.ssh} is checked in {@code SshConfigFileTest}.
 */
class OpenSshConfigConformanceTest {

    @TempDir
    static Path dir;

    private static LoopbackSshd sshd;
    private static SshAgent agent;
    private static Path home;
    private static Path stranger;
    private static Path knownHosts;
    private static final List<String> FIGURES = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        sshd = OpenSshServer.start(dir.resolve("sshd"));
        home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve(".ssh"));
        stranger = OpenSshKeys.generate(home.resolve(".ssh/id_stranger"), OpenSshKeys.Type.ED25519);
        knownHosts = Files.writeString(home.resolve(".ssh/known_hosts_conformance"), sshd.knownHostsLine() + "\n");
        agent = SshAgent.start(dir.resolve("agent"));
        agent.add(sshd.userKey());
    }

    @AfterAll
    static void stop() throws Exception {
        FIGURES.forEach(System.out::println);
        agent.close();
        sshd.close();
    }

    /** The block that reaches the loopback sshd as the test user, with the known_hosts line in its own file. */
    private static String reach(String alias) {
        return String.join(
                "\n",
                "Host " + alias,
                "  HostName = 127.0.0.1",
                "  Port = " + sshd.port(),
                "  User = " + sshd.user(),
                "  UserKnownHostsFile = " + knownHosts,
                "  GlobalKnownHostsFile = /dev/null",
                "");
    }

    /** Runs both clients on the config and returns whether they reached the host; fails when they disagree. */
    private static boolean bothReach(String convention, String config, String alias, Optional<Path> agentSocket)
            throws Exception {
        Path file = Files.writeString(Files.createTempFile(home.resolve(".ssh"), "config", ""), config);
        OpenSshTools.Run ssh = OpenSshTools.ssh(
                home,
                file,
                agentSocket.map(Path::toString).orElse(null),
                List.of("-o", "ConnectTimeout=10"),
                alias,
                "true");
        boolean sshReached = ssh.succeeded();

        SshUserHome userHome =
                new SshUserHome(home, home.resolve(".ssh"), System.getProperty("user.name"), agentSocket);
        Inventory inventory = InventoryLoader.load("hosts:\n  elsewhere: { address: 10.255.255.1 }\n", "inventory.yaml")
                .value()
                .orElseThrow();
        boolean flightdeckReached;
        String why;
        try (SshSessions sessions = new SshSessions(
                SshTestKit.fastSettings(),
                new HostKeyVerifier(List.of(home.resolve(".ssh/known_hosts")), dir.resolve("flightdeck_known_hosts")),
                Credentials.NONE,
                SshEventListener.NONE)) {
            SshTarget target = new TargetResolver(
                            inventory, SshConfigFile.read(file, home.resolve(".ssh"), home), userHome)
                    .target(alias);
            CommandResult result = sessions.exec(target, CommandRequest.of("true"));
            flightdeckReached = result.isSuccess();
            why = result.outcome().toString();
        } catch (SshException e) {
            flightdeckReached = false;
            why = e.getMessage();
        }
        FIGURES.add(String.format(
                "%-46s ssh -F: %-9s Flightdeck: %s",
                convention, sshReached ? "reached" : "refused", flightdeckReached ? "reached" : "refused"));
        assertThat(flightdeckReached)
                .as(
                        "%s: ssh %s (%s), Flightdeck: %s",
                        convention,
                        sshReached ? "reached" : "did not reach",
                        ssh.output().strip(),
                        why)
                .isEqualTo(sshReached);
        return sshReached;
    }

    @Test
    void keyEqualsValueWithSpaces() throws Exception {
        String config = reach("spaced") + "  IdentityFile = " + sshd.userKey() + "\n  IdentitiesOnly = yes\n";
        assertThat(bothReach("Key = value", config, "spaced", Optional.empty())).isTrue();
    }

    @Test
    void includeWithAGlob() throws Exception {
        Path included = Files.createDirectories(home.resolve(".ssh/conf.d"));
        Files.writeString(
                included.resolve("50-clinic.conf"), reach("included") + "  IdentityFile " + sshd.userKey() + "\n");
        String config = "Include " + included + "/*.conf\n";
        assertThat(bothReach("Include with a glob", config, "included", Optional.empty()))
                .isTrue();
    }

    @Test
    void matchOriginalHostHostUserLocalUserAndAll() throws Exception {
        String config = String.join(
                "\n",
                "Match originalhost matched",
                "  HostName 127.0.0.1",
                "Match host 127.0.0.1 localuser " + System.getProperty("user.name"),
                "  Port " + sshd.port(),
                "Match user " + sshd.user(),
                "  IdentityFile " + sshd.userKey(),
                "Match all",
                "  User " + sshd.user(),
                "  UserKnownHostsFile " + knownHosts,
                "  GlobalKnownHostsFile /dev/null",
                "");
        assertThat(bothReach("Match originalhost/host/localuser/all", config, "matched", Optional.empty()))
                .isTrue();
        String otherLocalUser =
                config.replace("localuser " + System.getProperty("user.name"), "localuser somebody-else");
        assertThat(bothReach("Match localuser (another user: no port)", otherLocalUser, "matched", Optional.empty()))
                .isFalse();
    }

    @Test
    void identitiesOnlyNoOffersTheAgentAfterTheFiles() throws Exception {
        String config = reach("agented") + "  IdentityFile " + stranger + "\n";
        assertThat(bothReach("IdentityFile + agent, IdentitiesOnly no", config, "agented", Optional.of(agent.socket())))
                .isTrue();
        assertThat(bothReach(
                        "IdentityFile + agent, IdentitiesOnly yes",
                        config + "  IdentitiesOnly yes\n",
                        "agented",
                        Optional.of(agent.socket())))
                .isFalse();
    }

    @Test
    void identityAgentNamesTheSocketOrNone() throws Exception {
        String config = reach("viaagent") + "  IdentityFile " + stranger + "\n  IdentityAgent " + agent.socket() + "\n";
        assertThat(bothReach("IdentityAgent PATH (no SSH_AUTH_SOCK)", config, "viaagent", Optional.empty()))
                .isTrue();
        String none = reach("noagent") + "  IdentityFile " + stranger + "\n  IdentityAgent none\n";
        assertThat(bothReach("IdentityAgent none (SSH_AUTH_SOCK set)", none, "noagent", Optional.of(agent.socket())))
                .isFalse();
    }

    @Test
    void userAndGlobalKnownHostsFiles() throws Exception {
        String userFile = reach("userkh") + "  IdentityFile " + sshd.userKey() + "\n";
        assertThat(bothReach("UserKnownHostsFile", userFile, "userkh", Optional.empty()))
                .isTrue();
        String globalOnly = reach("globalkh")
                        .replace("UserKnownHostsFile = " + knownHosts, "UserKnownHostsFile = /dev/null")
                        .replace("GlobalKnownHostsFile = /dev/null", "GlobalKnownHostsFile = " + knownHosts)
                + "  IdentityFile " + sshd.userKey() + "\n";
        assertThat(bothReach("GlobalKnownHostsFile", globalOnly, "globalkh", Optional.empty()))
                .isTrue();
        String unknown =
                reach("unknownkh").replace("UserKnownHostsFile = " + knownHosts, "UserKnownHostsFile = /dev/null")
                        + "  IdentityFile " + sshd.userKey() + "\n";
        assertThat(bothReach("host key in no known_hosts file", unknown, "unknownkh", Optional.empty()))
                .isFalse();
    }

    @Test
    void certificateAuthorityLineIsNamedWhenTheHostReadsAsUnknown() throws Exception {
        Path ca = Files.writeString(
                home.resolve(".ssh/known_hosts_ca"),
                "@cert-authority [127.0.0.1]:* "
                        + OpenSshKeys.publicKeyLine(
                                OpenSshKeys.generate(home.resolve(".ssh/ca"), OpenSshKeys.Type.ED25519))
                        + "\n");
        String config = reach("certified").replace("UserKnownHostsFile = " + knownHosts, "UserKnownHostsFile = " + ca)
                + "  IdentityFile " + sshd.userKey() + "\n";
        // the sshd presents a plain host key, not a certificate: neither client may trust it through the CA
        assertThat(bothReach("@cert-authority, plain host key", config, "certified", Optional.empty()))
                .isFalse();
        SshUserHome userHome =
                new SshUserHome(home, home.resolve(".ssh"), System.getProperty("user.name"), Optional.empty());
        Path file = Files.writeString(home.resolve(".ssh/config_ca"), config);
        Inventory inventory = InventoryLoader.load("hosts:\n  elsewhere: { address: 10.255.255.1 }\n", "inventory.yaml")
                .value()
                .orElseThrow();
        try (SshSessions sessions = new SshSessions(
                SshTestKit.fastSettings(),
                new HostKeyVerifier(List.of(home.resolve(".ssh/known_hosts")), dir.resolve("flightdeck_known_hosts")),
                Credentials.NONE,
                SshEventListener.NONE)) {
            SshTarget target = new TargetResolver(
                            inventory, SshConfigFile.read(file, home.resolve(".ssh"), home), userHome)
                    .target("certified");
            Assertions.assertThatThrownBy(() -> sessions.connect(target))
                    .isInstanceOf(UnknownHostKeyException.class)
                    .hasMessageContaining("A @cert-authority line names this host (" + ca + ":1)");
        }
    }
}
