package dev.tora.client.internal.http;

import dev.tora.client.internal.json.Json;
import dev.tora.client.internal.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adds tags with the read-merge-write the API needs ({@code PATCH tags} replaces the list): reads the
 * experiment, appends the missing tags after the existing ones, and writes the union, if it differs.
 */
public final class TagMerge {

    private TagMerge() {
    }

    /** The answer of the last request made; ok when the tags are all there. */
    public static Response addTags(Transport transport, String experimentId, List<String> tags)
            throws TransportException {
        Response current = transport.send("GET", "/experiments/" + experimentId, null);
        if (!current.ok()) {
            return current;
        }
        List<String> merged = new ArrayList<>();
        List<Object> existing = Json.list(current.data(), "tags");
        if (existing != null) {
            for (Object t : existing) {
                merged.add(String.valueOf(t));
            }
        }
        int before = merged.size();
        for (String t : tags) {
            if (!merged.contains(t)) {
                merged.add(t);
            }
        }
        if (merged.size() == before) {
            return current;
        }
        return transport.send("PATCH", "/experiments/" + experimentId, JsonWriter.bytes(Map.of("tags", merged)));
    }

    /** The tags of an {@code add_tags} body ({@code {"tags": [...]}}). */
    public static List<String> tagsOf(Object body) {
        List<String> out = new ArrayList<>();
        List<Object> tags = Json.list(body, "tags");
        if (tags != null) {
            for (Object t : tags) {
                out.add(String.valueOf(t));
            }
        }
        return out;
    }
}
