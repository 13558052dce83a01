package dev.tora.core.application.experiment;

import dev.tora.core.domain.experiment.ExperimentStatus;
import dev.tora.core.domain.experiment.Visibility;
import dev.tora.core.domain.metric.SeriesSummary;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/** Everything shown about one experiment. Hyperparameter values are String, Long, Double, Boolean or null. */
public record ExperimentDetails(String id, String workspaceId, String name, String description,
                                ExperimentStatus status, Visibility visibility, List<String> tags,
                                Map<String, Object> hyperparams, JsonObject metadata, List<String> references,
                                List<String> referencedBy, long createdAt, long updatedAt, Long endedAt,
                                List<SeriesSummary> metrics) {
}
