package dev.tora.api.experiments;

import static dev.tora.core.domain.json.JsonP.JSON;

import dev.tora.api.http.CurrentCaller;
import dev.tora.api.http.Fields;
import dev.tora.api.http.JsonBodies;
import dev.tora.api.http.JsonOut;
import dev.tora.api.http.UiLinks;
import dev.tora.core.application.experiment.ExperimentDetails;
import dev.tora.core.application.experiment.ExperimentQuery;
import dev.tora.core.application.experiment.ExperimentService;
import dev.tora.core.application.experiment.Page;
import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.experiment.ExperimentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/** Experiments: create, list, read, change, delete, and their references. */
@Path("experiments")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExperimentResource {

    @Inject
    private ExperimentService experiments;

    @Inject
    private CurrentCaller caller;

    @Context
    private UriInfo uri;

    /** Creates an experiment (idempotent for a repeated id and name). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        ExperimentService.Created created = experiments.create(caller.get(),
                ExperimentRequests.create(JsonBodies.object(body)));
        JsonObject json = JsonOut.data(json(created.experiment()));
        if (!created.created()) {
            return Response.ok(json).build();
        }
        return Response.status(Response.Status.CREATED)
                .location(uri.getBaseUriBuilder().path("experiments").path(created.experiment().id()).build())
                .entity(json).build();
    }

    /** Lists experiments, newest first by default, with their metric summaries; the filters combine with AND. */
    @GET
    public JsonObject list(@QueryParam("workspace") String workspace, @QueryParam("q") String q,
                           @QueryParam("tag") String tag, @QueryParam("status") String status,
                           @QueryParam("query") String query, @QueryParam("sort") String sort,
                           @QueryParam("order") String order, @QueryParam("limit") String limit,
                           @QueryParam("cursor") String cursor) {
        boolean descending = order == null ? !"name".equals(sort) : parseOrder(order);
        ExperimentQuery request = new ExperimentQuery(workspace, q, tag,
                status == null ? null : ExperimentStatus.parse(status, "status"), query, sort, descending,
                Fields.intParam(limit, "limit", ExperimentQuery.DEFAULT_LIMIT, 1, ExperimentQuery.MAX_LIMIT), cursor);
        Page<ExperimentDetails> page = experiments.list(caller.get(), request);
        JsonArrayBuilder items = JSON.createArrayBuilder();
        page.items().forEach(e -> items.add(json(e)));
        return JsonOut.page(items, page.nextCursor());
    }

    /** One experiment. */
    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return JsonOut.data(json(experiments.get(caller.get(), id)));
    }

    /** Changes only the fields present; hyperparams and metadata merge. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject update(@PathParam("id") String id, InputStream body) {
        return JsonOut.data(json(experiments.update(caller.get(), id, ExperimentRequests.patch(JsonBodies.object(body)))));
    }

    /** Deletes the experiment and all its points. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        experiments.delete(caller.get(), id);
        return Response.noContent().build();
    }

    /** Adds a reference to an experiment this one derives from. */
    @POST
    @Path("{id}/references")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject addReference(@PathParam("id") String id, InputStream body) {
        JsonObject json = JsonBodies.object(body);
        Fields.onlyKnown(json, java.util.Set.of("experimentId", "experiment_id"));
        String ref = Fields.string(json, "experimentId").or(() -> Fields.string(json, "experiment_id"))
                .orElseThrow(() -> ToraException.invalidField("experimentId", "is required"));
        return JsonOut.data(json(experiments.addReference(caller.get(), id, ref)));
    }

    /** Removes a reference. */
    @DELETE
    @Path("{id}/references/{refId}")
    public JsonObject removeReference(@PathParam("id") String id, @PathParam("refId") String refId) {
        return JsonOut.data(json(experiments.removeReference(caller.get(), id, refId)));
    }

    private JsonObject json(ExperimentDetails e) {
        return ExperimentJson.of(e, UiLinks.experiment(uri, e.id()));
    }

    private static boolean parseOrder(String order) {
        return switch (order) {
            case "desc" -> true;
            case "asc" -> false;
            default -> throw ToraException.invalidField("order", "must be asc or desc");
        };
    }
}
