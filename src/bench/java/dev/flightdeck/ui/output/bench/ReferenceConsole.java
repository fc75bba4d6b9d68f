package dev.flightdeck.ui.output.bench;

import dev.flightdeck.app.cli.ConsoleBench.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.animation.AnimationTimer;
import javafx.scene.Parent;
import javafx.scene.control.ListView;

/**
 * What the usual JavaFX approaches the bench compares against have in common: a name, a role, a view, the count of
 * lines shown, the one line format, and — for those drained once per pulse — the queue and the timer that empties it.
 */
abstract class ReferenceConsole implements ConsoleUnderTest {

    private final String name;
    private final Role role;
    private final Parent view;
    /** Written on the FX thread only; read by the bench's thread. */
    protected volatile long shown;

    ReferenceConsole(String name, Role role, Parent view) {
        this.name = name;
        this.role = role;
        this.view = view;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Role role() {
        return role;
    }

    @Override
    public final Parent view() {
        return view;
    }

    @Override
    public final long linesShown() {
        return shown;
    }

    static String line(String host, String text) {
        return host + " | " + text;
    }

    /** The list's last item is this text and its row is on screen. */
    static boolean showsLast(ListView<String> list, String text) {
        List<String> items = list.getItems();
        return !items.isEmpty() && items.get(items.size() - 1).endsWith(text) && ListTail.showsLastRow(list);
    }

    /** Lines queued by the producer and handed to the view all at once, on every pulse. */
    abstract static class DrainedPerPulse extends ReferenceConsole {

        private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
        private final AnimationTimer drain = new AnimationTimer() {
            @Override
            public void handle(long now) {
                List<String> batch = new ArrayList<>();
                for (String queued = queue.poll(); queued != null; queued = queue.poll()) {
                    batch.add(queued);
                }
                if (!batch.isEmpty()) {
                    show(batch);
                    shown += batch.size();
                }
            }
        };

        DrainedPerPulse(String name, Role role, Parent view) {
            super(name, role, view);
            drain.start();
        }

        /** On the FX thread: put the lines of this pulse on screen. */
        abstract void show(List<String> batch);

        @Override
        public final void push(String host, boolean stderr, String text) {
            queue.add(line(host, text));
        }

        @Override
        public final void cancel() {
            drain.stop();
            queue.clear();
        }
    }
}
