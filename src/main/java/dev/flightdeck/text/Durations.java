package dev.flightdeck.text;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in runbooks: {@code 30s}, {@code 10m}, {@code 4h}, {@code 1h30m}, {@code 500ms}. */
public final class Durations {

    private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {}

    public static Optional<Duration> parse(String text) {
        String compact = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (!WHOLE.matcher(compact).matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(compact);
        try {
            while (part.find()) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(
                        switch (part.group(2)) {
                            case "ms" -> Duration.ofMillis(amount);
                            case "s" -> Duration.ofSeconds(amount);
                            case "m" -> Duration.ofMinutes(amount);
                            case "h" -> Duration.ofHours(amount);
                            default -> Duration.ofDays(amount);
                        });
            }
        } catch (NumberFormatException | ArithmeticException tooLarge) {
            return Optional.empty();
        }
        if (total.compareTo(LONGEST) > 0) {
            return Optional.empty();
        }
        return Optional.of(total);
    }

    /** No window, wait or timeout is longer than a year; longer numbers are mistakes (and overflow arithmetic). */
    public static final Duration LONGEST = Duration.ofDays(366);

    /** True when the text is written as a duration but its number is out of range ({@code 99999999999999999999s}). */
    public static boolean isOutOfRange(String text) {
        String compact = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        return WHOLE.matcher(compact).matches() && parse(text).isEmpty();
    }

    /** For people, to the second under an hour and to the minute above: {@code 45s}, {@code 12m 5s}, {@code 1h 3m}. */
    public static String readable(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        return minutes < 60 ? minutes + "m " + (seconds % 60) + "s" : (minutes / 60) + "h " + (minutes % 60) + "m";
    }

    /** The shortest readable form: {@code 1h30m}, {@code 45s}, {@code 250ms}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        int seconds = duration.toSecondsPart();
        int millis = duration.toMillisPart();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (seconds > 0) {
            text.append(seconds).append('s');
        }
        if (millis > 0) {
            text.append(millis).append("ms");
        }
        return text.toString();
    }

    public static final String EXPECTED = "a duration like 30s, 10m, 4h or 1h30m";
}
