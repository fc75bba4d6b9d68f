package dev.flightdeck.review;

import dev.flightdeck.metrics.signal.SignalCatalog;
import dev.flightdeck.metrics.signal.SignalUnit;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.SessionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One instrument over the whole window in one row: lowest, typical (the sample-weighted mean of the minutes) and highest,
 * the baseline, and a sparkline of its minutes — instead of a row per minute.
 *
 * @param sparkline SVG polyline points ("x,y x,y …") in a 100×20 box, empty with fewer than two minutes
 */
public record SignalSummary(
        String series,
        String min,
        String typical,
        String max,
        String baseline,
        int minutes,
        int samples,
        String sparkline) {

    public boolean hasSparkline() {
        return !sparkline.isEmpty();
    }

    static List<SignalSummary> of(List<Recorded> history) {
        Map<String, List<SessionEvent.MetricsMinute>> minutes = new TreeMap<>();
        Map<String, SessionEvent.MetricsMinute> baselines = new TreeMap<>();
        for (Recorded recorded : history) {
            if (recorded.event() instanceof SessionEvent.MetricsMinute minute) {
                if (minute.minute().startsWith("baseline")) {
                    baselines.put(minute.series(), minute);
                } else {
                    minutes.computeIfAbsent(minute.series(), series -> new ArrayList<>())
                            .add(minute);
                }
            }
        }
        baselines.keySet().forEach(series -> minutes.computeIfAbsent(series, s -> new ArrayList<>()));
        List<SignalSummary> summaries = new ArrayList<>();
        minutes.forEach((series, list) -> summaries.add(summary(series, list, baselines.get(series))));
        return summaries;
    }

    private static SignalSummary summary(
            String series, List<SessionEvent.MetricsMinute> minutes, SessionEvent.MetricsMinute baseline) {
        SignalUnit unit = SignalCatalog.unitOf(series.substring(series.lastIndexOf('/') + 1));
        double min = Double.NaN;
        double max = Double.NaN;
        double sum = 0;
        int samples = 0;
        for (SessionEvent.MetricsMinute minute : minutes) {
            min = Double.isNaN(min) ? minute.min() : Math.min(min, minute.min());
            max = Double.isNaN(max) ? minute.max() : Math.max(max, minute.max());
            sum += minute.average() * minute.count();
            samples += minute.count();
        }
        String none = "—";
        return new SignalSummary(
                series.replace("/", " · "),
                minutes.isEmpty() ? none : unit.format(min),
                samples == 0 ? none : unit.format(sum / samples),
                minutes.isEmpty() ? none : unit.format(max),
                baseline == null ? none : unit.format(baseline.average()),
                minutes.size(),
                samples,
                sparkline(minutes));
    }

    private static String sparkline(List<SessionEvent.MetricsMinute> minutes) {
        if (minutes.size() < 2) {
            return "";
        }
        double low = minutes.stream()
                .mapToDouble(SessionEvent.MetricsMinute::average)
                .min()
                .orElse(0);
        double high = minutes.stream()
                .mapToDouble(SessionEvent.MetricsMinute::average)
                .max()
                .orElse(0);
        double span = high - low == 0 ? 1 : high - low;
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < minutes.size(); i++) {
            double x = 100.0 * i / (minutes.size() - 1);
            double y = 19 - 18 * (minutes.get(i).average() - low) / span;
            points.append(points.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return points.toString();
    }
}
