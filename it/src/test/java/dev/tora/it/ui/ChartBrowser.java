package dev.tora.it.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven through Debian's chromedriver, at 1280x720, with a fresh profile
 * and a download folder of its own. Paths can be overridden with {@code -Dtora.it.chromium} and
 * {@code -Dtora.it.chromedriver}.
 */
final class ChartBrowser implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;
    private final String base;

    private ChartBrowser(ChromeDriver driver, Path profile, Path downloads, String base) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
        this.base = base;
    }

    /** A browser for the UI of the Arquillian-managed server. */
    static ChartBrowser start() {
        String base = "http://127.0.0.1:" + System.getProperty("tora.it.httpPort", "24880");
        try {
            Path profile = Files.createTempDirectory("tora-chromium-profile");
            Path downloads = Files.createTempDirectory("tora-chromium-downloads");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("tora.it.chromium", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1280,720", "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of(
                    "download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("tora.it.chromedriver", "/usr/bin/chromedriver")))
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new ChartBrowser(driver, profile, downloads, base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a path of the UI (starting with /). */
    void open(String path) {
        driver.get(base + path);
    }

    /** The UI's origin, e.g. http://127.0.0.1:24880. */
    String base() {
        return base;
    }

    /** Runs script (with arguments[...]) in the page and returns what it returns. */
    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs an async script whose last argument is the callback. */
    Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Polls until condition holds, failing with what() after timeout. */
    static void await(Supplier<Boolean> condition, Duration timeout, Supplier<String> what) {
        Instant end = Instant.now().plus(timeout);
        while (true) {
            Boolean ok;
            try {
                ok = condition.get();
            } catch (RuntimeException notYet) {
                ok = false;
            }
            if (Boolean.TRUE.equals(ok)) {
                return;
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s: " + what.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    /** Waits for a completely downloaded file whose name ends with suffix and returns it. */
    Path download(String suffix, Duration timeout) {
        Path[] found = new Path[1];
        await(() -> {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> done = files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
                if (done.isEmpty()) {
                    return false;
                }
                found[0] = done.get(0);
                return Files.size(found[0]) > 0;
            } catch (IOException e) {
                return false;
            }
        }, timeout, () -> "a downloaded *" + suffix + " in " + downloads.getFileName());
        return found[0];
    }

    /** Saves what the browser shows as ui-faces/target/screenshots/NAME.png (for people to look at). */
    void screenshot(String name) {
        Path dir = Path.of(System.getProperty("tora.it.root", ".."), "ui-faces", "target", "screenshots");
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes earlier downloads. */
    void clearDownloads() {
        try (Stream<Path> files = Files.list(downloads)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
            delete(downloads);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind
        }
    }
}
