package dev.flightdeck.approval;

import dev.flightdeck.runbook.Role;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The team file: who may approve for which role, with their public keys ({@link RosterLoader} reads it). Its
 * {@code sha256} (of the file's bytes) is journaled when a session opens, with its text, so a reviewer knows which
 * roster the approvals were checked against.
 *
 * @param signedBy the administrator whose key signed the file ({@code flightdeck roster sign}), if it is signed
 */
public record Roster(String team, List<RosterPerson> people, String sha256, String text, Optional<String> signedBy) {

    public Roster {
        people = List.copyOf(people);
    }

    /** The roster person holding this key, if any. */
    public Optional<RosterPerson> holder(PublicKey key) {
        return people.stream()
                .filter(person -> Arrays.equals(person.key().getEncoded(), key.getEncoded()))
                .findFirst();
    }

    /** Every role and who holds it, for refusals: "COMPLIANCE: Lee Compliance (3f2a-…); SECURITY: nobody". */
    public String rolesSummary() {
        return Arrays.stream(Role.values())
                .map(role -> role + ": "
                        + people.stream()
                                .filter(person -> person.roles().contains(role))
                                .map(person -> person.name() + " (" + person.fingerprint() + ")")
                                .collect(Collectors.collectingAndThen(
                                        Collectors.joining(", "), holders -> holders.isEmpty() ? "nobody" : holders)))
                .collect(Collectors.joining("; "));
    }

    /** "the roster 'Clinic North' (SHA-256 1a2b3c4d5e6f…)". */
    public String describe() {
        return "the roster '" + team + "' (SHA-256 " + sha256.substring(0, 12) + "…"
                + signedBy.map(by -> ", signed by " + by).orElse(", not signed") + ")";
    }
}
