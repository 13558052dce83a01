package dev.tora.client.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromTheBaseUpToTheCapWithHalfOfItRandom() {
        Backoff low = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10), () -> 0.0);
        Backoff high = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10), () -> 0.999999);
        long[] fixedHalf = {125, 250, 500, 1000, 2000, 4000, 5000, 5000};
        for (int attempt = 0; attempt < fixedHalf.length; attempt++) {
            assertEquals(fixedHalf[attempt], low.delay(attempt).toMillis(), "attempt " + attempt);
            long top = high.delay(attempt).toMillis();
            assertTrue(top >= 2 * fixedHalf[attempt] - 1 && top <= 2 * fixedHalf[attempt], "attempt " + attempt + ": " + top);
        }
        assertEquals(5000, low.delay(1000).toMillis(), "no overflow for large attempts");
    }

    @Test
    void theServersRetryAfterWins() {
        Backoff b = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10), () -> 0.5);
        assertEquals(Duration.ofMillis(1500), b.delay(0, new Response(429, null, 1.5)));
        assertEquals(Duration.ofMillis(187), b.delay(0, new Response(503, null, null)).truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS));
        assertEquals(Duration.ofMillis(187), b.delay(0, null).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }
}
