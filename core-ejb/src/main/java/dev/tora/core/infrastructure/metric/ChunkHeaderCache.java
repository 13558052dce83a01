package dev.tora.core.infrastructure.metric;

import dev.tora.core.domain.metric.ChunkHeader;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chunk headers of recently charted series, in memory. Sealed chunks never change and only
 * append, so a cached list is extended with the chunks sealed since and never invalidated; series
 * ids are never reused. This keeps a chart query on a 10,000-chunk series from reading 10,000
 * rows each time, and stays correct with several instances writing the same database.
 */
@ApplicationScoped
public class ChunkHeaderCache {

    /** Upper bound of cached headers (about 100 bytes each). */
    static final int MAX_HEADERS = 1_000_000;

    private final LinkedHashMap<Long, List<ChunkHeader>> bySeries = new LinkedHashMap<>(64, 0.75f, true);
    private int cached;

    /** The cached headers of a series (possibly fewer than it has now). */
    synchronized List<ChunkHeader> get(long seriesId) {
        List<ChunkHeader> list = bySeries.get(seriesId);
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** Appends headers loaded after the cached ones; ignored if another thread got there first. */
    synchronized void extend(long seriesId, List<ChunkHeader> more) {
        if (more.isEmpty()) {
            return;
        }
        List<ChunkHeader> list = bySeries.computeIfAbsent(seriesId, k -> new ArrayList<>());
        if (list.size() != more.get(0).seq()) {
            return;
        }
        list.addAll(more);
        cached += more.size();
        evict(seriesId);
    }

    private void evict(long keep) {
        Iterator<Map.Entry<Long, List<ChunkHeader>>> it = bySeries.entrySet().iterator();
        while (cached > MAX_HEADERS && it.hasNext()) {
            Map.Entry<Long, List<ChunkHeader>> eldest = it.next();
            if (eldest.getKey() == keep) {
                continue;
            }
            cached -= eldest.getValue().size();
            it.remove();
        }
    }
}
