package dev.tora.core.domain.query;

import java.util.Locale;

/** The experiment's own fields; each says whether queries may test it and whether lists may sort by it. */
public enum Attribute implements Field {
    /** The name (text). */
    NAME(true, true),
    /** The description (text, may be absent). */
    DESCRIPTION(true, false),
    /** The tags (a set of texts). */
    TAGS(true, false),
    /** The lifecycle status. */
    STATUS(true, true),
    /** Creation time. */
    CREATED(true, true),
    /** Last change. */
    UPDATED(true, true),
    /** When the run ended (absent while running). */
    ENDED(true, true),
    /** Ended (or now, while running) minus created; sorting only. */
    DURATION(false, true);

    private final boolean filterable;
    private final boolean sortable;

    Attribute(boolean filterable, boolean sortable) {
        this.filterable = filterable;
        this.sortable = sortable;
    }

    @Override
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a query may compare it. */
    public boolean filterable() {
        return filterable;
    }

    /** Whether a list may be sorted by it. */
    public boolean sortable() {
        return sortable;
    }

    /** Whether it holds a time (epoch milliseconds). */
    public boolean isTime() {
        return this == CREATED || this == UPDATED || this == ENDED;
    }

    /** Whether an experiment may lack a value for it, so that {@code = null} makes sense. */
    public boolean optional() {
        return this == DESCRIPTION || this == TAGS || this == ENDED;
    }

    /** The attribute called {@code word} (any case), or null. */
    static Attribute named(String word) {
        for (Attribute a : values()) {
            if (a.text().equalsIgnoreCase(word)) {
                return a;
            }
        }
        return null;
    }
}
