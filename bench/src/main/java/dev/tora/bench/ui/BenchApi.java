package dev.tora.bench.ui;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few API calls the UI benchmarks seed their data with. */
final class BenchApi {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String api;

    BenchApi(String api) {
        this.api = api;
    }

    /** POSTs {@code body} to {@code path} (experiments, workspaces) and returns the new id. */
    String create(String path, String body) throws IOException, InterruptedException {
        String answer = send("POST", path, body);
        Matcher m = ID.matcher(answer);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + answer);
        }
        return m.group(1);
    }

    String post(String path, String body) throws IOException, InterruptedException {
        return send("POST", path, body);
    }

    String patch(String path, String body) throws IOException, InterruptedException {
        return send("PATCH", path, body);
    }

    private String send(String method, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
