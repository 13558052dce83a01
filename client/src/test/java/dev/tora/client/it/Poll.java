package dev.tora.client.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for something with a deadline, instead of sleeping and hoping. */
final class Poll {

    private Poll() {
    }

    /** Polls until {@code check} is true; fails after {@code timeout}. */
    static void until(Duration timeout, BooleanSupplier check, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            pause();
        }
    }

    /** Polls until {@code value} equals {@code expected}; fails with the last value after {@code timeout}. */
    static <T> void untilEquals(Duration timeout, T expected, Supplier<T> value, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last;
        while (!expected.equals(last = value.get())) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout.toMillis() + " ms waiting for " + what + ": expected " + expected
                        + ", last " + last);
            }
            pause();
        }
    }

    /** Checks that {@code check} stays true for {@code period} (a thing that must not happen). */
    static void stays(Duration period, BooleanSupplier check, String what) {
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            if (!check.getAsBoolean()) {
                fail("did not stay so: " + what);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
