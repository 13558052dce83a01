package dev.tora.client.internal.http;

import dev.tora.client.ToraServiceException;
import dev.tora.client.internal.json.Json;
import java.util.Map;
import java.util.Set;

/**
 * An answer of the server: status, the parsed JSON body (null when there was none) and the
 * {@code Retry-After} delay in seconds (null when absent).
 */
public record Response(int status, Object body, Double retryAfter) {

    /** Statuses worth sending again: the server is busy, restarting or behind a failing proxy. */
    private static final Set<Integer> RETRYABLE = Set.of(408, 425, 429, 500, 502, 503, 504);

    /** Whether the request succeeded (2xx). */
    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** Whether the answer is Tora's own error JSON ({@code {"error": {"code", ...}}}). */
    public boolean fromTora() {
        Map<String, Object> error = Json.object(body, "error");
        return error != null && error.containsKey("code");
    }

    /**
     * Whether sending again may succeed: busy or failing servers, and error pages that are not
     * Tora's (Payara answers 404 with HTML while the application is still being deployed).
     */
    public boolean retryable() {
        return RETRYABLE.contains(status) || status >= 500 || (status >= 400 && !fromTora());
    }

    /** {@code body.data}, or null. */
    public Object data() {
        return body instanceof Map<?, ?> m ? m.get("data") : null;
    }

    /** The server's error as an exception (not thrown here). */
    public ToraServiceException error() {
        Map<String, Object> error = Json.object(body, "error");
        if (error != null) {
            Object message = error.get("message");
            return ToraServiceException.of(status, Json.string(error, "code"),
                    message == null ? "HTTP " + status : message.toString(), Json.object(error, "details"));
        }
        return ToraServiceException.of(status, null, "HTTP " + status, null);
    }
}
