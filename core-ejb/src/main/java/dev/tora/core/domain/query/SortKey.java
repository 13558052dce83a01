package dev.tora.core.domain.query;

import java.util.Objects;

/**
 * What a list is sorted by: {@code name}, {@code status}, {@code created}, {@code updated},
 * {@code ended}, {@code duration}, {@code params.<key>} or {@code metrics.<name>.<last|min|max|count>},
 * with the keys written as in queries. Experiments without a value always come last.
 */
public record SortKey(Field field) {

    /** Newest first is the default list; the direction is the caller's. */
    public static final SortKey CREATED = new SortKey(Attribute.CREATED);

    /** A sort by {@code field}, which must be sortable. */
    public SortKey {
        Objects.requireNonNull(field, "field");
        if (field instanceof Attribute a && !a.sortable()) {
            throw new IllegalArgumentException("not sortable: " + a);
        }
    }

    /** Parses a sort key; errors name {@code field} and the position. Null or blank is {@link #CREATED}. */
    public static SortKey parse(String text, String field) {
        if (text == null || text.isBlank()) {
            return CREATED;
        }
        if (text.length() > QueryLimits.MAX_SORT_LENGTH) {
            throw QueryErrors.at(field, QueryLimits.MAX_SORT_LENGTH, "is longer than "
                    + QueryLimits.MAX_SORT_LENGTH + " characters");
        }
        QueryLexer lexer = new QueryLexer(text, field);
        Token word = lexer.next();
        if (word.kind() != Token.Kind.WORD) {
            throw QueryErrors.at(field, word.start(), "expected a sort key: " + FieldNames.SORT_KEYS);
        }
        SortKey key = new SortKey(FieldNames.forSort(word, field));
        Token end = lexer.next();
        if (end.kind() != Token.Kind.END) {
            throw QueryErrors.at(field, end.start(), "unexpected " + end.shown() + " after the sort key");
        }
        return key;
    }

    /** The key in canonical form (parses back to the same key). */
    public String text() {
        return field.text();
    }
}
