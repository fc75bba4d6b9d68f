package dev.flightdeck.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flightdeck bench startup}: JVM start → first frame of the console for the plain jar and the installed
 * package with and without its AppCDS archive, in one run, interleaved, with ratios against the plain jar. The
 * console writes the time of its first rendered frame to a file and exits ({@code -Dflightdeck.firstFrame=FILE}).
 * Needs a display ({@code xvfb-run -a}).
 *
 * <p>The last row is the floor: the installed runtime with the package's options and an archive of its own, showing
 * {@code ui.compose.FirstFrameFloor} (one label, the same theme, size and probe) in a process of its own. Nothing the console does can start faster, so
 * the difference to it is the console's own part of the time.
 */
@Command(
        name = "startup",
        mixinStandardHelpOptions = true,
        description =
                "Measure JVM start to first frame: plain jar, installed package with and without its AppCDS archive (needs a display).")
public final class StartupBench implements Runnable {

    static final long GOAL_MILLIS = 800;
    /**
     * The floor's main class, started as a process from this jar: named, not referenced, as the command line does not
     * depend on the console (StartupBenchTest checks that the name is right).
     */
    static final String FLOOR_MAIN = "dev.flightdeck.ui.compose.FirstFrameFloor";

    private static final Duration LIMIT = Duration.ofSeconds(90);

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--runs",
            defaultValue = "5",
            description = "starts per variant, interleaved (default ${DEFAULT-VALUE})")
    private int runs;

    @Option(
            names = "--jar",
            defaultValue = "target/flightdeck.jar",
            description = "the plain jar (default ${DEFAULT-VALUE})")
    private Path jar;

    @Option(
            names = "--installed",
            defaultValue = "/opt/flightdeck",
            description = "the installed package (default ${DEFAULT-VALUE})")
    private Path installed;

    private record Variant(String name, List<String> command, Map<String, String> environment) {}

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (System.getenv("DISPLAY") == null) {
            throw new IllegalStateException("bench startup needs a display: run it under xvfb-run -a");
        }
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Map<String, List<Long>> millis = new LinkedHashMap<>();
        Map<String, List<Long>> cpu = new LinkedHashMap<>();
        try {
            Path home = Files.createTempDirectory("flightdeck-startup-bench");
            List<Variant> variants = variants(out, home);
            variants.forEach(variant -> millis.put(variant.name(), new ArrayList<>()));
            variants.forEach(variant -> cpu.put(variant.name(), new ArrayList<>()));
            for (int run = 0; run < runs; run++) {
                for (Variant variant : variants) {
                    long[] frame = firstFrame(variant, home);
                    millis.get(variant.name()).add(frame[0]);
                    cpu.get(variant.name()).add(frame[1]);
                    out.printf(
                            Locale.ROOT,
                            "  run %d %-46s %6d ms, CPU %6d ms%n",
                            run + 1,
                            variant.name(),
                            frame[0],
                            frame[1]);
                    out.flush();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("the startup bench could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        print(out, millis, cpu, loadAtStart);
    }

    private List<Variant> variants(PrintWriter out, Path home) throws IOException, InterruptedException {
        List<Variant> variants = new ArrayList<>();
        String java = ProcessHandle.current().info().command().orElse("java");
        if (Files.isRegularFile(jar)) {
            variants.add(
                    new Variant("plain jar (java -jar, reference)", List.of(java, "-jar", jar.toString()), Map.of()));
        } else {
            out.println("no plain jar at " + jar + " (./mvnw package, or --jar PATH): its row is left out");
        }
        Path launcher = installed.resolve("bin/flightdeck");
        Path cfg = installed.resolve("lib/app/flightdeck.cfg");
        Path runtimeJava = installed.resolve("lib/runtime/bin/java");
        if (!Files.isExecutable(launcher) || !Files.isRegularFile(cfg)) {
            out.println("no installed package at " + installed
                    + " (./mvnw -Pinstaller package; apt install ./target/installer/*.deb)");
            return variants;
        }
        // the launcher itself: takes its JVM options, archive included, from flightdeck.cfg; the probe comes through
        // JAVA_TOOL_OPTIONS
        variants.add(new Variant(
                "installed package (bin/flightdeck, AppCDS)",
                List.of(launcher.toString()),
                Map.of("JAVA_TOOL_OPTIONS", "")));
        if (Files.isExecutable(runtimeJava)) {
            List<String> options = javaOptions(cfg);
            List<String> without = options.stream()
                    .filter(option -> !option.startsWith("-XX:SharedArchiveFile="))
                    .toList();
            List<String> command = new ArrayList<>(List.of(runtimeJava.toString()));
            command.addAll(without);
            command.addAll(
                    List.of("-cp", installed.resolve("lib/app/flightdeck.jar").toString(), mainClass(cfg)));
            variants.add(new Variant("installed package, same options, no AppCDS", command, Map.of()));
            floor(runtimeJava, without, home, out).ifPresent(variants::add);
        }
        boolean archive = Files.isRegularFile(installed.resolve("lib/app/flightdeck.jsa"));
        if (!archive) {
            out.println("note: " + installed.resolve("lib/app/flightdeck.jsa")
                    + " is missing: the package starts without AppCDS");
        }
        return variants;
    }

    /**
     * The floor's row: {@link FirstFrameFloor} from this bench's jar on the installed runtime, with the package's options
     * and an AppCDS archive made for it here the way the package's postinst makes its own (a class list recorded by one
     * start, then {@code -Xshare:dump}).
     */
    private Optional<Variant> floor(Path runtimeJava, List<String> options, Path home, PrintWriter out)
            throws IOException, InterruptedException {
        Path benchJar;
        try {
            benchJar = Path.of(StartupBench.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the bench jar: " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(benchJar)) {
            out.println("note: the floor's row needs the bench jar (./mvnw -Pbench package), not " + benchJar);
            return Optional.empty();
        }
        Path classList = home.resolve("floor.classlist");
        Path archive = home.resolve("floor.jsa");
        String main = FLOOR_MAIN;
        List<String> record = javaCommand(runtimeJava, options, "-XX:DumpLoadedClassList=" + classList);
        record.addAll(List.of(
                "-D" + "flightdeck.firstFrame=" + home.resolve("floor-first-frame"), "-cp", benchJar.toString(), main));
        List<String> dump = javaCommand(runtimeJava, options, "-Xshare:dump");
        dump.addAll(List.of(
                "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + archive,
                "-cp",
                benchJar.toString()));
        if (!(runQuietly(record, home) && runQuietly(dump, home) && Files.isRegularFile(archive))) {
            out.println("note: no AppCDS archive for the floor could be made: its row is left out");
            return Optional.empty();
        }
        List<String> command = javaCommand(runtimeJava, options, "-XX:SharedArchiveFile=" + archive);
        command.addAll(List.of("-cp", benchJar.toString(), main));
        return Optional.of(new Variant("floor: one label, same runtime and AppCDS", command, Map.of()));
    }

    private static List<String> javaCommand(Path java, List<String> options, String extra) {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(options);
        command.add(extra);
        return command;
    }

    private static boolean runQuietly(List<String> command, Path home) throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("FLIGHTDECK_HOME", home.resolve("home").toString());
        Process process = builder.start();
        if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }

    /** Wall-clock milliseconds from starting the process to its first frame, and the CPU milliseconds it used by then. */
    private long[] firstFrame(Variant variant, Path home) throws IOException, InterruptedException {
        Path marker = home.resolve("first-frame");
        Files.deleteIfExists(marker);
        List<String> command = new ArrayList<>(variant.command());
        String probe = "-D" + "flightdeck.firstFrame=" + marker;
        ProcessBuilder builder = new ProcessBuilder();
        builder.environment().put("FLIGHTDECK_HOME", home.resolve("home").toString());
        if (variant.environment().containsKey("JAVA_TOOL_OPTIONS")) {
            builder.environment().put("JAVA_TOOL_OPTIONS", probe);
        } else {
            command.add(command.size() - (command.contains("-jar") ? 2 : 1), probe);
        }
        builder.command(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long start = System.currentTimeMillis();
        Process process = builder.start();
        if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(variant.name() + ": no first frame within " + LIMIT.toSeconds() + " s");
        }
        if (!Files.isRegularFile(marker)) {
            throw new IOException(
                    variant.name() + ": exited with " + process.exitValue() + " without a first frame: " + command);
        }
        String[] fields =
                Files.readString(marker, StandardCharsets.UTF_8).trim().split(" ");
        return new long[] {Long.parseLong(fields[0]) - start, fields.length > 1 ? Long.parseLong(fields[1]) : -1};
    }

    /** The JVM options of a jpackage launcher's cfg file, with $APPDIR resolved. */
    private List<String> javaOptions(Path cfg) {
        List<String> options = new ArrayList<>();
        for (String line : lines(cfg)) {
            if (line.startsWith("java-options=")) {
                options.add(line.substring("java-options=".length())
                        .replace("$APPDIR", cfg.getParent().toString()));
            }
        }
        return options;
    }

    private String mainClass(Path cfg) {
        return lines(cfg).stream()
                .filter(line -> line.startsWith("app.mainclass="))
                .map(line -> line.substring("app.mainclass=".length()))
                .findFirst()
                .orElse("dev.flightdeck.app.Launcher");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void print(
            PrintWriter out, Map<String, List<Long>> millis, Map<String, List<Long>> cpu, double loadAtStart) {
        Optional<Long> reference = millis.values().stream().findFirst().map(StartupBench::median);
        Optional<Long> cpuReference = cpu.values().stream().findFirst().map(StartupBench::median);
        out.println();
        out.printf(
                Locale.ROOT,
                "%-46s %10s %8s %10s %10s %10s%n",
                "JVM START -> FIRST FRAME",
                "MEDIAN",
                "MIN",
                "×PLAIN JAR",
                "CPU",
                "CPU×JAR");
        millis.forEach((name, values) -> out.printf(
                Locale.ROOT,
                "%-46s %7d ms %5d ms %10s %7d ms %10s%n",
                name,
                median(values),
                values.stream().mapToLong(Long::longValue).min().orElse(0),
                ratio(median(values), reference),
                median(cpu.get(name)),
                ratio(median(cpu.get(name)), cpuReference)));
        millis.entrySet().stream()
                .filter(entry ->
                        entry.getKey().contains("AppCDS") && !entry.getKey().contains("no AppCDS"))
                .findFirst()
                .ifPresent(entry -> out.printf(
                        Locale.ROOT,
                        "goal: installed package < %d ms: %s (median %d ms, best %d ms)%n",
                        GOAL_MILLIS,
                        median(entry.getValue()) < GOAL_MILLIS ? "met" : "NOT met",
                        median(entry.getValue()),
                        entry.getValue().stream()
                                .mapToLong(Long::longValue)
                                .min()
                                .orElse(0)));
        millis.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("floor"))
                .findFirst()
                .ifPresent(floor -> out.printf(
                        Locale.ROOT,
                        "floor: a one-label window on the same runtime takes %d ms (median) here; the goal is %s the"
                                + " floor%n",
                        median(floor.getValue()),
                        median(floor.getValue()) < GOAL_MILLIS ? "above" : "below"));
        var system = ManagementFactory.getOperatingSystemMXBean();
        out.printf(
                Locale.ROOT,
                "machine: %d cores, load average %.1f at the start and %.1f at the end, median of %d interleaved"
                        + " starts per row (CPU: all threads of the started JVM, less sensitive to other processes'"
                        + " load than wall time)%n",
                system.getAvailableProcessors(),
                loadAtStart,
                system.getSystemLoadAverage(),
                runs);
    }

    private static String ratio(long value, Optional<Long> reference) {
        return reference
                .filter(ref -> ref > 0)
                .map(ref -> String.format(Locale.ROOT, "%.2f", value / (double) ref))
                .orElse("-");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }
}
