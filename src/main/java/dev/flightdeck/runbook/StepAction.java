package dev.flightdeck.runbook;

import dev.flightdeck.text.Durations;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a step does; one record per {@link StepKind}. */
public sealed interface StepAction {

    StepKind kind();

    /** One line in plain language, used where the author gave no title. */
    String summary();

    /** Every text in this action that may contain {@code ${...}} references, for validation and binding. */
    List<String> texts();

    /** A checklist item a person ticks. */
    record Confirm(String text, boolean noteRequired) implements StepAction {
        public StepKind kind() {
            return StepKind.CONFIRM;
        }

        public String summary() {
            return text;
        }

        public List<String> texts() {
            return List.of(text);
        }
    }

    /** A shell command over SSH (or {@code on: local}). */
    record Run(String command) implements StepAction {
        public StepKind kind() {
            return StepKind.RUN;
        }

        public String summary() {
            return "Run: " + firstLine(command);
        }

        public List<String> texts() {
            return List.of(command);
        }
    }

    /** A query or statement over JDBC; parameters are bound, never spliced into the text. */
    record Sql(String statement, String database, List<String> parameters, boolean journalRows) implements StepAction {
        public StepKind kind() {
            return StepKind.SQL;
        }

        public String summary() {
            return "SQL on " + database + ": " + firstLine(statement);
        }

        public List<String> texts() {
            return concat(List.of(statement, database), parameters);
        }
    }

    /** A request to a named endpoint of the inventory or a URL. */
    record Http(String endpoint, String method, Map<String, String> headers, Optional<String> body)
            implements StepAction {
        public StepKind kind() {
            return StepKind.HTTP;
        }

        public String summary() {
            return method + " " + endpoint;
        }

        public List<String> texts() {
            return concat(
                    List.of(endpoint),
                    List.copyOf(headers.values()),
                    body.stream().toList());
        }
    }

    /** A gate only named people in the given roles can open; never the operator. */
    record Approve(List<Role> roles, String reason, int approversPerRole) implements StepAction {
        public StepKind kind() {
            return StepKind.APPROVE;
        }

        public String summary() {
            return "Approval by "
                    + String.join(" and ", roles.stream().map(Role::name).toList());
        }

        public List<String> texts() {
            return List.of(reason);
        }
    }

    /** Watch the instruments for a while; fails if a rollback trigger fires meanwhile. */
    record Wait(Duration duration, String watch) implements StepAction {
        public StepKind kind() {
            return StepKind.WAIT;
        }

        public String summary() {
            return "Watch for " + Durations.format(duration) + (watch.isBlank() ? "" : ": " + watch);
        }

        public List<String> texts() {
            return List.of(watch);
        }
    }

    /**
     * Capture the instruments' baselines from the last {@code window} of readings, waiting first until they have read
     * that long; fails when none had readings, or when a {@code required} signal (canonical name) has no baseline.
     */
    record Baseline(Duration window, List<String> required) implements StepAction {
        /** The instruments keep four hours of readings ({@code SeriesStore.DEFAULT_HISTORY}; a test keeps the two equal). */
        public static final Duration LONGEST_WINDOW = Duration.ofHours(4);

        public StepKind kind() {
            return StepKind.BASELINE;
        }

        public String summary() {
            return "Capture baselines from the last " + Durations.format(window);
        }

        public List<String> texts() {
            return List.of();
        }
    }

    /** A verified {@code pg_dump -Fc} (or plain) of a database, on its host or locally. */
    record Backup(String database, BackupFormat format, Optional<String> directory) implements StepAction {
        public StepKind kind() {
            return StepKind.BACKUP;
        }

        public String summary() {
            return "Back up database " + database;
        }

        public List<String> texts() {
            return concat(List.of(database), directory.stream().toList());
        }
    }

    /** An instant-rollback copy of a database ({@code CREATE DATABASE ... TEMPLATE}). */
    record Snapshot(String database) implements StepAction {
        public StepKind kind() {
            return StepKind.SNAPSHOT;
        }

        public String summary() {
            return "Snapshot database " + database;
        }

        public List<String> texts() {
            return List.of(database);
        }
    }

    /** Return a database to this session's snapshot (swap) or verified backup. */
    record Restore(String database, Optional<String> from) implements StepAction {
        public StepKind kind() {
            return StepKind.RESTORE;
        }

        public String summary() {
            return "Restore database " + database;
        }

        public List<String> texts() {
            return concat(List.of(database), from.stream().toList());
        }
    }

    /** Capture row counts and content hashes, or compare them with an earlier capture. */
    record VerifyData(
            String database, List<String> tables, Optional<String> compareTo, Map<String, List<String>> hashColumns)
            implements StepAction {
        public StepKind kind() {
            return StepKind.VERIFY_DATA;
        }

        public String summary() {
            return compareTo
                    .map(before -> "Compare database " + database + " with " + before)
                    .orElse("Record data counts of " + database);
        }

        public List<String> texts() {
            return concat(List.of(database), tables);
        }
    }

    /** Database and host checks before touching anything: size, free disk, connections, locks, lag. */
    record Preflight(String database) implements StepAction {
        public StepKind kind() {
            return StepKind.PREFLIGHT;
        }

        public String summary() {
            return "Preflight checks on " + database;
        }

        public List<String> texts() {
            return List.of(database);
        }
    }

    /**
     * A message to stakeholders, recorded; sent to the notification channels it names ({@code to: [deployments, management]},
     * declared in the inventory or the settings) and to a webhook endpoint when one is named.
     *
     * @param audience who the message is for, in words ("users", "emergency contacts"); empty when only channels say it
     */
    record Notify(String message, String audience, List<String> channels, Optional<String> webhook)
            implements StepAction {
        public Notify {
            channels = List.copyOf(channels);
        }

        /** A notice with no channels (recorded, or posted to the webhook endpoint). */
        public Notify(String message, String audience, Optional<String> webhook) {
            this(message, audience, List.of(), webhook);
        }

        /** The audience in words, else the channels it goes to, else "stakeholders". */
        public String recipients() {
            return !audience.isBlank() ? audience : channels.isEmpty() ? "stakeholders" : String.join(", ", channels);
        }

        public StepKind kind() {
            return StepKind.NOTIFY;
        }

        public String summary() {
            return "Notify " + recipients() + ": " + firstLine(message);
        }

        public List<String> texts() {
            return concat(List.of(message), webhook.stream().toList());
        }
    }

    enum BackupFormat {
        CUSTOM,
        PLAIN
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline) + " …";
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
