package dev.flightdeck.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.testing.tools.RequiresTool;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox starts as one clinic system reachable over SSH, JDBC and HTTP, and close() leaves nothing behind. */
@RequiresTool({"pg_dump", "pg_restore", "psql"})
class SandboxLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void hostsDatabaseAndAppsAnswerAndCloseLeavesNoThreadsPortsFilesOrHostKeys() throws Exception {
        Set<String> threadsBefore = threadNames();
        Path knownHosts = Files.writeString(
                dir.resolve("known_hosts"),
                "[example.org]:22 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOperatorsOwnEntryStaysUntouched0000000000\n");
        Path sandboxDirectory = dir.resolve("sandbox");
        List<Integer> ports = new ArrayList<>();
        try (RunningSandbox sandbox = Sandbox.start(new SandboxOptions(sandboxDirectory, false, knownHosts))) {
            Inventory inventory = sandbox.inventory();
            assertThat(inventory.hosts()).extracting(host -> host.name()).containsExactly("app1", "app2", "db1");
            assertThat(sandbox.inventoryFile()).exists().startsWith(sandboxDirectory);
            assertThat(Files.readAllLines(knownHosts)).hasSize(4);
            inventory.hosts().forEach(host -> ports.add(host.port().orElseThrow()));
            ports.add(inventory.database("clinic").orElseThrow().port());

            assertThat(get(sandbox.appUrls().get("app1") + "/api/health"))
                    .contains("\"version\":\"v1\"", "\"schema\":1");
            assertThat(SandboxShell.ssh(sandbox, knownHosts, "app2", "clinicctl deploy v2 && clinicctl status"))
                    .contains("running v2");
            assertThat(get(sandbox.appUrls().get("app2") + "/api/health")).contains("\"version\":\"v2\"");
            sandbox.fault(true);
            assertThat(eventuallyServedErrors(sandbox.appUrls().get("app2")))
                    .as("v2 with the fault fails some requests")
                    .isTrue();
            assertThat(get(sandbox.appUrls().get("app1") + "/metrics"))
                    .as("v1 never fails")
                    .doesNotContain("status=\"500\"");
            assertThat(SandboxShell.ssh(sandbox, knownHosts, "db1", "psql -At -c 'SELECT count(*) FROM clients_hipaa'")
                            .strip())
                    .isEqualTo("1200");
            String[] shell =
                    SandboxShell.ssh(sandbox, knownHosts, "db1", "pwd; env").split("\n");
            assertThat(shell[0]).isEqualTo(sandboxDirectory.resolve("hosts/db1").toString());
            assertThat(Arrays.stream(shell).skip(1).map(line -> line.substring(0, line.indexOf('='))))
                    .as("a host sees its own environment, not Flightdeck's")
                    .contains("SANDBOX_HOST", "PGDATABASE")
                    .isSubsetOf(
                            "HOME",
                            "PATH",
                            "SANDBOX_HOST",
                            "LANG",
                            "USER",
                            "LOGNAME",
                            "SHELL",
                            "PGHOST",
                            "PGPORT",
                            "PGDATABASE",
                            "PGUSER",
                            "PGPASSFILE",
                            "PWD",
                            "OLDPWD",
                            "SHLVL",
                            "_");
            assertThat(get(sandbox.appUrls().get("app1") + "/metrics"))
                    .contains(
                            "http_requests_total{status=\"200\"", "http_request_duration_seconds_bucket{le=\"+Inf\"}");
            assertThat(SandboxShell.adminCount(sandbox, "SELECT count(*) FROM visits"))
                    .isEqualTo(3000);
            assertThat(sandbox.loadAnswered()).isPositive();
            System.out.printf(
                    "sandbox started in %d ms%n", sandbox.startupTime().toMillis());
        }
        assertThat(Files.readAllLines(knownHosts))
                .containsExactly(
                        "[example.org]:22 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOperatorsOwnEntryStaysUntouched0000000000");
        assertThat(sandboxDirectory).isEmptyDirectory();
        for (int port : ports) {
            assertThat(listening(port)).as("port %d after close", port).isFalse();
        }
        Set<String> left = threadNames();
        left.removeAll(threadsBefore);
        assertThat(left)
                .as("threads started by the sandbox and still alive")
                .filteredOn(SandboxLifecycleTest::notJvmWide)
                .isEmpty();
    }

    /** The load reaches app2 ten times a second, so 5 % errors show within a few seconds. */
    private static boolean eventuallyServedErrors(String app) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (get(app + "/metrics").contains("http_requests_total{status=\"500\",version=\"v2\"}")) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException other) {
            return false;
        }
    }

    /**
     * Threads the JDK and the libraries keep once per JVM (and this test's own HTTP client), not the sandbox's to stop;
     * "Cleaner-N" is a {@code java.lang.ref.Cleaner} a library creates once (seen since the 2026-12 dependency upgrade).
     */
    private static boolean notJvmWide(String name) {
        return !name.startsWith("ForkJoinPool")
                && !name.startsWith("HttpClient")
                && !name.equals("process reaper")
                && !name.equals("PostgreSQL-JDBC-Cleaner")
                && !name.startsWith("Cleaner-");
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
