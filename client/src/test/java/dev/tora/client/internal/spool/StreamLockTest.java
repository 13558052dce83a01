package dev.tora.client.internal.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamLockTest {

    @TempDir
    Path dir;

    @Test
    void oneHolderPerJvmAndTheLockFileNamesIt() throws Exception {
        Path file = dir.resolve("lock");
        StreamLock held = StreamLock.tryAcquire(file, true);
        assertNotNull(held);
        assertNull(StreamLock.tryAcquire(file, true), "a second holder in this JVM is refused");
        assertFalse(StreamLock.isFree(file));
        assertTrue(StreamLock.heldHere(dir));
        held.release(false);
        // read only now: opening the file while holding its POSIX lock, then closing it, drops the lock
        assertTrue(Files.readString(file).startsWith("pid " + ProcessHandle.current().pid() + " on "));
        assertTrue(StreamLock.isFree(file));
        assertFalse(StreamLock.heldHere(dir));
        StreamLock again = StreamLock.tryAcquire(file, true);
        assertNotNull(again);
        again.release(true);
        assertFalse(Files.exists(file), "released with remove: the file is gone");
    }

    @Test
    void aLockHeldByAnotherProcessIsBusyUntilThatProcessIsKilled() throws Exception {
        Path file = dir.resolve("lock");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classPath(), LockHolder.class.getName(), file.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            assertNull(StreamLock.tryAcquire(file, true), "the other process holds it");
            assertFalse(StreamLock.isFree(file));
        } finally {
            child.destroyForcibly(); // SIGKILL: the operating system releases its lock
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        StreamLock mine = StreamLock.tryAcquire(file, true);
        assertNotNull(mine, "free once the holder died");
        mine.release(true);
    }

    @Test
    void aLockFileThatVanishedIsNotHeld() throws Exception {
        assertNull(StreamLock.tryAcquire(dir.resolve("missing-dir").resolve("lock"), true));
    }

    private static String classPath() throws Exception {
        return Path.of(StreamLock.class.getProtectionDomain().getCodeSource().getLocation().toURI()) + File.pathSeparator
                + Path.of(LockHolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
