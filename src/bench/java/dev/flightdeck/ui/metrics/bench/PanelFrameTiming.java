package dev.flightdeck.ui.metrics.bench;

import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.ui.metrics.ChartRange;
import dev.flightdeck.ui.metrics.PanelRequest;
import dev.flightdeck.ui.metrics.PanelSampler;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The console's half of {@code bench metrics}' panel figure: the instruments' frame preparation ({@link PanelSampler})
 * timed after each update of an engine, so the command-line bench never reaches into the console's classes itself.
 */
public final class PanelFrameTiming {

    /** One update of the engine's series before a frame is prepared (a scrape, a query). */
    public interface Update {
        void run() throws Exception;
    }

    private PanelFrameTiming() {}

    /** The median time to prepare one whole-window frame, after warm-up frames that build every bucket. */
    public static double medianFrameMillis(MetricsEngine engine, Update update) throws Exception {
        PanelSampler sampler = new PanelSampler(engine, Clock.systemUTC(), ZoneOffset.UTC);
        PanelRequest request = new PanelRequest(ChartRange.WHOLE_WINDOW, 420, PanelRequest.DEFAULT_CHART_HEIGHT);
        List<Double> frames = new ArrayList<>();
        for (int frame = 0; frame < 30; frame++) {
            update.run();
            long started = System.nanoTime();
            sampler.sample(request);
            if (frame >= 10) {
                frames.add((System.nanoTime() - started) / 1e6);
            }
        }
        frames.sort(Double::compare);
        return frames.get(frames.size() / 2);
    }
}
