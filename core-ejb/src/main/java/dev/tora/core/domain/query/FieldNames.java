package dev.tora.core.domain.query;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a word token into a {@link Field}. After {@code params.} every segment belongs to the key
 * ({@code params.optim.lr} is key {@code optim.lr}). After {@code metrics.} the last segment is
 * the aggregate when there are two or more segments and it is a bare {@code last}, {@code min},
 * {@code max} or {@code count}; otherwise all segments are the name and the aggregate is last.
 */
final class FieldNames {

    static final String QUERY_FIELDS = "name, description, tags, status, created, updated, ended, params.<key> "
            + "and metrics.<name>[.last|.min|.max|.count]";
    static final String SORT_KEYS = "name, status, created, updated, ended, duration, params.<key> "
            + "and metrics.<name>.<last|min|max|count>";

    private FieldNames() {
    }

    /** The field a query compares. */
    static Field forQuery(Token word, String field) {
        Field f = resolve(word, field);
        if (f == null || f instanceof Attribute a && !a.filterable()) {
            throw QueryErrors.at(field, word.start(), "unknown field '" + word.text() + dotted(word)
                    + "'; the fields are " + QUERY_FIELDS);
        }
        return f;
    }

    /** The field a list is sorted by; {@code created_at} and {@code updated_at} are accepted too. */
    static Field forSort(Token word, String field) {
        Field f = word.segments().isEmpty() && word.text().equalsIgnoreCase("created_at") ? Attribute.CREATED
                : word.segments().isEmpty() && word.text().equalsIgnoreCase("updated_at") ? Attribute.UPDATED
                : resolve(word, field);
        if (f == null || f instanceof Attribute a && !a.sortable()) {
            throw QueryErrors.at(field, word.start(), "cannot sort by '" + word.text() + dotted(word)
                    + "'; sort by " + SORT_KEYS);
        }
        return f;
    }

    private static Field resolve(Token word, String field) {
        String root = word.text();
        List<Token.Segment> segments = word.segments();
        if (root.equalsIgnoreCase("params") || root.equalsIgnoreCase("metrics")) {
            if (segments.isEmpty()) {
                throw QueryErrors.at(field, word.end(), "expected '.' and a key after '" + root + "'");
            }
            return root.equalsIgnoreCase("params") ? new Param(join(segments)) : metric(segments);
        }
        Attribute a = Attribute.named(root);
        return a == null || !segments.isEmpty() ? null : a;
    }

    private static Metric metric(List<Token.Segment> segments) {
        Token.Segment last = segments.get(segments.size() - 1);
        Aggregate aggregate = segments.size() >= 2 && !last.quoted() ? Aggregate.named(last.text()) : null;
        if (aggregate == null) {
            return new Metric(join(segments), Aggregate.LAST);
        }
        return new Metric(join(segments.subList(0, segments.size() - 1)), aggregate);
    }

    private static String join(List<Token.Segment> segments) {
        return segments.stream().map(Token.Segment::text).collect(Collectors.joining("."));
    }

    private static String dotted(Token word) {
        return word.segments().stream().map(s -> "." + (s.quoted() ? KeyText.quote(s.text()) : s.text()))
                .collect(Collectors.joining());
    }
}
