package dev.tora.client.internal.delivery;

/** Points {@code [from, to)} of a chunk: one series' share of a batch. */
record Slice(Chunk chunk, int from, int to) {

    int size() {
        return to - from;
    }
}
