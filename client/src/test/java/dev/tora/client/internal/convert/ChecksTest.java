package dev.tora.client.internal.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChecksTest {

    @Test
    void metricNames() {
        assertEquals("train/loss: top-1", Checks.metricName("train/loss: top-1"));
        assertEquals(" ", Checks.metricName(" "), "blank names are the server's business: it accepts them");
        assertEquals("😀".repeat(250), Checks.metricName("😀".repeat(250)), "250 characters, 500 chars of UTF-16");
        assertThrows(IllegalArgumentException.class, () -> Checks.metricName(""));
        assertThrows(IllegalArgumentException.class, () -> Checks.metricName("x".repeat(251)));
        assertThrows(IllegalArgumentException.class, () -> Checks.metricName("a\nb"));
        assertThrows(IllegalArgumentException.class, () -> Checks.metricName("broken \ud800"));
    }

    @Test
    void steps() {
        assertEquals(0, Checks.step(0));
        assertEquals((1L << 53) - 1, Checks.step((1L << 53) - 1));
        assertThrows(IllegalArgumentException.class, () -> Checks.step(-1));
        assertThrows(IllegalArgumentException.class, () -> Checks.step(1L << 53));
    }

    @Test
    void tagsDropDuplicatesAndKeepOrder() {
        assertEquals(List.of("b", "a"), Checks.tags(List.of("b", "a", "b")));
        assertThrows(IllegalArgumentException.class, () -> Checks.tags(List.of("  ")));
        assertThrows(IllegalArgumentException.class, () -> Checks.tags(List.of("t".repeat(65))));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add("t" + i);
        }
        assertThrows(IllegalArgumentException.class, () -> Checks.tags(many));
    }

    @Test
    void uuidsAreCanonical() {
        assertEquals("3f0c6a4e-2b7d-4c1e-9a55-0d2e6f1b7c90", Checks.uuid(" 3F0C6A4E-2B7D-4C1E-9A55-0D2E6F1B7C90 ", "id"));
        assertThrows(IllegalArgumentException.class, () -> Checks.uuid("1-2-3-4-5", "id"));
        assertThrows(IllegalArgumentException.class, () -> Checks.uuid("nope", "id"));
    }

    @Test
    void textAndMetadata() {
        assertEquals("two\nlines\tok", Checks.description("two\nlines\tok"));
        assertThrows(IllegalArgumentException.class, () -> Checks.description("bell\u0007"));
        assertThrows(IllegalArgumentException.class, () -> Checks.experimentName(" "));
        assertEquals(Map.of("a", List.of(1L, "x")), Checks.metadata(Map.of("a", List.of(1, "x"))));
        assertThrows(IllegalArgumentException.class, () -> Checks.metadata(Map.of("nan", Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> Checks.metadata(Map.of("big", "x".repeat(70_000))));
    }
}
