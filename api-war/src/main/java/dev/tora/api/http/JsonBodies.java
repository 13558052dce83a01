package dev.tora.api.http;

import static dev.tora.core.domain.json.JsonP.JSON;

import dev.tora.core.domain.error.ToraException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Reads small JSON request bodies with a size limit and clear errors. */
public final class JsonBodies {

    /** Limit of bodies other than metric batches. */
    public static final long DEFAULT_LIMIT = 1024 * 1024;

    private JsonBodies() {
    }

    /** The body as a JSON object; an empty body is an empty object. */
    public static JsonObject object(InputStream body) {
        JsonValue value = value(body, DEFAULT_LIMIT);
        if (value == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ToraException.malformed("the body must be a JSON object");
        }
        return value.asJsonObject();
    }

    /** The body as a JSON value (null when empty), at most {@code limit} bytes. */
    public static JsonValue value(InputStream body, long limit) {
        LimitedInputStream in = new LimitedInputStream(body, limit, "body");
        if (in.isEmpty()) {
            return null;
        }
        try (JsonReader reader = JSON.createReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            in.rethrowIfOverLimit();
            throw ToraException.malformed("the body is not valid JSON: " + describe(e));
        } catch (JsonException e) {
            in.rethrowIfOverLimit();
            throw ToraException.malformed("the body is not valid JSON");
        }
    }

    private static String describe(JsonParsingException e) {
        if (e.getLocation() == null) {
            return "parse error";
        }
        return "error at line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
    }
}
