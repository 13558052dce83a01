package dev.tora.core.domain.error;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * A failure the caller can act on. The API maps the {@link Kind} to an HTTP status and shows the
 * code, message and details; anything else is an internal error whose cause stays in the log.
 */
@ApplicationException(inherited = true, rollback = true)
public class ToraException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The families of failure, each with one HTTP status. */
    public enum Kind {
        /** 400: the request is malformed or a field is invalid. */
        INVALID,
        /** 401: no valid credentials. */
        UNAUTHENTICATED,
        /** 403: the caller may see the thing but not do this. */
        FORBIDDEN,
        /** 404: no such thing, or the caller may not know it exists. */
        NOT_FOUND,
        /** 409: conflicts with the current state. */
        CONFLICT,
        /** 413: the body or the batch is too big. */
        TOO_LARGE
    }

    private final Kind kind;
    private final String code;
    private final Map<String, Object> details;

    /** A failure of the given kind with a machine-readable code and details. */
    public ToraException(Kind kind, String code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.details = Map.copyOf(details);
    }

    /** The family of the failure. */
    public Kind kind() {
        return kind;
    }

    /** Machine-readable code, such as {@code invalid_field}. */
    public String code() {
        return code;
    }

    /** Structured details, such as the field that was wrong. */
    public Map<String, Object> details() {
        return details;
    }

    /** 400 naming the field at fault, such as {@code metrics[3].value}. */
    public static ToraException invalidField(String field, String problem) {
        return new ToraException(Kind.INVALID, "invalid_field", field + ": " + problem, Map.of("field", field));
    }

    /**
     * 400 naming the field at fault and the 0-based character offset in its text where the problem
     * is, such as a malformed query.
     */
    public static ToraException invalidAt(String field, String problem, int position) {
        return new ToraException(Kind.INVALID, "invalid_field", field + ": " + problem + " at position " + position,
                Map.of("field", field, "position", position));
    }

    /** 400 for a body that is not valid JSON or not of the expected shape. */
    public static ToraException malformed(String problem) {
        return new ToraException(Kind.INVALID, "malformed_body", problem, Map.of());
    }

    /** 404 for a thing that does not exist or that the caller may not see. */
    public static ToraException notFound(String what, String id) {
        return new ToraException(Kind.NOT_FOUND, "not_found", what + " " + id + " not found",
                Map.of("resource", what, "id", id));
    }

    /** 409 with a reason. */
    public static ToraException conflict(String code, String message) {
        return new ToraException(Kind.CONFLICT, code, message, Map.of());
    }

    /** 401. */
    public static ToraException unauthenticated(String message) {
        return new ToraException(Kind.UNAUTHENTICATED, "unauthenticated", message, Map.of());
    }

    /** 403. */
    public static ToraException forbidden(String message) {
        return new ToraException(Kind.FORBIDDEN, "forbidden", message, Map.of());
    }

    /** 413 naming the limit. */
    public static ToraException tooLarge(String field, String message, long limit) {
        return new ToraException(Kind.TOO_LARGE, "too_large", message, Map.of("field", field, "limit", limit));
    }
}
