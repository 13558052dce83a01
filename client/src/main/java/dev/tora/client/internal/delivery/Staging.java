package dev.tora.client.internal.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Chunks taken from the buffer and not yet encoded, read out in order a batch at a time. */
final class Staging {

    private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
    private long count;

    void addAll(List<Chunk> taken) {
        for (Chunk c : taken) {
            if (c.remaining() > 0) {
                chunks.addLast(c);
                count += c.remaining();
            }
        }
    }

    long count() {
        return count;
    }

    /** The first {@code limit} points as slices, without taking them. */
    List<Slice> peek(long limit) {
        List<Slice> out = new ArrayList<>();
        long left = limit;
        for (Chunk c : chunks) {
            if (left <= 0) {
                break;
            }
            int take = (int) Math.min(c.remaining(), left);
            out.add(new Slice(c, c.start, c.start + take));
            left -= take;
        }
        return out;
    }

    /** Forgets the first {@code n} points; returns the chunks that are now fully encoded. */
    List<Chunk> drop(long n) {
        List<Chunk> finished = new ArrayList<>();
        count -= n;
        while (n > 0) {
            Chunk c = chunks.peekFirst();
            if (c.remaining() <= n) {
                n -= c.remaining();
                c.start = c.end;
                finished.add(chunks.pollFirst());
            } else {
                c.start += (int) n;
                n = 0;
            }
        }
        return finished;
    }

    /** Takes every chunk (a closing thread spools them itself). */
    List<Chunk> takeAll() {
        List<Chunk> out = new ArrayList<>(chunks);
        chunks.clear();
        count = 0;
        return out;
    }
}
