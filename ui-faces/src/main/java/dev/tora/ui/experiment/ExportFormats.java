package dev.tora.ui.experiment;

import dev.tora.core.application.plugin.PluginService;
import dev.tora.ui.frame.UiCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The export formats the loaded exporter plugins offer, for the experiment page's export menu. */
@Named
@RequestScoped
public class ExportFormats {

    @Inject
    private PluginService plugins;

    @Inject
    private UiCaller caller;

    private List<String> formats;

    /** Format names, sorted. */
    public List<String> getAll() {
        if (formats == null) {
            formats = caller.get().map(c -> plugins.list(c).loaded().stream()
                    .filter(d -> d.kind().equals("exporter")).map(d -> d.name()).sorted().toList()).orElse(List.of());
        }
        return formats;
    }
}
