package dev.flightdeck.ssh.hostkey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads every line of several known_hosts files; files that do not exist contribute nothing. */
final class KnownHostsFiles {

    private static final Logger LOG = LoggerFactory.getLogger(KnownHostsFiles.class);

    private KnownHostsFiles() {}

    static List<KnownHostLine> read(List<Path> files) {
        List<KnownHostLine> lines = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < text.size(); i++) {
                    KnownHostLine.parse(text.get(i), file.toString(), i + 1).ifPresent(lines::add);
                }
            } catch (IOException e) {
                // An unreadable file can only make a host look unknown, which stops the connection: safe.
                LOG.warn("Cannot read known-hosts file {}: {}", file, e.getMessage());
            }
        }
        return lines;
    }

    /** Host-key lines that apply to a host (certificate authorities are not host keys). */
    static List<KnownHostLine> forHost(List<KnownHostLine> lines, String knownHostsName) {
        return lines.stream()
                .filter(line -> line.marker() != KnownHostLine.Marker.CERT_AUTHORITY)
                .filter(line -> line.matchesHost(knownHostsName))
                .toList();
    }
}
