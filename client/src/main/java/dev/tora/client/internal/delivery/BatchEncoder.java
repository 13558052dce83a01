package dev.tora.client.internal.delivery;

import dev.tora.client.internal.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns buffered points into the server's columnar batches:
 * {@code {"batch_id", "series": [{"name", "steps", "values", "timestamps"}]}}, at most 10,000
 * points and 4 MiB each, each with a fresh batch id that stays the same across retries and in
 * the spool. An automatic step is {@code null}; a series whose steps are all automatic sends
 * {@code "steps": null}.
 */
final class BatchEncoder {

    /** The server's limit of points per batch. */
    static final int MAX_POINTS_PER_BATCH = 10_000;
    /** The server's 4 MiB, with room to spare. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024 - 64 * 1024;

    private BatchEncoder() {
    }

    /** The batches of {@code slices} (at most {@link #MAX_POINTS_PER_BATCH} points in all), in order. */
    static List<Pending> requests(String experimentId, List<Slice> slices, long now) {
        List<Pending> out = new ArrayList<>(1);
        encodeInto(experimentId, slices, now, out);
        return out;
    }

    private static void encodeInto(String experimentId, List<Slice> slices, long now, List<Pending> out) {
        int points = 0;
        for (Slice s : slices) {
            points += s.size();
        }
        if (points == 0) {
            return;
        }
        String batchId = UUID.randomUUID().toString();
        byte[] body = encode(batchId, slices);
        if (body.length > MAX_BODY_BYTES && points > 1) { // very long names: halve until it fits
            int half = points / 2;
            encodeInto(experimentId, cut(slices, 0, half), now, out);
            encodeInto(experimentId, cut(slices, half, points), now, out);
            return;
        }
        out.add(new Pending(Pending.METRICS, "POST", "/experiments/" + experimentId + "/metrics/batch", experimentId,
                body, points, batchId, now));
    }

    /** Points {@code [from, to)} of the concatenated slices. */
    static List<Slice> cut(List<Slice> slices, int from, int to) {
        List<Slice> out = new ArrayList<>();
        int offset = 0;
        for (Slice s : slices) {
            int lo = Math.max(from, offset);
            int hi = Math.min(to, offset + s.size());
            if (lo < hi) {
                out.add(new Slice(s.chunk(), s.from() + lo - offset, s.from() + hi - offset));
            }
            offset += s.size();
        }
        return out;
    }

    /** The JSON body of one batch. */
    static byte[] encode(String batchId, List<Slice> slices) {
        int points = 0;
        for (Slice s : slices) {
            points += s.size();
        }
        JsonWriter w = new JsonWriter(64 + points * 44);
        w.raw("{\"batch_id\":").string(batchId).raw(",\"series\":[");
        boolean first = true;
        for (Slice s : slices) {
            if (!first) {
                w.raw(',');
            }
            first = false;
            series(w, s);
        }
        w.raw("]}");
        return w.toByteArray();
    }

    private static void series(JsonWriter w, Slice s) {
        Chunk c = s.chunk();
        int from = s.from();
        int to = s.to();
        w.raw("{\"name\":").string(c.name).raw(",\"steps\":");
        boolean allAuto = true;
        for (int i = from; i < to; i++) {
            if (c.steps[i] != PointBuffer.AUTO_STEP) {
                allAuto = false;
                break;
            }
        }
        if (allAuto) {
            w.nullValue();
        } else {
            w.raw('[');
            for (int i = from; i < to; i++) {
                if (i > from) {
                    w.raw(',');
                }
                long step = c.steps[i];
                if (step == PointBuffer.AUTO_STEP) {
                    w.nullValue();
                } else {
                    w.number(step);
                }
            }
            w.raw(']');
        }
        w.raw(",\"values\":[");
        for (int i = from; i < to; i++) {
            if (i > from) {
                w.raw(',');
            }
            w.metricValue(c.values[i]);
        }
        w.raw("],\"timestamps\":[");
        for (int i = from; i < to; i++) {
            if (i > from) {
                w.raw(',');
            }
            w.number(c.stamps[i]);
        }
        w.raw("]}");
    }
}
