package dev.flightdeck.ui.metrics;

import dev.flightdeck.metrics.rules.Alarm;
import dev.flightdeck.metrics.rules.ArmedRollback;
import dev.flightdeck.metrics.rules.TriggerMonitor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The panel's state on the FX thread: the newest frame, the zoom, collapsed or not, the alarm banner, and whether
 * a countdown ran out. It never reads the engine itself: frames come from the {@link PanelRefresher}, commands
 * (cancelling a countdown) run on the refresher's thread.
 */
public final class MetricsPanelViewModel {

    private final TriggerMonitor triggers;
    private final String operator;
    private final Clock clock;
    private final AlarmSound sound;
    private PanelRefresher refresher;
    private final ReadOnlyObjectWrapper<PanelFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ObjectProperty<ChartRange> range = new SimpleObjectProperty<>(this, "range", ChartRange.WHOLE_WINDOW);
    private final BooleanProperty collapsed = new SimpleBooleanProperty(this, "collapsed");
    private final BooleanProperty soundOn;
    private final ReadOnlyObjectWrapper<Banner> banner = new ReadOnlyObjectWrapper<>(this, "banner", Banner.NONE);
    private final ReadOnlyBooleanWrapper rollbackRequested = new ReadOnlyBooleanWrapper(this, "rollbackRequested");
    private Consumer<ArmedRollback> onCountdownExpired = armed -> {};
    private int alarmsSeen;
    private Optional<Alarm> latest = Optional.empty();
    private Optional<ArmedRollback> lastArmed = Optional.empty();
    /** written on the refresher's thread after a cancel, read on the FX thread with the next frame */
    private volatile String cancellationNote = "";

    private boolean acknowledged = true;

    /**
     * @param operator who cancels a countdown from this panel (the session's operator)
     * @param soundOn  the "alarm sound" setting, already loaded; the caller saves its changes
     */
    public MetricsPanelViewModel(
            TriggerMonitor triggers, String operator, Clock clock, AlarmSound sound, BooleanProperty soundOn) {
        this.triggers = triggers;
        this.operator = operator;
        this.clock = clock;
        this.sound = sound;
        this.soundOn = soundOn;
    }

    /** Connects the refresher that feeds {@link #accept(PanelFrame)}; zoom changes are passed on to it. */
    public void connect(PanelRefresher source) {
        this.refresher = source;
        range.addListener(
                (observable, was, now) -> source.request(source.currentRequest().withRange(now)));
    }

    /** A new frame from the background thread, delivered on the FX thread. */
    public void accept(PanelFrame next) {
        PanelFrame.Alarms alarms = next.alarms();
        List<Alarm> raised = alarms.raised();
        if (raised.size() > alarmsSeen) {
            alarmsSeen = raised.size();
            latest = Optional.of(raised.get(raised.size() - 1));
            acknowledged = false;
            cancellationNote = "";
            collapsed.set(false);
            if (soundOn.get()) {
                sound.play();
            }
        }
        if (alarms.armed().isPresent()) {
            lastArmed = alarms.armed();
        }
        if (alarms.rollbackRequested() && !rollbackRequested.get()) {
            rollbackRequested.set(true);
            lastArmed.ifPresent(onCountdownExpired);
        }
        frame.set(next);
        banner.set(bannerFor(alarms));
    }

    private Banner bannerFor(PanelFrame.Alarms alarms) {
        if (alarms.rollbackRequested()) {
            return new Banner(
                    Banner.Kind.ROLLBACK_REQUESTED,
                    lastArmed.map(ArmedRollback::alarm).or(() -> latest),
                    lastArmed,
                    "The countdown ran out: the rollback was requested.");
        }
        if (alarms.armed().isPresent()) {
            return new Banner(Banner.Kind.COUNTDOWN, alarms.armed().map(ArmedRollback::alarm), alarms.armed(), "");
        }
        if (!cancellationNote.isEmpty() && !acknowledged) {
            return new Banner(Banner.Kind.CANCELLED, latest, Optional.empty(), cancellationNote);
        }
        if (latest.isPresent() && !acknowledged) {
            return new Banner(Banner.Kind.ALARM, latest, Optional.empty(), "");
        }
        return Banner.NONE;
    }

    /** Stops the armed countdown in the operator's name (the monitor's listener journals it); off the FX thread. */
    public void cancelCountdown(String reason) {
        String by = operator;
        refresher.runThenRefresh(() -> {
            if (triggers.cancelCountdown(by, reason)) {
                cancellationNote = "Cancelled by " + by + ": " + reason;
            }
        });
    }

    /**
     * The rollback started (held button, or a countdown that ran out): an armed countdown has nothing left to count
     * down to, so it is stood down in the operator's name (journaled like any cancel) and leaves the banner.
     */
    public void rollbackStarted() {
        if (refresher == null || banner.get().kind() != Banner.Kind.COUNTDOWN) {
            return;
        }
        String by = operator;
        refresher.runThenRefresh(() -> {
            if (triggers.armed().isPresent() && triggers.cancelCountdown(by, "the emergency rollback started")) {
                cancellationNote = "The rollback started; the countdown stood down.";
            }
        });
    }

    /** Hides the banner of an alarm the operator has seen (a running countdown cannot be hidden). */
    public void acknowledge() {
        acknowledged = true;
        PanelFrame current = frame.get();
        if (current != null) {
            banner.set(bannerFor(current.alarms()));
        }
    }

    /** {@code 0:42}: what is left of the countdown now. */
    public String countdownText() {
        Duration left = banner.get()
                .armed()
                .map(armed -> armed.remaining(clock.instant()))
                .orElse(Duration.ZERO);
        long seconds = (left.toMillis() + 999) / 1000;
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    /** Called once, on the FX thread, when a countdown runs out: start the rollback here (the rollback's owner wires it). */
    public void setOnCountdownExpired(Consumer<ArmedRollback> handler) {
        this.onCountdownExpired = handler;
    }

    public ReadOnlyBooleanProperty rollbackRequestedProperty() {
        return rollbackRequested.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PanelFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Banner> bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ObjectProperty<ChartRange> rangeProperty() {
        return range;
    }

    public BooleanProperty collapsedProperty() {
        return collapsed;
    }

    public BooleanProperty soundOnProperty() {
        return soundOn;
    }

    public String operator() {
        return operator;
    }

    /** The view's charts are this wide now: build the next frame for that width. */
    public void chartWidthChanged(double width) {
        if (refresher != null && Math.abs(refresher.currentRequest().chartWidth() - width) >= 1) {
            refresher.request(refresher.currentRequest().withWidth(width));
        }
    }
}
