package dev.flightdeck.db.place;

import dev.flightdeck.db.error.DatabaseErrorCode;
import dev.flightdeck.db.error.DatabaseException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs tools on the operator's own machine with {@link ProcessBuilder}. */
public final class LocalCommandPlace implements CommandPlace {

    private static final int CAPTURE_LIMIT = 1 << 20;

    private final Map<String, String> environment;

    /** @param environment the process environment, for PATH */
    public LocalCommandPlace(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public ToolResult run(ToolInvocation invocation) {
        long start = System.nanoTime();
        Path stdoutCapture = null;
        Path stderrCapture = null;
        try {
            stdoutCapture = Files.createTempFile("fd-tool-", ".out");
            stderrCapture = Files.createTempFile("fd-tool-", ".err");
            Process process = start(invocation, stdoutCapture, stderrCapture);
            boolean finished = process.waitFor(invocation.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            String stdout = invocation.stdoutFile().isPresent() ? "" : readCapped(stdoutCapture);
            return new ToolResult(
                    finished ? process.exitValue() : -1,
                    stdout,
                    readCapped(stderrCapture),
                    Duration.ofNanos(System.nanoTime() - start),
                    !finished);
        } catch (IOException e) {
            throw new DatabaseException(
                    DatabaseErrorCode.TOOL_FAILED,
                    "could not start " + invocation.argv().get(0) + " on this computer: " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException(
                    DatabaseErrorCode.TOOL_FAILED, invocation.argv().get(0) + " was interrupted", e);
        } finally {
            deleteQuietly(stdoutCapture);
            deleteQuietly(stderrCapture);
        }
    }

    private Process start(ToolInvocation invocation, Path stdoutCapture, Path stderrCapture) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(invocation.argv());
        builder.environment().putAll(invocation.environment());
        builder.redirectError(stderrCapture.toFile());
        builder.redirectOutput(invocation.stdoutFile().map(File::new).orElse(stdoutCapture.toFile()));
        invocation
                .stdinFile()
                .ifPresentOrElse(
                        file -> builder.redirectInput(new File(file)),
                        () -> builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))));
        if (invocation.password().isEmpty()) {
            return builder.start();
        }
        // The password has to become a String for the child's environment; it lives only until start returns.
        char[] password = invocation.password().get().reveal();
        try {
            builder.environment().put("PGPASSWORD", new String(password));
            return builder.start();
        } finally {
            builder.environment().remove("PGPASSWORD");
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public long freeBytes(String path) {
        try {
            Path existing = Path.of(path);
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return Files.getFileStore(existing == null ? Path.of("/") : existing)
                    .getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<String> locate(String tool) {
        String path = environment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, tool))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }

    @Override
    public long fileSize(String path) {
        try {
            return Files.size(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String sha256(String path) {
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String describe() {
        return "this computer";
    }

    private static String readCapped(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(CAPTURE_LIMIT);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            file.toFile().delete();
        }
    }
}
