package dev.tora.client.internal.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointBufferTest {

    @Test
    void takesEverySeriesInTheOrderItWasFirstLogged() {
        PointBuffer b = new PointBuffer();
        b.add("loss", 0.5, 0, 100);
        b.add("acc", 0.1, 0, 100);
        b.add("loss", 0.4, PointBuffer.AUTO_STEP, 101);
        assertEquals(3, b.count());
        List<Chunk> taken = b.take();
        assertEquals(0, b.count());
        assertEquals(2, taken.size());
        Chunk loss = taken.get(0);
        assertEquals("loss", loss.name);
        assertEquals(2, loss.remaining());
        assertArrayEquals(new long[] {0, PointBuffer.AUTO_STEP}, Arrays.copyOf(loss.steps, 2));
        assertArrayEquals(new double[] {0.5, 0.4}, Arrays.copyOf(loss.values, 2));
        assertArrayEquals(new long[] {100, 101}, Arrays.copyOf(loss.stamps, 2));
        assertEquals("acc", taken.get(1).name);
        assertTrue(b.take().isEmpty(), "nothing waits after a take");
    }

    @Test
    void columnsGrowBeyondTheirFirstSizeAndKeepEveryPoint() {
        PointBuffer b = new PointBuffer();
        int n = SeriesColumns.INITIAL_CAPACITY * 40 + 3;
        for (int i = 0; i < n; i++) {
            b.add("x", i, i, i);
        }
        Chunk c = b.take().get(0);
        assertEquals(n, c.remaining());
        for (int i = 0; i < n; i++) {
            assertEquals(i, c.values[i]);
            assertEquals(i, c.steps[i]);
        }
    }

    @Test
    void sentColumnsAreReusedSoASteadyLoopAllocatesNothing() {
        PointBuffer b = new PointBuffer();
        b.add("loss", 1, 0, 0);
        Chunk first = b.take().get(0);
        first.series.recycle(first);
        b.add("loss", 2, 1, 0);
        Chunk second = b.take().get(0);
        second.series.recycle(second);
        b.add("loss", 3, 2, 0);
        Chunk third = b.take().get(0);
        assertSame(first.values, third.values, "the columns of the first take come back");
        assertEquals(3.0, third.values[0]);
    }

    @Test
    void aNameIsCheckedTheFirstTimeItIsSeen() {
        PointBuffer b = new PointBuffer();
        assertThrows(IllegalArgumentException.class, () -> b.add("", 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> b.add("bad\u0000name", 1, 0, 0));
        assertThrows(NullPointerException.class, () -> b.add(null, 1, 0, 0));
        assertEquals(0, b.count(), "a refused point is not buffered");
        b.add("a/b c:d.e", 1, 0, 0);
        assertEquals(1, b.count());
    }

    @Test
    void stagingHandsOutBatchesInOrderAcrossChunks() {
        PointBuffer b = new PointBuffer();
        for (int i = 0; i < 7; i++) {
            b.add("a", i, i, 0);
        }
        for (int i = 0; i < 5; i++) {
            b.add("b", i, i, 0);
        }
        Staging s = new Staging();
        s.addAll(b.take());
        assertEquals(12, s.count());
        List<Slice> first = s.peek(10);
        assertEquals(List.of(7, 3), first.stream().map(Slice::size).toList());
        assertEquals(1, s.drop(10).size(), "chunk a is fully encoded");
        List<Slice> rest = s.peek(10);
        assertEquals(1, rest.size());
        assertEquals(3, rest.get(0).from());
        assertEquals(5, rest.get(0).to());
        assertEquals(2, s.count());
    }
}
