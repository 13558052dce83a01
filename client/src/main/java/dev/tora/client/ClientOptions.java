package dev.tora.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of a {@link ToraClient}, immutable once built. Each comes from the builder, else
 * (after {@link ToraClient.Builder#fromEnv()}) from a {@code TORA_*} variable, else a default,
 * the same as the Python client's:
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>Builder</th><th>Variable</th><th>Default</th></tr>
 * <tr><td>serverUrl</td><td>TORA_BASE_URL</td><td>http://localhost:8080/api</td></tr>
 * <tr><td>apiKey</td><td>TORA_API_KEY</td><td>none</td></tr>
 * <tr><td>spoolDir</td><td>TORA_SPOOL_DIR</td><td>~/.tora/spool</td></tr>
 * <tr><td>shutdownTimeout</td><td>TORA_SHUTDOWN_TIMEOUT (seconds)</td><td>30 s</td></tr>
 * <tr><td>spoolGrace</td><td>TORA_SPOOL_GRACE (seconds)</td><td>10 s</td></tr>
 * <tr><td>maxBuffered</td><td>TORA_MAX_BUFFERED</td><td>1,000,000 points</td></tr>
 * <tr><td>requestTimeout</td><td>TORA_REQUEST_TIMEOUT (seconds)</td><td>30 s</td></tr>
 * <tr><td>flushInterval</td><td></td><td>1 s</td></tr>
 * <tr><td>maxBufferLen</td><td></td><td>25 points</td></tr>
 * </table>
 */
public final class ClientOptions {

    /** The server's API when nothing else is said. */
    public static final String DEFAULT_SERVER_URL = "http://localhost:8080/api";

    private final String serverUrl;
    private final String apiKey;
    private final Path spoolDir;
    private final Duration shutdownTimeout;
    private final Duration spoolGrace;
    private final long maxBuffered;
    private final Duration requestTimeout;
    private final Duration flushInterval;
    private final int maxBufferLen;
    private final boolean printUrl;
    private final Clock clock;
    private final Sleeper sleeper;

    ClientOptions(String serverUrl, String apiKey, Path spoolDir, Duration shutdownTimeout, Duration spoolGrace,
                  long maxBuffered, Duration requestTimeout, Duration flushInterval, int maxBufferLen,
                  boolean printUrl, Clock clock, Sleeper sleeper) {
        this.serverUrl = normalizeUrl(serverUrl);
        if (apiKey != null && apiKey.isBlank()) {
            throw new ToraConfigurationException("the API key must not be blank");
        }
        this.apiKey = apiKey;
        this.spoolDir = Objects.requireNonNull(spoolDir, "spoolDir");
        this.shutdownTimeout = atLeast(shutdownTimeout, Duration.ZERO, "shutdownTimeout");
        this.spoolGrace = atLeast(spoolGrace, Duration.ZERO, "spoolGrace");
        if (maxBuffered < 1000) {
            throw new IllegalArgumentException("maxBuffered must be at least 1000 points, got " + maxBuffered);
        }
        this.maxBuffered = maxBuffered;
        this.requestTimeout = atLeast(requestTimeout, Duration.ofMillis(100), "requestTimeout");
        this.flushInterval = atLeast(flushInterval, Duration.ofMillis(1), "flushInterval");
        if (flushInterval.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("flushInterval must be at most 1 hour, got " + flushInterval);
        }
        if (maxBufferLen < 1 || maxBufferLen > 10_000_000) {
            throw new IllegalArgumentException("maxBufferLen must be between 1 and 10,000,000, got " + maxBufferLen);
        }
        this.maxBufferLen = maxBufferLen;
        this.printUrl = printUrl;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** The API's base URL, without a trailing slash, such as {@code http://localhost:8080/api}. */
    public String serverUrl() {
        return serverUrl;
    }

    /** The API key sent as {@code x-api-key}, or null. */
    public String apiKey() {
        return apiKey;
    }

    /** Where undelivered requests wait. */
    public Path spoolDir() {
        return spoolDir;
    }

    /** How long {@code close()} and the exit hook wait for delivery before spooling the rest. */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /** How long the server may be unreachable before requests go to the spool. */
    public Duration spoolGrace() {
        return spoolGrace;
    }

    /** Points a run keeps in memory at most; more go to the spool. */
    public long maxBuffered() {
        return maxBuffered;
    }

    /** How long one HTTP request may take. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** How often the sender sends what is buffered, however little. */
    public Duration flushInterval() {
        return flushInterval;
    }

    /** How many buffered points make the sender send at once. */
    public int maxBufferLen() {
        return maxBufferLen;
    }

    /** Whether creating an experiment prints its URL. */
    public boolean printUrl() {
        return printUrl;
    }

    /** The clock. */
    public Clock clock() {
        return clock;
    }

    /** How blocking retries wait. */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** The command that sends this client's spool, for messages. */
    public String syncCommand() {
        return spoolDir.equals(defaultSpoolDir()) ? "java -jar tora-client.jar sync"
                : "java -jar tora-client.jar sync --spool " + spoolDir;
    }

    /** {@code ~/.tora/spool}. */
    public static Path defaultSpoolDir() {
        return Path.of(System.getProperty("user.home"), ".tora", "spool");
    }

    /** The spool directory: {@code override}, else {@code TORA_SPOOL_DIR}, else {@code ~/.tora/spool}. */
    public static Path spoolDir(String override, Map<String, String> env) {
        String raw = override != null && !override.isBlank() ? override : env.get("TORA_SPOOL_DIR");
        if (raw == null || raw.isBlank()) {
            return defaultSpoolDir();
        }
        if (raw.startsWith("~/") || raw.equals("~")) {
            raw = System.getProperty("user.home") + raw.substring(1);
        }
        return Path.of(raw);
    }

    /** The base URL without a trailing slash; only http and https with a host are accepted. */
    public static String normalizeUrl(String url) {
        if (url == null) {
            throw new ToraConfigurationException("the server URL must not be null");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new ToraConfigurationException("the server URL is not a URL (" + e.getMessage() + "): " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new ToraConfigurationException("the server URL must look like http://host:port/api (from the builder"
                    + " or TORA_BASE_URL), got " + url);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return scheme + "://" + uri.getRawAuthority() + path;
    }

    /** The experiment's page as the server names it: the API URL without {@code /api}. */
    public String experimentPage(String experimentId) {
        String base = serverUrl.endsWith("/api") ? serverUrl.substring(0, serverUrl.length() - 4) : serverUrl;
        return base + "/experiments/" + experimentId;
    }

    private static Duration atLeast(Duration d, Duration min, String what) {
        Objects.requireNonNull(d, what);
        if (d.compareTo(min) < 0) {
            throw new IllegalArgumentException(what + " must be at least " + min + ", got " + d);
        }
        return d;
    }

    @Override
    public String toString() {
        return "ClientOptions[serverUrl=" + serverUrl + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", spoolDir=" + spoolDir + ", shutdownTimeout=" + shutdownTimeout + ", spoolGrace=" + spoolGrace
                + ", maxBuffered=" + maxBuffered + ", requestTimeout=" + requestTimeout + ", flushInterval="
                + flushInterval + ", maxBufferLen=" + maxBufferLen + "]";
    }
}
