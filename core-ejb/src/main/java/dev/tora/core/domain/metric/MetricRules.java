package dev.tora.core.domain.metric;

import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.text.TextRules;

/** Limits and checks of metric names, steps, timestamps and point metadata. */
public final class MetricRules {

    /** Longest metric name. */
    public static final int MAX_NAME = 250;
    /** Steps are below 2^53 so that every client language holds them exactly. */
    public static final long MAX_STEP_EXCLUSIVE = 1L << 53;
    /** Latest timestamp: the last millisecond of the year 9999. */
    private static final long MAX_TIMESTAMP = 253_402_300_799_999L;
    /** Largest point metadata object, as UTF-8 JSON. */
    public static final int MAX_POINT_METADATA_BYTES = 4096;
    /** Most points per request. */
    public static final int MAX_POINTS_PER_BATCH = 10_000;
    /** Largest batch body. */
    public static final long MAX_BATCH_BYTES = 4L * 1024 * 1024;
    /** Longest batch id. */
    public static final int MAX_BATCH_ID = 80;

    private MetricRules() {
    }

    /** A valid metric name: 1 to 250 printable characters ({@code / . :} and spaces allowed). */
    public static String name(String name, String field) {
        if (name == null) {
            throw ToraException.invalidField(field, "is required");
        }
        if (name.isEmpty() || name.length() > MAX_NAME * 2 || name.codePointCount(0, name.length()) > MAX_NAME) {
            throw ToraException.invalidField(field, "must be 1 to " + MAX_NAME + " characters");
        }
        if (!TextRules.isPrintable(name)) {
            throw ToraException.invalidField(field, "must not contain control characters");
        }
        return name;
    }

    /** Whether {@code step} is a valid step (what {@link #step} accepts). */
    public static boolean isStep(long step) {
        return step >= 0 && step < MAX_STEP_EXCLUSIVE;
    }

    /** Whether {@code ms} is a valid timestamp (what {@link #timestamp} accepts). */
    public static boolean isTimestamp(long ms) {
        return ms >= 0 && ms <= MAX_TIMESTAMP;
    }

    /** A valid step. */
    public static long step(long step, String field) {
        if (!isStep(step)) {
            throw ToraException.invalidField(field, "must be between 0 and 2^53 - 1");
        }
        return step;
    }

    /** A valid timestamp in ms since the epoch. */
    public static long timestamp(long ms, String field) {
        if (!isTimestamp(ms)) {
            throw ToraException.invalidField(field, "must be milliseconds since 1970 before the year 10000");
        }
        return ms;
    }

    /** A valid batch id. */
    public static String batchId(String id, String field) {
        return TextRules.requireName(id, field, MAX_BATCH_ID);
    }
}
