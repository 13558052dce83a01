package dev.tora.api.system;

import static dev.tora.core.domain.json.JsonP.JSON;

import dev.tora.api.http.CurrentCaller;
import dev.tora.api.http.JsonOut;
import dev.tora.core.application.plugin.PluginService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The loaded plugins and the ones that failed to load. */
@Path("plugins")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {

    @Inject
    private PluginService plugins;

    @Inject
    private CurrentCaller caller;

    /** {@code {"data": {"plugins": [{kind, name, plugin, version, source}], "failures": [{source, message}]}}}. */
    @GET
    public JsonObject list() {
        PluginService.Listing listing = plugins.list(caller.get());
        JsonArrayBuilder loaded = JSON.createArrayBuilder();
        listing.loaded().forEach(p -> loaded.add(JSON.createObjectBuilder().add("kind", p.kind()).add("name", p.name())
                .add("plugin", p.plugin()).add("version", p.version()).add("source", p.source())));
        JsonArrayBuilder failures = JSON.createArrayBuilder();
        listing.failures().forEach(f -> failures.add(JSON.createObjectBuilder().add("source", f.source())
                .add("message", f.message())));
        return JsonOut.data(JSON.createObjectBuilder().add("plugins", loaded).add("failures", failures).build());
    }
}
