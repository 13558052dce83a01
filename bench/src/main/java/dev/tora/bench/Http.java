package dev.tora.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One keep-alive HTTP/1.1 connection to the API, as one client would hold. */
final class Http {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String api;

    Http(String api) {
        this.api = api;
    }

    /** POSTs bytes and returns the status, failing on anything but 2xx. */
    int post(String path, byte[] body) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(api + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.statusCode();
    }

    /** POSTs JSON and returns the {@code data} object. */
    JsonObject postJson(String path, String json) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(api + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " -> " + r.statusCode() + " " + r.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject().getJsonObject("data");
        }
    }

    /** GETs and returns the answer with its body as a string. */
    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(api + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs and returns the answer with its body as a stream. */
    HttpResponse<InputStream> stream(String path) {
        return send(HttpRequest.newBuilder(URI.create(api + path)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** The {@code app} duration of the Server-Timing header, in ms. */
    static double serverMillis(HttpResponse<?> r) {
        String header = r.headers().firstValue("Server-Timing").orElse("app;dur=NaN");
        return Double.parseDouble(header.substring(header.indexOf("dur=") + 4));
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
