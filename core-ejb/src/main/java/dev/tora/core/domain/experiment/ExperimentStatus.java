package dev.tora.core.domain.experiment;

import dev.tora.core.domain.error.ToraException;
import java.util.Locale;

/** Lifecycle of a run. */
public enum ExperimentStatus {
    RUNNING, FINISHED, FAILED, KILLED;

    /** Lower-case name as the API shows it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the run has ended. */
    public boolean isTerminal() {
        return this != RUNNING;
    }

    /** Parses the API form, naming {@code field} when it is not one of the four. */
    public static ExperimentStatus parse(String value, String field) {
        for (ExperimentStatus s : values()) {
            if (s.id().equals(value)) {
                return s;
            }
        }
        throw ToraException.invalidField(field, "must be one of running, finished, failed, killed");
    }
}
