package dev.tora.core.application.plugin;

import dev.tora.core.application.security.Caller;
import dev.tora.core.infrastructure.plugin.PluginDescription;
import dev.tora.core.infrastructure.plugin.PluginFailure;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;

/** The list of plugins, for any signed-in caller. */
@Stateless
public class PluginService {

    @Inject
    private PluginRegistry registry;

    /** What is loaded (one row per component) and what failed. */
    public Listing list(Caller caller) {
        Objects.requireNonNull(caller, "plugins are listed for signed-in callers only");
        return new Listing(registry.catalog().describe(), registry.catalog().failures());
    }

    /** Loaded components and failures. */
    public record Listing(List<PluginDescription> loaded, List<PluginFailure> failures) {
    }
}
