package dev.flightdeck.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.ssh.hostkey.TrustResult;
import dev.flightdeck.ssh.keys.OpenSshKeys;
import dev.flightdeck.ssh.loopback.LoopbackSshd;
import dev.flightdeck.testing.ssh.FreezableRelay;
import dev.flightdeck.testing.ssh.OpenSshServer;
import dev.flightdeck.testing.ssh.OpenSshTools;
import dev.flightdeck.testing.ssh.SshTestKit;
import dev.flightdeck.testing.tools.RequiresTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSch through Flightdeck against a real OpenSSH sshd on a loopback port (ed25519 host and user keys). */
@RequiresTool({"sshd", "ssh-keygen"})
class OpenSshInteropTest {

    @TempDir
    static Path serverDirectory;

    private static LoopbackSshd sshd;

    @TempDir
    Path operatorDirectory;

    private SshTestKit kit;
    private RecordingListener listener;
    private SshSessions sessions;
    private SshTarget target;

    @BeforeAll
    static void startSshd() throws Exception {
        sshd = OpenSshServer.start(serverDirectory);
    }

    @AfterAll
    static void stopSshd() {
        sshd.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        kit = SshTestKit.in(operatorDirectory);
        listener = new RecordingListener();
        sessions = kit.sessions(listener);
        target = SshTestKit.target("openssh", sshd.port(), sshd.userKey());
    }

    @AfterEach
    void tearDown() {
        sessions.close();
    }

    private static String sshKeygenFingerprint(Path publicKey) throws Exception {
        return OpenSshTools.fingerprint(publicKey);
    }

    @Test
    void connectsWithAnEd25519KeyAndRunsACommand() throws Exception {
        kit.knowHost(sshd.knownHostsLine());

        HostSession session = sessions.connect(target);
        CommandResult result =
                sessions.exec(target, CommandRequest.of("echo $((6 * 7))").capturingBytes());

        assertThat(session.serverVersion()).startsWith("SSH-2.0-OpenSSH");
        assertThat(new String(result.stdout(), StandardCharsets.UTF_8)).isEqualTo("42\n");
        assertThat(listener.startingWith("hostkey")).singleElement().asString().contains("Trusted");
    }

    @Test
    void exitCodesAcrossTheWholeRangeAreReportedExactlyOnOneConnection() throws Exception {
        kit.knowHost(sshd.knownHostsLine());
        // A sample of 0..255 (each OpenSSH exec costs ~0.2 s here); the 1,000-command MINA test covers every value.
        for (int code : new int[] {0, 1, 2, 3, 42, 126, 127, 128, 130, 137, 143, 200, 254, 255}) {
            assertThat(sessions.exec(target, CommandRequest.of("exit " + code)).outcome())
                    .isEqualTo(new CommandOutcome.Completed(code));
        }
        assertThat(listener.startingWith("opened")).hasSize(1);
    }

    @Test
    void stderrIsDeliveredApartFromStdout() throws Exception {
        kit.knowHost(sshd.knownHostsLine());
        List<String> lines = new CopyOnWriteArrayList<>();

        sessions.exec(
                target, CommandRequest.of("echo to-out; echo to-err >&2").withOutput((s, l) -> lines.add(s + ":" + l)));

        assertThat(lines).containsExactlyInAnyOrder("STDOUT:to-out", "STDERR:to-err");
    }

    @Test
    void hundredThousandLinesArriveCompleteAndInOrder() throws Exception {
        kit.knowHost(sshd.knownHostsLine());
        AtomicInteger expected = new AtomicInteger(1);
        AtomicInteger outOfOrder = new AtomicInteger();

        CommandResult result =
                sessions.exec(target, CommandRequest.of("seq 1 100000").withOutput((stream, line) -> {
                    if (!line.equals(Integer.toString(expected.getAndIncrement()))) {
                        outOfOrder.incrementAndGet();
                    }
                }));

        assertThat(result.isSuccess()).isTrue();
        assertThat(expected.get() - 1).isEqualTo(100_000);
        assertThat(outOfOrder.get()).isZero();
    }

    @Test
    void binaryOutputIsCapturedExactly() throws Exception {
        kit.knowHost(sshd.knownHostsLine());
        Path file = operatorDirectory.resolve("random.bin");

        CommandResult result = sessions.exec(
                target,
                CommandRequest.of("head -c 300000 /dev/urandom | tee " + file).capturingBytes());

        assertThat(result.stdout()).hasSize(300_000).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void hungCommandHitsItsDeadlineAndItsOutcomeIsUnknown() throws Exception {
        kit.knowHost(sshd.knownHostsLine());

        CommandResult result =
                sessions.exec(target, CommandRequest.of("sleep 60").withDeadline(Duration.ofSeconds(1)));

        assertThat(result.outcome()).isInstanceOf(CommandOutcome.Unknown.class);
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(5));
        assertThat(sessions.exec(target, CommandRequest.of("true")).isSuccess())
                .as("the connection still works")
                .isTrue();
    }

    @Test
    void cancelStopsARunningCommandWithUnknownOutcome() throws Exception {
        kit.knowHost(sshd.knownHostsLine());
        RunningCommand running = sessions.start(target, CommandRequest.of("echo started; sleep 60"));
        Thread.sleep(300);

        running.cancel();

        assertThat(running.await().outcome()).isInstanceOf(CommandOutcome.Unknown.class);
    }

    @Test
    void unknownHostKeyIsRefusedWithTheFingerprintOpenSshPrintsAndTrustedOnlyByDecision() throws Exception {
        String fingerprint = sshKeygenFingerprint(serverDirectory.resolve("ssh_host_ed25519_key.pub"));

        assertThatThrownBy(() -> sessions.connect(target)).isInstanceOfSatisfying(UnknownHostKeyException.class, e -> {
            assertThat(e.code()).isEqualTo("SSH-HOSTKEY-UNKNOWN");
            assertThat(e.key().fingerprint()).isEqualTo(fingerprint);
            assertThat(e.key().keyType()).isEqualTo("ssh-ed25519");
            assertThat(e.getMessage()).contains(fingerprint);
        });
        assertThat(sessions.trust(target, fingerprint)).isEqualTo(TrustResult.STORED);

        assertThat(sessions.exec(target, CommandRequest.of("true")).isSuccess()).isTrue();
        assertThat(Files.readString(kit.flightdeckKnownHosts()))
                .contains("[127.0.0.1]:" + sshd.port() + " ssh-ed25519 ");
        assertThat(listener.startingWith("trust")).containsExactly("trust openssh " + fingerprint + " STORED");
    }

    @Test
    void trustGivenBeforeConnectingAppliesOnlyToThatExactKey() throws Exception {
        String fingerprint = sshKeygenFingerprint(serverDirectory.resolve("ssh_host_ed25519_key.pub"));

        assertThat(sessions.trust(target, fingerprint)).isEqualTo(TrustResult.PENDING_UNTIL_SEEN);

        assertThat(sessions.exec(target, CommandRequest.of("true")).isSuccess()).isTrue();
        assertThat(Files.readString(kit.flightdeckKnownHosts())).contains("ssh-ed25519");
    }

    @Test
    void changedHostKeyIsRefusedAndCannotBeTrusted() throws Exception {
        Path otherKey = OpenSshKeys.generate(operatorDirectory.resolve("other_host_key"), OpenSshKeys.Type.ED25519);
        kit.knowHost("[127.0.0.1]:" + sshd.port() + " " + OpenSshKeys.publicKeyLine(otherKey));
        String realFingerprint = sshKeygenFingerprint(serverDirectory.resolve("ssh_host_ed25519_key.pub"));

        assertThatThrownBy(() -> sessions.connect(target)).isInstanceOfSatisfying(ChangedHostKeyException.class, e -> {
            assertThat(e.code()).isEqualTo("SSH-HOSTKEY-CHANGED");
            assertThat(e.getMessage())
                    .contains("REMOTE HOST IDENTIFICATION HAS CHANGED")
                    .contains(realFingerprint);
        });
        assertThat(sessions.trust(target, realFingerprint)).isEqualTo(TrustResult.REFUSED_KEY_CHANGED);
        assertThatThrownBy(() -> sessions.connect(target)).isInstanceOf(ChangedHostKeyException.class);
        assertThat(kit.flightdeckKnownHosts()).doesNotExist();
    }

    @Test
    void hashedKnownHostsEntryIsAccepted() throws Exception {
        kit.knowHost(sshd.knownHostsLine());
        OpenSshTools.hashKnownHosts(kit.userKnownHosts());
        assertThat(Files.readString(kit.userKnownHosts())).startsWith("|1|").doesNotContain("127.0.0.1");

        assertThat(sessions.exec(target, CommandRequest.of("true")).isSuccess()).isTrue();
    }

    @Test
    void keysAndHashedKnownHostsMadeInJavaAreAcceptedByOpenSsh() throws Exception {
        kit.knowHost(sshd.knownHostsLine());
        OpenSshKeys.hashKnownHosts(kit.userKnownHosts());
        assertThat(Files.readString(kit.userKnownHosts())).startsWith("|1|").doesNotContain("127.0.0.1");
        Path config = operatorDirectory.resolve("ssh_config");
        Files.writeString(config, "Host *\n  IdentitiesOnly yes\n  StrictHostKeyChecking yes\n");

        // the user key and the host key of this sshd were made by OpenSshKeys; the known_hosts line hashed by it
        OpenSshTools.Run run = OpenSshTools.ssh(
                operatorDirectory.resolve("home"),
                config,
                null,
                List.of(
                        "-p",
                        Integer.toString(sshd.port()),
                        "-i",
                        sshd.userKey().toString(),
                        "-o",
                        "UserKnownHostsFile=" + kit.userKnownHosts(),
                        "-o",
                        "GlobalKnownHostsFile=/dev/null"),
                sshd.user() + "@127.0.0.1",
                "echo reached");

        assertThat(run.output()).contains("reached");
        assertThat(run.exitCode()).isZero();
        assertThat(OpenSshKeys.fingerprint(OpenSshKeys.publicKey(sshd.userKey())))
                .isEqualTo(OpenSshTools.fingerprint(Path.of(sshd.userKey() + ".pub")));
        assertThat(OpenSshTools.derivePublicKey(sshd.userKey(), "").output().trim())
                .startsWith(OpenSshKeys.publicKeyLine(sshd.userKey()) + " ");
    }

    @Test
    void serverKilledMidCommandGivesUnknownOutcomeNeverSuccess(@TempDir Path doomedDirectory) throws Exception {
        LoopbackSshd doomed = OpenSshServer.start(doomedDirectory);
        try {
            kit.knowHost(doomed.knownHostsLine());
            SshTarget doomedTarget = SshTestKit.target("doomed", doomed.port(), doomed.userKey());
            AtomicReference<String> firstLine = new AtomicReference<>();
            RunningCommand running = sessions.start(
                    doomedTarget,
                    CommandRequest.of("echo working; sleep 60; exit 0")
                            .withOutput((stream, line) -> firstLine.compareAndSet(null, line)));
            while (firstLine.get() == null) {
                Thread.sleep(20);
            }

            doomed.killAbruptly();

            CommandResult result = running.await();
            assertThat(result.outcome()).isInstanceOf(CommandOutcome.Unknown.class);
            assertThat(result.isSuccess()).isFalse();
            assertThat(listener.startingWith("lost")).containsExactly("lost doomed");
        } finally {
            doomed.close();
        }
    }

    @Test
    void hostThatStopsAnsweringIsDeclaredLostByKeepaliveAndTheCommandOutcomeIsUnknown(@TempDir Path frozenDirectory)
            throws Exception {
        LoopbackSshd frozen = OpenSshServer.start(frozenDirectory);
        SshSettings quickKeepalive =
                new SshSettings(Duration.ofSeconds(5), Duration.ofMillis(300), 2, Duration.ofMillis(300));
        try (FreezableRelay network = FreezableRelay.to(frozen.port());
                SshSessions quick = new SshSessions(quickKeepalive, kit.verifier(), Credentials.NONE, listener)) {
            kit.knowHost(frozen.knownHostsLine().replace(":" + frozen.port() + " ", ":" + network.port() + " "));
            SshTarget frozenTarget = SshTestKit.target("frozen", network.port(), frozen.userKey());
            RunningCommand running = quick.start(frozenTarget, CommandRequest.of("sleep 60"));
            Thread.sleep(300);

            network.freeze();

            CommandResult result = running.await();
            assertThat(result.outcome())
                    .isInstanceOfSatisfying(
                            CommandOutcome.Unknown.class,
                            unknown -> assertThat(unknown.reason()).contains("connection dropped"));
            assertThat(result.duration()).isLessThan(Duration.ofSeconds(10));
            assertThat(listener.startingWith("lost")).containsExactly("lost frozen");
        } finally {
            frozen.close();
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
