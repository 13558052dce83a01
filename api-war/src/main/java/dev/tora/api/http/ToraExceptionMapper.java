package dev.tora.api.http;

import dev.tora.core.domain.error.ToraException;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.core.Response;

/** Domain failures: the kind picks the status; code, message and details are shown as they are. */
@Provider
public class ToraExceptionMapper implements ExceptionMapper<ToraException> {

    @Override
    public Response toResponse(ToraException e) {
        return ErrorBodies.response(status(e.kind()), e.code(), e.getMessage(), e.details());
    }

    /** The HTTP status of a kind of failure. */
    static int status(ToraException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
        };
    }
}
