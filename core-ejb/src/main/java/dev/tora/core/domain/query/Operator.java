package dev.tora.core.domain.query;

/** The comparison operators of the query language. */
public enum Operator {
    /** Equal. */
    EQ("="),
    /** Not equal. */
    NE("!="),
    /** Less than. */
    LT("<"),
    /** Less than or equal. */
    LE("<="),
    /** Greater than. */
    GT(">"),
    /** Greater than or equal. */
    GE(">="),
    /** Contains the text, ignoring case. */
    CONTAINS("~");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** How the query language writes it. */
    public String symbol() {
        return symbol;
    }

    /** Whether it orders values ({@code < <= > >=}). */
    public boolean isOrdering() {
        return this == LT || this == LE || this == GT || this == GE;
    }

    /** The operator written {@code symbol}, or null. */
    static Operator of(String symbol) {
        for (Operator o : values()) {
            if (o.symbol.equals(symbol)) {
                return o;
            }
        }
        return null;
    }
}
