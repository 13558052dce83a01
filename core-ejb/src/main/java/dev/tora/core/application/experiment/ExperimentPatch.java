package dev.tora.core.application.experiment;

import dev.tora.core.domain.experiment.ExperimentStatus;
import dev.tora.core.domain.experiment.ParamValue;
import dev.tora.core.domain.experiment.Visibility;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A partial update: only the parts present change. Hyperparameters merge key by key; metadata
 * merges as a JSON Merge Patch (RFC 7396: a null member removes the key, a null document clears
 * it); tags replace the list. {@code description} present but empty-optional clears it.
 */
public record ExperimentPatch(Optional<String> name, Optional<Optional<String>> description,
                              Optional<ExperimentStatus> status, Optional<Visibility> visibility,
                              Optional<List<String>> tags, Optional<Map<String, ParamValue>> hyperparams,
                              Optional<JsonValue> metadata) {

    /** Whether nothing would change. */
    public boolean isEmpty() {
        return name.isEmpty() && description.isEmpty() && status.isEmpty() && visibility.isEmpty()
                && tags.isEmpty() && hyperparams.isEmpty() && metadata.isEmpty();
    }
}
