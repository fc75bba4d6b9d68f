package dev.flightdeck.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.flightdeck.app.cli.DeliberateConsoleImport;
import dev.flightdeck.ui.FxmlViews;
import dev.flightdeck.ui.compose.ConsoleLauncher;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules that keep the engine headless and the code easy to follow; docs/architecture.md draws the same map. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the bench build (-Pbench) compiles tests to target/bench/test-classes, which the option above does
                // not know
                .withImportOption(location -> !location.contains("/test-classes/"))
                // the console benchmarks' UI halves (src/bench, -Pbench) are not product code
                .withImportOption(
                        location -> !location.contains("/ui/output/bench/") && !location.contains("/ui/metrics/bench/"))
                .importPackages("dev.flightdeck");
    }

    /** The layers of docs/architecture.md, top to bottom; a layer may use the layers below it, never those above. */
    static ArchRule layers() {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Command line")
                .definedBy("dev.flightdeck.app..")
                .layer("Console")
                .definedBy("dev.flightdeck.ui..")
                .layer("Live session")
                .definedBy("dev.flightdeck.live..")
                .layer("Engine")
                .definedBy(
                        "dev.flightdeck.review..",
                        "dev.flightdeck.notify..",
                        "dev.flightdeck.rollback..",
                        "dev.flightdeck.sandbox..",
                        "dev.flightdeck.session..",
                        "dev.flightdeck.metrics..",
                        "dev.flightdeck.db..",
                        "dev.flightdeck.ssh..",
                        "dev.flightdeck.runbook..",
                        "dev.flightdeck.inventory..",
                        "dev.flightdeck.approval..")
                .layer("Home")
                .definedBy("dev.flightdeck.home..")
                .layer("Foundation")
                .definedBy(
                        "dev.flightdeck.journal..",
                        "dev.flightdeck.yaml..",
                        "dev.flightdeck.diagnostic..",
                        "dev.flightdeck.text..")
                .whereLayer("Command line")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Console")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Live session")
                .mayOnlyBeAccessedByLayers("Command line", "Console")
                .whereLayer("Engine")
                .mayOnlyBeAccessedByLayers("Command line", "Console", "Live session")
                .whereLayer("Home")
                .mayOnlyBeAccessedByLayers("Command line", "Console", "Live session", "Engine")
                .whereLayer("Foundation")
                .mayOnlyBeAccessedByLayers("Command line", "Console", "Live session", "Engine", "Home")
                // the benchmarks' UI harnesses (src/bench, -Pbench) implement the bench commands' interfaces: not
                // product
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("..bench.."), DescribedPredicate.alwaysTrue());
    }

    @Test
    void everyLayerUsesOnlyTheLayersBelowIt() {
        layers().check(production);
    }

    @Test
    void theLayerRuleCatchesTheCommandLineReachingIntoTheConsole() {
        // A command that imported a console class (as `flightdeck open` once did) must fail the rule.
        JavaClasses withViolation =
                new ClassFileImporter().importClasses(DeliberateConsoleImport.class, ConsoleLauncher.class);
        assertThatThrownBy(() -> layers().check(withViolation))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("DeliberateConsoleImport")
                .hasMessageContaining(ConsoleLauncher.class.getName());
    }

    @Test
    void noPackageIsPartOfACycle() {
        slices().matching("dev.flightdeck.(*)..").should().beFreeOfCycles().check(production);
    }

    /**
     * Inside a package too: a package's parts never use the package that puts them together (its failures live in a
     * part of their own, e.g. {@code db.error}, {@code journal.error}). The console as well: its root ({@code ui}) is
     * the toolkit every screen may use, and only {@code ui.compose} knows every screen.
     */
    @Test
    void noSubPackageIsPartOfACycle() {
        slices().matching("dev.flightdeck.(**)")
                .should()
                .beFreeOfCycles()
                // the bench build's main (src/bench, -Pbench) starts the product's Launcher with the bench commands
                // added
                .ignoreDependency(JavaClass.Predicates.simpleName("BenchLauncher"), DescribedPredicate.alwaysTrue())
                .check(production);
    }

    /** The console's toolkit ({@code ui}'s root) serves the screens and knows none of them. */
    @Test
    void theConsoleToolkitKnowsNoScreen() {
        noClasses()
                .that()
                .resideInAPackage("dev.flightdeck.ui")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.flightdeck.ui.*..")
                .check(production);
    }

    /**
     * Only the composition ({@code ui.compose}) loads FXML views, through its one list of controllers
     * ({@code ConsoleViews}), and nothing in the product uses the composition: a screen is handed what it shows.
     */
    @Test
    void onlyTheCompositionLoadsViewsAndKnowsEveryScreen() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.flightdeck.ui.compose..")
                .should()
                .callConstructor(FxmlViews.class, Map.class)
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("dev.flightdeck.ui.compose..")
                .check(production);
    }

    @Test
    void onlyTheConsoleUsesJavaFx() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackage("dev.flightdeck.ui..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..")
                .because("the engine must run the same headless (CLI, tests) as under the console");
        rule.check(production);
    }

    @Test
    void libraryCodeDoesNotPrintToTheTerminal() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.flightdeck.app..")
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .because("the engine logs through SLF4J; only the command line writes to the terminal")
                .check(production);
    }

    @Test
    void loggingGoesThroughSlf4j() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.util.logging..", "org.apache.log4j..")
                .check(production);
    }
}
