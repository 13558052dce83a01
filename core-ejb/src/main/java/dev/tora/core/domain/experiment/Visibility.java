package dev.tora.core.domain.experiment;

import dev.tora.core.domain.error.ToraException;
import java.util.Locale;

/** Who may read an experiment beyond its workspace's members. */
public enum Visibility {
    /** Members of the workspace only. */
    PRIVATE,
    /** Anyone who can reach the server and is signed in (or local). */
    PUBLIC;

    /** Lower-case name as the API shows it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the API form, naming {@code field} when it is neither. */
    public static Visibility parse(String value, String field) {
        for (Visibility v : values()) {
            if (v.id().equals(value)) {
                return v;
            }
        }
        throw ToraException.invalidField(field, "must be private or public");
    }
}
