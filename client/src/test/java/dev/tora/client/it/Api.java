package dev.tora.client.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tora.client.internal.json.Json;
import dev.tora.client.internal.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The server's REST API read directly, the way a user's other tools would, to check what a run stored. */
final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;

    Api(String base) {
        this.base = base;
    }

    /** The raw points of a series. */
    record Points(long[] steps, double[] values, long[] timestamps) {
    }

    /** {@code GET} returning the status and the parsed body. */
    Object[] get(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Object[] {r.statusCode(), r.body().isEmpty() ? null : JsonReader.parse(r.body())};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The experiment, or null when the server does not know it. */
    Map<String, Object> experiment(String id) {
        Object[] r = get("/experiments/" + id);
        return (int) r[0] == 200 ? Json.object(r[1], "data") : null;
    }

    /** How many points the series' summary counts (0 when it does not exist). */
    long count(String id, String name) {
        Object[] r = get("/experiments/" + id + "/metrics");
        if ((int) r[0] != 200) {
            return 0;
        }
        for (Object s : Json.list(r[1], "data")) {
            if (name.equals(Json.string(s, "name"))) {
                return Json.number(s, "count", 0);
            }
        }
        return 0;
    }

    /** Every raw point of a series, read in pages of 10,000 steps; null when it does not exist. */
    Points points(String id, String name) {
        String quoted = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
        long total = count(id, name);
        long[] steps = new long[0];
        double[] values = new double[0];
        long[] stamps = new long[0];
        long lo = 0;
        while (steps.length < total) {
            long hi = lo + 9_999;
            Object[] r = get("/experiments/" + id + "/metrics/" + quoted + "/points?points=10000&from=" + lo + "&to=" + hi);
            if ((int) r[0] == 404) {
                return null;
            }
            assertEquals(200, (int) r[0], () -> String.valueOf(r[1]));
            Map<String, Object> page = Json.object(r[1], "data");
            assertEquals("raw", page.get("mode"), "more than 10,000 points between steps " + lo + " and " + hi
                    + ": duplicates?");
            List<Object> s = Json.list(page, "steps");
            List<Object> v = Json.list(page, "values");
            List<Object> t = Json.list(page, "timestamps");
            int n = steps.length;
            steps = Arrays.copyOf(steps, n + s.size());
            values = Arrays.copyOf(values, n + s.size());
            stamps = Arrays.copyOf(stamps, n + s.size());
            for (int i = 0; i < s.size(); i++) {
                steps[n + i] = ((Number) s.get(i)).longValue();
                values[n + i] = Json.metricValue(v.get(i));
                stamps[n + i] = ((Number) t.get(i)).longValue();
            }
            if (s.isEmpty() && hi > 2 * total + 10_000) {
                break;
            }
            lo = hi + 1;
        }
        return new Points(steps, values, stamps);
    }

    /** The series holds each of {@code steps} exactly once. */
    void assertExactlyOnce(String id, String name, long[] steps) {
        Points got = points(id, name);
        assertNotNull(got, "series " + name + " missing");
        if (got.steps().length != steps.length) {
            fail(got.steps().length + " points stored, " + steps.length + " logged");
        }
        long[] sorted = got.steps().clone();
        Arrays.sort(sorted);
        long[] expected = steps.clone();
        Arrays.sort(expected);
        assertArrayEquals(expected, sorted, "a step is missing or stored twice");
    }

    /** The series holds steps {@code 0..n-1} exactly once, with value {@code i} at step {@code i}. */
    void assertExactlyOnce(String id, String name, int n) {
        Points got = points(id, name);
        assertNotNull(got, "series " + name + " missing");
        assertEquals(n, got.steps().length, "points stored");
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            int step = (int) got.steps()[i];
            if (step < 0 || step >= n || seen[step]) {
                fail("step " + step + " unexpected or stored twice");
            }
            seen[step] = true;
            assertEquals(step, got.values()[i], "value at step " + step);
        }
    }

    static long[] range(int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
