package dev.tora.api.http;

import static dev.tora.core.domain.json.JsonP.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The one error shape: {@code {"error": {"code", "message", "details"}}}. */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    /** A response with that status and error. */
    public static Response response(int status, String code, String message, Map<String, Object> details) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body(code, message, details)).build();
    }

    /** The error body. */
    public static JsonObject body(String code, String message, Map<String, Object> details) {
        JsonObjectBuilder d = JSON.createObjectBuilder();
        details.forEach((k, v) -> d.add(k, JsonOut.scalar(v instanceof Integer i ? Long.valueOf(i) : v)));
        return JSON.createObjectBuilder()
                .add("error", JSON.createObjectBuilder().add("code", code).add("message", message).add("details", d))
                .build();
    }
}
