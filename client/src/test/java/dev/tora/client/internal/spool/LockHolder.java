package dev.tora.client.internal.spool;

import java.nio.file.Path;

/** A child process for the lock tests: takes a stream's lock, says so, and holds it until killed. */
public final class LockHolder {

    private LockHolder() {
    }

    /** {@code LockHolder <lock file>}. */
    public static void main(String[] args) throws Exception {
        StreamLock lock = StreamLock.tryAcquire(Path.of(args[0]), true);
        System.out.println(lock == null ? "busy" : "locked");
        System.out.flush();
        System.in.read(); // until the test kills this process or closes its input
    }
}
