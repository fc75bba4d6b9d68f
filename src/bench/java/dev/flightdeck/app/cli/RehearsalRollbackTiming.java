package dev.flightdeck.app.cli;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.live.LiveSession;
import dev.flightdeck.live.SessionLauncher;
import dev.flightdeck.rollback.RollbackRunner;
import dev.flightdeck.runbook.BuiltinRunbooks;
import dev.flightdeck.runbook.Role;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookDigest;
import dev.flightdeck.sandbox.RunningSandbox;
import dev.flightdeck.sandbox.Sandbox;
import dev.flightdeck.session.SessionEvent;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rehearsal scenario's rollback, timed: the sandbox with the fault on, the rehearsal runbook run headless until
 * its watch fails on the error-rate trigger, then the emergency rollback from the operator's confirmation until it is
 * done and verified (previous release on both app hosts, snapshot swap, notice, four checks), every step journaled.
 */
final class RehearsalRollbackTiming {

    /** What the rollback did and how long it took. */
    record Timing(Duration total, int steps, int checks) {}

    private RehearsalRollbackTiming() {}

    static Timing measure(AppContext context, PrintWriter progress) throws Exception {
        try (SandboxRun run = SandboxRun.start(context, true, progress)) {
            RunningSandbox sandbox = run.sandbox();
            Runbook runbook = sandbox.runbook();
            Path journal = run.directory().resolve("bench-journal");
            char[] passphrase = HexFormat.of()
                    .formatHex(new SecureRandom().generateSeed(16))
                    .toCharArray();
            SessionLauncher.Choices choices = new SessionLauncher.Choices(
                    runbook,
                    RunbookDigest.sha256(
                            BuiltinRunbooks.source(Sandbox.RUNBOOK_ID).orElseThrow()),
                    sandbox.inventory(),
                    sandbox.inventoryFile().toString(),
                    SessionLauncher.startValues(runbook, sandbox.inventory(), Map.of()),
                    "Bench Operator",
                    journal,
                    passphrase,
                    sandbox.databasePasswords(),
                    sandbox.sshCredentials(),
                    SessionEvent.Mode.REHEARSAL);
            try (LiveSession live = SessionLauncher.forProduction(context).start(choices)) {
                Arrays.fill(passphrase, '\0');
                progress.println("Running the rehearsal with the fault on until its watch fails (about a minute)…");
                progress.flush();
                int result = new HeadlessRun(
                                live.session(),
                                new PrintWriter(Writer.nullWriter()),
                                true,
                                Map.of(Role.COMPLIANCE, List.of("Bench Approver")),
                                Set.of(),
                                Map.of())
                        .run();
                if (result != HeadlessRun.FAILED
                        || live.session().state().alarms().isEmpty()) {
                    throw new IllegalStateException(
                            "the faulty rehearsal did not stop on its trigger (exit " + result + ")");
                }
                long start = System.nanoTime();
                live.session().startRollback("bench rollback of the rehearsal", "Bench Operator");
                RollbackRunner.Result done = new RollbackRunner(live.session(), line -> {})
                        .run(step -> Optional.of("confirmed by the bench"), Map.of());
                Duration total = Duration.ofNanos(System.nanoTime() - start);
                if (done != RollbackRunner.Result.DONE) {
                    throw new IllegalStateException("the rehearsal's rollback ended " + done);
                }
                return new Timing(
                        total,
                        runbook.rollback().size(),
                        runbook.rollbackVerification().size());
            }
        }
    }
}
