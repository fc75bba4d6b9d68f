package dev.flightdeck.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShellTemplateTest {

    private static String bind(String command, String value) throws Exception {
        return ShellTemplate.bind(
                command, name -> Optional.ofNullable(Map.of("v", value).get(name)));
    }

    @Test
    void aValueIsQuotedForWhereItStands() throws Exception {
        assertThat(bind("echo ${v}", "a; b")).isEqualTo("echo 'a; b'");
        assertThat(bind("echo ${v}", "it's")).isEqualTo("echo 'it'\\''s'");
        assertThat(bind("echo \"x ${v}\"", "$(id) `id` \\ \"")).isEqualTo("echo \"x \\$(id) \\`id\\` \\\\ \\\"\"");
        assertThat(bind("echo 'x ${v}'", "'; id; '")).isEqualTo("echo 'x '\\''; id; '\\'''");
        assertThat(bind("echo \"$(cat ${v})\"", "a b")).isEqualTo("echo \"$(cat 'a b')\"");
        assertThat(bind("echo `cat ${v}`", "a b")).isEqualTo("echo `cat 'a b'`");
        assertThat(bind("echo x # ${v}", "a\nid")).isEqualTo("echo x # a id");
    }

    @Test
    void plainValuesStayReadable() throws Exception {
        assertThat(bind("tar -czf /b/app_${v}.tar.gz", "20261202_0700"))
                .isEqualTo("tar -czf /b/app_20261202_0700.tar.gz");
        assertThat(bind("ls ${v}", "*")).isEqualTo("ls '*'");
        assertThat(bind("ls ${v}", "")).isEqualTo("ls ''");
    }

    @Test
    void onlyTheMarkedFormSplicesShellText() throws Exception {
        assertThat(bind("${raw:v} 10", "lb-ctl --weight")).isEqualTo("lb-ctl --weight 10");
        assertThat(ShellTemplate.rawSplices("${raw:v} ${w} ${raw: x}")).containsExactly("v", "x");
        assertThat(bind("echo $${HOME} ${v}", "x")).isEqualTo("echo ${HOME} x");
    }

    @Test
    void aHereDocumentTakesOnlyValuesThatCannotEndItOrExpand() throws Exception {
        assertThat(bind("cat <<EOF\n${v}\nEOF", "plain text")).isEqualTo("cat <<EOF\nplain text\nEOF");
        assertThatThrownBy(() -> bind("cat <<EOF\n${v}\nEOF", "x\nEOF\nid"))
                .isInstanceOf(ShellTemplate.UnsafeValueException.class)
                .hasMessageContaining("here-document");
        assertThat(bind("cat <<< ${v}", "a b")).isEqualTo("cat <<< 'a b'");
    }
}
