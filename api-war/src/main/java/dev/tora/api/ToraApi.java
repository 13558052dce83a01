package dev.tora.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The REST API, served at the WAR's context root {@code /api}. Application scoped because
 * MicroProfile JWT needs the application class to be a bean when discovery is "annotated".
 */
@ApplicationPath("")
@ApplicationScoped
public class ToraApi extends Application {
}
