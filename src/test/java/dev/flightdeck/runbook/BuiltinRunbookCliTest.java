package dev.flightdeck.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.app.cli.Cli;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltinRunbookCliTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        AppContext context = new AppContext(new FlightdeckHome(home), Map.of(FlightdeckHome.VARIABLE, home.toString()));
        return Cli.commandLine(context, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void listShowsEveryBuiltinWithItsSeedAndCounts() {
        assertThat(run("runbook", "list")).isEqualTo(Cli.OK);
        String listing = out.toString();
        for (String id : BuiltinRunbooks.ids()) {
            Runbook runbook = BuiltinRunbooksTest.load(id);
            assertThat(listing)
                    .containsPattern("(?m)^" + id + "\\s+.*" + runbook.source().replace(".", "\\.") + "\\s+"
                            + runbook.phases().size() + "\\s+" + runbook.stepCount() + "$");
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void showPrintsTheCutoverAsAChecklistWithTriggersAndRollback() {
        assertThat(run("runbook", "show", "hms-cutover")).isEqualTo(Cli.OK);
        String checklist = out.toString();
        assertThat(checklist)
                .contains("source: seeds/003_9f92ee8b4d5e13b4.txt")
                .contains("Phase 1: Database Migration (15 minutes)  (~15m)")
                .contains("Watch: Monitor for 10 minutes")
                .contains("health check failures > 3 consecutive  (arms rollback")
                .contains("on local: kubectl scale deployment hospital-backend --replicas=0");
        assertThat(checklist.indexOf("Rollback plan:")).isGreaterThan(checklist.indexOf("Lessons learned session"));
    }

    @Test
    void showOfAnUnknownIdNamesTheBuiltinsAndExitsWithUsage() {
        assertThat(run("runbook", "show", "no-such-runbook")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("neither a built-in runbook").contains("hipaa-migration-rollback");
    }
}
