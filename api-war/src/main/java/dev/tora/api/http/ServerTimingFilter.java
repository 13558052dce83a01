package dev.tora.api.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * Adds {@code Server-Timing: app;dur=<ms>} to every answer: the time from the request's arrival
 * at JAX-RS to its response headers (a streamed body is written after). Browsers show it in their
 * developer tools; the benchmarks read it.
 */
@Provider
@PreMatching
public class ServerTimingFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String START = ServerTimingFilter.class.getName() + ".start";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object start = request.getProperty(START);
        if (start instanceof Long nanos) {
            double ms = (System.nanoTime() - nanos) / 1e6;
            response.getHeaders().add("Server-Timing", String.format(Locale.ROOT, "app;dur=%.2f", ms));
        }
    }
}
