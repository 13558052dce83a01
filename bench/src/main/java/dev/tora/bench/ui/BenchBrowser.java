package dev.tora.bench.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium at 1280x720 for the UI benchmarks, and how they wait and report. */
final class BenchBrowser {

    static {
        // Selenium logs its own version warnings through JUL; the RESULT lines are what matter here
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
    }

    private BenchBrowser() {
    }

    /** A browser with a fresh profile in {@code profile}. */
    static ChromeDriver open(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("tora.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,720", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("tora.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Polls the page until {@code condition} (a script returning a boolean) holds. */
    static void await(JavascriptExecutor js, String condition, int seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!Boolean.TRUE.equals(js.executeScript(condition))) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out waiting for: " + condition);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The machine's load average, printed with the figures. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException unavailable) {
            return "unknown";
        }
    }

    /** Prints one RESULT line: median and max of {@code ms}, and the target when there is one. */
    static void result(String what, List<Double> ms, double target) {
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "RESULT %s: median %.0f ms, max %.0f ms over %d rounds%s%n", what,
                sorted[sorted.length / 2], sorted[sorted.length - 1], sorted.length,
                target > 0 ? String.format(Locale.ROOT, " (target %.0f ms)", target) : "");
    }
}
