package dev.tora.core.infrastructure.metric;

import dev.tora.core.domain.metric.ChunkHeader;
import dev.tora.core.domain.metric.ChunkSource;
import dev.tora.core.domain.metric.PointColumns;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One series as the downsampler sees it, pinned to a snapshot of its row: the chunk count and
 * tail read together, so a batch sealed meanwhile neither hides nor repeats points.
 */
final class JdbcChunkSource implements ChunkSource {

    private final DataSource dataSource;
    private final ChunkHeaderCache cache;
    private final SeriesRow row;

    JdbcChunkSource(DataSource dataSource, ChunkHeaderCache cache, SeriesRow row) {
        this.dataSource = dataSource;
        this.cache = cache;
        this.row = row;
    }

    @Override
    public List<ChunkHeader> headers() {
        List<ChunkHeader> cached = cache.get(row.id());
        if (cached.size() >= row.chunkCount()) {
            return cached.subList(0, row.chunkCount());
        }
        try (Connection c = dataSource.getConnection()) {
            List<ChunkHeader> more = ChunkRows.headers(c, row.id(), cached.size(), row.chunkCount());
            cache.extend(row.id(), more);
            List<ChunkHeader> all = new ArrayList<>(cached.size() + more.size());
            all.addAll(cached);
            all.addAll(more);
            return all;
        } catch (SQLException e) {
            throw new MetricStoreException("cannot read chunk headers of series " + row.id(), e);
        }
    }

    @Override
    public List<PointColumns> load(List<ChunkHeader> chunks) {
        if (chunks.isEmpty()) {
            return List.of();
        }
        Map<Integer, PointColumns> bySeq = new HashMap<>(chunks.size() * 2);
        try (Connection c = dataSource.getConnection()) {
            // Fetch contiguous runs of seq with one range query each.
            List<Integer> seqs = chunks.stream().map(ChunkHeader::seq).sorted().distinct().toList();
            int start = 0;
            for (int i = 1; i <= seqs.size(); i++) {
                if (i == seqs.size() || seqs.get(i) != seqs.get(i - 1) + 1) {
                    ChunkRows.forEachData(c, row.id(), seqs.get(start), seqs.get(i - 1), bySeq::put);
                    start = i;
                }
            }
        } catch (SQLException e) {
            throw new MetricStoreException("cannot read chunks of series " + row.id(), e);
        }
        List<PointColumns> out = new ArrayList<>(chunks.size());
        for (ChunkHeader h : chunks) {
            PointColumns p = bySeq.get(h.seq());
            if (p == null) {
                throw new MetricStoreException("chunk " + h.seq() + " of series " + row.id() + " is missing", null);
            }
            out.add(p);
        }
        return out;
    }

    @Override
    public PointColumns tail() {
        return row.tail() == null ? new PointColumns(0) : ChunkCodec.decode(row.tail());
    }
}
