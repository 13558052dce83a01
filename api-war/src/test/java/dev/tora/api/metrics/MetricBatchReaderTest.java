package dev.tora.api.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tora.core.application.metric.IncomingBatch;
import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.metric.SeriesWrite;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricBatchReaderTest {

    private static IncomingBatch read(String json) {
        return MetricBatchReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static ToraException rejected(String json) {
        return assertThrows(ToraException.class, () -> read(json));
    }

    @Test
    void pointListsAreGroupedBySeriesInArrivalOrder() {
        IncomingBatch b = read("{\"batch_id\":\"b-7\",\"metrics\":[{\"name\":\"a\",\"value\":1},"
                + "{\"name\":\"b\",\"value\":2,\"step\":5,\"timestamp\":99},{\"name\":\"a\",\"value\":3,\"metadata\":{\"k\":1}}]}");
        assertEquals("b-7", b.batchId());
        assertEquals(3, b.points());
        assertEquals(2, b.series().size());
        SeriesWrite a = b.series().get(0);
        assertEquals("a", a.name());
        assertArrayEquals(new double[] {1, 3}, Arrays.copyOf(a.points().valueArray(), 2));
        assertEquals(SeriesWrite.AUTO_STEP, a.points().step(0));
        assertEquals(SeriesWrite.AUTO_TIME, a.points().timestamp(0));
        assertEquals(Map.of(1, "{\"k\":1}"), a.metadata());
        assertEquals(5, b.series().get(1).points().step(0));
        assertEquals(99, b.series().get(1).points().timestamp(0));
    }

    @Test
    void aBareArrayIsTheOriginalClientsFormat() {
        IncomingBatch b = read("[{\"name\":\"x\",\"value\":\"NaN\",\"step\":null},{\"name\":\"x\",\"value\":\"-Infinity\"}]");
        assertNull(b.batchId());
        assertEquals(Double.NaN, b.series().get(0).points().value(0));
        assertEquals(Double.NEGATIVE_INFINITY, b.series().get(0).points().value(1));
    }

    @Test
    void theColumnarFormReadsParallelArrays() {
        IncomingBatch b = read("{\"batch_id\":\"c\",\"series\":[{\"name\":\"l\",\"steps\":[3,null],\"values\":[0.5,\"Infinity\"],"
                + "\"timestamps\":[null,7],\"metadata\":[null,{\"e\":2}]}]}");
        SeriesWrite s = b.series().get(0);
        assertEquals(3, s.points().step(0));
        assertEquals(SeriesWrite.AUTO_STEP, s.points().step(1));
        assertEquals(Double.POSITIVE_INFINITY, s.points().value(1));
        assertEquals(SeriesWrite.AUTO_TIME, s.points().timestamp(0));
        assertEquals(7, s.points().timestamp(1));
        assertEquals(Map.of(1, "{\"e\":2}"), s.metadata());
    }

    @Test
    void valuesKeepEveryBitOfTheirDecimalForm() {
        IncomingBatch b = read("{\"series\":[{\"name\":\"v\",\"values\":[-0.0,4.9E-324,0.30000000000000004]}]}");
        double[] v = b.series().get(0).points().valueArray();
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(v[0]));
        assertEquals(Double.MIN_VALUE, v[1]);
        assertEquals(0.1 + 0.2, v[2]);
    }

    @Test
    void errorsNameThePointAndField() {
        assertEquals("metrics[1].value", rejected("{\"metrics\":[{\"name\":\"a\",\"value\":1},{\"name\":\"a\",\"value\":null}]}")
                .details().get("field"));
        assertEquals("[0].step", rejected("[{\"name\":\"a\",\"value\":1,\"step\":-3}]").details().get("field"));
        assertEquals("series[0].values[2]", rejected("{\"series\":[{\"name\":\"a\",\"values\":[1,2,\"x\"]}]}")
                .details().get("field"));
        assertEquals("series[0].timestamps", rejected("{\"series\":[{\"name\":\"a\",\"values\":[1],\"timestamps\":[1,2]}]}")
                .details().get("field"));
        assertEquals("malformed_body", rejected("[{\"name\":\"a\",\"value\":1}").code());
        assertEquals("malformed_body", rejected("").code());
        assertEquals("malformed_body", rejected("[] []").code());
        assertEquals("metrics", rejected("{\"batch_id\":\"x\"}").details().get("field"));
    }

    @Test
    void batchesAreLimitedToTenThousandPoints() {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            values.append(i == 0 ? "" : ",").append(i);
        }
        assertEquals(10_000, read("{\"series\":[{\"name\":\"a\",\"values\":[" + values + "]}]}").points());
        ToraException e = rejected("{\"series\":[{\"name\":\"a\",\"values\":[" + values + ",1]}]}");
        assertEquals(ToraException.Kind.TOO_LARGE, e.kind());
    }

    @Test
    void bodiesAreLimitedToFourMebibytes() {
        String pad = "p".repeat(4 * 1024 * 1024);
        ToraException e = rejected("[{\"name\":\"a\",\"value\":1,\"metadata\":{\"x\":\"" + pad + "\"}}]");
        assertEquals(ToraException.Kind.TOO_LARGE, e.kind());
    }
}
