package dev.flightdeck.ui.metrics;

/** A trigger's limit on one signal, in the signal's stored unit: {@code error_rate > 1% for 5m} at 1.0. */
public record ThresholdLine(String signal, double limit, String label, FigureState state) {}
