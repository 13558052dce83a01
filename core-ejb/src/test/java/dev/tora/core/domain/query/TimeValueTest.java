package dev.tora.core.domain.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each time value is an interval: dates and months whole (UTC), instants one millisecond. */
class TimeValueTest {

    private static final long NOW = ms("2026-11-12T12:00:00Z");

    @Test
    void aDateIsItsWholeUtcDayAndAMonthItsWholeMonth() {
        assertEquals(new TimeValue.Interval(ms("2026-11-01T00:00:00Z"), ms("2026-11-02T00:00:00Z")), of("2026-11-01"));
        assertEquals(new TimeValue.Interval(ms("2026-02-01T00:00:00Z"), ms("2026-03-01T00:00:00Z")), of("2026-02"));
        assertEquals(new TimeValue.Interval(ms("2026-12-31T00:00:00Z"), ms("2027-01-01T00:00:00Z")), of("2026-12-31"));
    }

    @Test
    void dateTimesAreInstantsInUtcUnlessTheyCarryAnOffset() {
        long t = ms("2026-11-01T10:30:00Z");
        assertEquals(new TimeValue.Interval(t, t + 1), of("2026-11-01T10:30:00Z"));
        assertEquals(new TimeValue.Interval(t, t + 1), of("2026-11-01T10:30"));
        assertEquals(new TimeValue.Interval(t, t + 1), of("2026-11-01 10:30:00"));
        assertEquals(new TimeValue.Interval(t, t + 1), of("2026-11-01T12:30:00+02:00"));
        assertEquals(new TimeValue.Interval(t + 7, t + 8), of("2026-11-01T05:30:00.007-05:00"));
    }

    @Test
    void relativeTimesCountBackFromNowAndNumbersAreEpochMilliseconds() {
        assertEquals(NOW - 7 * 86_400_000L, TimeValue.interval(new Value.Ago(7, Value.TimeUnit.DAYS), NOW).from());
        assertEquals(NOW - 90_000L, TimeValue.interval(new Value.Ago(90, Value.TimeUnit.SECONDS), NOW).from());
        assertEquals(new TimeValue.Interval(1234, 1235), TimeValue.interval(new Value.Num(1234.9), NOW));
        // an absurd relative time saturates instead of overflowing
        assertEquals(NOW - Long.MAX_VALUE, TimeValue.interval(new Value.Ago(Long.MAX_VALUE, Value.TimeUnit.WEEKS), NOW)
                .from());
    }

    @Test
    void onlyRealDatesAndTimesAreTimes() {
        assertTrue(TimeValue.isTime(new Value.Text("2026-11-01")));
        assertFalse(TimeValue.isTime(new Value.Text("2026-02-30")));
        assertFalse(TimeValue.isTime(new Value.Text("yesterday")));
        assertFalse(TimeValue.isTime(new Value.Text("2026-11-01T25:00")));
        assertFalse(TimeValue.isTime(new Value.Bool(true)));
        assertFalse(TimeValue.isTime(new Value.Null()));
    }

    private static TimeValue.Interval of(String text) {
        return TimeValue.interval(new Value.Text(text), NOW);
    }

    private static long ms(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
