package dev.tora.it.ui;

import dev.tora.it.Api;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;

/** Data the browser tests start from, written through the real API. */
final class UiSeed {

    private UiSeed() {
    }

    /** A create body with tags, hyperparameters and metadata (both JSON object texts). */
    static JsonObject experiment(String name, List<String> tags, String hyperparams, String metadata) {
        JsonArrayBuilder tagArray = Json.createArrayBuilder();
        tags.forEach(tagArray::add);
        return Json.createObjectBuilder().add("name", name).add("tags", tagArray)
                .add("hyperparams", parse(hyperparams)).add("metadata", parse(metadata)).build();
    }

    /** A create body for an experiment that derives from {@code baseId}. */
    static JsonObject experimentReferencing(String name, String baseId) {
        return Json.createObjectBuilder().add("name", name).add("references", Json.createArrayBuilder().add(baseId)).build();
    }

    /** Logs a decaying curve of {@code points} points (steps 0..points-1) to {@code metric}. */
    static void curve(Api api, String experimentId, String metric, int points) {
        JsonArrayBuilder steps = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        for (int i = 0; i < points; i++) {
            steps.add(i);
            values.add(2.0 * Math.exp(-i / 50.0) + 0.1);
        }
        JsonObjectBuilder series = Json.createObjectBuilder().add("name", metric).add("steps", steps).add("values", values);
        JsonObject body = Json.createObjectBuilder().add("batch_id", UUID.randomUUID().toString())
                .add("series", Json.createArrayBuilder().add(series)).build();
        Api.Reply r = api.post("/experiments/" + experimentId + "/metrics/batch", body.toString());
        if (r.status() != 200) {
            throw new AssertionError("seeding " + metric + " failed: " + r);
        }
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
