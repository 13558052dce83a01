package dev.tora.client.internal.convert;

import dev.tora.client.internal.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Checks of what callers pass in, made at the call so that a mistake surfaces on the line that made
 * it and not later, far away, as a refused batch. The limits are the server's.
 */
public final class Checks {

    /** Longest metric name (code points). */
    public static final int MAX_METRIC_NAME = 250;
    /** Steps are below 2^53 so that every client language holds them exactly. */
    public static final long MAX_STEP_EXCLUSIVE = 1L << 53;
    /** Longest experiment name. */
    public static final int MAX_EXPERIMENT_NAME = 255;
    /** Longest description. */
    public static final int MAX_DESCRIPTION = 65_535;
    /** Longest tag. */
    public static final int MAX_TAG = 64;
    /** Most tags of an experiment. */
    public static final int MAX_TAGS = 100;
    /** Largest experiment metadata, as UTF-8 JSON. */
    public static final int MAX_METADATA_BYTES = 64 * 1024;

    private Checks() {
    }

    /** A metric name: 1 to 250 characters, no control characters or broken surrogate pairs. */
    public static String metricName(String name) {
        if (name == null) {
            throw new NullPointerException("a metric name must not be null");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a metric name must not be empty");
        }
        return name(name, "metric name", MAX_METRIC_NAME, true);
    }

    /** A step: {@code 0 <= step < 2^53}. */
    public static long step(long step) {
        if (step < 0 || step >= MAX_STEP_EXCLUSIVE) {
            throw new IllegalArgumentException("step must be between 0 and 2^53 - 1, got " + step);
        }
        return step;
    }

    /** An experiment name: 1 to 255 characters, not blank, printable. */
    public static String experimentName(String name) {
        if (name == null) {
            throw new NullPointerException("the experiment name must not be null");
        }
        return name(name, "experiment name", MAX_EXPERIMENT_NAME, false);
    }

    /** A description of at most 65,535 characters; tabs and line breaks allowed. */
    public static String description(String text) {
        if (text == null) {
            throw new NullPointerException("the description must not be null");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("the description has " + length + " characters; at most "
                    + MAX_DESCRIPTION);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new IllegalArgumentException("the description contains a control character at position " + i);
            }
        }
        wellFormed(text, "the description");
        return text;
    }

    /** Tags: each 1 to 64 characters and not blank; duplicates dropped, order kept; at most 100. */
    public static List<String> tags(Collection<String> tags) {
        Set<String> unique = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag == null) {
                throw new NullPointerException("a tag must not be null");
            }
            unique.add(name(tag, "tag", MAX_TAG, false));
        }
        if (unique.size() > MAX_TAGS) {
            throw new IllegalArgumentException(unique.size() + " distinct tags; at most " + MAX_TAGS);
        }
        return List.copyOf(new ArrayList<>(unique));
    }

    /** An experiment or workspace id: a UUID, returned in canonical lower-case form. */
    public static String uuid(String value, String what) {
        if (value == null) {
            throw new NullPointerException(what + " must not be null");
        }
        try {
            String canonical = UUID.fromString(value.strip()).toString();
            if (!canonical.equalsIgnoreCase(value.strip())) {
                throw new IllegalArgumentException(what + " must be a UUID, got " + value);
            }
            return canonical.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " must be a UUID such as 123e4567-e89b-12d3-a456-426614174000, got "
                    + value);
        }
    }

    /** Experiment metadata: a JSON-writable map of at most 64 KiB, copied. */
    public static Map<String, Object> metadata(Map<String, ?> metadata) {
        if (metadata == null) {
            throw new NullPointerException("metadata must not be null");
        }
        byte[] json;
        try {
            json = JsonWriter.bytes(metadata);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("metadata must be JSON-writable with finite numbers: " + e.getMessage(), e);
        }
        if (json.length > MAX_METADATA_BYTES) {
            throw new IllegalArgumentException("metadata is " + json.length + " bytes as JSON; at most "
                    + MAX_METADATA_BYTES);
        }
        return dev.tora.client.internal.json.JsonReader.parseObject(new String(json, StandardCharsets.UTF_8));
    }

    /** A required, printable name of at most {@code max} code points. */
    static String name(String value, String what, int max, boolean blankOk) {
        if (value.isEmpty() || (!blankOk && value.isBlank())) {
            throw new IllegalArgumentException(what + " must not be empty or blank");
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw new IllegalArgumentException(what + " must be at most " + max + " characters, got " + length + ": "
                    + value.substring(0, Math.min(40, value.length())) + "...");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(what + " '" + value + "' contains a control character at position "
                        + i);
            }
        }
        wellFormed(value, what);
        return value;
    }

    private static void wellFormed(String value, String what) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    throw new IllegalArgumentException(what + " contains a broken surrogate pair at position " + i);
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException(what + " contains a broken surrogate pair at position " + i);
            }
        }
    }
}
