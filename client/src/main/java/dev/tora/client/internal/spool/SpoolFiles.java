package dev.tora.client.internal.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The file operations of the spool (see {@code client/SPOOL.md}): atomic writes, private
 * directories, and listing streams and their request files in replay order.
 */
public final class SpoolFiles {

    /** The name of a stream's lock file. */
    public static final String LOCK_NAME = "lock";

    private SpoolFiles() {
    }

    /**
     * Writes {@code data} so that readers see the whole file or nothing: a temporary file named
     * {@code .<name>.<pid>.tmp} in the same directory, fsync, rename, fsync of the directory.
     */
    public static void writeAtomically(Path path, byte[] data) throws IOException {
        Path tmp = path.resolveSibling("." + path.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(data);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        }
        fsyncDirectory(path.getParent());
    }

    /** Makes the rename durable where the platform allows opening a directory (not on Windows). */
    static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException notSupported) {
            // Windows cannot open a directory; its rename is durable enough for a spool
        }
    }

    /** Creates {@code dir} (and its parents) readable by its owner only: the spool holds experiment data. */
    public static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, privateDirectory());
        } catch (UnsupportedOperationException noPosix) {
            Files.createDirectories(dir);
        }
    }

    /** Creates one new private directory; fails if it exists. */
    public static void createPrivateDirectory(Path dir) throws IOException {
        try {
            Files.createDirectory(dir, privateDirectory());
        } catch (UnsupportedOperationException noPosix) {
            Files.createDirectory(dir);
        }
    }

    private static FileAttribute<?> privateDirectory() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    }

    /** The stream directories of a spool, in name order (names starting with a dot are ignored). */
    public static List<Path> streams(Path spoolDir) {
        return list(spoolDir, true);
    }

    /** The request files of a stream, in replay order ({@code *.json}, not starting with a dot). */
    public static List<Path> requests(Path stream) {
        return list(stream, false);
    }

    /** Whether a stream still has request files. */
    public static boolean hasRequests(Path stream) {
        return !requests(stream).isEmpty();
    }

    private static List<Path> list(Path dir, boolean directories) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (directories ? Files.isDirectory(p) : name.endsWith(".json") && Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        } catch (NoSuchFileException gone) {
            return out;
        } catch (IOException unreadable) {
            return out;
        }
        out.sort(null);
        return out;
    }

    /** Deletes a file, ignoring one that is already gone. */
    public static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a file that cannot be deleted is sent again later; batch ids make that harmless
        }
    }
}
