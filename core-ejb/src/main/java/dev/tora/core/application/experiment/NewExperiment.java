package dev.tora.core.application.experiment;

import dev.tora.core.domain.experiment.ParamValue;
import dev.tora.core.domain.experiment.Visibility;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * What a caller asks to create. Optional parts are null or empty; the service validates every
 * field and names the one at fault.
 *
 * @param id           the client's own UUID (null: the server picks one)
 * @param workspaceId  null: the default workspace
 * @param hyperparams  already flat (see {@code Hyperparams.flatten})
 */
public record NewExperiment(String id, String workspaceId, String name, String description,
                            Map<String, ParamValue> hyperparams, List<String> tags, JsonObject metadata,
                            List<String> references, Visibility visibility) {
}
