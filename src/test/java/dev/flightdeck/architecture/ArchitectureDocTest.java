package dev.flightdeck.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/architecture.md stays true: every class it names exists, and every package is on its map. */
class ArchitectureDocTest {

    private static final Path DOC = Path.of("docs/architecture.md");
    private static final Path BASE = Path.of("src/main/java/dev/flightdeck");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern CLASS_NAME = Pattern.compile("([A-Z][A-Za-z0-9]*)(?:\\.[A-Za-z][A-Za-z0-9]*)?");

    @Test
    void everyClassTheMapNamesExists() throws IOException {
        Set<String> classes = classNames();
        List<String> missing = new ArrayList<>();
        Matcher code = CODE.matcher(Files.readString(DOC));
        while (code.find()) {
            Matcher name = CLASS_NAME.matcher(code.group(1));
            if (name.matches() && !classes.contains(name.group(1))) {
                missing.add(code.group(1));
            }
        }
        assertThat(missing)
                .as("names in docs/architecture.md without a class in src/")
                .isEmpty();
    }

    @Test
    void everyTopLevelPackageIsOnTheMap() throws IOException {
        String doc = Files.readString(DOC);
        try (Stream<Path> packages = Files.list(BASE)) {
            List<String> absent = packages.filter(Files::isDirectory)
                    .map(dir -> dir.getFileName().toString())
                    .filter(name -> !doc.contains("`" + name + "`"))
                    .sorted()
                    .toList();
            assertThat(absent)
                    .as("packages under dev.flightdeck that docs/architecture.md does not place on its map")
                    .isEmpty();
        }
    }

    private static Set<String> classNames() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            return files.map(Path::toString)
                    .filter(name -> name.endsWith(".java"))
                    .map(name -> Path.of(name).getFileName().toString().replace(".java", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
