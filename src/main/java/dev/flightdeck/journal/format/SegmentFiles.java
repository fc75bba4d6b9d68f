package dev.flightdeck.journal.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A journal is a directory of segment files {@code segment-000001.fdj}, one per open of the session. */
public final class SegmentFiles {

    private static final Pattern NAME = Pattern.compile("segment-(\\d{6})\\.fdj");

    private SegmentFiles() {}

    public static String name(int index) {
        return String.format("segment-%06d.fdj", index);
    }

    public static List<Path> list(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(
                            file -> NAME.matcher(file.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        }
    }

    public static List<SegmentBytes> readAll(Path directory) throws IOException {
        List<SegmentBytes> segments = new ArrayList<>();
        for (Path file : list(directory)) {
            segments.add(new SegmentBytes(file.getFileName().toString(), Files.readAllBytes(file)));
        }
        return segments;
    }

    /** A segment file's name and content, so scanning and verification work on bytes (files or tests alike). */
    public record SegmentBytes(String name, byte[] bytes) {}
}
