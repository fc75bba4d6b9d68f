package dev.flightdeck.db.sql;

import dev.flightdeck.db.error.DatabaseErrorCode;
import dev.flightdeck.db.error.DatabaseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the {@code ${name}} references of a {@code sql} step into bound parameters: each reference outside quotes
 * becomes a {@code ?} and its value a parameter, in order with the step's own {@code ?} parameters. A value from an
 * earlier step's output therefore never becomes SQL text. A reference inside a quoted string, a quoted name or a
 * comment is refused, because binding it there would change what the author wrote. {@code $${...}} stays a
 * literal {@code ${...}}.
 */
final class StatementVariables {

    private final String text;
    private final Function<String, Optional<String>> variables;
    private final StringBuilder statement = new StringBuilder();
    private final List<String> parameters = new ArrayList<>();
    private int i;

    private StatementVariables(String text, Function<String, Optional<String>> variables) {
        this.text = text;
        this.variables = variables;
    }

    /** The statement with {@code ?} in place of references, and every parameter in placeholder order. */
    record Bound(String statement, List<String> parameters) {}

    static Bound bind(String text, List<String> stepParameters, Function<String, Optional<String>> variables) {
        StatementVariables scan = new StatementVariables(text, variables);
        scan.run(stepParameters.iterator());
        return new Bound(scan.statement.toString(), List.copyOf(scan.parameters));
    }

    private void run(Iterator<String> stepParameters) {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (text.startsWith("$${", i)) {
                statement.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                reference();
            } else if (c == '?') {
                if (!stepParameters.hasNext()) {
                    throw invalid("the statement has more ? placeholders than the step has parameters");
                }
                parameters.add(stepParameters.next());
                statement.append(c);
                i++;
            } else if (c == '\'' || c == '"') {
                quoted(String.valueOf(c), c == '\'' ? "a quoted string" : "a quoted name");
            } else if (text.startsWith("--", i)) {
                quoted("\n", "a comment");
            } else if (text.startsWith("/*", i)) {
                quoted("*/", "a comment");
            } else if (c == '$' && dollarTag().isPresent()) {
                quoted(dollarTag().get(), "a dollar-quoted string");
            } else {
                statement.append(c);
                i++;
            }
        }
        if (stepParameters.hasNext()) {
            throw invalid("the step has more parameters than the statement has ? placeholders");
        }
    }

    private void reference() {
        int close = text.indexOf('}', i + 2);
        if (close < 0) {
            throw invalid("'${' at character " + (i + 1) + " is never closed with '}'");
        }
        String name = text.substring(i + 2, close).strip();
        parameters.add(variables.apply(name).orElseThrow(() -> invalid("no value for ${" + name + "}")));
        statement.append('?');
        i = close + 1;
    }

    /** Copies a quoted region (or comment) up to and including its end marker; refuses references inside. */
    private void quoted(String end, String what) {
        int start = i;
        int from = i + (what.equals("a comment") ? 2 : (what.equals("a dollar-quoted string") ? end.length() : 1));
        int close = text.indexOf(end, from);
        int stop = close < 0 ? text.length() : close + end.length();
        String region = text.substring(start, stop);
        int reference = region.replace("$${", "   ").indexOf("${");
        if (reference >= 0) {
            throw invalid("${...} inside " + what + " at character " + (start + reference + 1)
                    + " cannot be bound as a parameter; write it outside quotes (it is sent as a typed value)");
        }
        statement.append(region.replace("$${", "${"));
        i = stop;
    }

    /** {@code $$} or {@code $tag$} starting at i, if that is what is there. */
    private Optional<String> dollarTag() {
        int j = i + 1;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
            j++;
        }
        boolean tag =
                j < text.length() && text.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(text.charAt(i + 1)));
        return tag ? Optional.of(text.substring(i, j + 1)) : Optional.empty();
    }

    private static DatabaseException invalid(String message) {
        return new DatabaseException(DatabaseErrorCode.INVALID_REQUEST, message);
    }
}
