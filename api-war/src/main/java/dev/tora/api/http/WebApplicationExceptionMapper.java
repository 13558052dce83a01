package dev.tora.api.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Map;

/** Failures JAX-RS raises itself (unknown route, wrong method, unsupported media type) in Tora's shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        String reason = Response.Status.fromStatusCode(status) == null ? "error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String code = reason.toLowerCase(Locale.ROOT).replace(' ', '_');
        String message = status == 404 ? "no such route" : reason;
        Response.ResponseBuilder b = Response.fromResponse(ErrorBodies.response(status, code, message, Map.of()));
        if (original.getHeaderString("Allow") != null) {
            b.header("Allow", original.getHeaderString("Allow"));
        }
        return b.build();
    }
}
