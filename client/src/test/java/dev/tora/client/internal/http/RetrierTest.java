package dev.tora.client.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.client.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrierTest {

    private final List<Duration> slept = new ArrayList<>();
    private final Clock clock = new Clock() {
        @Override
        public long currentTimeMillis() {
            return 1_800_000_000_000L;
        }

        @Override
        public long nanoTime() {
            return 0;
        }
    };

    private Retrier retrier(int attempts) {
        return new Retrier(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0), slept::add, clock,
                attempts, () -> false);
    }

    private static Retrier.Call script(Object... answers) {
        Deque<Object> left = new ArrayDeque<>(List.of(answers));
        return () -> {
            Object next = left.pollFirst();
            if (next instanceof Response r) {
                return r;
            }
            throw new TransportException(String.valueOf(next), null);
        };
    }

    private static Response status(int s, Double retryAfter) {
        return new Response(s, Map.of("error", Map.of("code", "x", "message", "injected " + s)), retryAfter);
    }

    @Test
    void retriesOutagesWithBackoffAndHonoursRetryAfter() {
        Retrier.Outcome o = retrier(6).run(script("connection refused", status(503, null), status(429, 2.0),
                status(502, null), new Response(200, Map.of("data", Map.of()), null)));
        assertTrue(o.ok());
        assertEquals(5, o.attempts());
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofMillis(400)), slept, "backoff doubles; the 429's Retry-After replaces one delay");
    }

    @Test
    void aRefusalIsNotRetried() {
        Retrier.Outcome o = retrier(5).run(script(status(400, null), new Response(200, null, null)));
        assertTrue(o.refused());
        assertEquals(1, o.attempts());
        assertEquals(400, o.failure().status());
        assertEquals("injected 400", o.failure().message());
        assertFalse(o.failure().retryable());
        assertTrue(slept.isEmpty());
    }

    @Test
    void givesUpAfterItsAttemptsWithTheLastFailure() {
        Retrier.Outcome o = retrier(3).run(script("a", "b", "timed out", "never"));
        assertFalse(o.ok());
        assertFalse(o.refused());
        assertEquals(3, o.attempts());
        assertEquals("timed out", o.failure().message());
        assertEquals("unreachable", o.failure().code());
        assertEquals(2, slept.size(), "no wait after the last attempt");
    }

    @Test
    void stopsEarlyWhenAsked() {
        Retrier r = new Retrier(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0), slept::add,
                clock, 10, () -> true);
        assertEquals(1, r.run(script("down", "down")).attempts());
    }
}
