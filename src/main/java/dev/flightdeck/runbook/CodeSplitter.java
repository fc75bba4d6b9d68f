package dev.flightdeck.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a shell or SQL block as steps.
 *
 * <p>A shell block is one step, run in one shell, so that {@code export}, {@code cd}, {@code source}, heredocs
 * and line continuations keep their effect. It is split only when it is clearly several independent commands:
 * each group of commands has its own comment title ({@code # 1. Full backup}) and nothing in the block carries
 * shell state from one group to the next. Comments followed by no command are things a person does
 * ({@code # 3. Schedule the window}), one per comment line; lines that continue an item ({@code # - detail})
 * become its description.
 *
 * <p>A console transcript ({@code $ }, {@code # } in a console fence, {@code user@host:~$ }, {@code PS> })
 * keeps only its commands; the rest is the output the document shows, which becomes the step's description.
 *
 * <p>A SQL block is cut at blank lines and {@code --} comments, unless it holds a transaction or a
 * dollar-quoted body, which stays whole.
 */
final class CodeSplitter {

    sealed interface Piece {}

    /** @param line the index of the command's first line within the block */
    record Command(String title, String description, String code, int line) implements Piece {
        Command(String title, String description, String code) {
            this(title, description, code, 0);
        }
    }

    record Manual(String text, String description, int line) implements Piece {}

    /** What was read and what the reader decided, for the import report (lines are indexes within the block). */
    record Reading(List<Piece> pieces, List<String> judgements) {}

    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\1");
    private static final Pattern STATEFUL = Pattern.compile(
            "^(?:sudo\\s+-[iEs]\\b|cd|pushd|popd|export|source|\\.|set|unset|alias|trap|umask|ulimit|shopt|declare|typeset|readonly|local|eval)(?:\\s|$)"
                    + "|^[A-Za-z_][A-Za-z0-9_]*=|^(?:function\\s+)?[A-Za-z_][A-Za-z0-9_-]*\\s*\\(\\)");
    private static final Pattern OPENS =
            Pattern.compile("^(?:if|for|while|until|case|select)\\b|\\{\\s*$|\\bdo\\s*$|\\bthen\\s*$");
    private static final Pattern CLOSES = Pattern.compile("^(?:fi|done|esac|\\})\\b|;\\s*(?:fi|done)\\s*$");
    private static final Pattern PROMPT = Pattern.compile(
            "^\\s*(?:\\$|%|❯|[\\w.-]+@[\\w.-]+(?::[^\\s$#]*)?\\s?[$#]|\\[[^\\]]+\\]\\s?[$#]|\\([\\w.-]+\\)\\s*\\$|PS(?: [^>]*)?>|[\\w.-]+=[#>])\\s(.*)$");
    private static final Pattern ROOT_PROMPT = Pattern.compile("^\\s*#\\s(.*)$");
    private static final Pattern CONTINUATION_PROMPT = Pattern.compile("^\\s*>\\s(.*)$");
    private static final Pattern TRANSACTION =
            Pattern.compile("(?im)^\\s*(?:BEGIN\\b|START\\s+TRANSACTION|COMMIT\\b|ROLLBACK\\b)|\\$\\$|^\\s*\\\\");
    private static final Pattern SHELL_WORDS = Pattern.compile(
            "^(?:sudo|su|cd|ls|cat|cp|mv|rm|mkdir|chmod|chown|ln|tar|gzip|gunzip|rsync|scp|ssh|curl|wget|git|make|docker|docker-compose|podman|"
                    + "kubectl|kubeadm|helm|etcdctl|etcdutl|systemctl|service|journalctl|apt|apt-get|yum|dnf|zypper|brew|pip|pip3|npm|npx|yarn|pnpm|"
                    + "node|python|python3|java|mvn|gradle|psql|pg_dump|pg_dumpall|pg_restore|pg_upgrade|pg_ctl|pg_ctlcluster|pg_basebackup|pg_lsclusters|"
                    + "pg_upgradecluster|pg_createcluster|pg_dropcluster|pg_isready|patronictl|repmgr|createdb|dropdb|mysql|mysqldump|redis-cli|"
                    + "mongo|mongodump|mongorestore|aws|gcloud|az|terraform|ansible|ansible-playbook|vault|openssl|ssh-keygen|certbot|nginx|"
                    + "export|source|echo|printf|grep|sed|awk|find|df|du|free|top|ps|kill|pkill|watch|sleep|test|touch|tee|head|tail|wc|sort|"
                    + "uniq|diff|date|hostname|uname|whoami|id|env|crontab|iptables|ufw|nc|dig|nslookup|ping|openssl|gpg|sha256sum|md5sum|"
                    + "unzip|zip|xargs|jq|yq|velero|restic|borg|pgbackrest|barman|wal-g|flyway|liquibase|cargo|rustup|go|gem|bundle|composer|php|"
                    + "dotnet|cmake|ninja|crictl|ctr|nerdctl|k3s|kubeadm|minikube|kind|oc|istioctl|argocd|flux|consul|nomad|"
                    + "ETCDCTL_API=\\S+|[A-Z_]+=\\S+\\s+\\S+|\\./|/|~/)(?:\\s|$)");

    private CodeSplitter() {}

    static List<Piece> shell(List<String> lines) {
        return readShell(lines).pieces();
    }

    /** True when a block without a language reads as shell commands (every command line starts with a known command). */
    static boolean looksLikeShell(List<String> lines) {
        List<String> commands = lines.stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        boolean continued = false;
        for (String line : commands) {
            if (!continued && !SHELL_WORDS.matcher(line).find()) {
                return false;
            }
            continued = line.endsWith("\\");
        }
        return !commands.isEmpty();
    }

    /** True when the block shows prompts: a terminal session rather than a script. */
    static boolean isTranscript(List<String> lines, boolean consoleFence) {
        long prompts = lines.stream().filter(l -> PROMPT.matcher(l).matches()).count();
        if (consoleFence) {
            return prompts > 0
                    || lines.stream().anyMatch(l -> ROOT_PROMPT.matcher(l).matches());
        }
        return prompts > 0;
    }

    /** A block without a language that shows {@code # command} lines (a root prompt) and output beside them. */
    static boolean isRootTranscript(List<String> lines) {
        boolean rootCommand = lines.stream()
                .map(ROOT_PROMPT::matcher)
                .anyMatch(m ->
                        m.matches() && SHELL_WORDS.matcher(m.group(1).strip()).find());
        boolean continuation =
                lines.stream().anyMatch(l -> CONTINUATION_PROMPT.matcher(l).matches());
        return rootCommand
                && (continuation
                        || !looksLikeShell(lines.stream()
                                .filter(l -> !l.strip().startsWith("#"))
                                .toList()));
    }

    /** A transcript's commands (prompts removed) and the output lines it showed. */
    record Transcript(List<String> commands, List<String> output, List<Integer> commandLines, boolean powerShell) {}

    static Transcript transcript(List<String> lines, boolean consoleFence) {
        List<String> commands = new ArrayList<>();
        List<String> output = new ArrayList<>();
        List<Integer> commandLines = new ArrayList<>();
        boolean continuing = false;
        boolean powerShell = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher prompt = PROMPT.matcher(line);
            Matcher root = ROOT_PROMPT.matcher(line);
            Matcher more = CONTINUATION_PROMPT.matcher(line);
            if (continuing && more.matches()) {
                commands.add(more.group(1));
                continuing = more.group(1).endsWith("\\");
            } else if (continuing) {
                commands.add(line.strip());
                continuing = line.endsWith("\\");
            } else if (prompt.matches()) {
                powerShell |= line.strip().startsWith("PS");
                String command = prompt.group(1).stripTrailing();
                if (!command.isEmpty()) {
                    commands.add(command);
                    commandLines.add(i);
                }
                continuing = command.endsWith("\\");
            } else if (consoleFence && root.matches() && !root.group(1).isBlank()) {
                commands.add(root.group(1).stripTrailing());
                commandLines.add(i);
                continuing = root.group(1).endsWith("\\");
            } else if (!line.isBlank()) {
                output.add(line);
            }
        }
        return new Transcript(commands, output, commandLines, powerShell);
    }

    static Reading readShell(List<String> lines) {
        List<Group> groups = groups(lines, "#");
        List<String> judgements = new ArrayList<>();
        Optional<String> state = lines.stream()
                .map(String::strip)
                .filter(l -> STATEFUL.matcher(l).find())
                .findFirst();
        long commandGroups = groups.stream().filter(g -> !g.code.isEmpty()).count();
        boolean titledGroups = groups.stream().filter(g -> !g.code.isEmpty()).allMatch(g -> !g.comments.isEmpty());
        List<Piece> pieces = new ArrayList<>();
        if (commandGroups == 0) {
            groups.forEach(g -> addManualItems(g, pieces));
            if (!pieces.isEmpty()) {
                judgements.add("has only comments: read " + pieces.size() + " of them as things a person does");
            }
            return new Reading(pieces, judgements);
        }
        if (commandGroups > 1 && titledGroups && state.isEmpty()) {
            for (Group group : groups) {
                if (group.code.isEmpty()) {
                    addManualItems(group, pieces);
                } else {
                    pieces.add(group.command());
                }
            }
            judgements.add(
                    "split into " + commandGroups + " steps at its comment titles: each group of commands is titled"
                            + " and none sets shell state (cd, export, variables) for the next");
            return new Reading(pieces, judgements);
        }
        List<String> code = new ArrayList<>(lines);
        while (!code.isEmpty() && code.get(0).isBlank()) {
            code.remove(0);
        }
        int first = lines.size() - code.size();
        String title = "";
        List<String> description = new ArrayList<>();
        while (!code.isEmpty()
                && code.get(0).strip().startsWith("#")
                && !code.get(0).strip().startsWith("#!")) {
            String comment = MarkdownText.plain(code.remove(0).strip().substring(1));
            first++;
            if (title.isEmpty()) {
                title = comment;
            } else if (!comment.isEmpty()) {
                description.add(comment);
            }
            if (!code.isEmpty() && code.get(0).isBlank()) {
                break;
            }
        }
        pieces.add(new Command(title, String.join("\n", description), withoutCommonIndent(trimBlank(code)), first));
        if (commandGroups > 1) {
            judgements.add(state.map(s -> "kept whole as one step in one shell: '" + shorten(s)
                            + "' carries state to the commands after it")
                    .orElse("kept whole as one step in one shell: its " + commandGroups
                            + " groups of commands are not each titled," + " so they read as one procedure"));
        }
        return new Reading(pieces, judgements);
    }

    static List<Piece> sql(List<String> lines) {
        String text = String.join("\n", lines);
        if (TRANSACTION.matcher(text).find()) {
            List<String> code = new ArrayList<>(trimBlank(lines));
            String title = "";
            if (!code.isEmpty() && code.get(0).strip().startsWith("--")) {
                title = MarkdownText.plain(code.remove(0).strip().substring(2));
            }
            return List.of(new Command(title, "", withoutCommonIndent(code), 0));
        }
        List<Piece> pieces = new ArrayList<>();
        for (Group group : groups(lines, "--")) {
            if (group.code.isEmpty()) {
                addManualItems(group, pieces);
            } else {
                pieces.add(group.command());
            }
        }
        return pieces;
    }

    static boolean sqlKeptWhole(List<String> lines) {
        return TRANSACTION.matcher(String.join("\n", lines)).find();
    }

    /** Comments and the commands after them; a heredoc, a continued line or an open if/for/while is never cut. */
    private static final class Group {
        final List<String> comments = new ArrayList<>();
        final List<String> code = new ArrayList<>();
        int firstLine = -1;
        int commentLine = -1;

        Command command() {
            String title = comments.isEmpty() ? "" : comments.get(0);
            String description = comments.size() > 1 ? String.join("\n", comments.subList(1, comments.size())) : "";
            return new Command(
                    title, description, withoutCommonIndent(code), commentLine >= 0 ? commentLine : firstLine);
        }
    }

    private static List<Group> groups(List<String> lines, String commentPrefix) {
        List<Group> groups = new ArrayList<>();
        Group group = new Group();
        String heredoc = null;
        boolean continued = false;
        int depth = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.strip();
            boolean inside = heredoc != null || continued || depth > 0;
            if (heredoc != null) {
                group.code.add(line);
                if (stripped.equals(heredoc)) {
                    heredoc = null;
                }
                continue;
            }
            if (!inside && stripped.isEmpty()) {
                if (!group.code.isEmpty() || !group.comments.isEmpty()) {
                    groups.add(group);
                    group = new Group();
                }
                continue;
            }
            if (!inside && stripped.startsWith(commentPrefix) && !stripped.startsWith("#!")) {
                if (!group.code.isEmpty()) {
                    groups.add(group);
                    group = new Group();
                }
                if (group.commentLine < 0) {
                    group.commentLine = i;
                }
                group.comments.add(MarkdownText.plain(stripped.substring(commentPrefix.length())));
                continue;
            }
            if (group.firstLine < 0) {
                group.firstLine = i;
            }
            group.code.add(line);
            if (commentPrefix.equals("#")) {
                Matcher here = HEREDOC.matcher(stripped);
                if (here.find()) {
                    heredoc = here.group(2);
                }
                continued = stripped.endsWith("\\")
                        || stripped.endsWith("&&")
                        || stripped.endsWith("||")
                        || stripped.endsWith("|");
                if (OPENS.matcher(stripped).find() && !CLOSES.matcher(stripped).find()) {
                    depth++;
                } else if (CLOSES.matcher(stripped).find()
                        && !OPENS.matcher(stripped).find()) {
                    depth = Math.max(0, depth - 1);
                }
            }
        }
        if (!group.code.isEmpty() || !group.comments.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }

    private static void addManualItems(Group group, List<Piece> pieces) {
        String text = null;
        List<String> details = new ArrayList<>();
        int line = group.commentLine;
        for (String comment : group.comments) {
            if (comment.isEmpty()) {
                continue;
            }
            boolean continuation = comment.startsWith("-") || comment.startsWith("*") || comment.startsWith("...");
            if (continuation && text != null) {
                details.add(comment);
                continue;
            }
            if (text != null) {
                pieces.add(new Manual(text, String.join("\n", details), line));
            }
            text = comment;
            details = new ArrayList<>();
        }
        if (text != null) {
            pieces.add(new Manual(text, String.join("\n", details), line));
        }
    }

    private static List<String> trimBlank(List<String> lines) {
        int start = 0;
        int end = lines.size();
        while (start < end && lines.get(start).isBlank()) {
            start++;
        }
        while (end > start && lines.get(end - 1).isBlank()) {
            end--;
        }
        return lines.subList(start, end);
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 59) + "…";
    }

    static String withoutCommonIndent(List<String> lines) {
        int indent = lines.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        return String.join(
                "\n",
                lines.stream()
                        .map(l -> l.length() >= indent ? l.substring(indent) : l.strip())
                        .toList());
    }

    static String languageLabel(String language) {
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "powershell", "ps1", "pwsh", "ps" -> "PowerShell";
            case "yaml", "yml" -> "YAML";
            case "json", "jsonc" -> "JSON";
            case "promql" -> "PromQL";
            case "" -> "text";
            default -> language;
        };
    }
}
