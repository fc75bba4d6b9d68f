package dev.flightdeck.metrics.host;

import dev.flightdeck.db.place.ShellQuoting;
import java.util.List;

/**
 * The one shell command a host reading takes: the {@code cpu} line of {@code /proc/stat}, {@code /proc/loadavg},
 * {@code /proc/meminfo} and {@code df -P} of each chosen path, each section after a marker line so the parser never
 * has to guess where one ends. POSIX sh and coreutils only, with the C locale so {@code df} writes its usual header.
 */
public final class HostCommand {

    /** Starts a section of the output: {@code @@ stat}, {@code @@ df 1}. */
    static final String MARKER = "@@ ";

    private HostCommand() {}

    /** The command for these paths; {@code df} section {@code i} is for {@code paths.get(i)}. */
    public static String forPaths(List<String> paths) {
        StringBuilder command = new StringBuilder("LC_ALL=C; export LC_ALL; ")
                .append(section("stat"))
                .append("head -n 1 /proc/stat; ")
                .append(section("loadavg"))
                .append("cat /proc/loadavg; ")
                .append(section("meminfo"))
                .append("cat /proc/meminfo; ");
        for (int i = 0; i < paths.size(); i++) {
            command.append(section("df " + i))
                    .append("df -P -k -- ")
                    .append(ShellQuoting.quote(paths.get(i)))
                    .append(" 2>&1; ");
        }
        return command.append("true").toString();
    }

    private static String section(String name) {
        return "echo '" + MARKER + name + "'; ";
    }
}
