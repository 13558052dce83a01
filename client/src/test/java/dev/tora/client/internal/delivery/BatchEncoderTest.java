package dev.tora.client.internal.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.client.internal.json.Json;
import dev.tora.client.internal.json.JsonReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchEncoderTest {

    private static final String ID = "3f0c6a4e-2b7d-4c1e-9a55-0d2e6f1b7c90";

    private static Map<String, Object> parse(byte[] body) {
        return JsonReader.parseObject(new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void theColumnarFormWithNonFiniteValuesAsStrings() {
        Chunk c = Chunk.of("loss", new long[] {0, 1, 2}, new double[] {0.5, Double.NaN, Double.NEGATIVE_INFINITY},
                new long[] {1700000000000L, 1700000000100L, 1700000000200L});
        List<Pending> requests = BatchEncoder.requests(ID, List.of(new Slice(c, 0, 3)), 5L);
        assertEquals(1, requests.size());
        Pending p = requests.get(0);
        assertEquals(Pending.METRICS, p.kind());
        assertEquals("POST", p.method());
        assertEquals("/experiments/" + ID + "/metrics/batch", p.path());
        assertEquals(3, p.points());
        String text = new String(p.body(), StandardCharsets.UTF_8);
        assertEquals("{\"batch_id\":\"" + p.batchId() + "\",\"series\":[{\"name\":\"loss\",\"steps\":[0,1,2],"
                + "\"values\":[0.5,\"NaN\",\"-Infinity\"],\"timestamps\":[1700000000000,1700000000100,1700000000200]}]}",
                text);
    }

    @Test
    void automaticStepsAreNullsAndAllAutomaticIsANullColumn() {
        long a = PointBuffer.AUTO_STEP;
        Chunk mixed = Chunk.of("m", new long[] {a, 10, a}, new double[] {1, 2, 3}, new long[] {1, 2, 3});
        Chunk auto = Chunk.of("x", new long[] {a, a}, new double[] {1, 2}, new long[] {1, 2});
        Map<String, Object> body = parse(BatchEncoder.encode("b", List.of(new Slice(mixed, 0, 3),
                new Slice(auto, 0, 2))));
        List<Object> series = Json.list(body, "series");
        assertEquals(Arrays.asList(null, 10L, null), Json.list(series.get(0), "steps"));
        assertTrue(((Map<?, ?>) series.get(1)).containsKey("steps"));
        assertNull(((Map<?, ?>) series.get(1)).get("steps"));
    }

    @Test
    void eachBatchHasItsOwnIdAndCutsSplitSlices() {
        Chunk c = Chunk.of("s", new long[10], new double[10], new long[10]);
        List<Slice> all = List.of(new Slice(c, 0, 6), new Slice(c, 6, 10));
        List<Slice> middle = BatchEncoder.cut(all, 4, 8);
        assertEquals(2, middle.size());
        assertEquals(4, middle.get(0).from());
        assertEquals(6, middle.get(0).to());
        assertEquals(6, middle.get(1).from());
        assertEquals(8, middle.get(1).to());
        Pending one = BatchEncoder.requests(ID, BatchEncoder.cut(all, 0, 5), 0).get(0);
        Pending two = BatchEncoder.requests(ID, BatchEncoder.cut(all, 5, 10), 0).get(0);
        assertNotEquals(one.batchId(), two.batchId());
        assertEquals(one.batchId(), Json.string(parse(one.body()), "batch_id"), "the body carries the batch id");
    }

    @Test
    void aBodyOverTheServersLimitIsHalvedUntilItFits() {
        String name = "\ud83d\ude00".repeat(250); // 250 characters, 1,000 bytes of UTF-8
        List<Slice> slices = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) { // a series per point: the name is in the body 10,000 times
            slices.add(new Slice(Chunk.of(name, new long[] {i}, new double[] {i}, new long[] {i}), 0, 1));
        }
        assertTrue(BatchEncoder.encode("b", slices).length > BatchEncoder.MAX_BODY_BYTES);
        List<Pending> requests = BatchEncoder.requests(ID, slices, 0);
        assertTrue(requests.size() >= 3, requests.size() + " batches");
        int points = 0;
        for (Pending p : requests) {
            assertTrue(p.body().length <= BatchEncoder.MAX_BODY_BYTES, "body of " + p.body().length + " bytes");
            assertEquals(p.points(), Json.list(parse(p.body()), "series").size());
            points += p.points();
        }
        assertEquals(10_000, points);
    }
}
