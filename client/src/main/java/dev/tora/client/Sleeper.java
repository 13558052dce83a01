package dev.tora.client;

import java.time.Duration;

/** How the client waits between retries of a blocking replay; tests inject one that only records. */
@FunctionalInterface
public interface Sleeper {

    /** Waits for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep(long, int)}. */
    static Sleeper system() {
        return d -> {
            long nanos = Math.max(0, d.toNanos());
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        };
    }
}
