package dev.tora.core.application.plugin;

import dev.tora.core.application.security.Caller;
import dev.tora.core.infrastructure.plugin.PluginDescription;
import dev.tora.core.infrastructure.plugin.PluginFailure;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;

/**
 * The list of plugins, for any signed-in caller. Paths are shown relative to the plugins folder so
 * the server's file layout is not revealed; the server log has the full paths.
 */
@Stateless
public class PluginService {

    @Inject
    private PluginRegistry registry;

    /** What is loaded (one row per component) and what failed. */
    public Listing list(Caller caller) {
        Objects.requireNonNull(caller, "plugins are listed for signed-in callers only");
        String folder = registry.folder().toString();
        List<PluginDescription> loaded = registry.catalog().describe().stream()
                .map(d -> new PluginDescription(d.kind(), d.name(), d.plugin(), d.version(), relative(d.source(), folder)))
                .toList();
        List<PluginFailure> failures = registry.catalog().failures().stream()
                .map(f -> new PluginFailure(relative(f.source(), folder), relative(f.message(), folder)))
                .toList();
        return new Listing(loaded, failures);
    }

    private static String relative(String text, String folder) {
        return text.replace(folder + java.io.File.separator, "").replace(folder, ".");
    }

    /** Loaded components and failures. */
    public record Listing(List<PluginDescription> loaded, List<PluginFailure> failures) {
    }
}
