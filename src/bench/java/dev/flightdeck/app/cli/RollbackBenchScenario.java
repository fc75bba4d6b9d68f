package dev.flightdeck.app.cli;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.journal.JournalOptions;
import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.live.LiveSession;
import dev.flightdeck.live.SessionLauncher;
import dev.flightdeck.rollback.RollbackRunner;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.ssh.Credentials;
import dev.flightdeck.ssh.loopback.LoopbackSshd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * The bench's own small rollback scenario (the rehearsal sandbox is not available to it yet): an upgrade of a
 * config file on one host behind a loopback OpenSSH sshd, then the emergency rollback through the real launcher,
 * journal (production durability) and runner: a procedure of two commands, the upgrade's undo, one check. The first
 * rollback command writes the server's clock ({@code date +%s%N}) when it arrives.
 */
final class RollbackBenchScenario {

    /** Confirmation → first rollback command on the server, and confirmation → rollback finished, in ms. */
    record Timing(double toFirstCommandMillis, double totalMillis) {}

    static final String RUNBOOK = """
            runbook: Bench upgrade
            variables: { work: { description: the run's directory } }
            phases:
              - id: change
                steps:
                  - id: upgrade
                    run: cp ${work}/app.conf ${work}/app.conf.before && echo version=2 > ${work}/app.conf
                    on: app
                    undo: { run: "mv ${work}/app.conf.before ${work}/app.conf", on: app }
            rollback:
              - id: stop-app
                run: date +%s%N > ${work}/arrived; echo stopping the app
                on: app
              - id: save-evidence
                run: cp ${work}/app.conf ${work}/app.conf.failed
                on: app
            rollback-verification:
              - id: config-back
                run: grep -q version=1 ${work}/app.conf
                on: app
            """;

    private final LoopbackSshd sshd;
    private final Path directory;
    private final SessionLauncher launcher;

    RollbackBenchScenario(LoopbackSshd sshd, Path directory) throws IOException {
        this.sshd = sshd;
        this.directory = directory;
        Path userHome = Files.createDirectories(directory.resolve("user/.ssh")).getParent();
        Files.writeString(userHome.resolve(".ssh/known_hosts"), sshd.knownHostsLine() + "\n");
        AppContext context =
                new AppContext(new FlightdeckHome(directory.resolve("home")), Map.of("HOME", userHome.toString()));
        // the bench times the rollback, not the operator key's derivation when the session opens
        this.launcher = new SessionLauncher(context, JournalOptions.defaults(), KdfCost.insecureForTestsOnly(64));
    }

    Timing run(int number) throws Exception {
        Path work = Files.createDirectories(directory.resolve("run-" + number));
        Files.writeString(work.resolve("app.conf"), "version=1\n");
        Runbook runbook = RunbookLoader.load(RUNBOOK, "bench.runbook.yaml", "bench")
                .value()
                .orElseThrow();
        SessionLauncher.Choices choices = new SessionLauncher.Choices(
                runbook,
                "bench",
                inventory(),
                "bench inventory",
                Map.of("work", work.toString()),
                "bench",
                work.resolve("journal"),
                "bench passphrase".toCharArray(),
                target -> Optional.empty(),
                Credentials.NONE,
                SessionEvent.Mode.REHEARSAL);
        try (LiveSession live = launcher.start(choices)) {
            Session session = live.session();
            for (Step step = session.state().currentStep().orElse(null);
                    step != null;
                    step = session.state().currentStep().orElse(null)) {
                require(
                        session.run(step.id()).status() == SessionEvent.Status.SUCCEEDED,
                        "upgrade step " + step.id() + " failed");
            }
            long confirmedAt = wallClockNanos();
            long start = System.nanoTime();
            session.startRollback("bench", "bench");
            RollbackRunner.Result result =
                    new RollbackRunner(session, line -> {}).run(step -> Optional.of("bench"), Map.of());
            double total = (System.nanoTime() - start) / 1e6;
            require(result == RollbackRunner.Result.DONE, "the bench rollback ended " + result);
            long arrived =
                    Long.parseLong(Files.readString(work.resolve("arrived")).strip());
            return new Timing((arrived - confirmedAt) / 1e6, total);
        }
    }

    /** The commands of the rollback, as a script would run them one after another over an open connection. */
    static String[] bareCommands(Path work) {
        return new String[] {
            "date +%s%N > " + work + "/arrived; echo stopping the app",
            "cp " + work + "/app.conf " + work + "/app.conf.failed",
            "mv " + work + "/app.conf.before " + work + "/app.conf",
            "grep -q version=1 " + work + "/app.conf"
        };
    }

    private Inventory inventory() {
        return InventoryLoader.load(
                        "hosts:\n  app1: { address: %s, port: %d, user: %s, identity: \"%s\", groups: [app] }\n"
                                .formatted(sshd.host(), sshd.port(), sshd.user(), sshd.userKey()),
                        "bench inventory")
                .value()
                .orElseThrow();
    }

    static long wallClockNanos() {
        return ChronoUnit.NANOS.between(Instant.EPOCH, Instant.now());
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
