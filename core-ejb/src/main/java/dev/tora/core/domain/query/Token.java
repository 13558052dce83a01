package dev.tora.core.domain.query;

import java.util.List;

/**
 * One token of a query. A word may carry a path ({@code params.optim."my lr"}); literals carry
 * their value.
 *
 * @param start 0-based offset of the first character
 * @param end   offset after the last character
 */
record Token(Kind kind, String text, int start, int end, List<Segment> segments, Value value) {

    /** The kinds of token. */
    enum Kind { WORD, STRING, NUMBER, AGO, OPERATOR, LPAREN, RPAREN, COMMA, END }

    /** One dot-separated part of a path, as written; quoted segments are never aggregates. */
    record Segment(String text, boolean quoted, int start) {
    }

    /** Whether this is a plain word (no path) equal to {@code keyword}, ignoring case. */
    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && segments.isEmpty() && text.equalsIgnoreCase(keyword);
    }

    /** Whether this is one of the words that the grammar reserves. */
    boolean isReserved() {
        return isKeyword("and") || isKeyword("or") || isKeyword("not") || isKeyword("in");
    }

    /** How an error message shows this token. */
    String shown() {
        return kind == Kind.END ? "the end of the query" : "'" + text + "'";
    }
}
