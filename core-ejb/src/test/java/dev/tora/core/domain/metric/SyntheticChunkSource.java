package dev.tora.core.domain.metric;

import java.util.ArrayList;
import java.util.List;

/**
 * A long training curve that is never held in memory: consecutive steps from 0, a timestamp every
 * 100 ms, a decaying loss; chunk points are generated again on load.
 */
final class SyntheticChunkSource implements ChunkSource {

    static final long START_TIME = 1_700_000_000_000L;

    private final int chunkSize;
    private final List<ChunkHeader> headers = new ArrayList<>();
    private final PointColumns tail;
    private int loadCalls;
    private int loadedChunks;

    /** {@code chunkCount} sealed chunks of {@code chunkSize} points, then {@code tailSize} more. */
    SyntheticChunkSource(int chunkCount, int chunkSize, int tailSize) {
        this.chunkSize = chunkSize;
        for (int seq = 0; seq < chunkCount; seq++) {
            PointColumns points = points(seq, chunkSize);
            headers.add(ChunkHeader.of(seq, points, 0, chunkSize));
        }
        tail = points(chunkCount, tailSize);
    }

    /** Step of the {@code i}-th point, which is also its index. */
    static long step(long i) {
        return i;
    }

    /** Timestamp of the {@code i}-th point. */
    static long time(long i) {
        return START_TIME + 100 * i;
    }

    /** Value of the {@code i}-th point. */
    static double value(long i) {
        return Math.exp(-i / 3e6) + 0.01 * Math.sin(i * 0.7);
    }

    private PointColumns points(int seq, int count) {
        PointColumns points = new PointColumns(count);
        for (long i = (long) seq * chunkSize; i < (long) seq * chunkSize + count; i++) {
            points.add(step(i), value(i), time(i));
        }
        return points;
    }

    @Override
    public List<ChunkHeader> headers() {
        return headers;
    }

    @Override
    public List<PointColumns> load(List<ChunkHeader> wanted) {
        loadCalls++;
        loadedChunks += wanted.size();
        List<PointColumns> out = new ArrayList<>();
        for (ChunkHeader h : wanted) {
            out.add(points(h.seq(), h.count()));
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
