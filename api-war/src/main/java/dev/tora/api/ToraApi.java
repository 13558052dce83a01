package dev.tora.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The REST API, served at the WAR's context root {@code /api}. Application scoped because
 * MicroProfile JWT needs the application class to be a bean when discovery is "annotated".
 */
@ApplicationPath("")
@ApplicationScoped
public class ToraApi extends Application {

    /** Jersey settings: no WADL, and small responses written without an extra buffering copy. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of(
                "jersey.config.server.wadl.disableWadl", true,
                "jersey.config.contentLength.buffer", 0);
    }
}
