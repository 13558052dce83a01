package dev.tora.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The runs of this JVM that are still open, and the one shutdown hook that delivers them when the
 * JVM exits (each within its shutdown timeout, all at the same time) and marks them {@code killed}:
 * they did not end through {@code close()} or {@code fail()}.
 */
final class LiveRuns {

    private static final Set<Run> RUNS = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private LiveRuns() {
    }

    static void add(Run run) {
        RUNS.add(run);
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(LiveRuns::closeAll, "tora-shutdown"));
        }
    }

    static void remove(Run run) {
        RUNS.remove(run);
    }

    private static void closeAll() {
        List<Thread> closing = new ArrayList<>();
        for (Run run : new ArrayList<>(RUNS)) {
            Thread t = new Thread(run::closeAtExit, "tora-shutdown-" + run.experimentId().substring(0, 8));
            t.start();
            closing.add(t);
        }
        for (Thread t : closing) {
            try {
                t.join(); // each close is bounded by its shutdown timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
