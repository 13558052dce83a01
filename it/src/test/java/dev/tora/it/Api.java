package dev.tora.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small HTTP client for the API under test: real requests, JSON answers. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String apiKey;

    private Api(String base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    /** The API of the Arquillian-managed server, as the local user. */
    public static Api local() {
        return at("http://127.0.0.1:" + System.getProperty("tora.it.httpPort", "24880") + "/api");
    }

    /** The API at {@code base} (ending in /api). */
    public static Api at(String base) {
        return new Api(base, null);
    }

    /** The same API, sending {@code key} as x-api-key. */
    public Api withKey(String key) {
        return new Api(base, key);
    }

    /** The base URL, ending in /api. */
    public String base() {
        return base;
    }

    public Reply get(String path) {
        return send("GET", path, null, "application/json");
    }

    public Reply post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Reply patch(String path, String json) {
        return send("PATCH", path, json, "application/json");
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, "application/json");
    }

    /** Any request; {@code body} null for none. */
    public Reply send(String method, String path, String body, String contentType) {
        return send(method, path, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                contentType, null);
    }

    /** Any request with raw bytes and an optional Content-Encoding. */
    public Reply send(String method, String path, byte[] body, String contentType, String contentEncoding) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        if (contentEncoding != null) {
            b.header("Content-Encoding", contentEncoding);
        }
        if (apiKey != null) {
            b.header("x-api-key", apiKey);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Content-Disposition").orElse(""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates an experiment named {@code name} and returns its id. */
    public String createExperiment(String name) {
        return createFrom("{\"name\":" + Json.createValue(name) + "}");
    }

    /** Creates an experiment from a JSON body and returns its id. */
    public String createExperiment(JsonObject body) {
        return createFrom(body.toString());
    }

    private String createFrom(String body) {
        Reply r = post("/experiments", body);
        if (r.status() != 201) {
            throw new AssertionError("create failed: " + r);
        }
        return r.data().asJsonObject().getString("id");
    }

    /** An answer. */
    public record Reply(int status, String body, String contentType, String contentDisposition) {

        /** The body as JSON. */
        public JsonStructure json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        /** The {@code data} member. */
        public JsonValue data() {
            return json().asJsonObject().get("data");
        }

        /** The {@code error} member. */
        public JsonObject error() {
            return json().asJsonObject().getJsonObject("error");
        }

        /** The data as a list of objects. */
        public List<JsonObject> items() {
            JsonArray array = data().asJsonArray();
            List<JsonObject> out = new ArrayList<>();
            array.forEach(v -> out.add(v.asJsonObject()));
            return out;
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body);
        }
    }
}
