package dev.tora.bench.ui;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The chart benchmarks of issue 4 in headless Chromium (1280x720) against a running server
 * (see bench/ui/run.sh):
 * <ul>
 *   <li>experiment page with 20 metrics of 1 M points each: navigation start to every chart in
 *   the grid's first screen drawn (and to all 20 drawn);</li>
 *   <li>a zoom on that page: the zoom to every chart in the first screen redrawn with the re-queried range;</li>
 *   <li>compare page, 100 experiments x 1 metric: navigation start to the chart drawn.</li>
 * </ul>
 * Times come from the page's own {@code Tora.charts.timings} (performance.now(), whose origin is
 * the navigation start). Prints RESULT lines.
 */
public final class ChartBench {

    private static final int METRICS = 20;
    /** Charts the grid shows when the page opens (the metrics ticked by default), as last counted. */
    private int charts;
    private static final int POINTS = 1_000_000;
    private static final int COMPARED = 100;
    private static final int COMPARE_POINTS = 10_000;
    private static final int ROUNDS = 5;
    private static final int BATCH = 10_000;

    private final String ui;
    private final BenchApi api;

    private ChartBench(String ui) {
        this.ui = ui;
        this.api = new BenchApi(ui + "/api");
    }

    /** ChartBench UI_BASE (e.g. http://127.0.0.1:26280). */
    public static void main(String[] args) throws Exception {
        new ChartBench(args[0]).run();
    }

    private void run() throws Exception {
        System.out.println("LOAD before seeding: " + BenchBrowser.loadAverage());
        long t0 = System.nanoTime();
        String experiment = seedGrid();
        List<String> compared = seedCompare();
        System.out.printf(Locale.ROOT, "SEEDED %d x %,d points and %d x %,d points in %.0f s%n", METRICS, POINTS,
                COMPARED, COMPARE_POINTS, (System.nanoTime() - t0) / 1e9);
        System.out.println("LOAD before measuring: " + BenchBrowser.loadAverage());
        Path profile = Files.createTempDirectory("tora-bench-chromium");
        ChromeDriver driver = BenchBrowser.open(profile);
        try {
            JavascriptExecutor js = driver;
            // one unmeasured visit warms the server's JIT and the browser's caches of the scripts
            gridLoad(driver, js, experiment);
            List<Double> firstScreen = new ArrayList<>();
            List<Double> all = new ArrayList<>();
            List<Double> zoom = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                double[] load = gridLoad(driver, js, experiment);
                firstScreen.add(load[0]);
                all.add(load[1]);
                double from = POINTS * (0.1 + 0.15 * round);
                zoom.add(zoom(js, from, from + POINTS * 0.05));
            }
            BenchBrowser.result("experiment page, " + METRICS + " metrics x 1 M points: navigation to the first screen of charts drawn",
                    firstScreen, 1500);
            BenchBrowser.result("experiment page: navigation to every chart of the grid drawn (the metrics ticked when"
                    + " the page opens: the first " + charts + ")", all, 0);
            BenchBrowser.result("experiment page: zoom (5% of the steps) re-queried and redrawn in the first screen", zoom, 200);
            List<Double> compare = new ArrayList<>();
            List<Double> compareChart = new ArrayList<>();
            compareLoad(driver, js, compared);
            for (int round = 0; round < ROUNDS; round++) {
                double[] c = compareLoad(driver, js, compared);
                compare.add(c[0]);
                compareChart.add(c[1]);
            }
            BenchBrowser.result("compare page, " + COMPARED + " experiments x 1 metric (" + COMPARE_POINTS / 1000
                    + " k points each): navigation to drawn", compare, 2000);
            BenchBrowser.result("compare page: the chart's own part (its query to drawn)", compareChart, 0);
            System.out.println("LOAD after measuring: " + BenchBrowser.loadAverage());
        } finally {
            driver.quit();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Loads the experiment page; returns {ms to the first screen drawn, ms to all drawn}. */
    private double[] gridLoad(ChromeDriver driver, JavascriptExecutor js, String experiment) {
        driver.get(ui + "/experiments/" + experiment);
        BenchBrowser.await(js, "const g = document.querySelector('.tora-chart-grid');"
                + " const n = g ? g.querySelectorAll('.tora-chart').length : 0;"
                + " return n > 0 && g.querySelectorAll('[data-chart-state=\"drawn\"]').length === n;", 60);
        charts = ((Number) js.executeScript("return document.querySelectorAll('.tora-chart-grid .tora-chart').length;")).intValue();
        // the grid's first screen: charts whose top lies within 720 px of the grid's body
        Object out = js.executeScript("const body = document.querySelector('.tora-chart-grid-body').getBoundingClientRect();"
                + " const first = new Set(Array.from(document.querySelectorAll('.tora-chart'))"
                + "   .filter(c => c.getBoundingClientRect().top - body.top < 720 - 250).map(c => c.dataset.chartKey));"
                + " const t = Tora.charts.timings.filter(e => e.reason === 'initial');"
                + " return [Math.max(...t.filter(e => first.has(e.chart)).map(e => e.end)), Math.max(...t.map(e => e.end)),"
                + "   first.size];");
        @SuppressWarnings("unchecked")
        List<Number> v = (List<Number>) out;
        return new double[] {v.get(0).doubleValue(), v.get(1).doubleValue()};
    }

    /**
     * Scrolls the grid into view, zooms it to [from, to] (what a drag does) and returns ms until the
     * charts in view are redrawn from the re-query.
     */
    private double zoom(JavascriptExecutor js, double from, double to) {
        js.executeScript("document.querySelector('.tora-chart-grid-body').scrollIntoView();");
        js.executeAsyncScript("requestAnimationFrame(() => requestAnimationFrame(arguments[0]));");
        js.executeScript("window.benchZoomAt = performance.now(); Tora.charts.timings.length = 0;"
                + " document.querySelector('.tora-chart-grid').toraGrid.zoomTo(arguments[0], arguments[1]);", from, to);
        BenchBrowser.await(js, "return Tora.charts.timings.filter(e => e.reason === 'zoom').length === " + charts + ";", 60);
        Object out = js.executeScript("const inView = c => { const r = c.getBoundingClientRect();"
                + "   return r.bottom > 0 && r.top < window.innerHeight; };"
                + " const first = new Set(Array.from(document.querySelectorAll('.tora-chart')).filter(inView)"
                + "   .map(c => c.dataset.chartKey));"
                + " const t = Tora.charts.timings.filter(e => e.reason === 'zoom' && first.has(e.chart));"
                + " if (!t.every(e => e.mode === 'raw' || e.mode === 'buckets')) return -1;"
                + " return Math.max(...t.map(e => e.end)) - window.benchZoomAt;");
        return ((Number) out).doubleValue();
    }

    /** Loads the compare page; returns {ms from navigation to drawn, ms from the chart's query to drawn}. */
    private double[] compareLoad(ChromeDriver driver, JavascriptExecutor js, List<String> ids) {
        driver.get(ui + "/compare?metric=loss&ids=" + String.join(",", ids));
        BenchBrowser.await(js, "const c = document.getElementById('compare'); return !!c && c.dataset.chartState === 'drawn';", 60);
        Object out = js.executeScript("const t = Tora.charts.timings.filter(e => e.chart === 'compare:loss'"
                + " && e.reason === 'initial'); return [t[0].end, t[0].end - t[0].start, t[0].series];");
        @SuppressWarnings("unchecked")
        List<Number> v = (List<Number>) out;
        if (v.get(2).intValue() != COMPARED) {
            throw new IllegalStateException("compare drew " + v.get(2) + " series");
        }
        return new double[] {v.get(0).doubleValue(), v.get(1).doubleValue()};
    }

    // ---- seeding ----

    /** One finished experiment with METRICS series of POINTS points each (training-curve shapes). */
    private String seedGrid() throws Exception {
        String id = api.create("/experiments", "{\"name\":\"bench charts\"}");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> sent = new ArrayList<>();
        for (int m = 0; m < METRICS; m++) {
            int metric = m;
            sent.add(pool.submit(() -> {
                for (int start = 0; start < POINTS; start += BATCH) {
                    api.post("/experiments/" + id + "/metrics/batch", series("metric_" + String.format("%02d", metric), start,
                            BATCH, metric));
                }
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        pool.shutdown();
        api.patch("/experiments/" + id, "{\"status\":\"finished\"}");
        return id;
    }

    private List<String> seedCompare() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int e = 0; e < COMPARED; e++) {
            String id = api.create("/experiments", "{\"name\":\"bench compare " + e + "\",\"hyperparams\":{\"lr\":" + (0.0001 * (e + 1)) + "}}");
            api.post("/experiments/" + id + "/metrics/batch", series("loss", 0, COMPARE_POINTS, e));
            api.patch("/experiments/" + id, "{\"status\":\"finished\"}");
            ids.add(id);
        }
        return ids;
    }

    /** A columnar batch: steps start.., a noisy decaying curve, 100 ms apart. */
    private static String series(String name, int start, int n, int seed) {
        StringBuilder b = new StringBuilder(n * 28);
        b.append("{\"series\":[{\"name\":\"").append(name).append("\",\"steps\":[");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append(start + i);
        }
        b.append("],\"values\":[");
        long state = 0x9E3779B97F4A7C15L * (seed + 1) + start;
        for (int i = 0; i < n; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            double noise = ((state >>> 11) * 0x1.0p-53) - 0.5;
            double v = (1 + seed * 0.05) * Math.exp(-(start + i) / 250_000.0) + 0.05 * noise;
            b.append(i == 0 ? "" : ",").append(v);
        }
        b.append("],\"timestamps\":[");
        long t0 = 1_767_225_600_000L;
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append(t0 + (start + i) * 100L);
        }
        return b.append("]}]}").toString();
    }

}
