package dev.tora.it.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.it.Api;
import dev.tora.it.ToraDeployment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The charts in a real browser against the deployed EAR: the experiment page's grid (raw and
 * bucketed series, NaN/Infinity markers, zoom re-queries, log scales, smoothing, x axes,
 * downloads, live appends) and the comparison plots.
 */
@ExtendWith(ArquillianExtension.class)
class ChartsUiIT {

    private static final Api API = Api.local();
    private static final ChartSeed SEED = new ChartSeed(API);
    /** Points of the long series: 30 sealed chunks, bucketed at any chart width. */
    private static final int LONG = 30_000;

    private static Browser browser;
    private static ChartTestPage page;
    private static String grid;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ToraDeployment.ear();
    }

    @BeforeAll
    static void seedAndStart() {
        grid = SEED.experiment("charts grid", null);
        SEED.log(grid, "short", 0, 200, s -> s == 50 ? "\"NaN\"" : s == 100 ? "\"Infinity\"" : s == 150 ? "\"-Infinity\""
                : Double.toString(shortValue(s)), 1000);
        SEED.log(grid, "long", 0, LONG, s -> s == 10_000 ? "\"NaN\"" : s == 20_000 ? "\"Infinity\""
                : Double.toString(longValue(s)), 100);
        SEED.log(grid, "lr", 0, LONG / 10, s -> Double.toString(0.01 * (1 - s / (LONG / 10.0))), 1000);
        SEED.finish(grid);
        browser = Browser.open();
        page = new ChartTestPage(browser);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    static double shortValue(long step) {
        return step - 20;
    }

    static double longValue(long step) {
        return 2 * Math.exp(-step / 8000.0) + 0.3 * Math.sin(step / 50.0);
    }

    @Test
    void gridDrawsRawAndBucketedChartsWithTheBandAndMarksNonFiniteValues() {
        page.openExperiment(grid);
        for (String chart : List.of("metric:short", "metric:long", "metric:lr")) {
            page.awaitDrawn(chart);
            assertTrue(page.seriesPixels(chart) > 300, chart + " has drawn series pixels: " + page.seriesPixels(chart));
        }
        assertEquals("raw", page.attr("metric:short", "data-mode"));
        assertEquals("buckets", page.attr("metric:long", "data-mode"));
        // the band: min and max columns of the buckets, below and above the mean everywhere
        assertEquals(Boolean.TRUE, page.chartJs("metric:long", "u.data[1].length > 100 && u.data[1].every((lo, i) =>"
                + " lo === null || (lo <= u.data[3][i] && u.data[3][i] <= u.data[2][i])) && u.data[1].some((lo, i) => lo < u.data[2][i])"));
        assertTrue(page.chartJs("metric:long", "c.note.textContent").toString().contains("buckets of 30,000 points"));
        // bucket nonfinite counts: NaN and +Inf each in one bucket, marked at the bottom edge
        assertEquals("2", page.attr("metric:long", "data-nonfinite"));
        assertRedMarker("metric:long", 10_000, false);
        // raw: NaN | at the bottom, +Inf triangle at the top, -Inf at the bottom
        assertEquals("3", page.attr("metric:short", "data-nonfinite"));
        assertEquals("nan,inf,-inf", page.chartJs("metric:short", "c.markers.map(m => m.kind).join(',')"));
        assertRedMarker("metric:short", 100, true);
        assertRedMarker("metric:short", 150, false);
        // the gap: non-finite values are nulls in the drawn line
        assertEquals(Boolean.TRUE, page.chartJs("metric:short", "u.data[3][50] === null && u.data[3][49] === 29"));

        // an overlay: both metrics on one chart, on the union of their x values
        browser.js("document.querySelector('.tora-chart-grid').toraGrid.addOverlay(['short', 'lr'])");
        String overlay = "overlay:short+lr";
        page.awaitDrawn(overlay);
        assertEquals("short,lr", page.attr(overlay, "data-metric"));
        assertEquals(Boolean.TRUE, page.chartJs(overlay, "u.data.length === 9 && u.data[0].length > 200"
                + " && u.data[3].filter(v => v != null).length === 197 && u.data[7].some(v => v != null)"));
        assertTrue(page.seriesPixels(overlay) > 300);
        assertEquals(2L, ((Number) page.chartJs(overlay, "c.legendRows.length")).longValue());
        browser.js("document.querySelector('.tora-chart-grid').scrollIntoView()");
        browser.screenshot("charts-experiment-light");
    }

    /** A red marker pixel at x on the top or bottom edge of the plotting area. */
    private void assertRedMarker(String chart, long x, boolean top) {
        Object found = page.chartJs(chart, "(() => { const px = Math.round(u.valToPos(" + x + ", 'x', true)); const b = u.bbox;"
                + " const y = " + (top ? "b.top + 2" : "b.top + b.height - 3") + ";"
                + " const d = u.ctx.getImageData(px - 2, y, 5, 1).data;"
                + " for (let i = 0; i < d.length; i += 4) if (d[i] > 180 && d[i+1] < 120 && d[i+2] < 120) return true;"
                + " return false; })()");
        assertEquals(Boolean.TRUE, found, chart + " marker at " + x);
    }

    @Test
    void dragZoomRequeriesTheNarrowRangeAtFullResolutionAndDoubleClickResets() {
        page.openExperiment(grid);
        String chart = "metric:long";
        page.awaitDrawn(chart);
        page.awaitDrawn("metric:short");
        long before = ((Number) page.chartJs(chart, "u.data[0].filter(x => x >= 12000 && x <= 12300).length")).longValue();
        int draws = page.draws(chart);
        page.clearRequests();
        // the x scale runs over the bucket midpoints of 0..29,999: aim at about steps 12,000-12,300
        double lo = ((Number) page.chartJs(chart, "u.valToPos(12000, 'x') / u.over.clientWidth")).doubleValue();
        double hi = ((Number) page.chartJs(chart, "u.valToPos(12300, 'x') / u.over.clientWidth")).doubleValue();
        double stepsPerPixel = ((Number) page.chartJs(chart, "(u.scales.x.max - u.scales.x.min) / u.over.clientWidth"))
                .doubleValue();
        page.drag(chart, lo, hi);
        page.awaitDrawAfter(chart, draws);
        Browser.await(() -> "true".equals(page.attr(chart, "data-zoomed")) && "raw".equals(page.attr(chart, "data-mode")),
                ChartTestPage.WAIT, () -> "zoomed raw chart, mode " + page.attr(chart, "data-mode"));
        List<String> zoomRequests = page.requests("/metrics/long/points");
        assertEquals(1, zoomRequests.size(), zoomRequests.toString());
        long from = param(zoomRequests.get(0), "from");
        long to = param(zoomRequests.get(0), "to");
        // within a few pixels of the drag
        assertTrue(Math.abs(from - 12_000) < 4 * stepsPerPixel && Math.abs(to - 12_300) < 4 * stepsPerPixel,
                from + ".." + to + ", " + stepsPerPixel + " steps per pixel");
        long budget = param(zoomRequests.get(0), "points");
        long plotWidth = ((Number) page.chartJs(chart, "Math.round(u.bbox.width / devicePixelRatio)")).longValue();
        assertEquals(plotWidth, budget, "points = the plot's pixel width");
        long after = ((Number) page.chartJs(chart, "u.data[0].length")).longValue();
        assertEquals(to - from + 1, after, "every raw point of the range");
        assertTrue(after > before * 10, "more detail: " + before + " buckets before, " + after + " points after");
        // the zoom is the grid's: the other charts re-queried the same range (short ends at step 199)
        Browser.await(() -> "empty".equals(page.attr("metric:short", "data-chart-state")), ChartTestPage.WAIT,
                () -> "short has no points in the zoomed range");
        assertEquals("No points in this range.", page.chartJs("metric:short", "c.msg.textContent"));
        List<String> shortRequests = page.requests("/metrics/short/points");
        assertTrue(shortRequests.stream().anyMatch(u -> u.contains("from=" + from) && u.contains("to=" + to)),
                shortRequests.toString());

        page.clearRequests();
        draws = page.draws(chart);
        page.doubleClick(chart);
        page.awaitDrawAfter(chart, draws);
        Browser.await(() -> "false".equals(page.attr(chart, "data-zoomed")) && "buckets".equals(page.attr(chart, "data-mode")),
                ChartTestPage.WAIT, () -> "reset chart");
        List<String> reset = page.requests("/metrics/long/points");
        assertFalse(reset.isEmpty());
        assertFalse(reset.get(reset.size() - 1).contains("from="), reset.toString());
        assertEquals(LONG - 1, ((Number) page.chartJs(chart, "Math.round(u.scales.x.max)")).longValue(), 300);
        page.awaitDrawn("metric:short");
    }

    private static long param(String url, String name) {
        Matcher m = Pattern.compile("[?&]" + name + "=(-?\\d+)").matcher(url);
        assertTrue(m.find(), name + " in " + url);
        return Long.parseLong(m.group(1));
    }

    @Test
    void logScaleSmoothingAndTheXAxisRedrawTheCharts() {
        page.openExperiment(grid);
        String chart = "metric:short";
        page.awaitDrawn(chart);
        page.awaitDrawn("metric:long");
        page.awaitDrawn("metric:lr");

        int draws = page.draws(chart);
        page.control("logy").click();
        page.awaitDrawAfter(chart, draws);
        assertEquals("true", page.control("logy").getAttribute("aria-pressed"));
        assertEquals(3L, ((Number) page.chartJs(chart, "u.scales.y.distr")).longValue());
        // steps 0..20 have values <= 0 (step - 20), and the -Inf: hidden on a log axis, with a note
        assertTrue(page.chartJs(chart, "c.note.textContent").toString().contains("not shown on the log y axis"));
        assertEquals(Boolean.TRUE, page.chartJs(chart, "u.data[3].slice(0, 21).every(v => v === null) && u.data[3][21] === 1"));
        assertTrue(page.seriesPixels(chart) > 300);
        page.control("logy").click();
        page.awaitDrawAfter(chart, draws + 1);

        new Select(page.control("smoothing")).selectByValue("none");
        assertEquals(Boolean.TRUE, page.chartJs(chart, "u.data[4].every(v => v === null)"));
        new Select(page.control("smoothing")).selectByValue("ema");
        assertEquals(Boolean.TRUE, page.chartJs(chart, "(() => { const raw = c.series[0].page.values;"
                + " const e = Tora.smooth.ema(raw, g.settings.weight);"
                + " return u.data[4].every((v, i) => Number.isFinite(e[i]) ? Math.abs(v - e[i]) < 1e-9 : v === null); })()"));
        new Select(page.control("smoothing")).selectByValue("twema");
        assertEquals("twema", browser.js("return JSON.parse(localStorage.getItem('tora.charts.settings')).smoothing"));

        page.clearRequests();
        draws = page.draws("metric:long");
        new Select(page.control("x")).selectByValue("relative");
        page.awaitDrawAfter("metric:long", draws);
        assertTrue(page.requests("/metrics/long/points").stream().allMatch(u -> u.contains("x=time")));
        // relative seconds from the run's first timestamp: 30,000 steps of 100 ms end near 3,000 s
        assertEquals(3000.0, ((Number) page.chartJs("metric:long", "u.data[0][u.data[0].length - 1]")).doubleValue(), 10);
        assertEquals(0.0, ((Number) page.chartJs("metric:short", "u.data[0][0]")).doubleValue(), 0.001);

        draws = page.draws("metric:long");
        new Select(page.control("x")).selectByValue("time");
        page.awaitDrawAfter("metric:long", draws);
        // wall time in epoch seconds on a time scale; log x is not offered for it
        assertEquals(ChartSeed.T0 / 1000.0, ((Number) page.chartJs("metric:short", "u.data[0][0]")).doubleValue(), 0.001);
        assertEquals(Boolean.TRUE, page.chartJs("metric:long", "u.scales.x.time === true"));
        assertFalse(page.control("logx").isEnabled());

        draws = page.draws("metric:long");
        new Select(page.control("x")).selectByValue("metric:lr");
        page.awaitDrawAfter("metric:long", draws);
        assertEquals("lr (interpolated by step)", page.chartJs("metric:long", "u.axes[0].label"));
        // lr falls from 0.01 towards 0 as steps grow: mapped x lies in lr's range, sorted
        assertEquals(Boolean.TRUE, page.chartJs("metric:long", "u.data[0].every((x, i) => x >= 0 && x <= 0.01"
                + " && (i === 0 || x >= u.data[0][i - 1]))"));
        assertTrue(page.seriesPixels("metric:long") > 300);

        draws = page.draws("metric:long");
        page.control("logx").click();
        page.awaitDrawAfter("metric:long", draws);
        assertEquals(3L, ((Number) page.chartJs("metric:long", "u.scales.x.distr")).longValue());
        page.control("logx").click();
        new Select(page.control("x")).selectByValue("step");
        page.awaitDrawn("metric:long");
    }

    @Test
    void pngAndCsvDownloadsHoldTheChartAndItsLoadedPoints() throws Exception {
        page.openExperiment(grid);
        String chart = "metric:short";
        page.awaitDrawn(chart);
        browser.clearDownloads();
        page.action(chart, "csv").click();
        Path csv = browser.download("-short.csv", ChartTestPage.WAIT);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("metric,step,timestamp,value", lines.get(0));
        assertEquals(201, lines.size());
        assertEquals("short,0,1767225600000,-20", lines.get(1));
        assertEquals("short,50,1767225650000,NaN", lines.get(51));
        assertEquals("short,100,1767225700000,Infinity", lines.get(101));
        assertEquals("short,150,1767225750000,-Infinity", lines.get(151));
        assertEquals("short,199,1767225799000,179", lines.get(200));

        page.awaitDrawn("metric:long");
        page.action("metric:long", "csv").click();
        List<String> buckets = Files.readAllLines(browser.download("-long.csv", ChartTestPage.WAIT));
        assertEquals("metric,step_start,step_end,count,min,max,mean,first,last,nonfinite", buckets.get(0));
        long counted = buckets.stream().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[3])).sum();
        assertEquals(LONG, counted, "every point in exactly one bucket");

        page.action(chart, "png").click();
        byte[] png = Files.readAllBytes(browser.download("-short.png", ChartTestPage.WAIT));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        long pngWidth = ((png[16] & 0xFFL) << 24) | ((png[17] & 0xFFL) << 16) | ((png[18] & 0xFFL) << 8) | (png[19] & 0xFFL);
        long pngHeight = ((png[20] & 0xFFL) << 24) | ((png[21] & 0xFFL) << 16) | ((png[22] & 0xFFL) << 8) | (png[23] & 0xFFL);
        long canvasWidth = ((Number) page.chartJs(chart, "u.ctx.canvas.width")).longValue();
        long canvasHeight = ((Number) page.chartJs(chart, "u.ctx.canvas.height")).longValue();
        assertTrue(pngWidth > canvasWidth && pngHeight > canvasHeight + 40, "the PNG adds title and legend: "
                + pngWidth + "x" + pngHeight + " around " + canvasWidth + "x" + canvasHeight);
    }

    @Test
    void smoothingFunctionsMatchTheirDefinitions() {
        page.openExperiment(grid);
        double[] xs = {0, 1, 2, 4, 8, 9, 10, 30, 31, 40};
        double[] ys = {1, 3, Double.NaN, 2, 5, Double.POSITIVE_INFINITY, 4, 0, -1, 6};
        double w = 0.7;
        assertClose(emaReference(ys, w), smooth("Tora.smooth.ema(ys, 0.7)", xs, ys));
        assertClose(twemaReference(xs, ys, w), smooth("Tora.smooth.twema(xs, ys, 0.7)", xs, ys));
        assertClose(meanReference(ys, 3), smooth("Tora.smooth.runningMean(ys, 3)", xs, ys));
        // on 1,001 evenly spaced points the time-weighted EMA is the plain EMA
        double[] even = new double[1001];
        double[] values = new double[1001];
        for (int i = 0; i < even.length; i++) {
            even[i] = i * 5;
            values[i] = Math.sin(i / 20.0) + (i % 7) * 0.1;
        }
        assertClose(emaReference(values, 0.9), smooth("Tora.smooth.twema(xs, ys, 0.9)", even, values));
        // weight 0 leaves the values as they are
        assertClose(new double[] {1, 3, Double.NaN, 2}, smooth("Tora.smooth.ema(ys, 0)", xs, new double[] {1, 3, Double.NaN, 2}));
    }

    private double[] smooth(String call, double[] xs, double[] ys) {
        @SuppressWarnings("unchecked")
        List<Object> out = (List<Object>) browser.js("const xs = arguments[0].map(Number);"
                + " const ys = arguments[1].map(v => v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : Number(v));"
                + " return Array.from(" + call + ", v => Number.isNaN(v) ? 'NaN' : v);", boxed(xs), boxed(ys));
        double[] d = new double[out.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = "NaN".equals(out.get(i)) ? Double.NaN : ((Number) out.get(i)).doubleValue();
        }
        return d;
    }

    private static List<Object> boxed(double[] a) {
        List<Object> out = new ArrayList<>();
        for (double v : a) {
            out.add(Double.isNaN(v) ? "NaN" : Double.isInfinite(v) ? "Infinity" : (Object) v);
        }
        return out;
    }

    private static void assertClose(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertTrue(Double.isNaN(actual[i]), "NaN at " + i + ", got " + actual[i]);
            } else {
                assertEquals(expected[i], actual[i], 1e-9 * Math.max(1, Math.abs(expected[i])), "at " + i);
            }
        }
    }

    /** Debiased EMA: sum w^k y(i-k) / sum w^k over the finite values up to i. */
    static double[] emaReference(double[] ys, double w) {
        double[] out = new double[ys.length];
        for (int i = 0; i < ys.length; i++) {
            if (!Double.isFinite(ys[i])) {
                out[i] = Double.NaN;
                continue;
            }
            double num = 0;
            double den = 0;
            int k = 0;
            for (int j = i; j >= 0; j--) {
                if (Double.isFinite(ys[j])) {
                    num += Math.pow(w, k) * ys[j];
                    den += Math.pow(w, k);
                    k++;
                }
            }
            out[i] = num / den;
        }
        return out;
    }

    /** Time-weighted: each earlier finite value weighs w^((x_i - x_j) / u), u = finite x range / 1000. */
    static double[] twemaReference(double[] xs, double[] ys, double w) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(ys[i])) {
                lo = Math.min(lo, xs[i]);
                hi = Math.max(hi, xs[i]);
            }
        }
        double unit = (hi - lo) / 1000;
        double[] out = new double[ys.length];
        for (int i = 0; i < ys.length; i++) {
            if (!Double.isFinite(ys[i])) {
                out[i] = Double.NaN;
                continue;
            }
            double num = 0;
            double den = 0;
            for (int j = 0; j <= i; j++) {
                if (Double.isFinite(ys[j])) {
                    double weight = Math.pow(w, (xs[i] - xs[j]) / unit);
                    num += weight * ys[j];
                    den += weight;
                }
            }
            out[i] = num / den;
        }
        return out;
    }

    /** Mean of the finite values among the last n positions. */
    static double[] meanReference(double[] ys, int n) {
        double[] out = new double[ys.length];
        for (int i = 0; i < ys.length; i++) {
            double sum = 0;
            int count = 0;
            for (int j = Math.max(0, i - n + 1); j <= i; j++) {
                if (Double.isFinite(ys[j])) {
                    sum += ys[j];
                    count++;
                }
            }
            out[i] = Double.isFinite(ys[i]) ? sum / count : Double.NaN;
        }
        return out;
    }

    @Test
    void aRunningExperimentAppendsOnlyItsNewPointsWhileTheClientLogs() {
        String id = SEED.experiment("charts live", null);
        SEED.log(id, "live", 0, 100, s -> Double.toString(s * 0.5), 1000);
        SEED.log(id, "big", 0, 5000, s -> Double.toString(Math.sin(s / 100.0)), 1000);
        page.openExperiment(id);
        String chart = "metric:live";
        page.awaitDrawn(chart);
        page.awaitDrawn("metric:big");
        assertEquals("buckets", page.attr("metric:big", "data-mode"));
        assertEquals("true", browser.js("return document.querySelector('.tora-chart-grid').dataset.live"));
        Browser.await(() -> Boolean.TRUE.equals(browser.js("return Tora.live.status.connected")), ChartTestPage.WAIT,
                () -> "the event stream open");
        page.clearRequests();
        List<Long> latencies = new ArrayList<>();
        long next = 100;
        for (int batch = 0; batch < 3; batch++) {
            long posted = System.nanoTime();
            SEED.log(id, "big", 5000 + batch * 20, 20, s -> Double.toString(Math.sin(s / 100.0)), 1000);
            SEED.log(id, "live", next, 20, s -> Double.toString(s * 0.5), 1000);
            next += 20;
            long expected = next;
            Browser.await(() -> Long.parseLong(page.attr(chart, "data-points")) == expected, ChartTestPage.WAIT,
                    () -> expected + " points drawn, have " + page.attr(chart, "data-points"));
            latencies.add((System.nanoTime() - posted) / 1_000_000);
        }
        assertEquals(1L, ((Number) browser.js("return Tora.live.status.opens")).longValue(), "one event stream for the tab");
        assertEquals(id, browser.js("return Tora.live.streamKey()"));
        List<String> fetched = page.requests("/metrics/live/points");
        assertEquals(List.of(100L, 120L, 140L), fetched.stream().map(u -> param(u, "from")).toList(),
                "only new points, from the last step seen + 1: " + fetched);
        assertEquals(Boolean.TRUE, page.chartJs(chart, "u.data[3].length === 160 && u.data[3][159] === 79.5"));
        // a bucketed series takes new points into trailing buckets of the same size
        Browser.await(() -> Long.valueOf(5060).equals(page.chartJs("metric:big",
                "c.series[0].page.count.reduce((a, b) => a + b, 0)")), ChartTestPage.WAIT, () -> "big holds 5,060 points");
        assertEquals("buckets", page.attr("metric:big", "data-mode"));
        List<String> big = page.requests("/metrics/big/points");
        assertTrue(!big.isEmpty() && big.stream().allMatch(u -> param(u, "from") >= 5000), big.toString());
        assertEquals(5059L, ((Number) page.chartJs("metric:big", "c.series[0].page.xEnd[c.series[0].page.xEnd.length - 1]"))
                .longValue());
        assertTrue(latencies.stream().allMatch(ms -> ms < 2000), "drawn within 2 s of each batch: " + latencies + " ms");
        System.out.println("RESULT live append latency (batch POST to chart drawn): " + latencies + " ms");

        SEED.finish(id);
        Browser.await(() -> "false".equals(browser.js("return document.querySelector('.tora-chart-grid').dataset.live")),
                ChartTestPage.WAIT, () -> "live stops when the run finishes");
    }

    /** Three experiments: two adam (one with a NaN), one sgd; lr differs. */
    private String[] comparison() {
        String[] ids = new String[3];
        String[] opts = {"adam", "adam", "sgd"};
        double[] lrs = {0.001, 0.003, 0.01};
        for (int e = 0; e < 3; e++) {
            ids[e] = SEED.experiment("cmp " + opts[e] + " " + lrs[e], "{\"opt\":\"" + opts[e] + "\",\"lr\":" + lrs[e] + "}");
            int run = e;
            SEED.log(ids[e], "loss", 0, 400 + run * 100, s -> Double.toString((1 + run) * Math.exp(-s / 150.0) + run * 0.1), 1000);
            SEED.finish(ids[e]);
        }
        return ids;
    }

    @Test
    void compareDrawsThreeExperimentsAndTheirGroupMeans() {
        String[] ids = comparison();
        browser.go("/compare.xhtml?ids=" + String.join(",", ids) + "&metric=loss&group=opt&params=lr,opt");
        awaitState("#compare", "drawn");
        // grouped first: adam (2 runs) and sgd, each a min, max and mean series
        assertEquals("6", attrOf("#compare", "data-series"));
        assertEquals("true", attrOf("#compare", "data-group-mode"));
        assertEquals(Boolean.TRUE, browser.js("const u = document.getElementById('compare').toraPlot.u;"
                + " return u.data[3].some((m, i) => m !== undefined && u.data[1][i] < m && m < u.data[2][i]);"),
                "adam's mean lies inside its min-max band");
        assertTrue(comparePixels() > 300);
        browser.screenshot("charts-compare-groups-light");
        List<String> legend = browser.driver().findElements(By.cssSelector("#compare .tora-compare-legend-item"))
                .stream().map(WebElement::getText).toList();
        assertTrue(legend.get(0).startsWith("adam (2 runs)") && legend.get(1).startsWith("sgd (1 run)"), legend.toString());

        browser.driver().findElement(By.cssSelector("#compare [data-control=\"group\"]")).click();
        awaitState("#compare", "drawn");
        Browser.await(() -> "3".equals(attrOf("#compare", "data-series")), ChartTestPage.WAIT, () -> "one series per run");
        List<WebElement> links = browser.driver().findElements(By.cssSelector("#compare .tora-compare-legend-item a"));
        assertEquals(3, links.size());
        assertTrue(links.get(2).getAttribute("href").endsWith("/experiments/" + ids[2]));
        assertEquals(Boolean.TRUE, browser.js("const u = document.getElementById('compare').toraPlot.u;"
                + " return new Set(u.series.slice(1).map(s => s._stroke || s.stroke())).size === 3;"), "a colour per run");
        assertTrue(comparePixels() > 300);
    }

    private long comparePixels() {
        return ((Number) browser.js("const u = document.getElementById('compare').toraPlot.u; const b = u.bbox;"
                + " const d = u.ctx.getImageData(b.left, b.top, b.width, b.height).data; let n = 0;"
                + " for (let i = 0; i < d.length; i += 4) { const hi = Math.max(d[i], d[i+1], d[i+2]);"
                + "   const lo = Math.min(d[i], d[i+1], d[i+2]); if (d[i+3] > 60 && hi - lo > 50) n++; } return n;")).longValue();
    }

    @Test
    void parallelAndScatterPlotsOpenTheExperimentClicked() {
        String[] ids = comparison();
        String url = "/compare.xhtml?ids=" + String.join(",", ids) + "&metric=loss&params=lr,opt";
        browser.go(url);
        awaitState("#parallel", "drawn");
        awaitState("#scatter", "drawn");
        assertTrue(canvasPixels("#parallel") > 300, "parallel coordinates drawn");
        assertTrue(canvasPixels("#scatter") > 50, "scatter points drawn");
        assertEquals("Coloured by loss (last). Hover a line to see the run, click to open it.",
                browser.driver().findElement(By.cssSelector("#parallel .tora-plot-caption")).getText());

        clickPlot("#parallel", 1);
        Browser.await(() -> browser.driver().getCurrentUrl().endsWith("/experiments/" + ids[1]), ChartTestPage.WAIT,
                () -> "the experiment page of the line clicked, at " + browser.driver().getCurrentUrl());

        browser.go(url);
        awaitState("#scatter", "drawn");
        hoverPlot("#scatter", 2);
        Browser.await(() -> ids[2].equals(attrOf("#scatter", "data-hover")), ChartTestPage.WAIT, () -> "hovered point");
        String tip = browser.driver().findElement(By.cssSelector("#scatter .tora-plot-tip")).getText();
        assertTrue(tip.startsWith("cmp sgd 0.01") && tip.contains("lr: 0.01"), tip);
        clickPlot("#scatter", 2);
        Browser.await(() -> browser.driver().getCurrentUrl().endsWith("/experiments/" + ids[2]), ChartTestPage.WAIT,
                () -> "the experiment page of the point clicked");
    }

    private void awaitState(String css, String state) {
        Browser.await(() -> state.equals(attrOf(css, "data-chart-state")), ChartTestPage.WAIT,
                () -> css + " " + state + ", is " + attrOf(css, "data-chart-state"));
    }

    private String attrOf(String css, String name) {
        return (String) browser.js("const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;",
                css, name);
    }

    private long canvasPixels(String css) {
        return ((Number) browser.js("const c = document.querySelector(arguments[0] + ' canvas');"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + " for (let i = 0; i < d.length; i += 4) { const hi = Math.max(d[i], d[i+1], d[i+2]);"
                + "   const lo = Math.min(d[i], d[i+1], d[i+2]); if (d[i+3] > 60 && hi - lo > 40) n++; } return n;", css)).longValue();
    }

    private void hoverPlot(String css, int experiment) {
        WebElement canvas = browser.driver().findElement(By.cssSelector(css + " canvas"));
        @SuppressWarnings("unchecked")
        Map<String, Number> p = (Map<String, Number>) browser.js("return document.querySelector(arguments[0]).toraPlot"
                + ".positionOf(arguments[1]);", css, experiment);
        int dx = (int) Math.round(p.get("x").doubleValue() - canvas.getSize().getWidth() / 2.0);
        int dy = (int) Math.round(p.get("y").doubleValue() - canvas.getSize().getHeight() / 2.0);
        new Actions(browser.driver()).moveToElement(canvas, dx, dy).perform();
    }

    private void clickPlot(String css, int experiment) {
        hoverPlot(css, experiment);
        new Actions(browser.driver()).click().perform();
    }
}
