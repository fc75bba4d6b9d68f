package dev.flightdeck.runbook;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Values never become code: fills the {@code ${name}} references of a {@code run:} command so that each value reaches
 * the shell as exactly its text. Where the reference stands decides the quoting: outside quotes the value becomes one
 * single-quoted word, inside {@code '…'} its quotes are closed and reopened, inside {@code "…"} the characters the shell
 * would expand are escaped, and inside {@code $( )} or backticks it is quoted as outside again. {@code ${raw:name}} is the
 * one way to splice a value as shell text (a command kept in a variable); the validator warns about it and the dry run
 * shows it. The same text runs through {@code bash -c} locally and the login shell over SSH (POSIX quoting for both).
 */
public final class ShellTemplate {

    /** The marker of a reference spliced as shell text. */
    public static final String RAW = "raw:";

    /** Values that mean the same quoted or not: shown bare, so commands stay readable in the journal and the dry run. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+,-]+");

    /** Where a reference stands; SUBSHELL ({@code ( )}, {@code $( )}) and BACKTICK read as PLAIN but end differently. */
    private enum Context {
        PLAIN,
        SUBSHELL,
        BACKTICK,
        SINGLE,
        DOUBLE,
        COMMENT,
        HEREDOC;

        boolean isCode() {
            return this == PLAIN || this == SUBSHELL || this == BACKTICK;
        }
    }

    private ShellTemplate() {}

    /** A value that cannot be placed in its spot without becoming code (a here-document body). */
    public static final class UnsafeValueException extends Exception {
        public UnsafeValueException(String message) {
            super(message);
        }
    }

    /**
     * The command with every reference replaced by its value, quoted for where it stands.
     *
     * @throws Placeholders.UnresolvedReferenceException a reference without a value
     */
    public static String bind(String command, Function<String, Optional<String>> values)
            throws Placeholders.UnclosedReferenceException, Placeholders.UnresolvedReferenceException,
                    UnsafeValueException {
        return bind(command, values, name -> false);
    }

    /** As {@link #bind(String, Function)}; names {@code shownAsIs} stand for a value not known yet ({@code <file of dump>}) and are not quoted. */
    public static String bind(String command, Function<String, Optional<String>> values, Predicate<String> shownAsIs)
            throws Placeholders.UnclosedReferenceException, Placeholders.UnresolvedReferenceException,
                    UnsafeValueException {
        StringBuilder out = new StringBuilder(command.length() + 16);
        Deque<Context> nesting = new ArrayDeque<>();
        nesting.push(Context.PLAIN);
        int i = 0;
        while (i < command.length()) {
            char c = command.charAt(i);
            if (c == '$' && command.startsWith("$${", i)) {
                int close = command.indexOf('}', i + 3);
                int end = close < 0 ? command.length() : close + 1;
                out.append(command, i + 1, end);
                i = end;
            } else if (c == '$' && command.startsWith("${", i)) {
                int close = command.indexOf('}', i + 2);
                if (close < 0) {
                    throw new Placeholders.UnclosedReferenceException(i);
                }
                String name = command.substring(i + 2, close).trim();
                boolean raw = name.startsWith(RAW);
                String variable = raw ? name.substring(RAW.length()).trim() : name;
                String value = values.apply(variable)
                        .orElseThrow(() -> new Placeholders.UnresolvedReferenceException(variable));
                out.append(raw || shownAsIs.test(variable) ? value : quote(value, nesting.peek(), variable));
                i = close + 1;
            } else {
                i = track(command, i, nesting, out);
            }
        }
        return out.toString();
    }

    /** The variables a command splices as shell text ({@code ${raw:name}}), in order. */
    public static List<String> rawSplices(String command) {
        try {
            return Placeholders.find(command).stream()
                    .map(Placeholders.Reference::name)
                    .filter(name -> name.startsWith(RAW))
                    .map(name -> name.substring(RAW.length()).trim())
                    .distinct()
                    .toList();
        } catch (Placeholders.UnclosedReferenceException e) {
            return List.of();
        }
    }

    /** The value as one POSIX shell word (for showing a command that could be pasted, too). */
    public static String word(String value) {
        if (!value.isEmpty() && PLAIN.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static String quote(String value, Context context, String name) throws UnsafeValueException {
        if (context.isCode()) {
            return word(value);
        }
        switch (context) {
            case SINGLE:
                return value.replace("'", "'\\''");
            case DOUBLE:
                StringBuilder escaped = new StringBuilder(value.length() + 4);
                for (char c : value.toCharArray()) {
                    if (c == '\\' || c == '"' || c == '$' || c == '`') {
                        escaped.append('\\');
                    }
                    escaped.append(c);
                }
                return escaped.toString();
            case COMMENT:
                return value.replace('\n', ' ').replace('\r', ' ');
            case HEREDOC:
                if (value.contains("\n") || value.contains("$") || value.contains("`") || value.contains("\\")) {
                    throw new UnsafeValueException("the value of ${" + name
                            + "} cannot go into a here-document safely (it holds a line break, "
                            + "'$', '`' or '\\'); pass it as an argument instead, or write ${raw:" + name
                            + "} if it is meant as shell text");
                }
                return value;
            default:
                return word(value);
        }
    }

    /** Copies one piece of the command's own text and follows which quoting the next reference would stand in. */
    private static int track(String command, int i, Deque<Context> nesting, StringBuilder out) {
        char c = command.charAt(i);
        Context context = nesting.peek();
        if ((context.isCode() || context == Context.DOUBLE) && c == '\\' && i + 1 < command.length()) {
            out.append(c).append(command.charAt(i + 1));
            return i + 2;
        }
        out.append(c);
        switch (context) {
            case SINGLE -> {
                if (c == '\'') {
                    nesting.pop();
                }
            }
            case DOUBLE -> {
                if (c == '"') {
                    nesting.pop();
                } else if (c == '$' && i + 1 < command.length() && command.charAt(i + 1) == '(') {
                    out.append('(');
                    nesting.push(Context.SUBSHELL);
                    return i + 2;
                } else if (c == '`') {
                    nesting.push(Context.BACKTICK);
                }
            }
            case COMMENT -> {
                if (c == '\n') {
                    nesting.pop();
                }
            }
            case HEREDOC -> {
                // stays: the rest of the text is treated as a here-document body, the strictest reading
            }
            default -> trackPlain(command, i, c, nesting, out);
        }
        return i + 1;
    }

    private static void trackPlain(String command, int i, char c, Deque<Context> nesting, StringBuilder out) {
        switch (c) {
            case '\'' -> nesting.push(Context.SINGLE);
            case '"' -> nesting.push(Context.DOUBLE);
            case '(' -> nesting.push(Context.SUBSHELL);
            case ')' -> {
                if (nesting.peek() == Context.SUBSHELL) {
                    nesting.pop();
                }
            }
            case '`' -> {
                if (nesting.peek() == Context.BACKTICK) {
                    nesting.pop();
                } else {
                    nesting.push(Context.BACKTICK);
                }
            }
            case '#' -> {
                if (i == 0
                        || Character.isWhitespace(command.charAt(i - 1))
                        || ";&|(".indexOf(command.charAt(i - 1)) >= 0) {
                    nesting.push(Context.COMMENT);
                }
            }
            case '<' -> {
                if (command.startsWith("<<", i)
                        && !command.startsWith("<<<", i)
                        && (i == 0 || command.charAt(i - 1) != '<')) {
                    nesting.push(Context.HEREDOC);
                }
            }
            default -> {
                // an ordinary character
            }
        }
    }
}
