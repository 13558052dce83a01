package dev.tora.api.experiments;

import static dev.tora.core.domain.json.JsonP.JSON;

import dev.tora.api.http.JsonOut;
import dev.tora.api.metrics.SummaryJson;
import dev.tora.core.application.experiment.ExperimentDetails;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/** JSON of an experiment. */
final class ExperimentJson {

    private ExperimentJson() {
    }

    static JsonObject of(ExperimentDetails e, String url) {
        JsonObjectBuilder params = JSON.createObjectBuilder();
        for (Map.Entry<String, Object> p : e.hyperparams().entrySet()) {
            params.add(p.getKey(), JsonOut.scalar(p.getValue()));
        }
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("id", e.id())
                .add("workspace_id", e.workspaceId())
                .add("name", e.name());
        JsonOut.nullable(b, "description", e.description());
        return b.add("status", e.status().id())
                .add("visibility", e.visibility().id())
                .add("tags", JsonOut.strings(e.tags()))
                .add("hyperparams", params)
                .add("metadata", e.metadata())
                .add("references", JsonOut.strings(e.references()))
                .add("referenced_by", JsonOut.strings(e.referencedBy()))
                .add("created_at", JsonOut.instant(e.createdAt()))
                .add("updated_at", JsonOut.instant(e.updatedAt()))
                .add("ended_at", JsonOut.instant(e.endedAt()))
                .add("url", url)
                .add("metrics", SummaryJson.list(e.metrics()))
                .build();
    }
}
