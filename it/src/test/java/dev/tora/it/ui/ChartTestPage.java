package dev.tora.it.ui;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** What the chart tests read from and do to a page with a chart grid. */
final class ChartTestPage {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final Browser browser;

    ChartTestPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the experiment page and waits until the grid exists. */
    void openExperiment(String id) {
        browser.go("/experiments/" + id);
        Browser.await(() -> (Boolean) browser.js("return !!(document.querySelector('.tora-chart-grid')"
                + " && document.querySelector('.tora-chart-grid').toraGrid)"), WAIT, () -> "the chart grid of " + id);
        browser.js("performance.setResourceTimingBufferSize(100000)");
    }

    String attr(String chart, String name) {
        return (String) browser.js("const c = document.querySelector('[data-chart-key=\"' + arguments[0] + '\"]');"
                + " return c ? c.getAttribute(arguments[1]) : null;", chart, name);
    }

    /** Waits until the chart is drawn and no request of it is in flight. */
    void awaitDrawn(String chart) {
        Browser.await(() -> "drawn".equals(attr(chart, "data-chart-state")) && "false".equals(attr(chart, "data-loading")),
                WAIT, () -> chart + " drawn; state " + attr(chart, "data-chart-state") + ", error "
                        + browser.js("const c = document.querySelector('[data-chart-key=\"' + arguments[0] + '\"] .tora-chart-msg');"
                        + " return c ? c.textContent : '';", chart));
    }

    int draws(String chart) {
        String d = attr(chart, "data-draws");
        return d == null ? 0 : Integer.parseInt(d);
    }

    /** Waits for a draw after the given count, with the chart idle again. */
    void awaitDrawAfter(String chart, int draws) {
        Browser.await(() -> draws(chart) > draws && "false".equals(attr(chart, "data-loading"))
                && "drawn".equals(attr(chart, "data-chart-state")), WAIT, () -> chart + " redrawn after draw " + draws);
    }

    /** Coloured (not grey, not blank) pixels inside the plotting area of a chart's canvas. */
    long seriesPixels(String chart) {
        return ((Number) browser.js("const u = document.querySelector('.tora-chart-grid').toraGrid.charts.get(arguments[0]).u;"
                + " const b = u.bbox; const d = u.ctx.getImageData(b.left, b.top, b.width, b.height).data; let n = 0;"
                + " for (let i = 0; i < d.length; i += 4) { const hi = Math.max(d[i], d[i+1], d[i+2]);"
                + "   const lo = Math.min(d[i], d[i+1], d[i+2]); if (d[i+3] > 60 && hi - lo > 50) n++; }"
                + " return n;", chart)).longValue();
    }

    /** An expression's value evaluated with c = the chart object, u = its uPlot, g = the grid. */
    Object chartJs(String chart, String expression) {
        return browser.js("const g = document.querySelector('.tora-chart-grid').toraGrid; const c = g.charts.get(arguments[0]);"
                + " const u = c && c.u; return (" + expression + ");", chart);
    }

    /** URLs of the resources the page fetched whose URL contains part. */
    @SuppressWarnings("unchecked")
    List<String> requests(String part) {
        return (List<String>) browser.js("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(n => n.includes(arguments[0]));", part);
    }

    void clearRequests() {
        browser.js("performance.clearResourceTimings()");
    }

    /** Drags across the chart's plotting area from fraction a to fraction b of its width. */
    void drag(String chart, double a, double b) {
        WebElement over = over(chart);
        int w = over.getSize().getWidth();
        int h = over.getSize().getHeight();
        int start = (int) Math.round(a * w);
        int end = (int) Math.round(b * w);
        int half = (end - start) / 2;
        new Actions(browser.driver()).moveToElement(over, start - w / 2, (int) (-0.3 * h))
                .clickAndHold().moveByOffset(half, 0).moveByOffset(end - start - half, 0)
                .release().perform();
    }

    void doubleClick(String chart) {
        new Actions(browser.driver()).doubleClick(over(chart)).perform();
    }

    WebElement over(String chart) {
        return browser.driver().findElement(By.cssSelector("[data-chart-key=\"" + chart + "\"] .u-over"));
    }

    WebElement control(String name) {
        return browser.driver().findElement(By.cssSelector(".tora-chart-toolbar [data-control=\"" + name + "\"]"));
    }

    WebElement action(String chart, String name) {
        return browser.driver().findElement(By.cssSelector("[data-chart-key=\"" + chart + "\"] [data-action=\"" + name + "\"]"));
    }

    /** The draw timings recorded for a chart: [{reason, start, end, mode, points}]. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> timings(String chart) {
        return (List<Map<String, Object>>) browser.js("return Tora.charts.timings.filter(t => t.chart === arguments[0]);", chart);
    }
}
