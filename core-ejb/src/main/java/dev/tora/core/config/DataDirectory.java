package dev.tora.core.config;

import java.nio.file.Path;

/** Paths inside {@code TORA_DATA_DIR}. */
public final class DataDirectory {

    private DataDirectory() {
    }

    /** The data directory as an absolute path. */
    public static Path root() {
        return Path.of(Setting.DATA_DIR.require()).toAbsolutePath().normalize();
    }

    /** Where the embedded H2 database files live. */
    public static Path database() {
        return root().resolve("db");
    }

    /** The plugins folder: {@code TORA_PLUGINS_DIR} or {@code <data dir>/plugins}. */
    public static Path plugins() {
        return Setting.PLUGINS_DIR.value().map(p -> Path.of(p).toAbsolutePath().normalize())
                .orElseGet(() -> root().resolve("plugins"));
    }
}
