package dev.flightdeck.ui.output;

import java.util.Collection;

/** The words of a step separator line, kept in one place so the wizard and the docs agree. */
final class StepSeparator {

    private StepSeparator() {}

    static String text(String stepNumber, String stepTitle, Collection<String> hosts) {
        StringBuilder text =
                new StringBuilder("— step ").append(stepNumber).append(' ').append(stepTitle);
        if (hosts != null && !hosts.isEmpty()) {
            text.append(" on ").append(String.join(", ", hosts));
        }
        return text.append(" —").toString();
    }

    static String dropped(long count) {
        return "… " + String.format("%,d", count) + (count == 1 ? " earlier line" : " earlier lines")
                + " dropped from the console …";
    }
}
