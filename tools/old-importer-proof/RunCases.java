import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one test class with the JUnit Platform and prints, per test, {@code PASS name} or {@code FAIL name} followed by
 * the whole throwable (message, stack, suppressed), for summarise.py. Used only by run.sh (the old tree's pom names
 * library versions this machine's offline repository does not hold, so the old tree cannot be built with Maven).
 */
public final class RunCases {
    public static void main(String[] args) throws Exception {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Class.forName(args[0])))
                .build();
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (!test.isTest()) {
                    return;
                }
                String name = test.getDisplayName().replace("()", "");
                if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                    System.out.println("PASS " + name);
                    return;
                }
                StringWriter trace = new StringWriter();
                result.getThrowable().ifPresent(t -> t.printStackTrace(new PrintWriter(trace)));
                System.out.println("FAIL " + name);
                trace.toString().lines().forEach(line -> System.out.println("| " + line));
            }
        });
    }
}
