package dev.tora.client;

import dev.tora.client.internal.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment as the server had it when it was read: id, name, workspace, status, description,
 * tags, flat hyperparameters (values are {@code Long}, {@code Double}, {@code String},
 * {@code Boolean} or null), metadata, references and the URL of its page.
 */
public record Experiment(String id, String name, String workspaceId, String status, String description,
                         List<String> tags, Map<String, Object> hyperparams, Map<String, Object> metadata,
                         List<String> references, String url) {

    /** Copies the collections, so an {@code Experiment} is immutable. */
    public Experiment {
        tags = List.copyOf(tags);
        hyperparams = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hyperparams));
        metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        references = List.copyOf(references);
    }

    static Experiment of(Map<String, Object> data) {
        Map<String, Object> params = Json.object(data, "hyperparams");
        Map<String, Object> metadata = Json.object(data, "metadata");
        return new Experiment(Json.string(data, "id"), Json.string(data, "name"), Json.string(data, "workspace_id"),
                Json.string(data, "status"), Json.string(data, "description"), strings(data, "tags"),
                params == null ? Map.of() : params, metadata == null ? Map.of() : metadata,
                strings(data, "references"), Json.string(data, "url"));
    }

    private static List<String> strings(Map<String, Object> data, String key) {
        List<String> out = new ArrayList<>();
        List<Object> items = Json.list(data, key);
        if (items != null) {
            for (Object o : items) {
                out.add(String.valueOf(o));
            }
        }
        return out;
    }
}
