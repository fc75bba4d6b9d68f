package dev.flightdeck.testing.tools;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test (class or method) that needs a program the operating system provides, such as OpenSSH's {@code sshd}.
 * Where the program is missing the test is skipped, and {@link MissingToolsSummary} prints one line at the end of
 * the run naming the package to install; under CI ({@code CI=true}) a missing program is a failure instead, so CI
 * still proves every such test.
 *
 * <pre>{@code
 * @RequiresTool({"sshd", "ssh-agent"})
 * class SshAgentAuthenticationTest { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiredToolCondition.class)
public @interface RequiresTool {

    /** Program names as installed (see {@link Tool}). */
    String[] value();
}
