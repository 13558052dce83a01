package dev.tora.plugins.exporter.csv;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for checking the exporter's output: CRLF records, "" inside quotes. */
final class CsvReader {

    private final String text;
    private int pos;

    private CsvReader(String text) {
        this.text = text;
    }

    /** Every record of {@code text}, which must end with CRLF. */
    static List<List<String>> parse(String text) {
        CsvReader reader = new CsvReader(text);
        List<List<String>> records = new ArrayList<>();
        while (reader.pos < text.length()) {
            records.add(reader.record());
        }
        return records;
    }

    private List<String> record() {
        List<String> fields = new ArrayList<>();
        while (true) {
            fields.add(text.charAt(pos) == '"' ? quoted() : plain());
            if (text.startsWith("\r\n", pos)) {
                pos += 2;
                return fields;
            }
            expect(',');
        }
    }

    private String plain() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != '\r') {
            char c = text.charAt(pos);
            if (c == '"' || c == '\n') {
                throw new IllegalStateException("unquoted " + (int) c + " at " + pos);
            }
            pos++;
        }
        return text.substring(start, pos);
    }

    private String quoted() {
        StringBuilder field = new StringBuilder();
        pos++;
        while (true) {
            char c = text.charAt(pos++);
            if (c != '"') {
                field.append(c);
            } else if (pos < text.length() && text.charAt(pos) == '"') {
                field.append('"');
                pos++;
            } else {
                return field.toString();
            }
        }
    }

    private void expect(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw new IllegalStateException("expected '" + c + "' at " + pos);
        }
        pos++;
    }
}
