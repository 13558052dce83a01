package dev.tora.core.domain.metric;

import dev.tora.core.infrastructure.metric.ChunkCodec;
import java.util.ArrayList;
import java.util.List;

/** A series sealed into encoded chunks plus a tail, held in memory; counts what is loaded. */
final class InMemoryChunkSource implements ChunkSource {

    private final List<ChunkHeader> headers = new ArrayList<>();
    private final List<byte[]> chunks = new ArrayList<>();
    private final PointColumns tail;
    private int loadCalls;
    private int loadedChunks;

    /** The first {@code points.size() - tailSize} points in chunks of {@code chunkSize}, the rest as tail. */
    InMemoryChunkSource(PointColumns points, int chunkSize, int tailSize) {
        int sealed = points.size() - tailSize;
        for (int from = 0; from < sealed; from += chunkSize) {
            int to = Math.min(from + chunkSize, sealed);
            headers.add(ChunkHeader.of(headers.size(), points, from, to));
            chunks.add(ChunkCodec.encode(points, from, to));
        }
        tail = new PointColumns(Math.max(tailSize, 1));
        tail.addAll(points, sealed, points.size());
    }

    @Override
    public List<ChunkHeader> headers() {
        return List.copyOf(headers);
    }

    @Override
    public List<PointColumns> load(List<ChunkHeader> wanted) {
        loadCalls++;
        loadedChunks += wanted.size();
        List<PointColumns> out = new ArrayList<>();
        for (ChunkHeader h : wanted) {
            out.add(ChunkCodec.decode(chunks.get(h.seq())));
        }
        return out;
    }

    @Override
    public PointColumns tail() {
        return tail;
    }

    /** How many times {@link #load} was called. */
    int loadCalls() {
        return loadCalls;
    }

    /** How many chunks {@link #load} returned in all. */
    int loadedChunks() {
        return loadedChunks;
    }
}
