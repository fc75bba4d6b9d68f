package dev.flightdeck.ui.metrics;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Clock-time labels under a chart, on round times (seconds for a short window, minutes after), about one every 70
 * pixels; a label that would run past the chart's edge is left out rather than cut.
 */
final class TimeTicks {

    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;
    private static final long[] STEPS = {
        10 * SECOND,
        15 * SECOND,
        30 * SECOND,
        MINUTE,
        2 * MINUTE,
        5 * MINUTE,
        10 * MINUTE,
        15 * MINUTE,
        30 * MINUTE,
        60 * MINUTE,
        120 * MINUTE
    };
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final double PIXELS_PER_LABEL = 70;
    /** Half the width of a label in the charts' 10 px font, with a little room: {@code 12:34} and {@code 12:34:56}. */
    static final double HALF_MINUTES_LABEL = 15;

    static final double HALF_SECONDS_LABEL = 22;

    private TimeTicks() {}

    /** @param rightEdge the chart's right edge: a label centred nearer to it than half its width is left out */
    static List<ChartFrame.Tick> of(long from, long to, ChartFrame.Plot plot, ZoneId zone, double rightEdge) {
        long wanted = (long) ((to - from) / Math.max(1, plot.width() / PIXELS_PER_LABEL));
        long step = STEPS[STEPS.length - 1];
        for (long candidate : STEPS) {
            if (candidate >= wanted) {
                step = candidate;
                break;
            }
        }
        int offset = zone.getRules().getOffset(Instant.ofEpochMilli(from)).getTotalSeconds() * 1000;
        DateTimeFormatter format = step < MINUTE ? SECONDS : MINUTES;
        double half = step < MINUTE ? HALF_SECONDS_LABEL : HALF_MINUTES_LABEL;
        List<ChartFrame.Tick> ticks = new ArrayList<>();
        for (long time = Math.floorDiv(from + offset, step) * step + step - offset; time < to; time += step) {
            double x = plot.left() + plot.width() * (time - from) / (double) (to - from);
            if (x + half <= rightEdge) {
                ticks.add(new ChartFrame.Tick(
                        x, format.format(Instant.ofEpochMilli(time).atZone(zone))));
            }
        }
        return ticks;
    }
}
