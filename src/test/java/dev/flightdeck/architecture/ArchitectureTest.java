package dev.flightdeck.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules that keep the engine headless and the code easy to follow. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the bench build (-Pbench) compiles tests to target/bench/test-classes, which the option above does not know
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("dev.flightdeck");
    }

    @Test
    void onlyTheUiPackageUsesJavaFx() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("dev.flightdeck.ui..")
                .and().doNotHaveFullyQualifiedName("dev.flightdeck.app.Launcher")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..")
                .because("the engine must run the same headless (CLI, tests) as under the console");
        rule.check(production);
    }

    @Test
    void launcherReachesJavaFxOnlyThroughTheUiPackage() {
        noClasses().that().haveFullyQualifiedName("dev.flightdeck.app.Launcher")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(production);
    }

    @Test
    void engineDoesNotDependOnTheUi() {
        // the composition root and its command line (Launcher, "flightdeck open") may open the console; nothing else may
        noClasses().that().resideOutsideOfPackages("dev.flightdeck.ui..", "dev.flightdeck.app..")
                .should().dependOnClassesThat().resideInAPackage("dev.flightdeck.ui..")
                .check(production);
    }

    @Test
    void libraryCodeDoesNotPrintToTheConsole() {
        noClasses().that().resideOutsideOfPackages("dev.flightdeck.app..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("the engine logs through SLF4J; only the command line writes to the terminal")
                .check(production);
    }

    @Test
    void loggingGoesThroughSlf4j() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.log4j..")
                .check(production);
    }
}
