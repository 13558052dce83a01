package dev.tora.client.internal.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive lock on a stream's {@code lock} file: a POSIX record lock ({@code fcntl}) on Unix,
 * {@code LockFileEx} on Windows, released by the operating system when the process dies.
 *
 * <p>POSIX record locks belong to the process, and closing any descriptor of the file releases them
 * all. So this JVM never opens a lock file it already holds: a process-wide set of held paths is
 * checked first, and a stream held by a live run of this JVM counts as busy. Nothing else in the
 * client opens a lock file.
 */
public final class StreamLock {

    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private StreamLock(Path path, Path key, FileChannel channel, FileLock lock) {
        this.path = path;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock without waiting, or returns null when another process or run holds it, or
     * when the file vanished or was replaced meanwhile (a replayer removed the stream). With
     * {@code claim}, the holder writes a line naming itself and checks that the file at the path is
     * still the one it locked.
     */
    public static StreamLock tryAcquire(Path lockFile, boolean claim) throws IOException {
        Path key = lockFile.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            return null;
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            Object opened = fileKey(lockFile);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException heldHere) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                HELD.remove(key);
                return null;
            }
            StreamLock held = new StreamLock(lockFile, key, ch, lock);
            if (claim && !held.claim(opened)) {
                held.release(false);
                return null;
            }
            return held;
        } catch (NoSuchFileException gone) {
            closeQuietly(ch);
            HELD.remove(key);
            return null;
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            HELD.remove(key);
            throw e;
        }
    }

    /** Whether nobody holds the lock now (takes it for a moment, writes nothing). */
    public static boolean isFree(Path lockFile) {
        if (HELD.contains(lockFile.toAbsolutePath().normalize())) {
            return false;
        }
        try {
            StreamLock l = tryAcquire(lockFile, false);
            if (l == null) {
                return false;
            }
            l.release(false);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether this JVM holds the lock of that stream. */
    public static boolean heldHere(Path stream) {
        return HELD.contains(stream.resolve(SpoolFiles.LOCK_NAME).toAbsolutePath().normalize());
    }

    /**
     * Writes who holds the lock, and checks that the path still names the file that was locked: a
     * replayer may have removed the stream meanwhile. The check compares file keys (stat, no open):
     * opening the path again and closing it would drop this process's lock.
     */
    private boolean claim(Object openedKey) throws IOException {
        String note = "pid " + ProcessHandle.current().pid() + " on " + host() + "\n";
        channel.truncate(0);
        ByteBuffer buf = ByteBuffer.wrap(note.getBytes(StandardCharsets.UTF_8));
        long at = 0;
        while (buf.hasRemaining()) {
            at += channel.write(buf, at);
        }
        Object now;
        try {
            now = fileKey(path);
        } catch (NoSuchFileException gone) {
            return false;
        }
        return openedKey == null || openedKey.equals(now); // no file keys (Windows): open files cannot be removed there
    }

    private static Object fileKey(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
    }

    /** Releases the lock; with {@code remove}, deletes the lock file first (still holding it). */
    public void release(boolean remove) {
        if (remove) {
            SpoolFiles.deleteQuietly(path);
        }
        try {
            lock.release();
        } catch (IOException | RuntimeException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
        HELD.remove(key);
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }

    private static String host() {
        // not InetAddress.getLocalHost(): it can wait seconds for a resolver, and the note is for people
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            host = System.getenv("COMPUTERNAME");
        }
        return host == null || host.isBlank() ? "this host" : host;
    }
}
