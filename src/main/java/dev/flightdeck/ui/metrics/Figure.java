package dev.flightdeck.ui.metrics;

import dev.flightdeck.metrics.signal.SeriesId;

/** One current value shown large: {@code web-metrics · error rate 0.42%}, coloured by its triggers' state. */
public record Figure(SeriesId series, String label, String value, FigureState state, String detail) {}
