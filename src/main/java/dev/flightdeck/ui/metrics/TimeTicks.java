package dev.flightdeck.ui.metrics;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Clock-time labels under a chart, on round minutes, about one every 70 pixels. */
final class TimeTicks {

    private static final long MINUTE = 60_000;
    private static final long[] STEPS = {
        MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, 60 * MINUTE, 120 * MINUTE
    };
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH:mm");
    private static final double PIXELS_PER_LABEL = 70;

    private TimeTicks() {}

    static List<ChartFrame.Tick> of(long from, long to, ChartFrame.Plot plot, ZoneId zone) {
        long wanted = (long) ((to - from) / Math.max(1, plot.width() / PIXELS_PER_LABEL));
        long step = STEPS[STEPS.length - 1];
        for (long candidate : STEPS) {
            if (candidate >= wanted) {
                step = candidate;
                break;
            }
        }
        int offset = zone.getRules().getOffset(Instant.ofEpochMilli(from)).getTotalSeconds() * 1000;
        List<ChartFrame.Tick> ticks = new ArrayList<>();
        for (long time = Math.floorDiv(from + offset, step) * step + step - offset; time < to; time += step) {
            double x = plot.left() + plot.width() * (time - from) / (double) (to - from);
            ticks.add(new ChartFrame.Tick(
                    x, FORMAT.format(Instant.ofEpochMilli(time).atZone(zone))));
        }
        return ticks;
    }
}
