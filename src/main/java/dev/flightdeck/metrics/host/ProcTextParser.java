package dev.flightdeck.metrics.host;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads the output of {@link HostCommand}: Linux's own text formats, as the kernel and coreutils write them. A section
 * that is missing or malformed leaves its figure empty with a problem; the other figures are still read.
 */
public final class ProcTextParser {

    private ProcTextParser() {}

    /** @param paths the paths the command asked {@code df} about, in the same order */
    public static HostReading parse(String output, List<String> paths) {
        Map<String, List<String>> sections = sections(output);
        List<String> problems = new ArrayList<>();
        Optional<CpuTimes> cpu = cpu(sections.getOrDefault("stat", List.of()), problems);
        OptionalDouble load = load(sections.getOrDefault("loadavg", List.of()), problems);
        OptionalDouble memory = memory(sections.getOrDefault("meminfo", List.of()), problems);
        Map<String, Double> disks = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            disk(sections.getOrDefault("df " + i, List.of()), path, problems)
                    .ifPresent(percent -> disks.put(path, percent));
        }
        return new HostReading(cpu, load, memory, disks, problems);
    }

    private static Map<String, List<String>> sections(String output) {
        Map<String, List<String>> sections = new HashMap<>();
        List<String> current = null;
        for (String line : output.split("\r?\n")) {
            if (line.startsWith(HostCommand.MARKER)) {
                current = sections.computeIfAbsent(
                        line.substring(HostCommand.MARKER.length()).strip(), name -> new ArrayList<>());
            } else if (current != null && !line.isBlank()) {
                current.add(line);
            }
        }
        return sections;
    }

    /** {@code cpu  user nice system idle iowait irq softirq steal guest guest_nice}; kernels before 2.6.11 stop after irq. */
    static Optional<CpuTimes> cpu(List<String> lines, List<String> problems) {
        String[] fields = lines.isEmpty() ? new String[0] : lines.get(0).trim().split("\\s+");
        if (fields.length < 5 || !fields[0].equals("cpu")) {
            problems.add("/proc/stat has no 'cpu' line" + shown(lines));
            return Optional.empty();
        }
        try {
            long busy = 0;
            long total = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                long ticks = Long.parseLong(fields[i]);
                total += ticks;
                if (i != 4 && i != 5) {
                    busy += ticks;
                }
            }
            return Optional.of(new CpuTimes(busy, total));
        } catch (NumberFormatException e) {
            problems.add("/proc/stat's 'cpu' line holds something other than numbers" + shown(lines));
            return Optional.empty();
        }
    }

    /** {@code 0.52 0.58 0.59 1/467 12345}: the first field is the 1-minute load average. */
    static OptionalDouble load(List<String> lines, List<String> problems) {
        if (!lines.isEmpty()) {
            String first = lines.get(0).trim().split("\\s+")[0];
            try {
                return OptionalDouble.of(Double.parseDouble(first));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.add("/proc/loadavg does not start with a load average" + shown(lines));
        return OptionalDouble.empty();
    }

    /**
     * Memory in use = total − available. {@code MemAvailable} (Linux 3.14+) is the kernel's own estimate of what can be
     * had without swapping; older kernels get free + buffers + page cache, the usual approximation.
     */
    static OptionalDouble memory(List<String> lines, List<String> problems) {
        Map<String, Long> kilobytes = new HashMap<>();
        for (String line : lines) {
            String[] fields = line.trim().split("[:\\s]+");
            if (fields.length >= 2) {
                try {
                    kilobytes.put(fields[0], Long.parseLong(fields[1]));
                } catch (NumberFormatException ignored) {
                    // a line Flightdeck does not read
                }
            }
        }
        Long total = kilobytes.get("MemTotal");
        Long available = kilobytes.containsKey("MemAvailable")
                ? kilobytes.get("MemAvailable")
                : kilobytes.containsKey("MemFree")
                        ? kilobytes.get("MemFree")
                                + kilobytes.getOrDefault("Buffers", 0L)
                                + kilobytes.getOrDefault("Cached", 0L)
                        : null;
        if (total == null || total <= 0 || available == null) {
            problems.add("/proc/meminfo has no MemTotal and MemAvailable (or MemFree)");
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.max(0, total - available) * 100.0 / total);
    }

    /**
     * {@code df -P -k} prints a header and one line per filesystem: {@code Filesystem 1024-blocks Used Available Capacity
     * Mounted on}. The filesystem name may hold spaces, so the numbers are read from the {@code NN%} field backwards.
     */
    static Optional<Double> disk(List<String> lines, String path, List<String> problems) {
        for (String line : lines) {
            String[] fields = line.trim().split("\\s+");
            int capacity = capacityField(fields);
            if (capacity >= 3) {
                try {
                    long used = Long.parseLong(fields[capacity - 2]);
                    long available = Long.parseLong(fields[capacity - 1]);
                    return used + available == 0 ? Optional.of(0.0) : Optional.of(used * 100.0 / (used + available));
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        List<String> said =
                lines.stream().filter(line -> !line.startsWith("Filesystem")).toList();
        problems.add(said.isEmpty() ? "df printed nothing for " + path : String.join(" ", said));
        return Optional.empty();
    }

    private static int capacityField(String[] fields) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].matches("[0-9]+%|-")) {
                return i;
            }
        }
        return -1;
    }

    private static String shown(List<String> lines) {
        return lines.isEmpty() ? "" : ": '" + lines.get(0) + "'";
    }
}
