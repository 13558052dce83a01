package dev.tora.api.metrics;

import static dev.tora.core.domain.json.JsonP.JSON;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;

/**
 * A strict RFC 8259 pull parser over a metric batch's bytes, emitting the events of
 * {@link jakarta.json.stream.JsonParser}. It exists for speed: a batch is thousands of numbers,
 * and this parser reads them straight from the bytes into longs and doubles, where a general
 * parser makes a String of every number first (that was a fifth of a batch's server time).
 *
 * <p>Malformed input throws {@link JsonParsingException} with the line and column; reading past
 * the end throws {@link NoSuchElementException}. Nesting is limited to {@value #MAX_DEPTH} levels.
 */
final class BatchJsonParser {

    /** Deepest nesting accepted. */
    static final int MAX_DEPTH = 512;

    private final byte[] in;
    private final int end;
    private int pos;

    /** Per nesting level: an object (true) or an array. Level 0 is the top. */
    private final boolean[] object = new boolean[MAX_DEPTH + 1];
    /** Per level: whether nothing has been read in the container yet. */
    private final boolean[] first = new boolean[MAX_DEPTH + 1];
    private int depth;
    private boolean afterKey;
    private boolean done;

    private Event current;
    private int tokenStart;
    private int tokenEnd;
    private boolean escaped;
    private boolean fraction;

    BatchJsonParser(byte[] in, int length) {
        this.in = in;
        this.end = length;
    }

    /** Whether another event follows: inside a value, or non-blank bytes after it. */
    boolean hasNext() {
        if (depth > 0) {
            return true;
        }
        skipBlanks();
        return pos < end;
    }

    /** The next event. */
    Event next() {
        skipBlanks();
        if (depth == 0) {
            if (done) {
                throw pos < end ? error("content after the end of the JSON value") : new NoSuchElementException();
            }
            return current = value();
        }
        if (afterKey) {
            afterKey = false;
            if (pos >= end || in[pos] != ':') {
                throw error("expected ':' after an object key");
            }
            pos++;
            skipBlanks();
            return current = value();
        }
        if (pos >= end) {
            throw error("the JSON value ends too early");
        }
        byte c = in[pos];
        if (c == (object[depth] ? '}' : ']')) {
            pos++;
            Event closed = object[depth] ? Event.END_OBJECT : Event.END_ARRAY;
            if (--depth == 0) {
                done = true;
            }
            return current = closed;
        }
        if (first[depth]) {
            first[depth] = false;
        } else {
            if (c != ',') {
                throw error(object[depth] ? "expected ',' or '}'" : "expected ',' or ']'");
            }
            pos++;
            skipBlanks();
        }
        if (object[depth]) {
            if (pos >= end || in[pos] != '"') {
                throw error("expected an object key in double quotes");
            }
            string();
            afterKey = true;
            return current = Event.KEY_NAME;
        }
        return current = value();
    }

    /** The text of the current key, string or number. */
    String getString() {
        if (current != Event.KEY_NAME && current != Event.VALUE_STRING && current != Event.VALUE_NUMBER) {
            throw new IllegalStateException("no text at " + current);
        }
        if (!escaped) {
            return new String(in, tokenStart, tokenEnd - tokenStart, StandardCharsets.UTF_8);
        }
        return unescape();
    }

    /** Whether the current number has neither a fraction nor an exponent. */
    boolean isIntegralNumber() {
        number();
        return !fraction;
    }

    /**
     * The current integral number as a long.
     *
     * @throws NumberFormatException when it is outside the range of a long
     */
    long longValue() {
        number();
        if (fraction) {
            throw new IllegalStateException("not an integral number");
        }
        boolean minus = in[tokenStart] == '-';
        int from = minus ? tokenStart + 1 : tokenStart;
        if (tokenEnd - from > 18) {
            return Long.parseLong(getString());
        }
        long v = 0;
        for (int i = from; i < tokenEnd; i++) {
            v = v * 10 + (in[i] - '0');
        }
        return minus ? -v : v;
    }

    /** The current number as the nearest double (infinite when out of range). */
    double doubleValue() {
        number();
        return JavaDoubleParser.parseDouble(in, tokenStart, tokenEnd - tokenStart);
    }

    /** Reads the object that the current START_OBJECT opens, to its end. */
    JsonObject getObject() {
        if (current != Event.START_OBJECT) {
            throw new IllegalStateException("not at the start of an object");
        }
        return readObject();
    }

    /** Where the parser is, for error messages. */
    JsonLocation getLocation() {
        long line = 1;
        int lineStart = 0;
        for (int i = 0; i < pos && i < end; i++) {
            if (in[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(line, pos - lineStart + 1L, pos);
    }

    private JsonObject readObject() {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        while (next() != Event.END_OBJECT) {
            String key = getString();
            b.add(key, readValue(next()));
        }
        return b.build();
    }

    private JsonValue readValue(Event e) {
        return switch (e) {
            case START_OBJECT -> readObject();
            case START_ARRAY -> {
                JsonArrayBuilder b = JSON.createArrayBuilder();
                for (Event item = next(); item != Event.END_ARRAY; item = next()) {
                    b.add(readValue(item));
                }
                yield b.build();
            }
            case VALUE_STRING -> JSON.createValue(getString());
            case VALUE_NUMBER -> JSON.createValue(new BigDecimal(getString()));
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            default -> JsonValue.NULL;
        };
    }

    private Event value() {
        if (pos >= end) {
            throw error("the JSON value ends too early");
        }
        byte c = in[pos];
        switch (c) {
            case '{' -> {
                open(true);
                return Event.START_OBJECT;
            }
            case '[' -> {
                open(false);
                return Event.START_ARRAY;
            }
            case '"' -> {
                string();
                return valueDone(Event.VALUE_STRING);
            }
            case 't' -> {
                literal("true");
                return valueDone(Event.VALUE_TRUE);
            }
            case 'f' -> {
                literal("false");
                return valueDone(Event.VALUE_FALSE);
            }
            case 'n' -> {
                literal("null");
                return valueDone(Event.VALUE_NULL);
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    readNumber();
                    return valueDone(Event.VALUE_NUMBER);
                }
                throw error("unexpected character '" + (char) (c & 0xFF) + "'");
            }
        }
    }

    private Event valueDone(Event e) {
        if (depth == 0) {
            done = true;
        }
        return e;
    }

    private void open(boolean isObject) {
        if (depth == MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        pos++;
        depth++;
        object[depth] = isObject;
        first[depth] = true;
    }

    private void literal(String word) {
        int n = word.length();
        if (end - pos < n) {
            throw error("unexpected end of the JSON value");
        }
        for (int i = 0; i < n; i++) {
            if (in[pos + i] != word.charAt(i)) {
                throw error("unexpected character; expected " + word);
            }
        }
        pos += n;
        checkDelimiter();
    }

    private void readNumber() {
        int start = pos;
        if (in[pos] == '-') {
            pos++;
        }
        if (pos >= end || !digit(in[pos])) {
            throw error("a number needs a digit here");
        }
        if (in[pos] == '0') {
            pos++;
        } else {
            while (pos < end && digit(in[pos])) {
                pos++;
            }
        }
        boolean frac = false;
        if (pos < end && in[pos] == '.') {
            frac = true;
            pos++;
            digits();
        }
        if (pos < end && (in[pos] == 'e' || in[pos] == 'E')) {
            frac = true;
            pos++;
            if (pos < end && (in[pos] == '+' || in[pos] == '-')) {
                pos++;
            }
            digits();
        }
        tokenStart = start;
        tokenEnd = pos;
        escaped = false;
        fraction = frac;
        checkDelimiter();
    }

    private void digits() {
        if (pos >= end || !digit(in[pos])) {
            throw error("a number needs a digit here");
        }
        while (pos < end && digit(in[pos])) {
            pos++;
        }
    }

    /** After a number or literal: the end, a blank, or a structural character. */
    private void checkDelimiter() {
        if (pos < end) {
            byte c = in[pos];
            if (c != ',' && c != ']' && c != '}' && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                throw error("unexpected character '" + (char) (c & 0xFF) + "'");
            }
        }
    }

    private void string() {
        pos++;
        int start = pos;
        boolean esc = false;
        while (true) {
            if (pos >= end) {
                throw error("a string is not closed");
            }
            byte c = in[pos];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                esc = true;
                pos++;
                if (pos >= end) {
                    throw error("a string is not closed");
                }
                byte x = in[pos];
                if (x == 'u') {
                    if (end - pos < 5 || hex(pos + 1) < 0 || hex(pos + 2) < 0 || hex(pos + 3) < 0 || hex(pos + 4) < 0) {
                        throw error("\\u needs four hexadecimal digits");
                    }
                    pos += 4;
                } else if (x != '"' && x != '\\' && x != '/' && x != 'b' && x != 'f' && x != 'n' && x != 'r' && x != 't') {
                    throw error("unknown escape in a string");
                }
            } else if ((c & 0xFF) < 0x20) {
                throw error("a control character must be escaped in a string");
            }
            pos++;
        }
        tokenStart = start;
        tokenEnd = pos;
        escaped = esc;
        pos++;
    }

    private String unescape() {
        StringBuilder b = new StringBuilder(tokenEnd - tokenStart);
        int run = tokenStart;
        int i = tokenStart;
        while (i < tokenEnd) {
            if (in[i] != '\\') {
                i++;
                continue;
            }
            b.append(new String(in, run, i - run, StandardCharsets.UTF_8));
            byte x = in[i + 1];
            switch (x) {
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> b.append((char) (hex(i + 2) << 12 | hex(i + 3) << 8 | hex(i + 4) << 4 | hex(i + 5)));
                default -> b.append((char) x);
            }
            i += x == 'u' ? 6 : 2;
            run = i;
        }
        return b.append(new String(in, run, tokenEnd - run, StandardCharsets.UTF_8)).toString();
    }

    private int hex(int at) {
        byte c = in[at];
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private void number() {
        if (current != Event.VALUE_NUMBER) {
            throw new IllegalStateException("not at a number but at " + current);
        }
    }

    private void skipBlanks() {
        while (pos < end) {
            byte c = in[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }

    private JsonParsingException error(String problem) {
        JsonLocation at = getLocation();
        return new JsonParsingException(problem, at);
    }

    private record Location(long getLineNumber, long getColumnNumber, long getStreamOffset) implements JsonLocation {
    }
}
