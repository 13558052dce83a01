package dev.tora.core.domain.query;

import java.util.Locale;

/** Which number of a metric's running summary a field reads. */
public enum Aggregate {
    /** The value of the point that arrived last (may be NaN or infinite). */
    LAST,
    /** The smallest finite value (absent when there is none). */
    MIN,
    /** The largest finite value (absent when there is none). */
    MAX,
    /** The number of points. */
    COUNT;

    /** Lower-case name as the query language writes it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The aggregate called {@code word} (any case), or null. */
    static Aggregate named(String word) {
        for (Aggregate a : values()) {
            if (a.id().equalsIgnoreCase(word)) {
                return a;
            }
        }
        return null;
    }
}
