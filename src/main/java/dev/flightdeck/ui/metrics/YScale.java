package dev.flightdeck.ui.metrics;

import dev.flightdeck.metrics.signal.SignalUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A value axis with round ticks (1, 2 or 5 times a power of ten) covering everything a chart shows: the samples,
 * the thresholds and the baseline band. Starts at zero when nothing is negative, so a small wobble does not look
 * like a cliff.
 */
public record YScale(double low, double high, double step, SignalUnit unit) {

    private static final int TARGET_TICKS = 3;

    /** A scale for values between {@code min} and {@code max} (NaN when there are none). */
    public static YScale covering(double min, double max, SignalUnit unit) {
        if (Double.isNaN(min) || Double.isNaN(max)) {
            return new YScale(0, 1, 0.5, unit);
        }
        double low = min >= 0 ? 0 : min;
        double high = max <= low ? low + (unit == SignalUnit.PERCENT ? 1 : Math.max(1, Math.abs(low))) : max;
        double step = niceStep((high - low) / TARGET_TICKS);
        return new YScale(Math.floor(low / step) * step, Math.ceil(high / step) * step, step, unit);
    }

    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /** Where a value sits between the bottom (0) and the top (1) of the plot. */
    public double fraction(double value) {
        return (value - low) / (high - low);
    }

    public List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        for (double tick = low; tick <= high + step / 2; tick += step) {
            ticks.add(Math.abs(tick) < step / 1e6 ? 0 : tick);
        }
        return ticks;
    }

    /** A short tick label in the signal's unit: {@code 2%}, {@code 250 ms}, {@code 12/s}. */
    public String label(double value) {
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step));
        String number = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return switch (unit) {
            case PERCENT -> number + "%";
            case MILLISECONDS -> value >= 10_000 ? String.format(Locale.ROOT, "%.0f s", value / 1000) : number + " ms";
            case PER_SECOND -> number + "/s";
            case CHECK, NUMBER -> number;
            case MEGABYTES -> number + " MB";
        };
    }
}
