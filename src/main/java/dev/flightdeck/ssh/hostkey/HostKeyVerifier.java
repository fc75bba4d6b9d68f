package dev.flightdeck.ssh.hostkey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strict host-key checking over the user's {@code ~/.ssh/known_hosts} (read only, hashed entries too) and
 * Flightdeck's own known-hosts file (the only one written). An unknown key is trusted only through
 * {@link #trust}; a changed or revoked key is refused and there is deliberately no method to accept it.
 */
public final class HostKeyVerifier {

    private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

    private final List<Path> readOnlyFiles;
    private final Path flightdeckFile;
    /** Operator decisions given before the key was seen (headless {@code --trust-host HOST=SHA256:...}). */
    private final Map<String, String> pendingTrust = new HashMap<>();
    /** The last unknown key each host presented, so a later trust decision stores exactly that key. */
    private final Map<String, PresentedKey> lastUnknown = new HashMap<>();

    public HostKeyVerifier(List<Path> readOnlyFiles, Path flightdeckFile) {
        this.readOnlyFiles = List.copyOf(readOnlyFiles);
        this.flightdeckFile = flightdeckFile;
    }

    /** The operator's setup: {@code ~/.ssh/known_hosts} read only, Flightdeck's own file (FlightdeckHome.knownHosts()) written. */
    public static HostKeyVerifier forOperator(Path userKnownHosts, Path flightdeckKnownHosts) {
        return new HostKeyVerifier(List.of(userKnownHosts), flightdeckKnownHosts);
    }

    public Path flightdeckFile() {
        return flightdeckFile;
    }

    /** Decides about a key a server presented during key exchange. */
    public synchronized HostKeyVerdict verify(PresentedKey key) {
        return verify(key, List.of());
    }

    /**
     * The same, reading {@code readOnlyOverride} instead of the default read-only files when it is not empty
     * (ssh-config's {@code UserKnownHostsFile} and {@code GlobalKnownHostsFile} for this host); Flightdeck's own file
     * is always read.
     */
    public synchronized HostKeyVerdict verify(PresentedKey key, List<Path> readOnlyOverride) {
        HostKeyVerdict verdict = lookup(key, readOnlyOverride);
        if (verdict instanceof HostKeyVerdict.Unknown) {
            String fingerprint = pendingTrust.get(key.knownHostsName());
            if (key.fingerprint().equals(fingerprint)) {
                pendingTrust.remove(key.knownHostsName());
                return store(key);
            }
            lastUnknown.put(key.knownHostsName(), key);
        }
        return verdict;
    }

    /**
     * The operator's explicit decision to trust {@code fingerprint} for a host ({@code host} or
     * {@code [host]:port}). Never overrides a changed key.
     */
    public synchronized TrustResult trust(String knownHostsName, String fingerprint) {
        if (!FINGERPRINT.matcher(fingerprint).matches()) {
            throw new IllegalArgumentException("'" + fingerprint
                    + "' is not a fingerprint as OpenSSH prints it (SHA256: and 43 base64 characters)");
        }
        List<KnownHostLine> known = KnownHostsFiles.forHost(KnownHostsFiles.read(files()), knownHostsName);
        if (known.stream()
                .anyMatch(
                        line -> line.fingerprint().equals(fingerprint) && line.marker() == KnownHostLine.Marker.NONE)) {
            return TrustResult.ALREADY_TRUSTED;
        }
        if (!known.isEmpty()) {
            return TrustResult.REFUSED_KEY_CHANGED;
        }
        PresentedKey seen = lastUnknown.get(knownHostsName);
        if (seen == null) {
            pendingTrust.put(knownHostsName, fingerprint);
            return TrustResult.PENDING_UNTIL_SEEN;
        }
        if (!seen.fingerprint().equals(fingerprint)) {
            return TrustResult.REFUSED_FINGERPRINT_MISMATCH;
        }
        store(seen);
        return TrustResult.STORED;
    }

    /** Key types already known for a host, so the client can ask the server for those first (as OpenSSH does). */
    public List<String> knownKeyTypes(String knownHostsName) {
        return knownKeyTypes(knownHostsName, List.of());
    }

    public List<String> knownKeyTypes(String knownHostsName, List<Path> readOnlyOverride) {
        return KnownHostsFiles.forHost(KnownHostsFiles.read(files(readOnlyOverride)), knownHostsName).stream()
                .filter(line -> line.marker() == KnownHostLine.Marker.NONE)
                .map(KnownHostLine::keyType)
                .distinct()
                .toList();
    }

    /**
     * Where {@code @cert-authority} lines name this host ({@code file:line}): a host whose plain key is unknown is
     * told about them (it presented no certificate those authorities signed).
     */
    public List<String> certificateAuthorities(String knownHostsName, List<Path> readOnlyOverride) {
        return markedLines(knownHostsName, readOnlyOverride, KnownHostLine.Marker.CERT_AUTHORITY).stream()
                .map(MarkedKey::location)
                .toList();
    }

    /**
     * The {@code @cert-authority} or {@code @revoked} keys whose patterns match this host (hashed and negated patterns
     * decided here, as for host keys), for the SSH library's host-certificate check.
     */
    public List<MarkedKey> markedKeys(String knownHostsName, List<Path> readOnlyOverride) {
        List<MarkedKey> keys =
                new ArrayList<>(markedLines(knownHostsName, readOnlyOverride, KnownHostLine.Marker.CERT_AUTHORITY));
        keys.addAll(markedLines(knownHostsName, readOnlyOverride, KnownHostLine.Marker.REVOKED));
        return keys;
    }

    /** A key a known_hosts line marks, with where it was written. */
    public record MarkedKey(boolean authority, byte[] blob, String location) {
        public MarkedKey {
            blob = blob.clone();
        }

        @Override
        public byte[] blob() {
            return blob.clone();
        }
    }

    private List<MarkedKey> markedLines(
            String knownHostsName, List<Path> readOnlyOverride, KnownHostLine.Marker marker) {
        return KnownHostsFiles.read(files(readOnlyOverride)).stream()
                .filter(line -> line.marker() == marker && line.matchesHost(knownHostsName))
                .map(line -> new MarkedKey(marker == KnownHostLine.Marker.CERT_AUTHORITY, line.blob(), line.location()))
                .toList();
    }

    private HostKeyVerdict lookup(PresentedKey key, List<Path> readOnlyOverride) {
        List<KnownHostLine> known =
                KnownHostsFiles.forHost(KnownHostsFiles.read(files(readOnlyOverride)), key.knownHostsName());
        Optional<KnownHostLine> revoked = known.stream()
                .filter(line -> line.marker() == KnownHostLine.Marker.REVOKED && key.sameKeyAs(line.blob()))
                .findFirst();
        if (revoked.isPresent()) {
            return new HostKeyVerdict.Revoked(key, revoked.get().location());
        }
        List<KnownHostLine> hostKeys = known.stream()
                .filter(line -> line.marker() == KnownHostLine.Marker.NONE)
                .toList();
        Optional<KnownHostLine> match =
                hostKeys.stream().filter(line -> key.sameKeyAs(line.blob())).findFirst();
        if (match.isPresent()) {
            return new HostKeyVerdict.Trusted(key, match.get().location(), false);
        }
        if (hostKeys.isEmpty()) {
            return new HostKeyVerdict.Unknown(key);
        }
        return new HostKeyVerdict.Changed(
                key,
                hostKeys.stream().map(KnownHostLine::fingerprint).toList(),
                hostKeys.stream().map(KnownHostLine::location).toList());
    }

    private HostKeyVerdict store(PresentedKey key) {
        try {
            appendLine(key.knownHostsLine());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot write Flightdeck's known-hosts file " + flightdeckFile + ": " + e.getMessage(), e);
        }
        lastUnknown.remove(key.knownHostsName());
        return new HostKeyVerdict.Trusted(key, flightdeckFile.toString(), true);
    }

    private void appendLine(String line) throws IOException {
        if (!Files.exists(flightdeckFile)) {
            Files.createDirectories(flightdeckFile.toAbsolutePath().getParent());
            Files.createFile(flightdeckFile);
            try {
                Files.setPosixFilePermissions(flightdeckFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the profile's ACLs protect it
            }
        }
        Files.writeString(
                flightdeckFile, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private List<Path> files() {
        return files(List.of());
    }

    private List<Path> files(List<Path> readOnlyOverride) {
        List<Path> all = new ArrayList<>(readOnlyOverride.isEmpty() ? readOnlyFiles : readOnlyOverride);
        all.add(flightdeckFile);
        return all;
    }
}
