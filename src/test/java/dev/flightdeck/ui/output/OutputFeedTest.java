package dev.flightdeck.ui.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.session.OutputSink;
import dev.flightdeck.session.OutputSink.Stream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The path from any thread to the shown lines, without the JavaFX toolkit: inbox, drain, cap, marker. */
class OutputFeedTest {

    private static final long NO_BUDGET = Long.MAX_VALUE;

    private final AtomicInteger wakeUps = new AtomicInteger();

    @Test
    void manyLinesFromAnotherThreadWakeTheDrainOnceNotOncePerLine() throws Exception {
        LineInbox inbox = new LineInbox(1_000);
        OutputSink console = new OutputPane(inbox, wakeUps::incrementAndGet);

        Thread producer = new Thread(() -> {
            for (int i = 0; i < 500; i++) {
                console.line("app1", Stream.STDOUT, "line " + i);
            }
        });
        producer.start();
        producer.join();

        assertThat(wakeUps).hasValue(1);
        assertThat(inbox.waiting()).isEqualTo(500);
    }

    @Test
    void aLineAddedAfterTheInboxRanDryWakesTheDrainAgain() {
        LineInbox inbox = new LineInbox(1_000);
        OutputPane console = new OutputPane(inbox, wakeUps::incrementAndGet);
        OutputModel model = new OutputModel(1_000);

        console.append("app1", Stream.STDOUT, "first");
        model.pump(inbox, 100, NO_BUDGET);
        console.append("app1", Stream.STDOUT, "second");

        assertThat(wakeUps).hasValue(2);
    }

    @Test
    void aDrainStopsAtItsChunkAndSaysMoreAreWaitingSoTheFrameStaysShort() {
        LineInbox inbox = new LineInbox(10_000);
        OutputPane console = new OutputPane(inbox, wakeUps::incrementAndGet);
        OutputModel model = new OutputModel(10_000);
        for (int i = 0; i < 250; i++) {
            console.append("app1", Stream.STDOUT, "line " + i);
        }

        OutputModel.Pumped pumped = model.pump(inbox, 100, 0);

        assertThat(pumped.taken()).isEqualTo(100);
        assertThat(pumped.more()).isTrue();
        assertThat(model.shownLines()).hasSize(100);
        assertThat(model.pump(inbox, 100, NO_BUDGET)).isEqualTo(new OutputModel.Pumped(150, false));
    }

    @Test
    void linesBeyondTheCapAreDroppedOldestFirstBehindAMarkerThatCountsThem() {
        LineInbox inbox = new LineInbox(100);
        OutputPane console = new OutputPane(inbox, wakeUps::incrementAndGet);
        OutputModel model = new OutputModel(100);

        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 60; i++) {
                console.append("app1", Stream.STDOUT, "line " + (round * 60 + i));
            }
            model.pump(inbox, 25, NO_BUDGET);
        }

        List<OutputLine> shown = model.shownLines();
        assertThat(shown).hasSize(101);
        assertThat(shown.get(0).kind()).isEqualTo(LineKind.DROPPED);
        assertThat(shown.get(0).text()).contains("80 earlier lines dropped");
        assertThat(shown.get(1).text()).isEqualTo("line 80");
        assertThat(shown.get(100).text()).isEqualTo("line 179");
        assertThat(model.droppedLinesProperty().get()).isEqualTo(80);
    }

    @Test
    void aFloodLargerThanTheInboxKeepsOnlyTheNewestLinesAndCountsTheRest() {
        LineInbox inbox = new LineInbox(100);
        OutputPane console = new OutputPane(inbox, wakeUps::incrementAndGet);
        OutputModel model = new OutputModel(100);

        for (int i = 0; i < 1_000; i++) {
            console.append("app1", Stream.STDOUT, "line " + i);
        }
        model.pump(inbox, 30, NO_BUDGET);

        assertThat(inbox.waiting()).isZero();
        assertThat(model.receivedLines()).isEqualTo(1_000);
        assertThat(model.shownLines().get(0).text()).contains("900 earlier lines dropped");
        assertThat(model.shownLines().subList(1, 101))
                .extracting(OutputLine::text)
                .startsWith("line 900")
                .endsWith("line 999");
    }

    @Test
    void clearForgetsLinesHostsAndTheDroppedCountButKeepsWhatCameAfter() {
        LineInbox inbox = new LineInbox(10);
        OutputPane console = new OutputPane(inbox, wakeUps::incrementAndGet);
        OutputModel model = new OutputModel(10);
        for (int i = 0; i < 30; i++) {
            console.append(i % 2 == 0 ? "app1" : "app2", Stream.STDOUT, "old " + i);
        }
        model.pump(inbox, 100, NO_BUDGET);

        console.clear();
        console.append("db1", Stream.STDERR, "new");
        model.pump(inbox, 100, NO_BUDGET);

        assertThat(model.shownLines()).containsExactly(new OutputLine(1, LineKind.STDERR, "db1", "new"));
        assertThat(model.hosts()).containsExactly("db1");
        assertThat(model.droppedLinesProperty().get()).isZero();
    }

    @Test
    void aStepSeparatorNamesTheStepAndItsHostsAndSurvivesEveryHostFilter() {
        LineInbox inbox = new LineInbox(100);
        OutputPane console = new OutputPane(inbox, wakeUps::incrementAndGet);
        OutputModel model = new OutputModel(100);

        console.beginStep("2.1", "stop-service", List.of("app1", "app2"));
        console.append("app1", Stream.STDOUT, "stopping on app1");
        console.append("app2", Stream.STDOUT, "stopping on app2");
        model.pump(inbox, 100, NO_BUDGET);
        model.hostFilterProperty().set("app2");

        assertThat(model.shownLines())
                .extracting(OutputLine::text)
                .containsExactly("— step 2.1 stop-service on app1, app2 —", "stopping on app2");
        model.hostFilterProperty().set(null);
        assertThat(model.shownLines()).hasSize(3);
    }

    @Test
    void producersOnSeveralThreadsLoseNoLineWhileTheCapIsNotReached() throws Exception {
        LineInbox inbox = new LineInbox(50_000);
        OutputPane console = new OutputPane(inbox, wakeUps::incrementAndGet);
        OutputModel model = new OutputModel(50_000);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> producers = List.of("app1", "app2", "app3", "app4").stream()
                .map(host -> new Thread(() -> {
                    awaitQuietly(start);
                    for (int i = 0; i < 10_000; i++) {
                        console.append(host, Stream.STDOUT, host + " " + i);
                    }
                }))
                .toList();
        producers.forEach(Thread::start);

        start.countDown();
        while (producers.stream().anyMatch(Thread::isAlive) || inbox.waiting() > 0) {
            model.pump(inbox, 4_096, NO_BUDGET);
        }

        assertThat(model.shownLines()).hasSize(40_000);
        assertThat(model.shownLines()).extracting(OutputLine::number).isSorted().doesNotHaveDuplicates();
        assertThat(model.hosts()).containsExactly("app1", "app2", "app3", "app4");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
