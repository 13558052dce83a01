package dev.tora.core.domain.experiment;

import static dev.tora.core.domain.json.JsonP.JSON;

import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.text.TextRules;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** The rules every experiment field obeys, whichever way (API, UI) it arrives. */
public final class ExperimentRules {

    /** Longest name. */
    public static final int MAX_NAME = 255;
    /** Longest description. */
    public static final int MAX_DESCRIPTION = 65_535;
    /** Most tags. */
    public static final int MAX_TAGS = 100;
    /** Longest tag. */
    public static final int MAX_TAG = 64;
    /** Largest metadata object, as UTF-8 JSON. */
    public static final int MAX_METADATA_BYTES = 64 * 1024;

    private ExperimentRules() {
    }

    /** A valid name. */
    public static String name(String name, String field) {
        return TextRules.requireName(name, field, MAX_NAME);
    }

    /** A valid description (null allowed). */
    public static String description(String text, String field) {
        return TextRules.optionalText(text, field, MAX_DESCRIPTION);
    }

    /** One valid tag: a name of at most {@link #MAX_TAG} characters. */
    public static String tag(String tag, String field) {
        return TextRules.requireName(tag, field, MAX_TAG);
    }

    /** Tags checked one by one, duplicates dropped, first-seen order kept. */
    public static List<String> tags(List<String> tags, String field) {
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            unique.add(tag(tags.get(i), field + "[" + i + "]"));
        }
        if (unique.size() > MAX_TAGS) {
            throw ToraException.invalidField(field, "has " + unique.size() + " distinct tags; at most " + MAX_TAGS);
        }
        return new ArrayList<>(unique);
    }

    /** A metadata object as compact JSON text, at most 64 KiB. */
    public static String metadata(JsonValue metadata, String field) {
        if (metadata == null || metadata.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (metadata.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ToraException.invalidField(field, "must be a JSON object");
        }
        String text = metadata.toString();
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_METADATA_BYTES) {
            throw ToraException.invalidField(field, "is " + bytes + " bytes; at most " + MAX_METADATA_BYTES);
        }
        return text;
    }

    /** Stored metadata text back as an object ({@code {}} when none). */
    public static JsonObject parseMetadata(String stored) {
        if (stored == null || stored.isEmpty()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(stored))) {
            return reader.readObject();
        } catch (JsonException e) {
            throw new IllegalStateException("stored metadata is not a JSON object", e);
        }
    }

    /** A UUID in canonical lower-case form. */
    public static String uuid(String id, String field) {
        if (id == null) {
            throw ToraException.invalidField(field, "is required");
        }
        try {
            UUID parsed = UUID.fromString(id);
            String canonical = parsed.toString();
            if (!canonical.equalsIgnoreCase(id)) {
                throw new IllegalArgumentException("not canonical");
            }
            return canonical;
        } catch (IllegalArgumentException e) {
            throw ToraException.invalidField(field, "must be a UUID such as 123e4567-e89b-12d3-a456-426614174000");
        }
    }
}
