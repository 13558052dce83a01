package dev.tora.client.internal.delivery;

import dev.tora.client.internal.json.JsonWriter;
import java.util.List;
import java.util.Map;

/** The requests a run makes besides metric batches, ready to queue. */
public final class Requests {

    private Requests() {
    }

    /** {@code POST /experiments} with the experiment's fields (including the id the client picked). */
    public static Pending create(String experimentId, Map<String, Object> body, long now) {
        return json(Pending.CREATE, "POST", "/experiments", experimentId, body, now);
    }

    /** {@code PATCH /experiments/{id}}: the fields present change; hyperparams and metadata merge. */
    public static Pending update(String experimentId, Map<String, Object> fields, long now) {
        return json(Pending.UPDATE, "PATCH", "/experiments/" + experimentId, experimentId, fields, now);
    }

    /** Tags to add to those the experiment has. */
    public static Pending addTags(String experimentId, List<String> tags, long now) {
        return json(Pending.ADD_TAGS, "PATCH", "/experiments/" + experimentId, experimentId, Map.of("tags", tags), now);
    }

    /** A reference to an experiment this one derives from. */
    public static Pending reference(String experimentId, String reference, long now) {
        return json(Pending.REFERENCE, "POST", "/experiments/" + experimentId + "/references", experimentId,
                Map.of("experimentId", reference), now);
    }

    private static Pending json(String kind, String method, String path, String experimentId, Map<String, ?> body,
                                long now) {
        return new Pending(kind, method, path, experimentId, JsonWriter.bytes(body), 0, null, now);
    }
}
