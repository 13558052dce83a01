package dev.tora.core.domain.metric;

import java.util.List;

/** Where the downsampler reads one series from: sealed chunk headers, chunk points and the tail. */
public interface ChunkSource {

    /** Headers of every sealed chunk, in seq order. */
    List<ChunkHeader> headers();

    /**
     * Decoded points of the given chunks, in the same order as {@code chunks}. Implementations
     * fetch them in as few round trips as they can.
     */
    List<PointColumns> load(List<ChunkHeader> chunks);

    /** The unsealed points that arrived after the last sealed chunk, in arrival order. */
    PointColumns tail();
}
