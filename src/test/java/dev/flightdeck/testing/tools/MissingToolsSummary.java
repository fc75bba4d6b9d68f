package dev.flightdeck.testing.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints ONE line at the end of a test run saying which tests were skipped for which missing program and what to
 * install, e.g.
 * {@code [MISSING TOOLS] 6 tests or test classes SKIPPED ...; install with apt-get install openssh-server -- openssh-server
 * (sshd): OpenSshInteropTest, ...}.
 * Registered through {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 *
 * <p>Surefire runs the classes in two JVMs and tells the listener each class's end as the end of a test plan, so a
 * JVM never knows it saw the last class. When {@code flightdeck.test.missingTools} names a file (the pom sets it),
 * every JVM merges what it skipped into that file under a lock, and the build prints the file once after the tests;
 * without it (a test run from an IDE) the line goes to standard error at each plan's end. A test that FAILED for a
 * missing program under CI is said at once on standard error, because the build stops at the failure.
 */
public final class MissingToolsSummary implements TestExecutionListener {

    /** The file the pom names; read by the build after the tests. */
    static final String SUMMARY_FILE_PROPERTY = "flightdeck.test.missingTools";

    /** package → tool → test names, merged across the run's JVMs when there is a summary file. */
    private final Map<String, Map<String, Set<String>>> skipped = new TreeMap<>();

    private final Set<String> failed = new TreeSet<>();
    private final PrintStream out = System.err;

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (reason != null && reason.startsWith(RequiredToolCondition.PREFIX)) {
            // "sshd (apt-get install openssh-server), ssh-agent (apt-get install openssh-client)"
            for (String missing :
                    reason.substring(RequiredToolCondition.PREFIX.length()).split(", ")) {
                String tool = missing.substring(0, missing.indexOf(' '));
                add(skipped, Tool.debianPackage(tool), tool, name(test));
            }
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        result.getThrowable()
                .filter(RequiredToolCondition.MissingToolError.class::isInstance)
                .ifPresent(error -> failed.add(name(test) + " (" + error.getMessage() + ")"));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (!failed.isEmpty()) {
            out.println("[MISSING TOOLS] " + failed.size()
                    + " tests FAILED under CI because a program is not installed: " + String.join("; ", failed));
            failed.clear();
        }
        if (skipped.isEmpty()) {
            return;
        }
        String file = System.getProperty(SUMMARY_FILE_PROPERTY);
        if (file == null || file.isBlank()) {
            out.println(line(skipped));
            return;
        }
        try {
            mergeInto(Path.of(file));
            skipped.clear();
        } catch (IOException e) {
            out.println(line(skipped) + " (could not write " + file + ": " + e.getMessage() + ")");
        }
    }

    /** Adds this JVM's skips to the file's, under a lock the other JVM honours, and rewrites the line. */
    private void mergeInto(Path file) throws IOException {
        Path entries = file.resolveSibling(file.getFileName() + ".tsv");
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel lock = FileChannel.open(
                        file.resolveSibling(file.getFileName() + ".lock"),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock held = lock.lock()) {
            Map<String, Map<String, Set<String>>> all = new TreeMap<>();
            if (Files.exists(entries)) {
                for (String entry : Files.readAllLines(entries, StandardCharsets.UTF_8)) {
                    String[] parts = entry.split("\t");
                    if (parts.length == 3) {
                        add(all, parts[0], parts[1], parts[2]);
                    }
                }
            }
            skipped.forEach((debianPackage, tools) ->
                    tools.forEach((tool, tests) -> tests.forEach(test -> add(all, debianPackage, tool, test))));
            StringBuilder tsv = new StringBuilder();
            all.forEach((debianPackage, tools) ->
                    tools.forEach((tool, tests) -> tests.forEach(test -> tsv.append(debianPackage)
                            .append('\t')
                            .append(tool)
                            .append('\t')
                            .append(test)
                            .append('\n'))));
            Files.writeString(entries, tsv, StandardCharsets.UTF_8);
            Files.writeString(file, line(all) + "\n", StandardCharsets.UTF_8);
        }
    }

    private static void add(
            Map<String, Map<String, Set<String>>> into, String debianPackage, String tool, String test) {
        into.computeIfAbsent(debianPackage, key -> new TreeMap<>())
                .computeIfAbsent(tool, key -> new TreeSet<>())
                .add(test);
    }

    static String line(Map<String, Map<String, Set<String>>> skippedByPackage) {
        Set<String> tests = new TreeSet<>();
        skippedByPackage.values().forEach(tools -> tools.values().forEach(tests::addAll));
        StringBuilder line = new StringBuilder("[MISSING TOOLS] " + tests.size()
                + " tests or test classes SKIPPED because a program is not installed (CI=true makes this a failure);"
                + " install with apt-get install " + String.join(" ", skippedByPackage.keySet()) + " --");
        skippedByPackage.forEach((debianPackage, tools) -> {
            Set<String> ofPackage = new TreeSet<>();
            tools.values().forEach(ofPackage::addAll);
            line.append(' ')
                    .append(debianPackage)
                    .append(" (")
                    .append(String.join(", ", tools.keySet()))
                    .append("): ")
                    .append(String.join(", ", ofPackage))
                    .append(';');
        });
        return line.toString();
    }

    private static String name(TestIdentifier test) {
        return test.getSource()
                .map(source -> {
                    if (source instanceof MethodSource method) {
                        return simple(method.getClassName()) + "." + method.getMethodName();
                    }
                    if (source instanceof ClassSource type) {
                        return simple(type.getClassName());
                    }
                    return test.getDisplayName();
                })
                .orElse(test.getDisplayName());
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
