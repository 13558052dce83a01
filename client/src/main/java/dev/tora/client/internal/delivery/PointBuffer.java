package dev.tora.client.internal.delivery;

import dev.tora.client.internal.convert.Checks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Logged points that wait for the sender, by series. Not thread-safe on its own: the sender's lock
 * guards it, and the hot path ({@link #add}) does a map lookup and three array stores.
 */
final class PointBuffer {

    /** In the steps column: the server assigns the series' last step + 1. */
    static final long AUTO_STEP = -1;
    /** Above this many known series, the idle ones are forgotten at the next take. */
    private static final int MAX_KNOWN_SERIES = 1024;

    private final HashMap<String, SeriesColumns> series = new HashMap<>();
    private final List<SeriesColumns> filled = new ArrayList<>();
    private int count;

    /** Buffers a point; the name is checked the first time it is seen. */
    void add(String name, double value, long step, long stamp) {
        SeriesColumns s = series.get(name);
        if (s == null) {
            s = new SeriesColumns(Checks.metricName(name));
            series.put(name, s);
        }
        if (s.n == 0) {
            filled.add(s);
        }
        s.append(step, value, stamp);
        count++;
    }

    /** Points waiting. */
    int count() {
        return count;
    }

    /** Takes every waiting point, series by series in the order they were first logged since the last take. */
    List<Chunk> take() {
        List<Chunk> out = new ArrayList<>(filled.size());
        for (SeriesColumns s : filled) {
            out.add(s.take());
        }
        filled.clear();
        count = 0;
        if (series.size() > MAX_KNOWN_SERIES) {
            series.clear(); // all idle now; names are checked again when they come back
        }
        return out;
    }
}
