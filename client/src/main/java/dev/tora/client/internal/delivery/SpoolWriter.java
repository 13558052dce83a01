package dev.tora.client.internal.delivery;

import dev.tora.client.internal.spool.SpoolEntry;
import dev.tora.client.internal.spool.SpoolFiles;
import dev.tora.client.internal.spool.StreamLock;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The spool stream one sender writes into (created and locked on first use): a request's file is
 * {@code <seq>.json}, written atomically, removed once the request is delivered. The stream's lock
 * is held until {@link #close()}; an empty stream is removed then.
 */
final class SpoolWriter {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path spoolDir;
    private final String serverUrl;
    private Path directory;
    private StreamLock lock;

    SpoolWriter(Path spoolDir, String serverUrl) {
        this.spoolDir = spoolDir;
        this.serverUrl = serverUrl;
    }

    /**
     * Writes (or rewrites, e.g. with its last error) the file of {@code p}; null for a request
     * already delivered.
     */
    synchronized Path write(Pending p) throws IOException {
        if (p.done) {
            return null;
        }
        byte[] body = p.body;
        if (body == null) {
            body = readBody(p);
        }
        Path path = p.spoolPath;
        if (path == null) {
            path = open().resolve(String.format("%010d.json", p.seq));
        }
        SpoolFiles.writeAtomically(path, SpoolEntry.bytes(p.kind, p.method, p.path, serverUrl, p.experimentId,
                p.batchId, p.points, p.createdAt, p.attempts, p.lastError, body == null ? "null".getBytes() : body));
        p.spoolPath = path;
        return path;
    }

    /** The body of a request that lives only in its spool file. */
    byte[] readBody(Pending p) throws IOException {
        Path path = p.spoolPath;
        if (path == null) {
            throw new NoSuchFileException("request " + p.seq + " has neither a body nor a spool file");
        }
        return SpoolEntry.read(path).bodyBytes();
    }

    /** Marks {@code p} delivered and removes its file, if it has one. */
    void finish(Pending p) {
        Path path;
        synchronized (this) {
            p.done = true;
            path = p.spoolPath;
            p.spoolPath = null;
        }
        if (path != null) {
            SpoolFiles.deleteQuietly(path);
        }
    }

    /** The stream directory, or null before the first write. */
    synchronized Path directory() {
        return directory;
    }

    /** Releases the stream; removes it when no request is left in it. */
    synchronized void close() {
        if (directory == null || lock == null) {
            return;
        }
        boolean empty = !SpoolFiles.hasRequests(directory);
        lock.release(empty);
        lock = null;
        if (empty) {
            try {
                Files.deleteIfExists(directory);
            } catch (IOException notEmpty) {
                // a temporary file of a writer that died; the next replay cleans up
            }
        }
    }

    private Path open() throws IOException {
        if (directory != null) {
            return directory;
        }
        SpoolFiles.createPrivateDirectories(spoolDir);
        for (int i = 0; i < 10; i++) {
            String name = STAMP.format(Instant.now()) + "-" + ProcessHandle.current().pid() + "-"
                    + String.format("%08x", ThreadLocalRandom.current().nextInt());
            Path dir = spoolDir.resolve(name);
            try {
                SpoolFiles.createPrivateDirectory(dir);
                StreamLock held = StreamLock.tryAcquire(dir.resolve(SpoolFiles.LOCK_NAME), true);
                if (held != null) {
                    directory = dir;
                    lock = held;
                    return dir;
                }
            } catch (FileAlreadyExistsException | NoSuchFileException raced) {
                // a replayer removed the fresh directory, or the name was taken: a new name
            }
        }
        throw new IOException("could not create a spool stream in " + spoolDir);
    }
}
