package dev.flightdeck.ui.metrics;

/** What the view asks the sampler for: the range to show and the size of each chart in pixels. */
public record PanelRequest(ChartRange range, double chartWidth, double chartHeight) {

    public static final double DEFAULT_CHART_HEIGHT = 112;

    public PanelRequest withRange(ChartRange newRange) {
        return new PanelRequest(newRange, chartWidth, chartHeight);
    }

    public PanelRequest withWidth(double width) {
        return new PanelRequest(range, width, chartHeight);
    }
}
