package dev.tora.core.domain.workspace;

import java.util.Locale;

/** What a member may do in a workspace; each role includes the ones before it. */
public enum Role {
    /** Reads experiments. */
    VIEWER,
    /** Also creates, changes and logs to experiments. */
    EDITOR,
    /** Also manages the workspace and its members. */
    OWNER;

    /** Whether this role grants {@code permission}. */
    public boolean grants(Permission permission) {
        return switch (permission) {
            case READ -> true;
            case WRITE -> this != VIEWER;
            case ADMIN -> this == OWNER;
        };
    }

    /** Lower-case name as stored. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role stored as {@code id}. */
    public static Role of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
