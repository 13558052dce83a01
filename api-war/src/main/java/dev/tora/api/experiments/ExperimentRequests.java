package dev.tora.api.experiments;

import dev.tora.api.http.Fields;
import dev.tora.core.application.experiment.ExperimentPatch;
import dev.tora.core.application.experiment.NewExperiment;
import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.experiment.ExperimentStatus;
import dev.tora.core.domain.experiment.Hyperparams;
import dev.tora.core.domain.experiment.Visibility;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.Set;

/** Converts experiment request bodies into core requests, naming the field at fault. */
final class ExperimentRequests {

    private static final Set<String> CREATE_FIELDS = Set.of("name", "id", "workspaceId", "workspace_id",
            "description", "hyperparams", "tags", "metadata", "references", "visibility");
    private static final Set<String> PATCH_FIELDS = Set.of("name", "description", "status", "visibility", "tags",
            "hyperparams", "metadata");

    private ExperimentRequests() {
    }

    static NewExperiment create(JsonObject body) {
        Fields.onlyKnown(body, CREATE_FIELDS);
        String workspace = Fields.string(body, "workspaceId").or(() -> Fields.string(body, "workspace_id"))
                .orElse(null);
        return new NewExperiment(
                Fields.string(body, "id").orElse(null),
                workspace,
                Fields.string(body, "name").orElseThrow(() -> ToraException.invalidField("name", "is required")),
                Fields.string(body, "description").orElse(null),
                Hyperparams.flatten(body.get("hyperparams"), "hyperparams"),
                Fields.strings(body, "tags").orElse(null),
                Fields.object(body, "metadata").orElse(null),
                Fields.strings(body, "references").orElse(null),
                Fields.string(body, "visibility").map(v -> Visibility.parse(v, "visibility")).orElse(null));
    }

    static ExperimentPatch patch(JsonObject body) {
        Fields.onlyKnown(body, PATCH_FIELDS);
        for (String required : new String[] {"name", "status", "visibility", "hyperparams"}) {
            if (isNull(body, required)) {
                throw ToraException.invalidField(required, "cannot be null");
            }
        }
        return new ExperimentPatch(
                Fields.string(body, "name"),
                Fields.present(body, "description") ? Optional.of(Fields.string(body, "description")) : Optional.empty(),
                Fields.string(body, "status").map(s -> ExperimentStatus.parse(s, "status")),
                Fields.string(body, "visibility").map(v -> Visibility.parse(v, "visibility")),
                isNull(body, "tags") ? Optional.of(java.util.List.of()) : Fields.strings(body, "tags"),
                Fields.present(body, "hyperparams")
                        ? Optional.of(Hyperparams.flatten(body.get("hyperparams"), "hyperparams")) : Optional.empty(),
                isNull(body, "metadata") ? Optional.of(JsonValue.NULL) : Fields.raw(body, "metadata").map(m -> {
                    if (m.getValueType() != JsonValue.ValueType.OBJECT) {
                        throw ToraException.invalidField("metadata", "must be a JSON object or null");
                    }
                    return m;
                }));
    }

    private static boolean isNull(JsonObject body, String name) {
        return body.containsKey(name) && body.get(name).getValueType() == JsonValue.ValueType.NULL;
    }
}
