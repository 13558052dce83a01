package dev.tora.api.system;

import static dev.tora.core.domain.json.JsonP.JSON;

import dev.tora.api.http.ErrorBodies;
import dev.tora.api.http.JsonOut;
import dev.tora.core.application.system.HealthService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Liveness for people and load balancers; needs no credentials. */
@Path("health")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    private HealthService health;

    /** 200 with the version and database kind, or 503 when the database does not answer. */
    @GET
    public Response get() {
        HealthService.Health h = health.check();
        if (!h.databaseUp()) {
            return ErrorBodies.response(503, "database_unavailable", "the database does not answer",
                    Map.of("version", h.version(), "database", h.database()));
        }
        return Response.ok(JsonOut.data(JSON.createObjectBuilder()
                .add("status", h.status())
                .add("version", h.version())
                .add("database", h.database())
                .build())).build();
    }
}
