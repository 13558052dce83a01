package dev.tora.ui.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatsTest {

    private final Formats formats = new Formats();

    @Test
    void numbersShowSixSignificantDigitsAndNonFiniteByName() {
        assertEquals("0.0535021", formats.number(0.0535021234));
        assertEquals("1.875e-05", formats.number(1.875e-5));
        assertEquals("5000", formats.number(5000.0));
        assertEquals("2.5", formats.number(2.5));
        assertEquals("NaN", formats.number(Double.NaN));
        assertEquals("-Infinity", formats.number(Double.NEGATIVE_INFINITY));
        assertEquals("", formats.number(null));
    }

    @Test
    void durationsUseTheTwoLargestUnits() {
        assertEquals("45s", formats.duration(0, 45_000L));
        assertEquals("3m 5s", formats.duration(0, 185_000L));
        assertEquals("2h 1m", formats.duration(0, 7_260_000L));
        assertEquals("3d 2h", formats.duration(0, (3 * 24 + 2) * 3_600_000L));
    }

    @Test
    void timesAreUtc() {
        assertEquals("1970-01-01 00:00:01 UTC", formats.time(1000L));
        assertEquals("1970-01-01T00:00:01Z", formats.iso(1000L));
        assertEquals("", formats.time(null));
    }
}
