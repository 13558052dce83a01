package dev.tora.client.internal.spool;

import dev.tora.client.internal.http.Failure;
import dev.tora.client.internal.json.JsonException;
import dev.tora.client.internal.json.JsonReader;
import dev.tora.client.internal.json.JsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One spool file (format 1 of {@code client/SPOOL.md}): the request's head fields and its body,
 * which is kept as the raw JSON text it was written with and sent on unchanged.
 */
public final class SpoolEntry {

    /** The only format this client reads and writes. */
    public static final int FORMAT = 1;

    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path path;
    private final String kind;
    private final String method;
    private final String requestPath;
    private final String serverUrl;
    private final String experimentId;
    private final String batchId;
    private final long points;
    private final String body;
    private int attempts;
    private Failure lastError;

    private SpoolEntry(Path path, String kind, String method, String requestPath, String serverUrl,
                       String experimentId, String batchId, long points, String body, int attempts,
                       Failure lastError) {
        this.path = path;
        this.kind = kind;
        this.method = method;
        this.requestPath = requestPath;
        this.serverUrl = serverUrl;
        this.experimentId = experimentId;
        this.batchId = batchId;
        this.points = points;
        this.body = body;
        this.attempts = attempts;
        this.lastError = lastError;
    }

    /** The content of a spool file for a request. */
    public static byte[] bytes(String kind, String method, String requestPath, String serverUrl, String experimentId,
                               String batchId, long points, long createdAtMillis, int attempts, Failure lastError,
                               byte[] body) {
        JsonWriter w = new JsonWriter(body.length + 512);
        w.raw("{\"format\":").number(FORMAT);
        w.raw(",\"kind\":").string(kind);
        w.raw(",\"method\":").string(method);
        w.raw(",\"path\":").string(requestPath);
        w.raw(",\"server_url\":").string(serverUrl);
        w.raw(",\"experiment_id\":").string(experimentId);
        w.raw(",\"batch_id\":");
        if (batchId == null) {
            w.nullValue();
        } else {
            w.string(batchId);
        }
        w.raw(",\"points\":").number(points);
        w.raw(",\"created_at\":").string(CREATED_AT.format(Instant.ofEpochMilli(createdAtMillis)));
        w.raw(",\"attempts\":").number(attempts);
        w.raw(",\"last_error\":").value(lastError == null ? null : lastError.toJson());
        w.raw(",\"body\":").rawBytes(body);
        w.raw("}\n");
        return w.toByteArray();
    }

    /** Reads a spool file; fails on a file that is not JSON or not of format 1. */
    public static SpoolEntry read(Path path) throws IOException {
        String text = Files.readString(path, StandardCharsets.UTF_8);
        Map<String, String> raw = JsonReader.rawMembers(text);
        Object format = value(raw, "format");
        if (!(format instanceof Long f) || f != FORMAT) {
            throw new JsonException("not a Tora spool file of format " + FORMAT);
        }
        Object lastError = value(raw, "last_error");
        @SuppressWarnings("unchecked")
        Failure failure = lastError instanceof Map<?, ?> m ? Failure.fromJson((Map<String, Object>) m) : null;
        Object attempts = value(raw, "attempts");
        Object points = value(raw, "points");
        return new SpoolEntry(path, required(raw, "kind"), required(raw, "method"), required(raw, "path"),
                required(raw, "server_url"), value(raw, "experiment_id") instanceof String s ? s : "",
                value(raw, "batch_id") instanceof String b ? b : null,
                points instanceof Number n ? n.longValue() : 0, raw.getOrDefault("body", "null"),
                attempts instanceof Number a ? a.intValue() : 0, failure);
    }

    private static Object value(Map<String, String> raw, String key) {
        String text = raw.get(key);
        return text == null ? null : JsonReader.parse(text);
    }

    private static String required(Map<String, String> raw, String key) {
        if (value(raw, key) instanceof String s) {
            return s;
        }
        throw new JsonException("the spool file has no string \"" + key + "\"");
    }

    /** Rewrites the file with one more attempt and {@code failure} as its last error. */
    public void recordFailure(Failure failure) throws IOException {
        Map<String, String> raw = new LinkedHashMap<>(JsonReader.rawMembers(Files.readString(path, StandardCharsets.UTF_8)));
        attempts = (value(raw, "attempts") instanceof Number n ? n.intValue() : 0) + 1;
        lastError = failure;
        raw.put("attempts", Integer.toString(attempts));
        raw.put("last_error", new JsonWriter().value(failure.toJson()).toString());
        JsonWriter w = new JsonWriter(text(raw) + 64);
        w.raw('{');
        boolean first = true;
        for (Map.Entry<String, String> e : raw.entrySet()) {
            if (!first) {
                w.raw(',');
            }
            first = false;
            w.key(e.getKey()).rawBytes(e.getValue().getBytes(StandardCharsets.UTF_8));
        }
        w.raw("}\n");
        SpoolFiles.writeAtomically(path, w.toByteArray());
    }

    private static int text(Map<String, String> raw) {
        int n = 0;
        for (Map.Entry<String, String> e : raw.entrySet()) {
            n += e.getKey().length() + e.getValue().length() + 4;
        }
        return n;
    }

    /** The file. */
    public Path path() {
        return path;
    }

    /** {@code create}, {@code metrics}, {@code update}, {@code add_tags}, {@code reference}, or another kind. */
    public String kind() {
        return kind;
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The path relative to the server URL. */
    public String requestPath() {
        return requestPath;
    }

    /** The server the run used. */
    public String serverUrl() {
        return serverUrl;
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
    public long points() {
        return points;
    }

    /** The body's raw JSON text ({@code null} when there is none). */
    public String bodyJson() {
        return body;
    }

    /** The body as bytes to send, or null when it is JSON null. */
    public byte[] bodyBytes() {
        return "null".equals(body.strip()) ? null : body.getBytes(StandardCharsets.UTF_8);
    }

    /** Failed deliveries so far. */
    public int attempts() {
        return attempts;
    }

    /** The last failure, or null. */
    public Failure lastError() {
        return lastError;
    }

    /** Whether the server refused it before for a reason that retrying does not fix. */
    public boolean rejected() {
        return lastError != null && !lastError.retryable();
    }
}
