package dev.tora.api.metrics;

import dev.tora.core.domain.metric.PointColumns;
import dev.tora.core.domain.metric.SeriesWrite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups parsed points by series, keeping arrival order within each series. */
final class SeriesAccumulator {

    private final Map<String, PointColumns> points = new LinkedHashMap<>();
    private final Map<String, Map<Integer, String>> metadata = new HashMap<>();
    private int total;

    void add(String name, long step, double value, long timestamp, String metadataJson) {
        PointColumns columns = points.computeIfAbsent(name, k -> new PointColumns(64));
        if (metadataJson != null) {
            metadata.computeIfAbsent(name, k -> new HashMap<>()).put(columns.size(), metadataJson);
        }
        columns.add(step, value, timestamp);
        total++;
    }

    int total() {
        return total;
    }

    List<SeriesWrite> build() {
        List<SeriesWrite> out = new ArrayList<>(points.size());
        points.forEach((name, columns) -> out.add(new SeriesWrite(name, columns, metadata.getOrDefault(name, Map.of()))));
        return out;
    }
}
