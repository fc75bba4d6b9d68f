package dev.flightdeck.journal.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.journal.error.JournalErrorCode;
import dev.flightdeck.journal.error.JournalException;
import dev.flightdeck.journal.storage.DurableWrites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Instant;

/**
 * A personal key file ({@code flightdeck key create}): JSON with {@code format} = {@value #FORMAT}, the person's
 * {@code name}, {@code created}, and the private key sealed by {@link SealedKey} with the binding
 * {@code "flightdeck-personal-key-v1|" + name}, so the name cannot be changed without the passphrase noticing.
 * The file lives wherever its owner keeps it (their machine, a USB stick); it is never copied into Flightdeck's home.
 */
public final class PersonalKeyFile {

    public static final String FORMAT = "flightdeck-personal-key-v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The public half of a personal key file, read without the passphrase. */
    public record PublicPart(String name, PublicKey publicKey) {
        /** One line a person can read out on the phone: name, grouped fingerprint, and the key as a roster holds it. */
        public String describe() {
            return name + " · fingerprint " + PublicKeys.groupedFingerprint(publicKey) + " · key "
                    + PublicKeys.toBase64(publicKey);
        }
    }

    private PersonalKeyFile() {}

    /** Creates a new key for {@code name} in {@code file}; refuses to overwrite an existing file. */
    public static PublicPart create(Path file, String name, char[] passphrase, KdfCost cost) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a personal key needs the person's name (--name \"Lee Compliance\")");
        }
        if (Files.exists(file)) {
            throw new IllegalArgumentException(
                    file + " already exists; a key file is never overwritten (choose another --out)");
        }
        PassphrasePolicy.weakness(passphrase).ifPresent(weakness -> {
            throw new IllegalArgumentException(
                    "the passphrase is too weak to protect a new signing key: " + weakness + ". Nothing was created.");
        });
        try {
            var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            ObjectNode sealed = SealedKey.seal(pair, passphrase, cost, FORMAT, binding(name.strip()));
            ObjectNode stored = JSON.createObjectNode()
                    .put("format", FORMAT)
                    .put("name", name.strip())
                    .put("created", Instant.now().toString());
            sealed.remove("format");
            stored.setAll(sealed);
            DurableWrites.writeOwnerOnly(
                    file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(stored));
            return new PublicPart(name.strip(), pair.getPublic());
        } catch (IOException | GeneralSecurityException e) {
            throw new JournalException(
                    JournalErrorCode.UNREADABLE,
                    "The key cannot be written to " + file + " (" + e.getMessage() + ").",
                    e);
        }
    }

    /** The name and public key, without the passphrase. */
    public static PublicPart readPublic(Path file) {
        ObjectNode stored = read(file);
        PublicKey key = PublicKeys.fromX509OrNull(SealedKey.publicKeyBytes(stored));
        if (key == null) {
            throw new JournalException(JournalErrorCode.UNREADABLE, file + " holds no Ed25519 public key.");
        }
        return new PublicPart(stored.get("name").asText(), key);
    }

    /** Unlocks the key with its owner's passphrase. */
    public static PersonalKey unlock(Path file, char[] passphrase) {
        ObjectNode stored = read(file);
        String name = stored.get("name").asText();
        try {
            OperatorKey key = SealedKey.openOrNull(stored, passphrase, binding(name));
            if (key == null) {
                throw new JournalException(
                        JournalErrorCode.WRONG_PASSPHRASE,
                        "The passphrase does not unlock the personal key " + file + " (" + name + "). Type it again.");
            }
            return new PersonalKey(name, key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new JournalException(
                    JournalErrorCode.UNREADABLE,
                    "The personal key " + file + " cannot be read (" + e.getMessage() + ").",
                    e);
        }
    }

    private static ObjectNode read(Path file) {
        try {
            JsonNode node = JSON.readTree(Files.readAllBytes(file));
            if (!(node instanceof ObjectNode stored)
                    || !FORMAT.equals(stored.path("format").asText())
                    || !stored.path("name").isTextual()) {
                throw new JournalException(
                        JournalErrorCode.UNREADABLE,
                        file + " is not a Flightdeck personal key (" + FORMAT
                                + "); make one with flightdeck key create.");
            }
            return stored;
        } catch (IOException e) {
            throw new JournalException(
                    JournalErrorCode.UNREADABLE,
                    "The personal key " + file + " cannot be read (" + e.getMessage() + ").",
                    e);
        }
    }

    private static String binding(String name) {
        return FORMAT + "|" + name;
    }
}
