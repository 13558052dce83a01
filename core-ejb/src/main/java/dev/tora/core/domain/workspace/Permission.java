package dev.tora.core.domain.workspace;

/** What an operation needs from the caller. */
public enum Permission {
    /** See the thing. */
    READ,
    /** Change it or log to it. */
    WRITE,
    /** Manage it. */
    ADMIN
}
