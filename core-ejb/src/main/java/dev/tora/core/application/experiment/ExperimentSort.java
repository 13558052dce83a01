package dev.tora.core.application.experiment;

import dev.tora.core.domain.error.ToraException;

/** Orders of the experiment list; every order ends with the id so pages never overlap. */
public enum ExperimentSort {
    /** By creation time (the default, newest first). */
    CREATED_AT("created_at", "e.created_at"),
    /** By last change. */
    UPDATED_AT("updated_at", "e.updated_at"),
    /** By name. */
    NAME("name", "e.name");

    private final String id;
    private final String column;

    ExperimentSort(String id, String column) {
        this.id = id;
        this.column = column;
    }

    /** API name. */
    public String id() {
        return id;
    }

    /** SQL column of the sort key. */
    String column() {
        return column;
    }

    /** Parses the API name. */
    public static ExperimentSort parse(String value, String field) {
        for (ExperimentSort s : values()) {
            if (s.id.equals(value)) {
                return s;
            }
        }
        throw ToraException.invalidField(field, "must be one of created_at, updated_at, name");
    }
}
