package dev.flightdeck.approval;

import dev.flightdeck.diagnostic.DidYouMean;
import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.diagnostic.Position;
import dev.flightdeck.diagnostic.Problems;
import dev.flightdeck.journal.crypto.PublicKeys;
import dev.flightdeck.journal.crypto.Sha256;
import dev.flightdeck.runbook.Role;
import dev.flightdeck.yaml.MappingReader;
import dev.flightdeck.yaml.YamlFile;
import dev.flightdeck.yaml.YamlNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a roster (team file) with positioned problems, as runbooks and inventories are read:
 *
 * <pre>
 * team: Clinic North maintenance
 * people:
 *   - name: Lee Compliance
 *     roles: [COMPLIANCE]
 *     key: MCowBQYDK2VwAyEA…   # as `flightdeck key show` prints it
 * </pre>
 *
 * A signature beside it ({@code FILE.sig}, from {@code flightdeck roster sign}) is checked when the file is loaded;
 * one that does not match makes the roster unusable.
 */
public final class RosterLoader {

    private static final Set<String> ROOT_KEYS = Set.of("team", "people");
    private static final Set<String> PERSON_KEYS = Set.of("name", "roles", "key");
    private static final List<String> ROLE_NAMES =
            Arrays.stream(Role.values()).map(Role::name).toList();

    private RosterLoader() {}

    /** The roster in {@code file}, with its signature file checked when there is one. */
    public static Parsed<Roster> load(Path file) throws IOException {
        String text = YamlFile.read(file);
        Optional<String> signedBy = Optional.empty();
        Path signature = RosterSignature.fileFor(file);
        Problems problems = new Problems(file.toString());
        if (Files.exists(signature)) {
            try {
                signedBy = Optional.of(RosterSignature.check(text.getBytes(StandardCharsets.UTF_8), signature));
            } catch (IllegalArgumentException e) {
                problems.error(new Position(1, 1), e.getMessage());
            }
        }
        Parsed<Roster> parsed = parse(text, file.toString(), signedBy);
        if (problems.hasErrors()) {
            List<dev.flightdeck.diagnostic.Problem> all = new ArrayList<>(problems.sorted());
            all.addAll(parsed.problems());
            return new Parsed<>(parsed.value(), all);
        }
        return parsed;
    }

    /** A roster from its text (a file, or the copy journaled at the session's start). */
    public static Parsed<Roster> parse(String text, String origin, Optional<String> signedBy) {
        Problems problems = new Problems(origin);
        Optional<Roster> roster = YamlFile.parse(text, problems)
                .flatMap(root -> MappingReader.of(root, "the roster", ROOT_KEYS, problems))
                .map(root -> read(root, text, signedBy, problems));
        return new Parsed<>(roster, problems.sorted());
    }

    private static Roster read(MappingReader root, String text, Optional<String> signedBy, Problems problems) {
        String team = root.requiredText("team");
        if (!root.has("people")) {
            problems.error(root.position(), "the roster is missing the required key 'people' (a list of people)");
        }
        List<RosterPerson> people = new ArrayList<>();
        Map<String, Position> fingerprints = new HashMap<>();
        for (YamlNode node : root.list("people")) {
            MappingReader.of(node, "a person of the roster", PERSON_KEYS, problems)
                    .flatMap(person -> person(person, problems))
                    .ifPresent(person -> {
                        Position earlier = fingerprints.putIfAbsent(person.fingerprint(), node.position());
                        if (earlier != null) {
                            problems.error(
                                    node.position(),
                                    person.name() + "'s key " + person.fingerprint()
                                            + " is already the key of the person at line " + earlier.line()
                                            + "; each person has their own key");
                        } else {
                            people.add(person);
                        }
                    });
        }
        return new Roster(team, people, Sha256.hex(Sha256.of(text.getBytes(StandardCharsets.UTF_8))), text, signedBy);
    }

    private static Optional<RosterPerson> person(MappingReader person, Problems problems) {
        String name = person.requiredText("name");
        String who = name.isBlank() ? "this person" : name;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<YamlNode> roleNodes = person.list("roles");
        for (YamlNode item : roleNodes) {
            String written = item.text().orElse("").strip();
            try {
                roles.add(Role.valueOf(written.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                problems.error(
                        item.position(),
                        "unknown role '" + written + "' for " + who
                                + DidYouMean.hint(written.toUpperCase(Locale.ROOT), ROLE_NAMES) + " (roles: "
                                + String.join(", ", ROLE_NAMES) + ")");
            }
        }
        if (person.has("roles") && roleNodes.isEmpty()) {
            problems.error(person.positionOf("roles"), who + " has no roles; list at least one of " + ROLE_NAMES);
        }
        if (!person.has("roles")) {
            problems.error(
                    person.position(), who + " is missing 'roles' (a list of " + String.join(", ", ROLE_NAMES) + ")");
        }
        String keyText = person.requiredText("key");
        PublicKey key = keyText.isBlank() ? null : PublicKeys.fromBase64OrNull(keyText);
        if (key == null && !keyText.isBlank()) {
            problems.error(
                    person.positionOf("key"),
                    "the key of " + who + " is not an Ed25519 public key; copy it from `flightdeck key show FILE`");
        }
        if (name.isBlank() || key == null || roles.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RosterPerson(name.strip(), roles, key));
    }
}
