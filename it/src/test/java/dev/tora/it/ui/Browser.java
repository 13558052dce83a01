package dev.tora.it.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, pointed at the server under test.
 * One per test class; every wait polls against a deadline.
 */
public final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** How often waits look again (WebDriverWait's default, 500 ms, would cost most tests seconds). */
    private static final Duration POLL = Duration.ofMillis(50);

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;
    private final Path downloads;

    private Browser(ChromeDriver driver, String base, Path profile, Path downloads) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
        this.downloads = downloads;
    }

    /** A fresh browser (empty profile) at 1280x720 for the Arquillian-managed server. */
    public static Browser open() {
        String base = "http://127.0.0.1:" + System.getProperty("tora.it.httpPort", "24880");
        try {
            Path profile = Files.createTempDirectory("tora-chromium-");
            Path downloads = Files.createTempDirectory("tora-chromium-downloads-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("tora.it.chromium", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=1280,720", "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("tora.it.chromedriver", "/usr/bin/chromedriver")))
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, base, profile, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's root URL, without a trailing slash. */
    public String base() {
        return base;
    }

    /** The driver, for what this class does not wrap. */
    public WebDriver driver() {
        return driver;
    }

    /** Opens {@code path} (starting with /) and waits for the page and its first ajax to settle. */
    public Browser go(String path) {
        driver.get(base + path);
        settle();
        return this;
    }

    /** Reloads the page. */
    public Browser reload() {
        driver.navigate().refresh();
        settle();
        return this;
    }

    /** The element, once present and visible. */
    public WebElement visible(By by) {
        return new WebDriverWait(driver, WAIT, POLL).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The element with this id, once visible. */
    public WebElement id(String id) {
        return visible(By.id(id));
    }

    /** Every element matching, now. */
    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Waits until {@code condition} holds (non-null and not false) and returns its value. */
    public <T> T until(Function<WebDriver, T> condition) {
        // a condition that reads an element PrimeFaces re-renders meanwhile is simply asked again
        return new WebDriverWait(driver, WAIT, POLL).ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    /** Runs JavaScript in the page (with arguments[...]) and returns what it returns. */
    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs an asynchronous script whose last argument is the callback. */
    public Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Polls until {@code condition} holds, failing with {@code what} after {@code timeout}. */
    public static void await(Supplier<Boolean> condition, Duration timeout, Supplier<String> what) {
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

    /** Waits for a completely downloaded file whose name ends with {@code suffix} and returns it. */
    public Path download(String suffix, Duration timeout) {
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
        }, timeout, () -> "a downloaded *" + suffix);
        return found[0];
    }

    /** Removes earlier downloads. */
    public void clearDownloads() {
        try (Stream<Path> files = Files.list(downloads)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scrolls the element to the middle of the window, clicks, then waits for PrimeFaces' ajax queue to drain. */
    public void click(By by) {
        WebElement e = new WebDriverWait(driver, WAIT, POLL).until(ExpectedConditions.elementToBeClickable(by));
        js("arguments[0].scrollIntoView({block: 'center'});", e);
        e.click();
        settle();
    }

    /** Waits for the document and every PrimeFaces/jQuery request to finish. */
    public void settle() {
        until(d -> Boolean.TRUE.equals(js("return document.readyState === 'complete'"
                + " && (!window.jQuery || jQuery.active === 0)"
                + " && (!window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty());")));
    }

    /** Saves a screenshot as {@code <name>.png} in the screenshots folder. */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of(System.getProperty("tora.it.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            Path target = dir.resolve(name + ".png");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the theme the way the toggle stores it, then reloads. */
    public void theme(String lightOrDark) {
        js("localStorage.setItem('tora.theme', arguments[0]);", lightOrDark);
        reload();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
            deleteQuietly(downloads);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp profile is harmless
        }
    }
}
