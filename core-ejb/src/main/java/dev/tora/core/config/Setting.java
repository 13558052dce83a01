package dev.tora.core.config;

import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every configuration key Tora reads, declared once.
 *
 * <p>Keys are MicroProfile Config property names; MicroProfile maps each to the environment
 * variable in upper case with underscores ({@code tora.data.dir} is {@code TORA_DATA_DIR}), so
 * system properties, environment variables and any other config source all work.
 */
public enum Setting {
    /** Where the embedded database, plugins and generated secrets live. */
    DATA_DIR("tora.data.dir", "./.tora"),
    /** HTTP port the start script binds. */
    PORT("tora.port", "8080"),
    /** Address the start script binds; auth may only be off on loopback. */
    HOST("tora.host", "127.0.0.1"),
    /** JDBC URL of PostgreSQL; unset means the embedded H2 file in the data dir. */
    DATABASE_URL("tora.database.url", null),
    /** Database user for {@link #DATABASE_URL}. */
    DATABASE_USER("tora.database.user", null),
    /** Database password for {@link #DATABASE_URL}. */
    DATABASE_PASSWORD("tora.database.password", null),
    /** {@code none} (loopback only) or {@code required}. */
    AUTH("tora.auth", "none"),
    /** Folder of third-party plugins, one sub-folder each; default {@code <data dir>/plugins}. */
    PLUGINS_DIR("tora.plugins.dir", null),
    /** Base URL that links to the UI are built on; default {@code http://<host>:<port>}. */
    PUBLIC_URL("tora.public.url", null),
    /** Seconds between heartbeat comments on live event streams. */
    EVENTS_HEARTBEAT("tora.events.heartbeat", "15");

    private static volatile Function<String, Optional<String>> source = Setting::fromMicroProfile;

    private final String key;
    private final String defaultValue;

    Setting(String key, String defaultValue) {
        this.key = key;
        this.defaultValue = defaultValue;
    }

    /** The MicroProfile Config property name. */
    public String key() {
        return key;
    }

    /** The environment variable that sets this key. */
    public String envName() {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }

    /** The configured value, or the default when there is one. */
    public Optional<String> value() {
        Optional<String> configured = source.apply(key).map(String::trim).filter(s -> !s.isEmpty());
        return configured.isPresent() ? configured : Optional.ofNullable(defaultValue);
    }

    /** The value, which must exist (the key has a default or is set). */
    public String require() {
        return value().orElseThrow(() -> new IllegalStateException(envName() + " is not set"));
    }

    /**
     * Replaces where values come from; for unit tests outside the container. Returns the previous
     * source so a test can put it back.
     */
    public static Function<String, Optional<String>> useSource(Function<String, Optional<String>> newSource) {
        Function<String, Optional<String>> previous = source;
        source = newSource;
        return previous;
    }

    private static Optional<String> fromMicroProfile(String key) {
        try {
            return ConfigProvider.getConfig().getOptionalValue(key, String.class);
        } catch (IllegalStateException noConfigHere) {
            // Outside a MicroProfile runtime (a JDBC pool thread, a plain JVM): read the environment
            // and system properties the way MicroProfile would.
            String env = System.getenv(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
            return Optional.ofNullable(System.getProperty(key, env));
        }
    }
}
