"""Rewrites MarkdownImportFaithfulnessTest (stdin) for the old tree: Parsed's old package, and soft assertions so that
every failing assertion of a case is reported. Line numbers are kept (nothing is inserted on a line of its own), so
the summary's lines are the current test's lines."""
import re
import sys

text = sys.stdin.read()
text = text.replace("import dev.flightdeck.diagnostic.Parsed;", "import dev.flightdeck.yaml.Parsed;")
text = text.replace(
    "import static org.assertj.core.api.Assertions.assertThat;",
    "import org.assertj.core.api.SoftAssertions; import org.junit.jupiter.api.AfterEach; "
    "import org.junit.jupiter.api.BeforeEach;")
text = re.sub(r"(?<![\w.])assertThat\(", "SOFT.assertThat(", text)
text, classes = re.subn(
    r"(class MarkdownImportFaithfulnessTest \{)",
    r"\1 static SoftAssertions SOFT; @BeforeEach void soft() { SOFT = new SoftAssertions(); }"
    r" @AfterEach void all() { SOFT.assertAll(); }",
    text)
if classes != 1:
    sys.exit("the test class was not found: has it been renamed?")
sys.stdout.write(text)
