package dev.tora.client.internal.http;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "equal jitter": the delay doubles from {@code base} up to {@code cap};
 * half of it is fixed and half random, so that many clients that lost the same server do not
 * come back at the same instant.
 */
public final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final DoubleSupplier random;

    /** A backoff; {@code random} yields numbers in [0, 1). */
    public Backoff(Duration base, Duration cap, DoubleSupplier random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The default: 0.25 s doubling up to 10 s, as the Python client. */
    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10),
                () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    /** The delay before retry number {@code attempt + 1} ({@code attempt} counts from 0). */
    public Duration delay(int attempt) {
        double full = Math.min(cap.toNanos(), base.toNanos() * Math.pow(2, Math.min(Math.max(attempt, 0), 30)));
        double jittered = full / 2 + random.getAsDouble() * full / 2;
        return Duration.ofNanos((long) jittered);
    }

    /** The delay the server asked for, else the backoff of {@code attempt}. */
    public Duration delay(int attempt, Response response) {
        if (response != null && response.retryAfter() != null) {
            return Duration.ofNanos((long) (response.retryAfter() * 1e9));
        }
        return delay(attempt);
    }
}
