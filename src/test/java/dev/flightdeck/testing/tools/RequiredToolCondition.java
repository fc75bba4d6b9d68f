package dev.flightdeck.testing.tools;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Skips (or under CI fails) a {@link RequiresTool} test whose programs are missing. */
final class RequiredToolCondition implements ExecutionCondition {

    /** Skip reasons start with this so {@link MissingToolsSummary} can tell them from other skips. */
    static final String PREFIX = "missing tool: ";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Set<String> tools = new LinkedHashSet<>();
        context.getElement().ifPresent(element -> tools.addAll(required(element)));
        List<String> missing = new ArrayList<>();
        for (String tool : tools) {
            if (Tool.find(tool).isEmpty()) {
                missing.add(tool + " (apt-get install " + Tool.debianPackage(tool) + ")");
            }
        }
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("required tools present: " + tools);
        }
        String reason = PREFIX + String.join(", ", missing);
        if (Tool.mandatory()) {
            throw new MissingToolError(reason + "; CI=true makes a missing tool a failure: install it");
        }
        return ConditionEvaluationResult.disabled(reason);
    }

    private static List<String> required(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, RequiresTool.class)
                .map(annotation -> List.of(annotation.value()))
                .orElse(List.of());
    }

    /** Thrown under CI: JUnit reports the test (or the whole class) as failed, never skipped. */
    static final class MissingToolError extends AssertionError {
        private static final long serialVersionUID = 1L;

        MissingToolError(String message) {
            super(message);
        }
    }
}
