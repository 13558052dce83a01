package dev.tora.api.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The API's OpenAPI document, {@code META-INF/openapi.json} as written; needs no credentials. */
@Path("openapi")
@ApplicationScoped
public class OpenApiResource {

    static final String RESOURCE = "/META-INF/openapi.json";

    private static final String DOCUMENT = load();

    /** The document, unchanged. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String document() {
        return DOCUMENT;
    }

    private static String load() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the API's classes");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
