package dev.tora.core.application.plugin;

import dev.tora.core.application.system.Version;
import dev.tora.core.config.DataDirectory;
import dev.tora.core.infrastructure.plugin.PluginCatalog;
import dev.tora.core.infrastructure.plugin.PluginFailure;
import dev.tora.core.infrastructure.plugin.PluginLoader;
import dev.tora.plugins.spi.PluginContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The plugins of this server: the built-ins of the EAR's lib/ and every sub-folder of
 * TORA_PLUGINS_DIR, loaded once at start-up. A plugin that fails is logged and listed, and the
 * server runs on without it.
 */
@ApplicationScoped
public class PluginRegistry {

    private static final System.Logger LOG = System.getLogger(PluginRegistry.class.getName());

    private PluginCatalog catalog;
    private Path folder;

    @PostConstruct
    void load() {
        folder = DataDirectory.plugins();
        catalog = new PluginLoader().load(folder, PluginRegistry.class.getClassLoader());
        LOG.log(System.Logger.Level.INFO, "plugins: {0} loaded, {1} export formats, {2} failures (folder {3})",
                catalog.plugins().size(), catalog.exporters().size(), catalog.failures().size(), folder);
        for (PluginFailure f : catalog.failures()) {
            LOG.log(System.Logger.Level.WARNING, "plugin not loaded: {0}", f.message());
        }
    }

    @PreDestroy
    void close() {
        catalog.close();
    }

    /** What loaded and what failed. */
    public PluginCatalog catalog() {
        return catalog;
    }

    /** The folder external plugins are read from. */
    public Path folder() {
        return folder;
    }

    /** Settings for one plugin component: the keys {@code tora.plugins.<name>.*}, prefix removed. */
    public Map<String, String> settingsOf(String name) {
        String prefix = "tora.plugins." + name + ".";
        Map<String, String> out = new TreeMap<>();
        Config config = ConfigProvider.getConfig();
        for (String key : config.getPropertyNames()) {
            if (key.startsWith(prefix)) {
                config.getOptionalValue(key, String.class).ifPresent(v -> out.put(key.substring(prefix.length()), v));
            }
        }
        return out;
    }

    /** The host services handed to a plugin. */
    public PluginContext contextFor(String pluginName) {
        System.Logger logger = System.getLogger("tora.plugin." + pluginName);
        return new PluginContext() {
            @Override
            public String hostVersion() {
                return Version.current();
            }

            @Override
            public System.Logger logger() {
                return logger;
            }
        };
    }
}
