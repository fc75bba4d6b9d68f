package dev.flightdeck.approval;

import dev.flightdeck.journal.crypto.PublicKeys;
import dev.flightdeck.runbook.Role;
import java.security.PublicKey;
import java.util.Set;
import java.util.stream.Collectors;

/** One person of the team: their name, the roles they may approve for, and their personal public key. */
public record RosterPerson(String name, Set<Role> roles, PublicKey key) {

    public RosterPerson {
        roles = Set.copyOf(roles);
    }

    public String fingerprint() {
        return PublicKeys.groupedFingerprint(key);
    }

    /** "Lee Compliance (COMPLIANCE), key 3f2a-9c1b-77d0-e4a2". */
    public String describe() {
        return name + " (" + roles.stream().map(Role::name).sorted().collect(Collectors.joining(", ")) + "), key "
                + fingerprint();
    }
}
