package dev.flightdeck.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.journal.error.JournalErrorCode;
import dev.flightdeck.journal.error.JournalException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer per journal. Whoever may append to a journal (a new session, a resume, a rollback, the console) holds an
 * exclusive OS lock on {@value #LOCK_FILE} in the journal's directory for as long as its writer is open, and says who it
 * is in {@value #HOLDER_FILE} beside it. The OS drops the lock when the holder's process dies, so a lock left by a
 * killed process is taken over; the holder file only explains a refusal, it never grants anything. Readers (verify,
 * show, export) take no lock.
 */
public final class WriterLock implements AutoCloseable {

    public static final String LOCK_FILE = "writer.lock";
    public static final String HOLDER_FILE = "writer.holder";

    private static final Logger LOG = LoggerFactory.getLogger(WriterLock.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOCAL_HOST = hostName();

    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;
    private final Optional<Holder> tookOverFrom;
    private boolean released;

    private WriterLock(Path directory, FileChannel channel, FileLock lock, Optional<Holder> tookOverFrom) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
        this.tookOverFrom = tookOverFrom;
    }

    /** Who holds (or held) a journal's lock. {@code processStart} tells a live holder from a later process given the same id. */
    public record Holder(long pid, String host, String operator, Instant started, Optional<Instant> processStart) {

        static Holder current(String operator, Instant now) {
            ProcessHandle self = ProcessHandle.current();
            return new Holder(
                    self.pid(), localHost(), operator, now, self.info().startInstant());
        }

        boolean isThisMachine() {
            return host.equals(localHost());
        }

        /** The holder's process still runs on this machine (not merely a process that got its id later). */
        boolean isRunningHere() {
            if (!isThisMachine()) {
                return false;
            }
            Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (process.isEmpty()) {
                return false;
            }
            Optional<Instant> liveStart = process.get().info().startInstant();
            return processStart.isEmpty()
                    || liveStart.isEmpty()
                    || Duration.between(processStart.get(), liveStart.get())
                                    .abs()
                                    .compareTo(Duration.ofSeconds(2))
                            < 0;
        }

        public String describe() {
            return (operator.isBlank() ? "someone" : operator) + " (process " + pid + " on " + host + ", since "
                    + started + ")";
        }
    }

    /**
     * Takes the journal's writer lock, or refuses with who holds it ({@link JournalErrorCode#LOCKED}). Creates the
     * directory if needed.
     */
    public static WriterLock acquire(Path directory, String operator, Instant now) {
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            Optional<Holder> previous = readHolder(directory);
            channel =
                    FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw refused(directory, readHolder(directory).or(() -> previous), "is open for writing by ");
            }
            if (previous.isPresent()
                    && previous.get().pid() != ProcessHandle.current().pid()
                    && previous.get().isRunningHere()) {
                // the lock was free, yet its holder still runs: this file system does not share locks; trust the
                // holder's word
                lock.release();
                throw refused(
                        directory,
                        previous,
                        "is still open for writing (its lock is not visible here, but the process runs) by ");
            }
            if (previous.isPresent() && !previous.get().isThisMachine()) {
                lock.release();
                throw new JournalException(
                        JournalErrorCode.LOCKED,
                        directory + " was last opened for writing on another machine by "
                                + previous.get().describe()
                                + ", and whether that session still runs cannot be told from here. If it no longer runs, "
                                + "delete " + directory.resolve(HOLDER_FILE) + " and try again.");
            }
            previous.ifPresent(stale -> LOG.warn(
                    "{}: taking over the writer lock left by {}, which no longer runs", directory, stale.describe()));
            writeHolder(directory, Holder.current(operator == null ? "" : operator.strip(), now));
            WriterLock taken = new WriterLock(directory, channel, lock, previous);
            channel = null;
            return taken;
        } catch (IOException e) {
            throw new JournalException(
                    JournalErrorCode.UNREADABLE,
                    "The journal in " + directory + " cannot be locked for writing (" + e.getMessage() + ").",
                    e);
        } finally {
            closeQuietly(channel);
        }
    }

    /** The holder recorded beside the lock, if any (the lock may be free: this is what the last writer wrote). */
    public static Optional<Holder> readHolder(Path directory) {
        try {
            JsonNode node = JSON.readTree(Files.readString(directory.resolve(HOLDER_FILE), StandardCharsets.UTF_8));
            Optional<Instant> processStart = node.hasNonNull("processStart")
                    ? Optional.of(Instant.parse(node.get("processStart").asText()))
                    : Optional.empty();
            return Optional.of(new Holder(
                    node.path("pid").asLong(-1),
                    node.path("host").asText("?"),
                    node.path("operator").asText(""),
                    Instant.parse(node.path("started").asText()),
                    processStart));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            LOG.debug("{} unreadable: {}", directory.resolve(HOLDER_FILE), unreadable.getMessage());
            return Optional.empty();
        }
    }

    /** Files the lock keeps in a journal's directory, which are not part of the journal. */
    public static boolean isLockFile(Path file) {
        String name = file.getFileName().toString();
        return name.equals(LOCK_FILE) || name.equals(HOLDER_FILE) || name.startsWith(HOLDER_FILE + ".");
    }

    /** The holder this lock replaced, when it was left by a process that no longer runs. */
    public Optional<Holder> tookOverFrom() {
        return tookOverFrom;
    }

    /** Removes the holder note, then frees the lock. The lock file itself stays (deleting it would let two openers lock two files). */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            Files.deleteIfExists(directory.resolve(HOLDER_FILE));
        } catch (IOException e) {
            LOG.warn(
                    "{} could not be removed ({}); the next opener will find its process gone and take over",
                    HOLDER_FILE,
                    e.getMessage());
        }
        try {
            lock.release();
        } catch (IOException e) {
            LOG.debug("releasing the writer lock: {}", e.getMessage());
        } finally {
            closeQuietly(channel);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        // an interrupt of the opening thread would close the channel mid-lock; clear it for the attempt and restore it
        // after
        boolean interrupted = Thread.interrupted();
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        } catch (ClosedByInterruptException e) {
            throw new IOException("interrupted while locking", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static JournalException refused(Path directory, Optional<Holder> holder, String verb) {
        String who = holder.map(Holder::describe).orElse("another process (it has not said who yet)");
        return new JournalException(
                JournalErrorCode.LOCKED,
                directory + " " + verb + who + ". Only one Flightdeck may write to a "
                        + "journal at a time: finish or close that session first (`flightdeck journal show` and `verify` can read it meanwhile).");
    }

    private static void writeHolder(Path directory, Holder holder) throws IOException {
        ObjectNode node = JSON.createObjectNode()
                .put("pid", holder.pid())
                .put("host", holder.host())
                .put("operator", holder.operator())
                .put("started", holder.started().toString());
        holder.processStart().ifPresent(start -> node.put("processStart", start.toString()));
        Path temporary = directory.resolve(HOLDER_FILE + "." + holder.pid() + ".tmp");
        Files.writeString(
                temporary,
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n",
                StandardCharsets.UTF_8);
        Files.move(
                temporary,
                directory.resolve(HOLDER_FILE),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static String localHost() {
        return LOCAL_HOST;
    }

    /** The kernel's host name where there is one: environment variables differ between shells and services. */
    private static String hostName() {
        for (String file : new String[] {"/proc/sys/kernel/hostname", "/etc/hostname"}) {
            try {
                String name = Files.readString(Path.of(file)).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            } catch (IOException | RuntimeException absent) {
                // not Linux, or not readable: try the next source
            }
        }
        String windows = System.getenv("COMPUTERNAME");
        if (windows != null && !windows.isBlank()) {
            return windows.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing held through it any more
            }
        }
    }
}
