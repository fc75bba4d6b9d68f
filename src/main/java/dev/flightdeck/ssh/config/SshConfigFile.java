package dev.flightdeck.ssh.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenSSH client config ({@code ~/.ssh/config}) read as {@code ssh} reads it, for what decides where and how a
 * connection goes: {@code Host} blocks with patterns ({@code *}, {@code ?}, {@code !negation}), {@code Match} blocks
 * ({@code all}, {@code host}, {@code originalhost}, {@code user}, {@code localuser}, negated with {@code !}),
 * {@code Include} (globs; relative paths from {@code ~/.ssh}; inside a block only when the block applies), {@code Key
 * value} / {@code Key=value} / {@code Key = value}, and the keywords HostName, Port, User, IdentityFile, ProxyJump,
 * IdentitiesOnly, IdentityAgent, UserKnownHostsFile, GlobalKnownHostsFile, ConnectTimeout, ServerAliveInterval and
 * ServerAliveCountMax. First value wins; IdentityFile accumulates.
 *
 * <p>Any other keyword that applies to a host is reported as a warning (logged at WARN and carried in
 * {@link SshConfigEntry#warnings()}), never dropped silently. {@code Match exec} (and criteria Flightdeck cannot
 * evaluate) is refused with {@link SshConfigException} when a host reaches it: Flightdeck does not run commands from
 * ssh_config, and guessing the outcome could send a connection somewhere else than {@code ssh} would.
 *
 * <p>Why not MINA SSHD's {@code HostConfigEntry}: in 2.15 it keeps {@code User = root} as {@code " root"}, does not
 * follow {@code Include} (kept as a property) and throws on any {@code Match} section ("Currently not able to process
 * Match sections"); JSch's {@code OpenSSHConfig} has neither Match nor Include nor ProxyJump.
 */
public final class SshConfigFile {

    private static final Logger LOG = LoggerFactory.getLogger(SshConfigFile.class);
    private static final int MAX_INCLUDE_DEPTH = 16;
    private static final Set<String> SUPPORTED = Set.of(
            "hostname",
            "port",
            "user",
            "identityfile",
            "proxyjump",
            "identitiesonly",
            "identityagent",
            "userknownhostsfile",
            "globalknownhostsfile",
            "connecttimeout",
            "serveraliveinterval",
            "serveralivecountmax");
    /** Warnings already logged, so a long session does not repeat them for every connection. */
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    private final List<Block> blocks;
    private final List<String> problems;

    private SshConfigFile(List<Block> blocks, List<String> problems) {
        this.blocks = List.copyOf(blocks);
        this.problems = List.copyOf(problems);
    }

    /** A missing file is an empty config, as for ssh itself; {@code Include} paths are relative to the file's folder. */
    public static SshConfigFile read(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        return read(file, directory, directory.getParent());
    }

    /** As {@link #read(Path)}, with the folder relative includes start from and the home {@code ~} means. */
    public static SshConfigFile read(Path file, Path sshDirectory, Path home) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new SshConfigFile(List.of(), List.of());
        }
        Parser parser = new Parser(sshDirectory, home);
        parser.parse(Files.readString(file, StandardCharsets.UTF_8), shortName(file, home), List.of(), 0);
        return parser.result();
    }

    public static SshConfigFile parse(String text) {
        Path home = Path.of(System.getProperty("user.home"));
        Parser parser = new Parser(home.resolve(".ssh"), home);
        parser.parse(text, "~/.ssh/config", List.of(), 0);
        return parser.result();
    }

    /** Problems found while reading (an Include that could not be read, a bad Match line): {@code file:line: message}. */
    public List<String> problems() {
        return problems;
    }

    /** The settings for {@code alias} with no user given elsewhere and this process's user as the local user. */
    public SshConfigEntry lookup(String alias) {
        return lookup(alias, Optional.empty(), System.getProperty("user.name"));
    }

    /**
     * The settings for {@code alias}: every applying block in file order, first value wins.
     *
     * @param user      the login already decided elsewhere (the inventory), which {@code Match user} tests
     * @param localUser the operator's account, which {@code Match localuser} tests
     * @throws SshConfigException when a {@code Match exec} (or another criterion Flightdeck cannot evaluate) is reached
     */
    public SshConfigEntry lookup(String alias, Optional<String> user, String localUser) {
        Map<String, String> first = new LinkedHashMap<>();
        List<String> identities = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Block block : blocks) {
            Context context = new Context(
                    alias,
                    first.containsKey("hostname") ? expandHost(first.get("hostname"), alias) : alias,
                    user.orElse(first.getOrDefault("user", localUser)),
                    localUser);
            if (!block.applies(context)) {
                continue;
            }
            for (Setting setting : block.settings()) {
                if (setting.keyword().equals("identityfile")) {
                    identities.add(setting.value());
                } else if (SUPPORTED.contains(setting.keyword())) {
                    first.putIfAbsent(setting.keyword(), setting.value());
                } else {
                    String warning = setting.location() + ": '" + setting.original() + "' applies to " + alias
                            + " but Flightdeck does not act on " + setting.keywordAsWritten()
                            + "; the connection is made without it";
                    warnings.add(warning);
                    if (LOGGED.add(warning)) {
                        LOG.warn("{}", warning);
                    }
                }
            }
        }
        return new SshConfigEntry(
                Optional.ofNullable(first.get("hostname")).map(h -> expandHost(h, alias)),
                number(first, "port", warnings).map(Long::intValue),
                Optional.ofNullable(first.get("user")),
                identities,
                Optional.ofNullable(first.get("proxyjump")).filter(p -> !p.equalsIgnoreCase("none")),
                yesNo(first, "identitiesonly", warnings),
                Optional.ofNullable(first.get("identityagent")),
                words(first.get("userknownhostsfile")),
                words(first.get("globalknownhostsfile")),
                number(first, "connecttimeout", warnings).map(Duration::ofSeconds),
                number(first, "serveraliveinterval", warnings).map(Duration::ofSeconds),
                number(first, "serveralivecountmax", warnings).map(Long::intValue),
                warnings);
    }

    private static List<String> words(String value) {
        return value == null ? List.of() : List.of(value.trim().split("\\s+"));
    }

    private static Optional<Long> number(Map<String, String> first, String keyword, List<String> warnings) {
        String text = first.get(keyword);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            warnings.add("~/.ssh/config: " + keyword + " '" + text + "' is not a number; the default is used");
            return Optional.empty();
        }
    }

    private static Optional<Boolean> yesNo(Map<String, String> first, String keyword, List<String> warnings) {
        String text = first.get(keyword);
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> Optional.of(true);
            case "no", "false" -> Optional.of(false);
            default -> {
                warnings.add("~/.ssh/config: " + keyword + " '" + text
                        + "' is neither yes nor no; the default (no) is used");
                yield Optional.empty();
            }
        };
    }

    /** HostName may contain {@code %h} (the alias) and {@code %%}. */
    private static String expandHost(String value, String alias) {
        return value.replace("%%", "\u0000").replace("%h", alias).replace("\u0000", "%");
    }

    private static String shortName(Path file, Path home) {
        Path absolute = file.toAbsolutePath().normalize();
        return home != null && absolute.startsWith(home.toAbsolutePath().normalize())
                ? "~/" + home.toAbsolutePath().normalize().relativize(absolute)
                : absolute.toString();
    }

    /** What the criteria of Host and Match lines are tested against. */
    private record Context(String originalHost, String host, String user, String localUser) {}

    private record Setting(String keyword, String keywordAsWritten, String value, String original, String location) {}

    /** A run of settings under the conditions of every enclosing Host or Match line (an Include nests them). */
    private record Block(List<Condition> conditions, List<Setting> settings) {

        boolean applies(Context context) {
            return conditions.stream().allMatch(condition -> condition.test(context));
        }
    }

    private interface Condition {
        boolean test(Context context);
    }

    /** {@code Host a b !c}: a negated pattern that matches excludes; otherwise any positive match includes. */
    private record HostLine(List<String> patterns) implements Condition {
        @Override
        public boolean test(Context context) {
            return patternList(patterns, context.originalHost());
        }
    }

    /** {@code Match} with its criteria, all of which must hold. */
    private record MatchLine(List<Criterion> criteria) implements Condition {
        @Override
        public boolean test(Context context) {
            return criteria.stream().allMatch(criterion -> criterion.test(context));
        }
    }

    private record Criterion(String name, boolean negated, String argument, String location) {
        boolean test(Context context) {
            boolean result = switch (name) {
                case "all" -> true;
                case "host" -> commaPatterns(argument, context.host());
                case "originalhost" -> commaPatterns(argument, context.originalHost());
                case "user" -> commaPatterns(argument, context.user());
                case "localuser" -> commaPatterns(argument, context.localUser());
                case "exec" ->
                    throw new SshConfigException(
                            location + ": 'Match exec' is refused: Flightdeck does not run commands from"
                                    + " ssh_config. Replace it with Match host, originalhost, user or localuser, or name the settings in the inventory.");
                default ->
                    throw new SshConfigException(
                            location + ": 'Match " + name + "' is not evaluated by Flightdeck (it knows all, host,"
                                    + " originalhost, user, localuser); rather than guess where "
                                    + context.originalHost() + " goes, it stops here.");
            };
            return negated != result;
        }
    }

    private static boolean commaPatterns(String list, String value) {
        return patternList(List.of(list.split(",")), value);
    }

    private static boolean patternList(List<String> patterns, String value) {
        boolean positive = false;
        for (String pattern : patterns) {
            if (pattern.startsWith("!")) {
                if (HostPattern.matches(pattern.substring(1), value)) {
                    return false;
                }
            } else if (HostPattern.matches(pattern, value)) {
                positive = true;
            }
        }
        return positive;
    }

    private static final class Parser {

        private final Path sshDirectory;
        private final Path home;
        private final List<Block> blocks = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        Parser(Path sshDirectory, Path home) {
            this.sshDirectory = sshDirectory;
            this.home = home;
        }

        SshConfigFile result() {
            problems.forEach(problem -> {
                if (LOGGED.add(problem)) {
                    LOG.warn("{}", problem);
                }
            });
            return new SshConfigFile(blocks, problems);
        }

        void parse(String text, String origin, List<Condition> enclosing, int depth) {
            Block current = new Block(enclosing, new ArrayList<>());
            blocks.add(current);
            String[] lines = text.split("\\R", -1);
            for (int number = 1; number <= lines.length; number++) {
                List<String> words = ConfigWords.split(lines[number - 1]);
                if (words.isEmpty()) {
                    continue;
                }
                String location = origin + ":" + number;
                String keyword = words.get(0).toLowerCase(Locale.ROOT);
                List<String> arguments = words.subList(1, words.size());
                switch (keyword) {
                    case "host" -> {
                        current = new Block(with(enclosing, new HostLine(List.copyOf(arguments))), new ArrayList<>());
                        blocks.add(current);
                    }
                    case "match" -> {
                        current = new Block(with(enclosing, matchLine(arguments, location)), new ArrayList<>());
                        blocks.add(current);
                    }
                    case "include" -> {
                        for (String pattern : arguments) {
                            include(pattern, location, current.conditions(), depth);
                        }
                        current = new Block(current.conditions(), new ArrayList<>());
                        blocks.add(current);
                    }
                    default ->
                        current.settings()
                                .add(new Setting(
                                        keyword,
                                        words.get(0),
                                        String.join(" ", arguments),
                                        lines[number - 1].strip(),
                                        location));
                }
            }
        }

        private static List<Condition> with(List<Condition> enclosing, Condition condition) {
            List<Condition> all = new ArrayList<>(enclosing);
            all.add(condition);
            return all;
        }

        private MatchLine matchLine(List<String> arguments, String location) {
            List<Criterion> criteria = new ArrayList<>();
            for (int i = 0; i < arguments.size(); i++) {
                String word = arguments.get(i);
                boolean negated = word.startsWith("!");
                String name = (negated ? word.substring(1) : word).toLowerCase(Locale.ROOT);
                String argument = "";
                int equals = name.indexOf('=');
                if (equals > 0) {
                    argument = name.substring(equals + 1);
                    name = name.substring(0, equals);
                } else if (!name.equals("all") && !name.equals("canonical") && !name.equals("final")) {
                    if (i + 1 >= arguments.size()) {
                        problems.add(location + ": 'Match " + name + "' needs an argument; the block never applies");
                        criteria.add(new Criterion("all", true, "", location));
                        continue;
                    }
                    argument = arguments.get(++i);
                }
                criteria.add(new Criterion(name, negated, argument, location));
            }
            return new MatchLine(criteria);
        }

        /** OpenSSH: {@code ~} is the home, a relative path starts at {@code ~/.ssh}, globs expand in sorted order. */
        private void include(String pattern, String location, List<Condition> conditions, int depth) {
            if (depth >= MAX_INCLUDE_DEPTH) {
                problems.add(location + ": 'Include " + pattern + "' nests deeper than " + MAX_INCLUDE_DEPTH
                        + " files; not followed");
                return;
            }
            String expanded = pattern.equals("~")
                    ? home.toString()
                    : pattern.startsWith("~/")
                            ? home.resolve(pattern.substring(2)).toString()
                            : pattern;
            Path path = Path.of(expanded);
            Path absolute = path.isAbsolute() ? path : sshDirectory.resolve(path);
            for (Path file : expand(absolute)) {
                try {
                    parse(Files.readString(file, StandardCharsets.UTF_8), shortName(file, home), conditions, depth + 1);
                } catch (IOException e) {
                    problems.add(location + ": cannot read " + file + " (Include " + pattern + "): " + e.getMessage());
                }
            }
        }

        private static List<Path> expand(Path pattern) {
            String text = pattern.normalize().toString();
            if (!text.matches(".*[*?\\[].*")) {
                return Files.isRegularFile(pattern) ? List.of(pattern) : List.of();
            }
            Path base = pattern.getRoot();
            int globAt = 0;
            for (Path part : pattern.normalize()) {
                if (part.toString().matches(".*[*?\\[].*")) {
                    break;
                }
                base = base.resolve(part);
                globAt++;
            }
            int depth = pattern.normalize().getNameCount() - globAt;
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + text);
            if (!Files.isDirectory(base)) {
                return List.of();
            }
            try (Stream<Path> found = Files.walk(base, depth)) {
                return found.filter(Files::isRegularFile)
                        .filter(matcher::matches)
                        .sorted()
                        .toList();
            } catch (IOException e) {
                return List.of();
            }
        }
    }
}
