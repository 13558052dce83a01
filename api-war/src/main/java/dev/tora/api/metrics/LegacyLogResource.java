package dev.tora.api.metrics;

import dev.tora.api.http.CurrentCaller;
import dev.tora.core.application.metric.MetricService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/** The original {@code tora} 0.0.12 SDK's log route, so its users can point it at this server. */
@Path("experiments/{id}/logs")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class LegacyLogResource {

    @Inject
    private MetricService metrics;

    @Inject
    private CurrentCaller caller;

    /** {@code {"logs": [{name, msg_id, value, step, metadata}]}}; each msg_id is written once. */
    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject logs(@PathParam("id") String id, InputStream body) {
        return MetricResource.ingestResult(metrics.ingestLegacy(caller.get(), id, LegacyLogReader.read(body)));
    }
}
