package dev.tora.client.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    private static String metric(double v) {
        return new JsonWriter().metricValue(v).toString();
    }

    @Test
    void nonFiniteValuesAreTheApisStrings() {
        assertEquals("\"NaN\"", metric(Double.NaN));
        assertEquals("\"Infinity\"", metric(Double.POSITIVE_INFINITY));
        assertEquals("\"-Infinity\"", metric(Double.NEGATIVE_INFINITY));
        assertEquals("\"NaN\"", metric(Double.longBitsToDouble(0x7ff8000000000123L)), "every NaN payload");
    }

    @Test
    void everyFiniteDoubleReadsBackToTheSameBits() {
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
            -Double.MAX_VALUE, 0.1 + 0.2, 1.0 / 3, -1e-310, 1e15, 1e15 - 1, -1e15 + 1, 9007199254740993.0, 2e23, 5e-324,
            123456789012345.6, 1.0, -1.0, 42.0};
        for (double v : special) {
            assertSameBits(v);
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(v)) {
                assertSameBits(v);
            }
            assertSameBits(random.nextDouble() * 1000 - 500);
            assertSameBits((double) random.nextInt(-1_000_000, 1_000_000));
        }
    }

    private static void assertSameBits(double v) {
        String text = metric(v);
        assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Double.parseDouble(text)), text);
        Object parsed = JsonReader.parse(text);
        assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(((Number) parsed).doubleValue()), text);
    }

    @Test
    void integralValuesStayFloatsAndNegativeZeroKeepsItsSign() {
        assertEquals("3.0", metric(3.0));
        assertEquals("-7.0", metric(-7.0));
        assertEquals("0.0", metric(0.0));
        assertEquals("-0.0", metric(-0.0));
        assertEquals("1.0E15", metric(1e15));
    }

    @Test
    void stringsAreEscapedAndEncodedAsUtf8() {
        String s = "q\"b\\s/\n\r\t\b\f\u0001 é € 😀 \ud800";
        byte[] json = new JsonWriter().string(s).toByteArray();
        String text = new String(json, StandardCharsets.UTF_8);
        assertEquals("\"q\\\"b\\\\s/\\n\\r\\t\\b\\f\\u0001 é € 😀 \\ud800\"", text);
        assertEquals(s, JsonReader.parse(text));
    }

    @Test
    void integersIncludingTheExtremes() {
        for (long v : new long[] {0, 1, 9, 10, 99, 100, -1, -10, 1234567890123L, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertEquals(Long.toString(v), new JsonWriter().number(v).toString());
        }
    }

    @Test
    void plainJavaValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "x");
        m.put("n", null);
        m.put("b", true);
        m.put("i", 3);
        m.put("d", 0.5);
        m.put("l", List.of(1L, "a"));
        m.put("a", new int[] {1, 2});
        m.put("e", Thread.State.NEW);
        m.put("o", Map.of("k", 1));
        assertEquals("{\"s\":\"x\",\"n\":null,\"b\":true,\"i\":3,\"d\":0.5,\"l\":[1,\"a\"],\"a\":[1,2],\"e\":\"NEW\","
                + "\"o\":{\"k\":1}}", new JsonWriter().value(m).toString());
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.bytes(Map.of("x", Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.bytes(Map.of("x", new Object())));
    }

    @Test
    void growsPastItsInitialCapacity() {
        JsonWriter w = new JsonWriter(16);
        w.raw('[');
        for (int i = 0; i < 10_000; i++) {
            if (i > 0) {
                w.raw(',');
            }
            w.number(i);
        }
        w.raw(']');
        assertEquals(10_000, ((List<?>) JsonReader.parse(w.toString())).size());
    }
}
