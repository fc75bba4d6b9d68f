package dev.flightdeck.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.flightdeck.app.Launcher;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Flightdeck must run on a laptop with a JDK and nothing else: what Java can do (keys, known_hosts, fingerprints,
 * signals) is never done by starting an OS tool. Two checks: only a short list of classes may start processes at all,
 * and no product class holds a string constant that names a forbidden tool as the program to run (the first word of
 * the constant), which is how {@code new ProcessBuilder("ssh-keygen", ...)} or {@code "kill -STOP " + pid} look in a
 * class file.
 */
class NoShellingOutTest {

    /** A benchmark class file (src/bench, compiled beside the product under -Pbench). */
    private static final Pattern BENCH_CLASS = Pattern.compile(".*/[A-Za-z]*Bench[A-Za-z0-9$]*\\.class");

    /** The programs Java does itself: OpenSSH's key tool and agent tools, and signals. */
    private static final Set<String> FORBIDDEN_PROGRAMS =
            Set.of("ssh-keygen", "ssh-add", "ssh-keyscan", "kill", "pkill", "killall");

    /** The classes that do start processes, each for a reason no Java API covers. */
    private static final String[] MAY_START_PROCESSES = {
        "dev.flightdeck.db.place.LocalCommandPlace", // pg_dump, pg_restore, psql on the operator's machine
        "dev.flightdeck.session.steps.LocalShell", // a runbook's local `run` step
        "dev.flightdeck.ssh.loopback.LoopbackSshd", // OpenSSH's sshd for `flightdeck bench`
        "dev.flightdeck.app.cli.SshCliTimer", // OpenSSH's ssh as the benchmark's reference
    };

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the bench build (-Pbench) compiles tests to target/bench/test-classes, which the option above does
                // not know; the benchmarks (src/bench, built beside the product there) may start processes: bench
                // startup
                // starts JVMs, bench ssh starts OpenSSH's client as the reference
                .withImportOption(location -> !location.contains("/test-classes/") && !location.matches(BENCH_CLASS))
                .importPackages("dev.flightdeck");
    }

    @Test
    void onlyTheListedClassesStartProcesses() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(MAY_START_PROCESSES[0])
                .and()
                .doNotHaveFullyQualifiedName(MAY_START_PROCESSES[1])
                .and()
                .doNotHaveFullyQualifiedName(MAY_START_PROCESSES[2])
                .and()
                .doNotHaveFullyQualifiedName(MAY_START_PROCESSES[3])
                .should()
                .callConstructor(ProcessBuilder.class, List.class)
                .orShould()
                .callConstructor(ProcessBuilder.class, String[].class)
                .orShould()
                .callMethod(Runtime.class, "exec", String.class)
                .orShould()
                .callMethod(Runtime.class, "exec", String[].class)
                .because(
                        "a new OS tool is one more thing a bare laptop lacks: do it in Java, or add the class here with its reason")
                .check(production);
    }

    @Test
    void noProductClassRunsSshKeygenOrKill() throws IOException {
        // where the build put the product's classes: target/classes, or target/bench/classes under -Pbench
        Path classes = classesOf(Launcher.class);
        assertThat(classes).isDirectory();
        List<String> offences = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class"))
                    .filter(f -> !BENCH_CLASS.matcher(f.toString()).matches())
                    .toList()) {
                scanned++;
                for (String constant : stringConstants(file)) {
                    String program =
                            constant.strip().split("[\\s\\u0001]+", 2)[0].toLowerCase(Locale.ROOT);
                    if (FORBIDDEN_PROGRAMS.contains(program)
                            || FORBIDDEN_PROGRAMS.stream().anyMatch(p -> program.endsWith("/" + p))) {
                        offences.add(classes.relativize(file) + ": \"" + constant + "\"");
                    }
                }
            }
        }
        assertThat(scanned).as("classes scanned").isGreaterThan(100);
        assertThat(offences)
                .as("product classes that would start %s", FORBIDDEN_PROGRAMS)
                .isEmpty();
    }

    @Test
    void theScannerFindsAProgramName() throws IOException {
        Path self = classesOf(NoShellingOutTest.class)
                .resolve(NoShellingOutTest.class.getName().replace('.', '/') + ".class");
        assertThat(stringConstants(self)).contains("ssh-keygen");
    }

    private static Path classesOf(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CONSTANT_String entries of a class file's constant pool (JVMS 4.4). */
    static List<String> stringConstants(Path classFile) throws IOException {
        try (InputStream raw = Files.newInputStream(classFile);
                DataInputStream in = new DataInputStream(raw)) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException(classFile + " is not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> stringIndexes = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 8 -> stringIndexes.add(in.readUnsignedShort());
                    case 7, 16, 19, 20 -> in.readUnsignedShort();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    default -> throw new IOException(classFile + ": unknown constant pool tag " + tag);
                }
            }
            return stringIndexes.stream().map(index -> utf8[index]).toList();
        }
    }
}
