package dev.tora.client.internal.http;

import dev.tora.client.Clock;
import dev.tora.client.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Sends a request until it is answered for good: success, or a refusal that sending again does not
 * fix. Failures that may pass (no answer, 408, 425, 429, 5xx, error pages that are not Tora's) are
 * retried after a backoff or the server's {@code Retry-After}, at most {@code attempts} times in all.
 */
public final class Retrier {

    /** One attempt of the request. */
    @FunctionalInterface
    public interface Call {
        /** Sends the request once. */
        Response send() throws TransportException;
    }

    /** How it ended: {@code response} is the last answer (null without one), {@code failure} null on success. */
    public record Outcome(Response response, Failure failure, int attempts) {

        /** Delivered. */
        public boolean ok() {
            return failure == null;
        }

        /** Refused for a reason that sending again does not fix (a 4xx with Tora's error). */
        public boolean refused() {
            return failure != null && !failure.retryable();
        }
    }

    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Clock clock;
    private final int attempts;
    private final BooleanSupplier shouldStop;

    /** A retrier making at most {@code attempts} attempts; {@code shouldStop} ends the waiting early. */
    public Retrier(Backoff backoff, Sleeper sleeper, Clock clock, int attempts, BooleanSupplier shouldStop) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.clock = clock;
        this.attempts = attempts;
        this.shouldStop = shouldStop;
    }

    /** Runs {@code call} until it is delivered, refused, or out of attempts. */
    public Outcome run(Call call) {
        Failure failure = null;
        Response response = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            response = null;
            try {
                response = call.send();
            } catch (TransportException e) {
                failure = Failure.unreachable(e.getMessage(), now());
            }
            if (response != null) {
                if (response.ok()) {
                    return new Outcome(response, null, attempt + 1);
                }
                failure = Failure.of(response, now());
                if (!response.retryable()) {
                    return new Outcome(response, failure, attempt + 1);
                }
            }
            if (attempt + 1 == attempts || shouldStop.getAsBoolean()) {
                return new Outcome(response, failure, attempt + 1);
            }
            Duration delay = backoff.delay(attempt, response);
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(response, failure, attempt + 1);
            }
        }
        return new Outcome(response, failure, attempts);
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.currentTimeMillis());
    }
}
