package dev.tora.client.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void readsObjectsArraysAndScalars() {
        Object v = JsonReader.parse(" {\"a\": [1, 2.5, \"x\", true, false, null], \"b\": {}, \"c\": []} ");
        assertEquals(Map.of("a", Arrays.asList(1L, 2.5, "x", true, false, null), "b", Map.of(), "c", List.of()), v);
    }

    @Test
    void keepsMemberOrder() {
        Map<String, Object> m = JsonReader.parseObject("{\"z\":1,\"a\":2,\"m\":3}");
        assertEquals(List.of("z", "a", "m"), List.copyOf(m.keySet()));
    }

    @Test
    void numbers() {
        assertInstanceOf(Long.class, JsonReader.parse("9007199254740993"));
        assertEquals(9007199254740993L, JsonReader.parse("9007199254740993"));
        assertEquals(1e20, JsonReader.parse("100000000000000000000"), "too large for a long: a double");
        assertEquals(-0.0, JsonReader.parse("-0"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((double) JsonReader.parse("-0.0")));
        assertEquals(1.5e-7, JsonReader.parse("1.5E-7"));
        assertEquals(Double.MIN_VALUE, JsonReader.parse("4.9e-324"));
    }

    @Test
    void escapesAndSurrogatePairs() {
        assertEquals("\"\\/\b\f\n\r\t é 😀", JsonReader.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00\""));
    }

    @Test
    void refusesWhatIsNotJson() {
        for (String bad : List.of("", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "tru", "\"x", "{\"a\":1} x", "NaN",
                "\"\\x\"", "\"a\u0001\"", "[1 2]")) {
            assertThrows(JsonException.class, () -> JsonReader.parse(bad), bad);
        }
    }

    @Test
    void rawMembersKeepTheTextOfEachValue() {
        String text = "{\"format\":1, \"body\" : {\"values\":[0.1000,1E2,\"NaN\"], \"s\":\"\\u00e9\"} ,\"n\":null}";
        Map<String, String> raw = JsonReader.rawMembers(text);
        assertEquals("{\"values\":[0.1000,1E2,\"NaN\"], \"s\":\"\\u00e9\"}", raw.get("body"));
        assertEquals("1", raw.get("format"));
        assertEquals("null", raw.get("n"));
        assertTrue(JsonReader.rawMembers("{}").isEmpty());
        assertThrows(JsonException.class, () -> JsonReader.rawMembers("[1]"));
    }

    @Test
    void typedReads() {
        Map<String, Object> m = JsonReader.parseObject("{\"o\":{\"k\":1},\"l\":[1],\"s\":\"x\",\"n\":7}");
        assertEquals(Map.of("k", 1L), Json.object(m, "o"));
        assertEquals(List.of(1L), Json.list(m, "l"));
        assertEquals("x", Json.string(m, "s"));
        assertEquals(7, Json.number(m, "n", 0));
        assertNull(Json.object(m, "s"));
        assertEquals(-1, Json.number(m, "missing", -1));
        assertTrue(Double.isNaN(Json.metricValue("NaN")));
        assertEquals(Double.NEGATIVE_INFINITY, Json.metricValue("-Infinity"));
        assertThrows(JsonException.class, () -> Json.metricValue("nan"));
    }
}
