package dev.tora.core.domain.query;

/** Bounds on a query, so that one request cannot build an unbounded statement. */
public final class QueryLimits {

    /** Longest query, in characters. */
    public static final int MAX_LENGTH = 4000;
    /** Deepest nesting of parentheses and NOT. */
    public static final int MAX_DEPTH = 32;
    /** Most conditions; each value of an {@code in} list counts as one. */
    public static final int MAX_TERMS = 200;
    /** Longest sort key, in characters. */
    public static final int MAX_SORT_LENGTH = 1000;

    private QueryLimits() {
    }
}
