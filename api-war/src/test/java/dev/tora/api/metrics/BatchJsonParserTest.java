package dev.tora.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The batch parser against Parsson, the JSON-P parser Payara ships, on generated and mutated JSON. */
class BatchJsonParserTest {

    private static final String[] STRINGS = {"", "a", "loss/train", "\\\"q\\\"", "\\\\", "\\/", "\\b\\f\\n\\r\\t",
        "\\u00e9\\u20AC", "\\ud83d\\ude00", "é€😀", " spaced "};
    private static final String[] NUMBERS = {"0", "-0", "7", "-12", "3.25", "-0.5", "1e3", "1E-7", "2.5e+10",
        "9007199254740991", "123456789012345678", "1234567890123456789", "99999999999999999999", "-9223372036854775808",
        "4.9E-324", "1e400", "0.30000000000000004"};

    @Test
    void generatedDocumentsGiveParssonsEventsAndValues() {
        Random random = new Random(17);
        for (int i = 0; i < 3_000; i++) {
            String json = value(random, 0);
            assertEquals(parsson(json), ours(json), json);
        }
    }

    @Test
    void mutatedDocumentsAreAcceptedOrRefusedAsParssonDoes() {
        Random random = new Random(23);
        String alphabet = "{}[],:\"\\ 0123456789.eE+-tfnulasr\t\n\u0001";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder json = new StringBuilder(value(random, 0));
            for (int m = 1 + random.nextInt(3); m > 0 && json.length() > 0; m--) {
                int at = random.nextInt(json.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> json.deleteCharAt(at);
                    case 1 -> json.insert(at, c);
                    default -> json.setCharAt(at, c);
                }
            }
            String doc = json.toString();
            List<String> expected = parsson(doc);
            List<String> actual = ours(doc);
            boolean parssonRefused = expected.get(expected.size() - 1).equals("refused");
            assertEquals(parssonRefused, actual.get(actual.size() - 1).equals("refused"), () -> shown(doc));
            if (!parssonRefused) {
                assertEquals(expected, actual, () -> shown(doc));
            }
        }
    }

    @Test
    void numbersAreReadExactlyFromTheBytes() {
        BatchJsonParser p = parser("[9007199254740991,-42,123456789012345678,1.5e3,-0.0,1e400,99999999999999999999]");
        p.next();
        p.next();
        assertEquals(9007199254740991L, p.longValue());
        p.next();
        assertEquals(-42, p.longValue());
        p.next();
        assertEquals(123456789012345678L, p.longValue());
        p.next();
        assertFalse(p.isIntegralNumber());
        assertEquals(1500.0, p.doubleValue());
        p.next();
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(p.doubleValue()));
        p.next();
        assertEquals(Double.POSITIVE_INFINITY, p.doubleValue());
        p.next();
        assertTrue(p.isIntegralNumber());
        assertThrows(NumberFormatException.class, p::longValue);
    }

    @Test
    void errorsSayWhere() {
        JsonParsingException e = assertThrows(JsonParsingException.class, () -> walk(parser("{\"a\":\n [1, 2,, 3]}")));
        assertEquals(2, e.getLocation().getLineNumber());
        assertEquals(8, e.getLocation().getColumnNumber());
        assertThrows(NoSuchElementException.class, () -> {
            BatchJsonParser p = parser("1");
            p.next();
            p.next();
        });
    }

    @Test
    void nestingIsLimited() {
        String deep = "[".repeat(BatchJsonParser.MAX_DEPTH) + "]".repeat(BatchJsonParser.MAX_DEPTH);
        walk(parser(deep));
        String deeper = "[" + deep + "]";
        JsonParsingException e = assertThrows(JsonParsingException.class, () -> walk(parser(deeper)));
        assertTrue(e.getMessage().contains("nested deeper"));
    }

    @Test
    void getObjectReadsTheWholeObject() {
        BatchJsonParser p = parser("[{\"a\":[1,2.50,{\"b\":null}],\"c\":\"\\u00e9\",\"d\":true},7]");
        p.next();
        assertEquals(Event.START_OBJECT, p.next());
        assertEquals("{\"a\":[1,2.50,{\"b\":null}],\"c\":\"é\",\"d\":true}", p.getObject().toString());
        assertEquals(Event.VALUE_NUMBER, p.next());
        assertEquals(7, p.longValue());
    }

    private static String value(Random r, int depth) {
        int kind = depth > 4 ? 2 + r.nextInt(4) : r.nextInt(6);
        String blank = r.nextInt(5) == 0 ? " \n\t\r".substring(r.nextInt(4)) : "";
        return blank + switch (kind) {
            case 0 -> {
                List<String> members = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    members.add("\"" + STRINGS[r.nextInt(STRINGS.length)] + "\"" + blank + ":" + value(r, depth + 1));
                }
                yield "{" + String.join(",", members) + blank + "}";
            }
            case 1 -> {
                List<String> items = new ArrayList<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    items.add(value(r, depth + 1));
                }
                yield "[" + String.join(",", items) + "]";
            }
            case 2 -> "\"" + STRINGS[r.nextInt(STRINGS.length)] + "\"";
            case 3, 4 -> NUMBERS[r.nextInt(NUMBERS.length)];
            default -> new String[] {"true", "false", "null"}[r.nextInt(3)];
        } + blank;
    }

    private static BatchJsonParser parser(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return new BatchJsonParser(bytes, bytes.length);
    }

    private static void walk(BatchJsonParser p) {
        do {
            p.next();
        } while (p.hasNext());
    }

    /** Events with their text, ending with "refused" when the parser refuses the document. */
    private static List<String> ours(String json) {
        List<String> out = new ArrayList<>();
        try {
            BatchJsonParser p = parser(json);
            do {
                Event e = p.next();
                out.add(describe(e, e == Event.KEY_NAME || e == Event.VALUE_STRING || e == Event.VALUE_NUMBER
                        ? p.getString() : null));
            } while (p.hasNext());
        } catch (JsonParsingException | NoSuchElementException e) {
            out.add("refused");
        }
        return out;
    }

    private static List<String> parsson(String json) {
        List<String> out = new ArrayList<>();
        // the bytes the server gets, as it read them before: a lone surrogate became '?'
        String sent = new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        try (JsonParser p = Json.createParser(new StringReader(sent))) {
            do {
                Event e = p.next();
                out.add(describe(e, e == Event.KEY_NAME || e == Event.VALUE_STRING || e == Event.VALUE_NUMBER
                        ? p.getString() : null));
            } while (p.hasNext());
        } catch (JsonException | NoSuchElementException | IllegalStateException e) {
            out.add("refused");
        }
        return out;
    }

    /** The document with control characters escaped, for a failure message. */
    private static String shown(String doc) {
        StringBuilder b = new StringBuilder();
        doc.chars().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return b.toString();
    }

    private static String describe(Event e, String text) {
        return text == null ? e.toString() : e + " " + text;
    }
}
