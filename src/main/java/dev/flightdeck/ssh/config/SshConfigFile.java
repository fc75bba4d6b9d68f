package dev.flightdeck.ssh.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of an OpenSSH client config ({@code ~/.ssh/config}) that decide where a connection goes:
 * {@code Host} blocks with patterns ({@code *}, {@code ?}, {@code !negation}) and the keywords HostName,
 * Port, User, IdentityFile and ProxyJump. JSch's own parser has no ProxyJump, hence this class.
 * {@code Match} blocks and {@code Include} are not evaluated (logged once and skipped), which errs towards
 * connecting with fewer settings rather than wrong ones.
 */
public final class SshConfigFile {

    private static final Logger LOG = LoggerFactory.getLogger(SshConfigFile.class);

    private final List<HostBlock> blocks;

    private SshConfigFile(List<HostBlock> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** A missing file is an empty config, as for ssh itself. */
    public static SshConfigFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new SshConfigFile(List.of());
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static SshConfigFile parse(String text) {
        List<HostBlock> blocks = new ArrayList<>();
        HostBlock current = new HostBlock(List.of("*"), new LinkedHashMap<>());
        blocks.add(current);
        for (String rawLine : text.split("\\R")) {
            List<String> words = ConfigWords.split(rawLine);
            if (words.isEmpty()) {
                continue;
            }
            String keyword = words.get(0).toLowerCase(Locale.ROOT);
            List<String> arguments = words.subList(1, words.size());
            switch (keyword) {
                case "host" -> {
                    current = new HostBlock(arguments, new LinkedHashMap<>());
                    blocks.add(current);
                }
                case "match" -> {
                    LOG.info("~/.ssh/config: 'Match' blocks are not evaluated by Flightdeck; their settings are ignored");
                    current = new HostBlock(List.of(), new LinkedHashMap<>());
                    blocks.add(current);
                }
                case "include" -> LOG.info("~/.ssh/config: 'Include {}' is not followed by Flightdeck", arguments);
                default -> current.options().computeIfAbsent(keyword, k -> new ArrayList<>()).add(String.join(" ", arguments));
            }
        }
        return new SshConfigFile(blocks);
    }

    /** The settings for {@code alias}: every matching block in file order, first value wins. */
    public SshConfigEntry lookup(String alias) {
        Optional<String> hostName = Optional.empty();
        Optional<String> port = Optional.empty();
        Optional<String> user = Optional.empty();
        Optional<String> proxyJump = Optional.empty();
        List<String> identities = new ArrayList<>();
        for (HostBlock block : blocks) {
            if (!block.matches(alias)) {
                continue;
            }
            hostName = hostName.or(() -> block.first("hostname"));
            port = port.or(() -> block.first("port"));
            user = user.or(() -> block.first("user"));
            proxyJump = proxyJump.or(() -> block.first("proxyjump"));
            identities.addAll(block.options().getOrDefault("identityfile", List.of()));
        }
        Optional<Integer> portNumber = port.flatMap(SshConfigFile::portNumber);
        return new SshConfigEntry(hostName.map(h -> expandTokens(h, alias)), portNumber, user, identities,
                proxyJump.filter(p -> !p.equalsIgnoreCase("none")));
    }

    private static Optional<Integer> portNumber(String text) {
        try {
            return Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            LOG.warn("~/.ssh/config: Port '{}' is not a number; using the default", text);
            return Optional.empty();
        }
    }

    /** HostName may contain {@code %h} (the alias) and {@code %%}. */
    private static String expandTokens(String value, String alias) {
        return value.replace("%%", "\u0000").replace("%h", alias).replace("\u0000", "%");
    }

    private record HostBlock(List<String> patterns, Map<String, List<String>> options) {

        Optional<String> first(String keyword) {
            List<String> values = options.get(keyword);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        /** OpenSSH: a negated pattern that matches excludes the block; otherwise any positive match includes it. */
        boolean matches(String alias) {
            boolean positive = false;
            for (String pattern : patterns) {
                if (pattern.startsWith("!")) {
                    if (HostPattern.matches(pattern.substring(1), alias)) {
                        return false;
                    }
                } else if (HostPattern.matches(pattern, alias)) {
                    positive = true;
                }
            }
            return positive;
        }
    }
}
