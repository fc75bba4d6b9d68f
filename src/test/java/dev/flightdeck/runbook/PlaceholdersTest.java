package dev.flightdeck.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    private static final Map<String, String> VALUES =
            Map.of("ts", "20261123_020000", "steps.dump.file", "/var/backups/h.dump");

    @Test
    void referencesAreFoundWithTheirOffsets() throws Exception {
        assertThat(Placeholders.find("tar -czf app_${ts}.tgz ${ app_dir }"))
                .containsExactly(new Placeholders.Reference("ts", 13), new Placeholders.Reference("app_dir", 23));
    }

    @Test
    void valuesAreSubstitutedAndShellVariablesSurviveEscaping() throws Exception {
        String command = Placeholders.substitute(
                "pg_restore $${PGOPTS} ${steps.dump.file} # $HOME at ${ts}",
                name -> Optional.ofNullable(VALUES.get(name)));

        assertThat(command).isEqualTo("pg_restore ${PGOPTS} /var/backups/h.dump # $HOME at 20261123_020000");
    }

    @Test
    void escapedReferencesAreNotReferences() throws Exception {
        assertThat(Placeholders.find("echo $${HOME} $PATH")).isEmpty();
    }

    @Test
    void aMissingValueNamesTheReference() {
        assertThatThrownBy(() -> Placeholders.substitute("echo ${nope}", name -> Optional.empty()))
                .isInstanceOf(Placeholders.UnresolvedReferenceException.class)
                .hasMessage("no value for ${nope}");
    }

    @Test
    void anUnclosedReferenceSaysWhere() {
        assertThatThrownBy(() -> Placeholders.find("abc ${ts"))
                .isInstanceOf(Placeholders.UnclosedReferenceException.class)
                .hasMessage("'${' at character 5 is never closed with '}'");
    }
}
