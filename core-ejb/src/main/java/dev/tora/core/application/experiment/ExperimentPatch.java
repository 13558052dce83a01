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

    /** A patch that changes nothing; the {@code with...} methods build on it. */
    public static final ExperimentPatch NONE = new ExperimentPatch(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** This patch, also renaming. */
    public ExperimentPatch withName(String value) {
        return new ExperimentPatch(Optional.of(value), description, status, visibility, tags, hyperparams, metadata);
    }

    /** This patch, also setting (or, with null, clearing) the description. */
    public ExperimentPatch withDescription(String value) {
        return new ExperimentPatch(name, Optional.of(Optional.ofNullable(value)), status, visibility, tags, hyperparams,
                metadata);
    }

    /** This patch, also changing the status. */
    public ExperimentPatch withStatus(ExperimentStatus value) {
        return new ExperimentPatch(name, description, Optional.of(value), visibility, tags, hyperparams, metadata);
    }

    /** This patch, also changing the visibility. */
    public ExperimentPatch withVisibility(Visibility value) {
        return new ExperimentPatch(name, description, status, Optional.of(value), tags, hyperparams, metadata);
    }

    /** This patch, also replacing the tags. */
    public ExperimentPatch withTags(List<String> value) {
        return new ExperimentPatch(name, description, status, visibility, Optional.of(value), hyperparams, metadata);
    }

    /** Whether nothing would change. */
    public boolean isEmpty() {
        return name.isEmpty() && description.isEmpty() && status.isEmpty() && visibility.isEmpty()
                && tags.isEmpty() && hyperparams.isEmpty() && metadata.isEmpty();
    }
}
