package dev.tora.bench;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The dashboard's table through the API: a workspace of experiments with 10 hyperparameters and
 * 3 metric series each, then pages of 50 sorted by a metric, by a param, filtered by a query, and
 * deep in the list (after 100 pages of cursor).
 */
final class SearchBench {

    private SearchBench() {
    }

    /** Seeds {@code experiments} experiments and times each kind of page {@code rounds} times. */
    static void run(String api, int experiments, int rounds) throws Exception {
        String ws = seed(api, experiments);
        System.out.println("WORKSPACE " + ws);
        Http http = new Http(api);
        String ticker = http.postJson("/experiments", "{\"name\":\"bench ticker\"}").getString("id");
        String base = "/experiments?workspace=" + ws + "&limit=50";
        time(http, ticker, "newest first (created)", base, rounds);
        time(http, ticker, "sorted by metrics.loss.last", base + "&sort=metrics.loss.last&order=asc", rounds);
        time(http, ticker, "sorted by metrics.acc.max desc", base + "&sort=metrics.acc.max&order=desc", rounds);
        time(http, ticker, "sorted by params.lr", base + "&sort=params.lr&order=asc", rounds);
        time(http, ticker, "query + sorted by metrics.loss.last", base + "&sort=metrics.loss.last&order=asc&query="
                + encode("metrics.acc > 0.5 AND params.lr < 0.004 OR tags = \"lr-3\""), rounds);
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            HttpResponse<String> r = http.get(base + "&sort=metrics.loss.last&order=asc"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            cursor = r.body().replaceAll("(?s).*\"next_cursor\":\"([^\"]+)\".*", "$1");
        }
        time(http, ticker, "sorted by metrics.loss.last, page 101 (cursor)", base + "&sort=metrics.loss.last&order=asc&cursor="
                + cursor, rounds);
    }

    /**
     * Before each request a run in another workspace logs a point and another run starts, as
     * training does all the time, so that no answer comes from H2's cache of unchanged results.
     */
    private static void time(Http http, String ticker, String what, String path, int rounds) {
        for (int i = 0; i < 5; i++) {
            http.get(path);
        }
        double[] server = new double[rounds];
        double[] client = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            http.post("/experiments/" + ticker + "/metrics/batch", "{\"series\":[{\"name\":\"tick\",\"values\":[1]}]}"
                    .getBytes(StandardCharsets.UTF_8));
            http.postJson("/experiments", "{\"name\":\"bench tick " + i + "\"}");
            long t = System.nanoTime();
            HttpResponse<String> r = http.get(path);
            client[i] = (System.nanoTime() - t) / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
            }
            server[i] = Http.serverMillis(r);
        }
        System.out.println("RESULT " + Stats.summary("search " + what + ", 50 rows, server", server));
        System.out.println("RESULT " + Stats.summary("search " + what + ", 50 rows, client", client));
    }

    /** A workspace of experiments like a hyperparameter sweep's, created over 4 connections. */
    static String seed(String api, int experiments) throws Exception {
        String ws = new Http(api).postJson("/workspaces", "{\"name\":\"bench search\"}").getString("id");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int part = t;
            done.add(pool.submit(() -> {
                Http http = new Http(api);
                Random random = new Random(part);
                for (int i = part; i < experiments; i += 4) {
                    String id = http.postJson("/experiments", String.format(Locale.ROOT, "{\"name\":\"run %d\","
                                    + "\"workspaceId\":\"%s\",\"tags\":[\"sweep\",\"lr-%d\"],\"hyperparams\":{\"lr\":%s,"
                                    + "\"bs\":%d,\"wd\":%s,\"dropout\":%s,\"layers\":%d,\"optimizer\":\"%s\",\"warmup\":%d,"
                                    + "\"seed\":%d,\"amp\":%b,\"model\":{\"width\":%d}}}", i, ws, i % 7, (i % 7) * 0.001,
                            32 << (i % 3), random.nextDouble() * 1e-4, random.nextDouble() / 2, 2 + i % 10,
                            i % 2 == 0 ? "adam" : "sgd", 100 * (i % 5), i, i % 2 == 0, 64 << (i % 4))).getString("id");
                    double loss = random.nextDouble();
                    String last = random.nextInt(100) == 0 ? "\"NaN\"" : Double.toString(loss / 2);
                    http.post("/experiments/" + id + "/metrics/batch", String.format(Locale.ROOT, "{\"series\":["
                                    + "{\"name\":\"loss\",\"values\":[%s,%s,%s]},{\"name\":\"acc\",\"values\":[%s,%s]},"
                                    + "{\"name\":\"lr\",\"values\":[%s]}]}", loss * 2, loss, last, random.nextDouble() / 2,
                            random.nextDouble(), (i % 7) * 0.001).getBytes(StandardCharsets.UTF_8));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return ws;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
