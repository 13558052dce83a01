package dev.tora.bench;

import jakarta.json.JsonObject;
import java.io.InputStream;
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
 * Benchmarks against a running server (see bench/run.sh):
 * <pre>
 *   ingest     API POINTS CONNECTIONS EXPERIMENTS   1,000-point batches, pre-serialised, N connections
 *   downsample API EXPERIMENT NAME ROUNDS           points?points=1000 over the whole series
 *   export     API EXPERIMENT FORMAT                streams the export and counts its lines
 *   list       API EXPERIMENTS ROUNDS               seeds a workspace, then times the first page of 50
 *   search     API EXPERIMENTS ROUNDS               seeds a sweep-like workspace, then times sorted and filtered pages
 *   search-sql DB WORKSPACE ROUNDS [USER PASSWORD]  the dashboard's page + count statements on that database
 *                                                   (DB: a JDBC URL, or the path prefix of an embedded H2 file)
 * </pre>
 * Each prints one line per figure, prefixed with {@code RESULT}.
 */
public final class Bench {

    /** Batches of 1,000 points sent before a timed ingest. */
    static final int WARM_UP_BATCHES = 3000;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String api = args[1];
        if (args[0].equals("search-sql")) {
            SearchSqlBench.run(SearchSqlBench.target(api, args.length > 4 ? args[4] : null,
                    args.length > 5 ? args[5] : null), args[2], Integer.parseInt(args[3]));
            return;
        }
        switch (args[0]) {
            case "ingest" -> ingest(api, Long.parseLong(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "downsample" -> downsample(api, args[2], args[3], Integer.parseInt(args[4]));
            case "export" -> export(api, args[2], args[3]);
            case "list" -> list(api, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "search" -> SearchBench.run(api, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
        }
    }

    /** Ingests {@code points} points into {@code experiments} experiments over {@code connections} connections. */
    static void ingest(String api, long points, int connections, int experiments) throws Exception {
        int size = 1000;
        long batches = points / size;
        Http setup = new Http(api);
        List<String> ids = new ArrayList<>();
        for (int e = 0; e < experiments; e++) {
            ids.add(setup.postJson("/experiments", "{\"name\":\"bench ingest " + e + "\"}").getString("id"));
        }
        // Pre-serialise every request, so the measurement is the server's, not the generator's.
        String basePath = java.net.URI.create(api).getPath();
        List<RawConnection> sockets = new ArrayList<>();
        List<List<byte[]>> perConnection = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            sockets.add(new RawConnection(api));
            perConnection.add(new ArrayList<>());
        }
        for (long b = 0; b < batches; b++) {
            int c = (int) (b % connections);
            String id = ids.get((int) (b % experiments));
            long indexInSeries = b / experiments;
            perConnection.get(c).add(sockets.get(c).post(basePath + "/experiments/" + id + "/metrics/batch",
                    TrainingCurve.batch("loss", indexInSeries, size, 1)));
        }
        System.gc();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        warmUp(api, connections);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            List<byte[]> requests = perConnection.get(c);
            RawConnection socket = sockets.get(c);
            done.add(pool.submit(() -> {
                for (byte[] request : requests) {
                    int status = socket.exchange(request);
                    if (status != 200) {
                        throw new IllegalStateException("batch refused with " + status);
                    }
                }
                socket.close();
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf(Locale.ROOT, "RESULT ingest %d points, %d connections, %d experiments: %.1f s, %.0f points/s%n",
                batches * size, connections, experiments, seconds, batches * size / seconds);
        System.out.println("EXPERIMENTS " + String.join(",", ids));
        System.out.println("WRITTEN " + (batches * size + WARM_UP_BATCHES * 1000L));
    }

    /**
     * Sends 3,000 batches first, so the timed part measures the server after its JIT has compiled
     * the ingest path rather than the first minute of a new JVM.
     */
    private static void warmUp(String api, int connections) throws Exception {
        Http setup = new Http(api);
        String id = setup.postJson("/experiments", "{\"name\":\"bench warm-up\"}").getString("id");
        String path = java.net.URI.create(api).getPath() + "/experiments/" + id + "/metrics/batch";
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int part = c;
            done.add(pool.submit(() -> {
                try (RawConnection socket = new RawConnection(api)) {
                    for (int b = part; b < WARM_UP_BATCHES; b += connections) {
                        socket.exchange(socket.post(path, TrainingCurve.batch("warm-up", b, 1000, 9)));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    /** Times the whole-series chart query. */
    static void downsample(String api, String experiment, String name, int rounds) {
        Http http = new Http(api);
        String path = "/experiments/" + experiment + "/metrics/" + name + "/points?points=1000";
        for (int i = 0; i < 3; i++) {
            http.get(path);
        }
        double[] server = new double[rounds];
        double[] client = new double[rounds];
        int buckets = 0;
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = http.get(path);
            client[i] = (System.nanoTime() - t) / 1e6;
            server[i] = Http.serverMillis(r);
            buckets = r.body().split("\"x_start\":\\[")[1].split("]")[0].split(",").length;
        }
        System.out.println("RESULT " + Stats.summary("downsample to " + buckets + " buckets, server", server));
        System.out.println("RESULT " + Stats.summary("downsample to " + buckets + " buckets, client round trip", client));
        Random random = new Random(3);
        double[] zoom = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long from = random.nextInt(9_000_000);
            zoom[i] = Http.serverMillis(http.get("/experiments/" + experiment + "/metrics/" + name
                    + "/points?points=1000&from=" + from + "&to=" + (from + 50_000 + random.nextInt(500_000))));
        }
        System.out.println("RESULT " + Stats.summary("zoomed range (50k-550k steps) to 1000, server", zoom));
    }

    /** Streams an export and reports points per second. */
    static void export(String api, String experiment, String format) throws Exception {
        Http http = new Http(api);
        long start = System.nanoTime();
        HttpResponse<InputStream> r = http.stream("/experiments/" + experiment + "/export?format=" + format);
        // Count newlines in the raw bytes, as a download to a file would: decoding text here
        // would cost the shared two cores as much as the server's work.
        long lines = 0;
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = r.body()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long points = format.equals("csv") ? lines - 1 : lines - 2;
        System.out.printf(Locale.ROOT, "RESULT export %s: %d points, %.0f MB in %.1f s, %.0f points/s%n", format,
                points, bytes / 1e6, seconds, points / seconds);
    }

    /** Seeds a workspace with experiments carrying summaries, then times the first page. */
    static void list(String api, int experiments, int rounds) throws Exception {
        Http setup = new Http(api);
        String ws = setup.postJson("/workspaces", "{\"name\":\"bench list\"}").getString("id");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int part = t;
            done.add(pool.submit(() -> {
                Http http = new Http(api);
                for (int i = part; i < experiments; i += 4) {
                    JsonObject e = http.postJson("/experiments", "{\"name\":\"run " + i + "\",\"workspaceId\":\"" + ws
                            + "\",\"tags\":[\"sweep\",\"lr-" + (i % 7) + "\"],\"hyperparams\":{\"lr\":" + (i % 7) * 0.001
                            + ",\"bs\":" + (32 << (i % 3)) + "}}");
                    http.post("/experiments/" + e.getString("id") + "/metrics/batch", ("{\"series\":["
                            + "{\"name\":\"loss\",\"values\":[0.9,0.5,0.3]},{\"name\":\"acc\",\"values\":[0.1,0.6,0.8]},"
                            + "{\"name\":\"lr\",\"values\":[0.001]}]}").getBytes(StandardCharsets.UTF_8));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        Http http = new Http(api);
        String path = "/experiments?workspace=" + ws + "&limit=50";
        for (int i = 0; i < 5; i++) {
            http.get(path);
        }
        double[] server = new double[rounds];
        double[] client = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = http.get(path);
            client[i] = (System.nanoTime() - t) / 1e6;
            server[i] = Http.serverMillis(r);
        }
        System.out.println("RESULT " + Stats.summary("list first 50 of " + experiments + " with summaries, server", server));
        System.out.println("RESULT " + Stats.summary("list first 50 of " + experiments + " with summaries, client", client));
    }
}
