package dev.flightdeck.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.sandbox.error.SandboxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the rehearsal needs from the computer is checked before anything starts, and the message says what to install here. */
class SandboxRequirementsTest {

    @TempDir
    Path dir;

    private Path osRelease(String id, String idLike) throws Exception {
        return Files.writeString(
                dir.resolve("os-release-" + id),
                "PRETTY_NAME=\"x\"\nID=" + id + "\n" + (idLike == null ? "" : "ID_LIKE=\"" + idLike + "\"\n"));
    }

    private Path tool(Path bin, String name, String script) throws Exception {
        Files.createDirectories(bin);
        Path file = Files.writeString(bin.resolve(name), "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void withTheClientToolsOnThePathNothingIsMissing() {
        assertThat(SandboxRequirements.problem(System.getenv(), Path.of("/etc/os-release")))
                .as("this machine has postgresql-client 15+ (CI installs it)")
                .isEmpty();
    }

    @Test
    void missingToolsAreNamedWithTheDebianPackage() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-bin"));

        String problem = SandboxRequirements.problem(Map.of("PATH", empty.toString()), osRelease("ubuntu", "debian"))
                .orElseThrow();

        assertThat(problem)
                .contains(
                        "not found on the PATH: pg_dump, pg_restore, psql",
                        "15 or newer",
                        "sudo apt install postgresql-client",
                        "Nothing was started");
    }

    @Test
    void anOldOrBrokenToolIsReportedWithItsVersion() throws Exception {
        Path bin = dir.resolve("bin");
        tool(bin, "pg_dump", "echo 'pg_dump (PostgreSQL) 13.16 (Debian 13.16-0+deb11u1)'");
        tool(bin, "pg_restore", "echo 'Error: no binaries for this cluster' >&2; exit 1");
        tool(bin, "psql", "echo 'psql (PostgreSQL) 16.4'");

        String problem = SandboxRequirements.problem(Map.of("PATH", bin.toString()), osRelease("fedora", null))
                .orElseThrow();

        assertThat(problem)
                .contains(
                        bin.resolve("pg_dump") + " is version 13, older than the sandbox's PostgreSQL 15",
                        bin.resolve("pg_restore")
                                + " --version does not answer like pg_restore (exit 1: Error: no binaries for this cluster)",
                        "sudo dnf install postgresql")
                .doesNotContain("psql is", "not found");
    }

    @Test
    void eachPlatformGetsItsOwnInstruction() throws Exception {
        assertThat(SandboxRequirements.installAdvice("Mac OS X", dir.resolve("none")))
                .startsWith("brew install libpq");
        assertThat(SandboxRequirements.installAdvice("Windows 11", dir.resolve("none")))
                .contains("Command Line Tools");
        assertThat(SandboxRequirements.installAdvice("Linux", osRelease("debian", null)))
                .startsWith("sudo apt install postgresql-client");
        assertThat(SandboxRequirements.installAdvice("Linux", osRelease("rocky", "rhel centos fedora")))
                .startsWith("sudo dnf install postgresql");
        assertThat(SandboxRequirements.installAdvice("Linux", osRelease("opensuse-leap", "suse opensuse")))
                .startsWith("sudo zypper");
        assertThat(SandboxRequirements.installAdvice("Linux", dir.resolve("none")))
                .contains("postgresql-client");
    }

    @Test
    void theSandboxStopsBeforeMakingOrStartingAnything() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-bin"));
        Path sandbox = dir.resolve("sandbox");
        Path knownHosts = dir.resolve("known_hosts");

        assertThatThrownBy(() ->
                        Sandbox.start(new SandboxOptions(sandbox, false, knownHosts, Map.of("PATH", empty.toString()))))
                .isInstanceOfSatisfying(SandboxException.class, e -> {
                    assertThat(e.code()).isEqualTo(SandboxException.Code.TOOL_MISSING);
                    assertThat(e.describe()).startsWith("FD-SANDBOX-004: ").contains("pg_dump", "postgresql");
                });
        assertThat(sandbox).doesNotExist();
        assertThat(knownHosts).doesNotExist();
    }

    @Test
    void theDebianPackageDependsOnTheClientToolsTheCheckAsksFor() throws Exception {
        String script = Files.readString(Path.of("installer/jpackage.sh"));

        assertThat(script)
                .contains("\"libgtk-3-0, postgresql-client (>= " + SandboxRequirements.POSTGRES_MAJOR
                        + "), openssh-client\"")
                .contains("postgresql >= " + SandboxRequirements.POSTGRES_MAJOR);
    }
}
