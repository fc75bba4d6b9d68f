package dev.flightdeck.session;

import dev.flightdeck.inventory.SecretNames;
import dev.flightdeck.runbook.Placeholders;
import dev.flightdeck.runbook.ShellTemplate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Fills {@code ${...}} in step texts with the session's values; a missing value is an error, never an empty string. */
public final class SessionValues {

    private final Map<String, String> values;
    private final Set<String> placeholders;

    public SessionValues(Map<String, String> values) {
        this(values, Set.of());
    }

    /** For the dry run: {@code placeholders} name values not known yet, shown as {@code <what they will be>} and never quoted. */
    public SessionValues(Map<String, String> values, Set<String> placeholders) {
        this.values = Map.copyOf(values);
        this.placeholders = Set.copyOf(placeholders);
    }

    public static SessionValues of(SessionState state) {
        return new SessionValues(state.variables());
    }

    /** The text with every reference replaced (for texts no shell reads: messages, URLs, titles; SQL binds its own values). */
    public String bind(String text) throws UnboundVariableException {
        try {
            return Placeholders.substitute(text, name -> Optional.ofNullable(values.get(withoutRaw(name))));
        } catch (Placeholders.UnresolvedReferenceException e) {
            throw new UnboundVariableException(e.name(), text);
        } catch (Placeholders.UnclosedReferenceException e) {
            throw new UnboundVariableException(e.getMessage(), text);
        }
    }

    /**
     * A {@code run:} command with every value quoted for the shell ({@link ShellTemplate}): a value reaches the command
     * as exactly its text, wherever it came from (a variable, the inventory, a remote host's output).
     */
    public String bindCommand(String command) throws UnboundVariableException {
        try {
            return ShellTemplate.bind(command, name -> Optional.ofNullable(values.get(name)), placeholders::contains);
        } catch (Placeholders.UnresolvedReferenceException e) {
            throw new UnboundVariableException(e.name(), command);
        } catch (Placeholders.UnclosedReferenceException e) {
            throw new UnboundVariableException(e.getMessage(), command);
        } catch (ShellTemplate.UnsafeValueException e) {
            throw new UnboundVariableException(e.getMessage(), command, true);
        }
    }

    private static String withoutRaw(String name) {
        return name.startsWith(ShellTemplate.RAW)
                ? name.substring(ShellTemplate.RAW.length()).trim()
                : name;
    }

    /**
     * For showing a text, not running it: every reference that has a value is bound, the others stay as written
     * (a title shows {@code ${steps.dump.file}} until the dump exists; it never fails to show).
     */
    public String bindKnown(String text) {
        try {
            return Placeholders.substitute(
                    text, name -> Optional.of(values.getOrDefault(withoutRaw(name), "${" + name + "}")));
        } catch (Placeholders.UnresolvedReferenceException | Placeholders.UnclosedReferenceException e) {
            return text;
        }
    }

    /** The value of one variable, if it has one. */
    public Optional<String> valueOf(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A reference that has no value (yet): a variable nobody supplied, or an output of a step that has not run. */
    public static final class UnboundVariableException extends Exception {
        private final String name;

        UnboundVariableException(String message, String text, boolean unsafe) {
            super(message);
            this.name = "";
        }

        UnboundVariableException(String name, String text) {
            super(explain(name));
            this.name = name;
        }

        public String name() {
            return name;
        }

        private static String explain(String name) {
            if (name.startsWith("steps.")) {
                return "${" + name + "} has no value: step '" + name.split("\\.")[1]
                        + "' has not produced it in this session";
            }
            if (SecretNames.isSecret(name)) {
                return "${" + name + "} is a secret, which the journal does not keep: give it again to resume the"
                        + " session (--var " + name + "=… or the session setup)";
            }
            return "${" + name + "} has no value: set it under the inventory's vars: or when the session starts";
        }
    }
}
