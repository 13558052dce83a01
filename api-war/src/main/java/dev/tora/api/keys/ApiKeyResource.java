package dev.tora.api.keys;

import static dev.tora.core.domain.json.JsonP.JSON;

import dev.tora.api.http.CurrentCaller;
import dev.tora.api.http.Fields;
import dev.tora.api.http.JsonBodies;
import dev.tora.api.http.JsonOut;
import dev.tora.core.application.security.ApiKeyInfo;
import dev.tora.core.application.security.ApiKeyService;
import dev.tora.core.application.security.CreatedApiKey;
import dev.tora.core.domain.error.ToraException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Set;

/** The caller's API keys; the secret is in the response of the create only. */
@Path("keys")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    @Inject
    private ApiKeyService keys;

    @Inject
    private CurrentCaller caller;

    /** Creates a key and shows it once. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        JsonObject json = JsonBodies.object(body);
        Fields.onlyKnown(json, Set.of("name"));
        String name = Fields.string(json, "name").orElseThrow(() -> ToraException.invalidField("name", "is required"));
        CreatedApiKey created = keys.create(caller.get(), name);
        JsonObject data = JSON.createObjectBuilder(json(created.info())).add("key", created.key()).build();
        return Response.status(Response.Status.CREATED).entity(JsonOut.data(data)).build();
    }

    /** The caller's keys, without secrets. */
    @GET
    public JsonObject list() {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        keys.list(caller.get()).forEach(k -> items.add(json(k)));
        return JsonOut.page(items, null);
    }

    /** Revokes a key. */
    @DELETE
    @Path("{id}")
    public JsonObject revoke(@PathParam("id") String id) {
        return JsonOut.data(json(keys.revoke(caller.get(), id)));
    }

    private static JsonObject json(ApiKeyInfo k) {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("id", k.id())
                .add("name", k.name())
                .add("prefix", k.prefix())
                .add("created_at", JsonOut.instant(k.createdAt()))
                .add("last_used_at", JsonOut.instant(k.lastUsedAt()))
                .add("revoked_at", JsonOut.instant(k.revokedAt()));
        return b.build();
    }
}
