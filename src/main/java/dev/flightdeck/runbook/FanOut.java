package dev.flightdeck.runbook;

import java.util.List;
import java.util.Optional;

/**
 * How a step on a group of hosts spreads over them: {@code parallel: 10}, {@code serial: [1, 25%, 100%]}
 * (the seeds' canary batches), {@code max-fail: 1} or {@code max-fail: 10%} (stop the rollout beyond that).
 */
public record FanOut(Optional<Integer> parallel, List<Amount> serial, Optional<Amount> maxFail) {

    public static FanOut sequential() {
        return new FanOut(Optional.empty(), List.of(), Optional.empty());
    }

    /** A count or a percentage of the group. */
    public record Amount(int value, boolean percent) {

        /** How many of {@code total} hosts this amount means; a percentage rounds up so 10% of 3 is 1. */
        public int of(int total) {
            return percent ? (int) Math.ceil(total * value / 100.0) : Math.min(value, total);
        }

        public static Optional<Amount> parse(String text) {
            String trimmed = text.trim();
            boolean percent = trimmed.endsWith("%");
            String digits = percent ? trimmed.substring(0, trimmed.length() - 1).trim() : trimmed;
            try {
                int value = Integer.parseInt(digits);
                if (value < 0 || (percent && value > 100)) {
                    return Optional.empty();
                }
                return Optional.of(new Amount(value, percent));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        @Override
        public String toString() {
            return value + (percent ? "%" : "");
        }
    }
}
