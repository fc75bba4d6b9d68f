package dev.flightdeck.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.app.cli.BenchLauncher;
import dev.flightdeck.app.cli.CliRun;
import dev.flightdeck.testing.tools.RequiresTool;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flightdeck bench rollback} runs end to end against its own sshd and the rehearsal sandbox (one run: this
 * checks it works, not its speed).
 */
@RequiresTool({"sshd", "pg_dump", "pg_restore", "psql"})
class RollbackBenchCommandTest {

    @Test
    void benchPrintsFirstCommandAndTotalRowsWithTheirReferences(@TempDir Path home) {
        CliRun bench = CliRun.runWith(home, Map.of(), BenchLauncher::withBench, "bench", "rollback", "--runs", "1");

        assertThat(bench.exitCode()).as(bench.err()).isZero();
        assertThat(bench.out())
                .containsSubsequence(
                        "confirmation → first rollback command on the server",
                        "bare SSH exec, open connection (reference)",
                        "Flightdeck rollback (goal < 1000 ms)",
                        "whole rollback: 3 steps + 1 verification check",
                        "same 4 commands, sequential bare execs (reference)",
                        "Flightdeck rollback, journaled and verified",
                        "Rehearsal sandbox up in",
                        "Rehearsal scenario (sandbox, fault on): confirmation → rollback done and verified, 3 steps + 4 checks: ");
    }
}
