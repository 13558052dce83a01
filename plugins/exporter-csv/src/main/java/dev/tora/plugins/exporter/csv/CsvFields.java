package dev.tora.plugins.exporter.csv;

/** RFC 4180 field quoting. */
final class CsvFields {

    private CsvFields() {
    }

    /** The field as written: quoted, quotes doubled, when it holds a comma, quote, CR or LF. */
    static String quote(String field) {
        if (!needsQuotes(field)) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static boolean needsQuotes(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
