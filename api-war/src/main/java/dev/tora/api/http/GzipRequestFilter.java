package dev.tora.api.http;

import dev.tora.core.domain.error.ToraException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Accepts gzip request bodies (clients compress large batches). The body limits apply to the
 * decompressed bytes, so a small bomb cannot expand past them.
 */
@Provider
@PreMatching
public class GzipRequestFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String encoding = request.getHeaderString(HttpHeaders.CONTENT_ENCODING);
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            return;
        }
        if (!encoding.trim().toLowerCase(Locale.ROOT).equals("gzip")) {
            throw new ToraException(ToraException.Kind.INVALID, "unsupported_encoding",
                    "Content-Encoding " + encoding + " is not supported; send gzip or no encoding", java.util.Map.of());
        }
        try {
            request.setEntityStream(new GZIPInputStream(request.getEntityStream(), 8192));
        } catch (IOException e) {
            throw ToraException.malformed("the body is not valid gzip");
        }
        request.getHeaders().remove(HttpHeaders.CONTENT_ENCODING);
    }
}
