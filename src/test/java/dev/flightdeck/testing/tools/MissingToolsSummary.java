package dev.flightdeck.testing.tools;

import java.io.PrintStream;
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
 */
public final class MissingToolsSummary implements TestExecutionListener {

    private final Map<String, Set<String>> skippedByPackage = new TreeMap<>();
    private final Map<String, Set<String>> toolsByPackage = new TreeMap<>();
    private final Set<String> skipped = new TreeSet<>();
    private final Set<String> failed = new TreeSet<>();
    private final PrintStream out = System.err;

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (reason != null && reason.startsWith(RequiredToolCondition.PREFIX)) {
            String name = name(test);
            skipped.add(name);
            // "sshd (apt-get install openssh-server), ssh-agent (apt-get install openssh-client)"
            for (String missing :
                    reason.substring(RequiredToolCondition.PREFIX.length()).split(", ")) {
                String tool = missing.substring(0, missing.indexOf(' '));
                skippedByPackage
                        .computeIfAbsent(Tool.debianPackage(tool), key -> new TreeSet<>())
                        .add(name);
                toolsByPackage
                        .computeIfAbsent(Tool.debianPackage(tool), key -> new TreeSet<>())
                        .add(tool);
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
        if (!skipped.isEmpty()) {
            StringBuilder line = new StringBuilder("[MISSING TOOLS] " + skipped.size()
                    + " tests or test classes SKIPPED because a program is not installed (CI=true makes this a failure);"
                    + " install with apt-get install " + String.join(" ", skippedByPackage.keySet()) + " --");
            skippedByPackage.forEach((debianPackage, tests) -> line.append(' ')
                    .append(debianPackage)
                    .append(" (")
                    .append(String.join(", ", toolsByPackage.get(debianPackage)))
                    .append("): ")
                    .append(String.join(", ", tests))
                    .append(';'));
            out.println(line);
        }
        if (!failed.isEmpty()) {
            out.println("[MISSING TOOLS] " + failed.size()
                    + " tests FAILED under CI because a program is not installed: " + String.join("; ", failed));
        }
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
