package dev.tora.api.workspaces;

import static dev.tora.core.domain.json.JsonP.JSON;

import dev.tora.api.http.CurrentCaller;
import dev.tora.api.http.Fields;
import dev.tora.api.http.JsonBodies;
import dev.tora.api.http.JsonOut;
import dev.tora.core.application.workspace.WorkspaceDetails;
import dev.tora.core.application.workspace.WorkspaceService;
import dev.tora.core.domain.error.ToraException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Set;

/** Workspaces the caller belongs to. */
@Path("workspaces")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceResource {

    @Inject
    private WorkspaceService workspaces;

    @Inject
    private CurrentCaller caller;

    /** The caller's workspaces. */
    @GET
    public JsonObject list() {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        workspaces.list(caller.get()).forEach(w -> items.add(json(w)));
        return JsonOut.page(items, null);
    }

    /** Creates a workspace owned by the caller. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        JsonObject json = JsonBodies.object(body);
        Fields.onlyKnown(json, Set.of("name", "description"));
        String name = Fields.string(json, "name").orElseThrow(() -> ToraException.invalidField("name", "is required"));
        WorkspaceDetails created = workspaces.create(caller.get(), name, Fields.string(json, "description").orElse(null));
        return Response.status(Response.Status.CREATED).entity(JsonOut.data(json(created))).build();
    }

    /** One workspace. */
    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return JsonOut.data(json(workspaces.get(caller.get(), id)));
    }

    private static JsonObject json(WorkspaceDetails w) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("id", w.id()).add("name", w.name());
        return JsonOut.nullable(b, "description", w.description())
                .add("created_at", JsonOut.instant(w.createdAt()))
                .add("role", w.role().id())
                .build();
    }
}
