package dev.tora.client.internal.delivery;

import dev.tora.client.internal.http.Failure;
import java.nio.file.Path;

/**
 * One request in the order it must reach the server, with its body already encoded. The body is
 * dropped from memory once the request is written to the spool ({@link #spoolPath}); the sender,
 * the spool stream and a closing thread may touch it, hence the volatile fields.
 */
public final class Pending {

    /** {@code POST /experiments}: the experiment, with the id the client picked. */
    public static final String CREATE = "create";
    /** {@code POST /experiments/{id}/metrics/batch}: a columnar batch. */
    public static final String METRICS = "metrics";
    /** {@code PATCH /experiments/{id}}: hyperparameters, metadata, description, status. */
    public static final String UPDATE = "update";
    /** Tags to add: read the experiment's tags, write the union. */
    public static final String ADD_TAGS = "add_tags";
    /** {@code POST /experiments/{id}/references}. */
    public static final String REFERENCE = "reference";

    final String kind;
    final String method;
    final String path;
    final String experimentId;
    final String batchId;
    final int points;
    final long createdAt;
    volatile byte[] body;
    volatile long seq;
    volatile int attempts;
    volatile Failure lastError;
    volatile Path spoolPath;
    volatile boolean done;

    /** A request; {@code createdAt} in milliseconds since the epoch. */
    public Pending(String kind, String method, String path, String experimentId, byte[] body, int points,
                   String batchId, long createdAt) {
        this.kind = kind;
        this.method = method;
        this.path = path;
        this.experimentId = experimentId;
        this.body = body;
        this.points = points;
        this.batchId = batchId;
        this.createdAt = createdAt;
    }

    /** The kind: {@link #CREATE}, {@link #METRICS}, {@link #UPDATE}, {@link #ADD_TAGS}, {@link #REFERENCE}. */
    public String kind() {
        return kind;
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The path relative to the server URL. */
    public String path() {
        return path;
    }

    /** The experiment the request is about. */
    public String experimentId() {
        return experimentId;
    }

    /** The batch id of a metric batch, else null. */
    public String batchId() {
        return batchId;
    }

    /** Metric points in the body. */
    public int points() {
        return points;
    }

    /** When the request was made (ms since the epoch). */
    public long createdAt() {
        return createdAt;
    }

    /** The body while it is in memory, else null. */
    public byte[] body() {
        return body;
    }

    /** The position in the sender's queue (the spool file's sequence number). */
    public long seq() {
        return seq;
    }

    /** Failed deliveries so far. */
    public int attempts() {
        return attempts;
    }

    /** The last failure, or null. */
    public Failure lastError() {
        return lastError;
    }

    /** Sets the position in the queue (for requests written to the spool by tools and tests). */
    public void seq(long value) {
        seq = value;
    }

    @Override
    public String toString() {
        return kind + " " + method + " " + path + (batchId == null ? "" : " batch " + batchId) + " (" + points
                + " points)";
    }
}
