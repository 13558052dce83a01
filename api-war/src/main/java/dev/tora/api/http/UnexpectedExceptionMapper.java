package dev.tora.api.http;

import dev.tora.core.domain.error.ToraException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;

/**
 * Everything else. Concurrency conflicts become 409 so the client retries; any other failure is a
 * 500 whose cause stays in the server log under an id the response shows.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final System.Logger LOG = System.getLogger(UnexpectedExceptionMapper.class.getName());

    private final ToraExceptionMapper domain = new ToraExceptionMapper();
    private final WebApplicationExceptionMapper web = new WebApplicationExceptionMapper();

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ToraException tora) {
                return domain.toResponse(tora);
            }
            if (t instanceof WebApplicationException wae) {
                return web.toResponse(wae);
            }
            if (t instanceof jakarta.persistence.OptimisticLockException) {
                return ErrorBodies.response(409, "concurrent_update",
                        "the resource was changed by another request at the same time; retry", Map.of());
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(System.Logger.Level.ERROR, "unexpected failure, incident " + incident, e);
        return ErrorBodies.response(500, "internal_error",
                "internal error; the server log has the details under incident " + incident,
                Map.of("incident", incident));
    }
}
