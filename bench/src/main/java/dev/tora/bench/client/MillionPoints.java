package dev.tora.bench.client;

import dev.tora.client.Run;
import dev.tora.client.ToraClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One million {@code run.log("throughput", i, i)} calls in a tight loop, then the seconds until
 * the server's series summary counts all of them (polled every 50 ms). Target: 5 s.
 *
 * <pre>java -cp ... dev.tora.bench.client.MillionPoints http://127.0.0.1:8080/api [runs] [points]</pre>
 */
public final class MillionPoints {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private MillionPoints() {
    }

    /** Runs the measurement and prints RESULT lines. */
    public static void main(String[] args) throws Exception {
        String server = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        Path spool = Files.createTempDirectory("tora-bench-spool");
        List<Double> lags = new ArrayList<>();
        List<Double> loops = new ArrayList<>();
        long stored = Long.MAX_VALUE;
        try (ToraClient tora = ToraClient.builder().serverUrl(server).spoolDir(spool).printUrl(false).build()) {
            for (int r = 0; r < runs; r++) {
                Run run = tora.createExperiment("bench-java-million");
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    run.log("throughput", i, i);
                }
                long last = System.nanoTime();
                long deadline = last + 120_000_000_000L;
                long count = 0;
                while (System.nanoTime() < deadline && (count = count(server, run.experimentId())) < n) {
                    Thread.sleep(50);
                }
                lags.add((System.nanoTime() - last) / 1e9);
                loops.add((last - t0) / 1e9);
                stored = Math.min(stored, count);
                run.close();
            }
        }
        double lag = median(lags);
        double loop = median(loops);
        System.out.printf(Locale.ROOT, "RESULT %,d points: tight loop %.3f s (%.1f M/s), all stored %.2f s after the "
                + "last log() (median of %d: %s s); %,d stored%n", n, loop, n / loop / 1e6, lag, runs, lags, stored);
        if (stored < n || lag > 5.0) {
            System.exit(1);
        }
    }

    private static long count(String server, String id) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server + "/experiments/" + id + "/metrics"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            for (JsonValue s : reader.readObject().getJsonArray("data")) {
                JsonObject series = s.asJsonObject();
                if (series.getString("name").equals("throughput")) {
                    return series.getJsonNumber("count").longValue();
                }
            }
        }
        return 0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
