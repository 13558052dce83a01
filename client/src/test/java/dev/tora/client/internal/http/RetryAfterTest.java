package dev.tora.client.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-28T01:02:03Z");

    @Test
    void secondsOrAnHttpDateCappedAtFiveMinutes() {
        assertEquals(1.0, RetryAfter.seconds("1", NOW));
        assertEquals(2.5, RetryAfter.seconds(" 2.5 ", NOW));
        assertEquals(0.0, RetryAfter.seconds("-3", NOW));
        assertEquals(300.0, RetryAfter.seconds("86400", NOW));
        assertEquals(7.0, RetryAfter.seconds("Sat, 28 Nov 2026 01:02:10 GMT", NOW));
        assertEquals(0.0, RetryAfter.seconds("Sat, 28 Nov 2026 01:00:00 GMT", NOW), "a date in the past: now");
        assertNull(RetryAfter.seconds(null, NOW));
        assertNull(RetryAfter.seconds("", NOW));
        assertNull(RetryAfter.seconds("soon", NOW));
        assertNull(RetryAfter.seconds("NaN", NOW));
    }
}
