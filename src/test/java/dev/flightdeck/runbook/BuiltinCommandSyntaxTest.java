package dev.flightdeck.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command of every built-in, bound as a session would bind it, is a script bash can parse. */
class BuiltinCommandSyntaxTest {

    static List<String> ids() {
        return BuiltinRunbooks.ids();
    }

    @ParameterizedTest(name = "every command of {0} parses with bash -n")
    @MethodSource("ids")
    void everyCommandParsesAsBash(String id) throws Exception {
        Runbook runbook = BuiltinRunbooksTest.load(id);
        List<String> broken = new ArrayList<>();
        int commands = 0;
        for (Step step : RunbookValidator.allSteps(runbook)) {
            if (step.action() instanceof StepAction.Run run) {
                commands++;
                String script = bound(run.command(), runbook);
                checkSyntax(script).ifPresent(error -> broken.add(step.id() + ": " + error));
            }
        }
        assertThat(commands).isPositive();
        assertThat(broken).as("commands of %s that bash cannot parse", id).isEmpty();
    }

    /** Defaults where the runbook has them; a plain word for values supplied at session start and for step outputs. */
    private static String bound(String command, Runbook runbook) throws Exception {
        return Placeholders.substitute(
                command,
                name -> Optional.of(runbook.variables().stream()
                        .filter(variable -> variable.name().equals(name))
                        .findFirst()
                        .flatMap(VariableDefinition::defaultValue)
                        .orElse(name.startsWith("steps.") ? "/var/backups/output-of-step" : "bound-value")));
    }

    private static Optional<String> checkSyntax(String script) throws IOException, InterruptedException {
        Process bash =
                new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
        try (OutputStream in = bash.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(10, TimeUnit.SECONDS)).as("bash -n finishes").isTrue();
        return bash.exitValue() == 0 ? Optional.empty() : Optional.of(output.strip());
    }
}
