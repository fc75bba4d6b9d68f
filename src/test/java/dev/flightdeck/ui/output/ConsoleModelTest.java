package dev.flightdeck.ui.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.session.OutputSink.Stream;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Filter, host column, search and copy over the shown lines, without the JavaFX toolkit. */
class ConsoleModelTest {

    private LineInbox inbox;
    private OutputPane console;
    private OutputModel model;

    @BeforeEach
    void newConsole() {
        inbox = new LineInbox(20);
        console = new OutputPane(inbox, () -> {});
        model = new OutputModel(20);
    }

    private void drain() {
        model.pump(inbox, 1_000, Long.MAX_VALUE);
    }

    @Test
    void oneHostNeedsNoHostColumnButASecondHostAddsOneAsWideAsTheLongestName() {
        console.append("app1", Stream.STDOUT, "alone");
        drain();
        assertThat(model.hostColumnWidthProperty().get()).isZero();
        assertThat(model.shownLines()
                        .get(0)
                        .displayText(model.hostColumnWidthProperty().get()))
                .isEqualTo("alone");

        console.append("database-primary", Stream.STDERR, "second host");
        drain();

        int width = model.hostColumnWidthProperty().get();
        assertThat(width).isEqualTo("database-primary".length());
        assertThat(model.shownLines().get(0).displayText(width)).isEqualTo("app1             │ alone");
    }

    @Test
    void theHostFilterShowsOneHostsLinesAndAllHostsAgainInTheirOriginalOrder() {
        for (int i = 0; i < 6; i++) {
            console.append(i % 3 == 0 ? "db1" : "app" + (i % 3), Stream.STDOUT, "line " + i);
        }
        drain();

        model.hostFilterProperty().set("app2");
        assertThat(model.shownLines()).extracting(OutputLine::text).containsExactly("line 2", "line 5");

        console.append("app2", Stream.STDOUT, "line 6");
        console.append("app1", Stream.STDOUT, "line 7");
        drain();
        assertThat(model.shownLines()).extracting(OutputLine::text).containsExactly("line 2", "line 5", "line 6");

        model.hostFilterProperty().set(null);
        assertThat(model.shownLines())
                .extracting(OutputLine::text)
                .hasSize(8)
                .startsWith("line 0")
                .endsWith("line 7");
        assertThat(model.hosts()).containsExactly("app1", "app2", "db1");
    }

    @Test
    void searchIgnoresCaseFindsNextAndPreviousAndWrapsAround() {
        List.of("starting", "ERROR: disk full", "retrying", "error again", "done")
                .forEach(text -> console.append("app1", Stream.STDOUT, text));
        drain();
        model.queryProperty().set("error");

        assertThat(model.matchCountProperty().get()).isEqualTo(2);
        assertThat(model.findNext(-1)).isEqualTo(OptionalInt.of(1));
        assertThat(model.findNext(1)).isEqualTo(OptionalInt.of(3));
        assertThat(model.findNext(3)).isEqualTo(OptionalInt.of(1));
        assertThat(model.findPrevious(1)).isEqualTo(OptionalInt.of(3));
        assertThat(model.matches(model.shownLines().get(2))).isFalse();
        model.queryProperty().set("nowhere");
        assertThat(model.findNext(0)).isEmpty();
    }

    @Test
    void theMatchCountFollowsLinesThatArriveAndLinesThatAreDropped() {
        model.queryProperty().set("warn");
        for (int i = 0; i < 20; i++) {
            console.append("app1", Stream.STDOUT, i < 5 ? "WARN old " + i : "ok " + i);
        }
        drain();
        assertThat(model.matchCountProperty().get()).isEqualTo(5);

        for (int i = 0; i < 3; i++) {
            console.append("app1", Stream.STDERR, "warning new " + i);
        }
        drain();

        assertThat(model.matchCountProperty().get()).isEqualTo(5 - 3 + 3);
        assertThat(model.matchCountProperty().get()).isEqualTo((int)
                model.shownLines().stream().filter(model::matches).count());
    }

    @Test
    void copiedLinesReadAsShownWithTheHostColumnWhenSeveralHostsWrite() {
        console.beginStep("3.2", "migrate", List.of("app1", "db1"));
        console.append("app1", Stream.STDOUT, "migrating");
        console.append("db1", Stream.STDERR, "NOTICE: relation exists");
        drain();

        assertThat(model.copyText(model.shownLines())).isEqualTo("""
                — step 3.2 migrate on app1, db1 —
                app1 │ migrating
                db1  │ NOTICE: relation exists
                """);
    }

    @Test
    void theDroppedMarkerStaysFirstUnderAHostFilter() {
        for (int i = 0; i < 30; i++) {
            console.append(i % 2 == 0 ? "app1" : "app2", Stream.STDOUT, "line " + i);
            if (i % 7 == 0) {
                drain();
            }
        }
        drain();
        model.hostFilterProperty().set("app1");

        assertThat(model.shownLines().get(0).text()).contains("10 earlier lines dropped");
        assertThat(model.shownLines().subList(1, model.shownLines().size()))
                .extracting(OutputLine::host)
                .containsOnly("app1");
        assertThat(model.keptLinesProperty().get()).isEqualTo(20);
    }
}
